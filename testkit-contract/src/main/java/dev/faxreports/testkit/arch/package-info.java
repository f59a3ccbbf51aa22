/**
 * Architecture rules as {@code public static ArchRule} factories: the ones this project's build
 * enforces on itself, and {@link
 * dev.faxreports.testkit.arch.FaxReportsArchitecture#applicationUsesOnlyTheFacade} for code that
 * uses the library.
 */
package dev.faxreports.testkit.arch;
