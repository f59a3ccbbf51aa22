package io.micrometer.archfixture;

/** Stands for a Micrometer type (anything in package io.micrometer..). */
public class MicrometerLikeType {}
