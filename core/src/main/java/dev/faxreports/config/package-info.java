/**
 * Settings by name: the {@code retarus.fax.*} keys from a map, properties, system properties or
 * {@code RETARUS_*} environment variables, and the choice of transport among those on the class
 * path. Every bad value is an error that names its key.
 */
package dev.faxreports.config;
