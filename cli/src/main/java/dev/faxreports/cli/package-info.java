/** The {@code faxreports} command-line tool. */
package dev.faxreports.cli;
