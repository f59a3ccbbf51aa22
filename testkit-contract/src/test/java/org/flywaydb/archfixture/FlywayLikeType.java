package org.flywaydb.archfixture;

/** Stands for a Flyway type (anything in package org.flywaydb..). */
public class FlywayLikeType {}
