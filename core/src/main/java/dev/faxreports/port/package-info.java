/**
 * The service-provider interface a transport implements: one request to one data center, mapped
 * into core types. Policy (fan-out, retries, chunking, merging, drain) lives in the facade, so
 * every transport behaves the same by construction.
 */
package dev.faxreports.port;
