package dev.faxreports.archfixture;

import com.fasterxml.jackson.core.JsonFactory;
import com.google.inject.archfixture.GuiceLikeType;
import feign.archfixture.FeignLikeType;
import io.micrometer.archfixture.MicrometerLikeType;
import io.vertx.archfixture.VertxLikeType;
import org.flywaydb.archfixture.FlywayLikeType;

/** Violates every "library X only in module Y" rule at once, each through one method. */
public class LibrariesOutsideTheirModules {
  public FeignLikeType feign() {
    return new FeignLikeType();
  }

  public VertxLikeType vertx() {
    return new VertxLikeType();
  }

  public JsonFactory jackson() {
    return new JsonFactory();
  }

  public GuiceLikeType guice() {
    return new GuiceLikeType();
  }

  public MicrometerLikeType micrometer() {
    return new MicrometerLikeType();
  }

  public FlywayLikeType flyway() {
    return new FlywayLikeType();
  }
}
