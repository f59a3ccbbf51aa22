package io.vertx.archfixture;

/** Stands for a Vert.x type (anything in package io.vertx..). */
public class VertxLikeType {}
