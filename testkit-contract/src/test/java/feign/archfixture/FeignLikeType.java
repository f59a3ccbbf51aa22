package feign.archfixture;

/** Stands for an OpenFeign type (anything in package feign..). */
public class FeignLikeType {}
