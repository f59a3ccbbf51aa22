package com.google.inject.archfixture;

/** Stands for a Guice type (anything in package com.google.inject..). */
public class GuiceLikeType {}
