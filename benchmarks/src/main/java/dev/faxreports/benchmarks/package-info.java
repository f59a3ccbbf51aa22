/**
 * Benchmarks, run by {@link dev.faxreports.benchmarks.RunAll}: each measurement side by side with
 * a raw baseline in the same run, reported as ratios (these machines are shared and noisy). The
 * baselines use Jackson databind directly, deliberately outside the library's layering; nothing
 * here is published or imported by the architecture checks.
 */
package dev.faxreports.benchmarks;
