package dev.faxreports.testkit.arch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.app.LeakyService;
import com.example.app.ReportArchiver;
import com.example.app.wiring.Wiring;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import dev.faxreports.archfixture.ApiWithCheckedException;
import dev.faxreports.archfixture.LibrariesOutsideTheirModules;
import dev.faxreports.archfixture.cycle.a.First;
import dev.faxreports.archfixture.cycle.b.Second;
import dev.faxreports.model.archfixture.CoreClassUsingAssertJ;
import dev.faxreports.model.archfixture.CoreClassUsingJdbc;
import dev.faxreports.model.archfixture.CoreClassUsingMicrometer;
import dev.faxreports.model.archfixture.PureCoreClass;
import dev.faxreports.transport.feign.archfixture.FeignAdapterUsingVertxAdapter;
import dev.faxreports.transport.feign.archfixture.FeignInItsAdapter;
import dev.faxreports.transport.vertx.archfixture.BlockingAdapter;
import dev.faxreports.transport.vertx.archfixture.ComposingAdapter;
import dev.faxreports.transport.vertx.archfixture.SleepingAdapter;
import dev.faxreports.transport.vertx.archfixture.VertxAdapterFixture;
import org.junit.jupiter.api.Test;

/** Each rule catches a violation and lets a compliant class pass. */
class FaxReportsArchitectureTest {

  private static JavaClasses classes(Class<?>... classes) {
    return ImportedOnce.fixtures(classes);
  }

  private static void catches(ArchRule rule, String expected, Class<?>... violating) {
    assertThatThrownBy(() -> rule.check(classes(violating)))
        .isInstanceOf(AssertionError.class).hasMessageContaining(expected);
  }

  private static void allows(ArchRule rule, Class<?>... compliant) {
    assertThatCode(() -> rule.check(classes(compliant))).doesNotThrowAnyException();
  }

  @Test
  void coreDependsOnlyOnTheJdk() {
    catches(FaxReportsArchitecture.coreDependsOnlyOnTheJdk(), "org.assertj", CoreClassUsingAssertJ.class);
    allows(FaxReportsArchitecture.coreDependsOnlyOnTheJdk(), PureCoreClass.class);
  }

  @Test
  void coreNeverDependsOnMicrometer() {
    catches(FaxReportsArchitecture.coreNeverDependsOnMicrometer(), "MicrometerLikeType",
        CoreClassUsingMicrometer.class);
    catches(FaxReportsArchitecture.coreDependsOnlyOnTheJdk(), "io.micrometer", CoreClassUsingMicrometer.class);
    allows(FaxReportsArchitecture.coreNeverDependsOnMicrometer(), PureCoreClass.class);
  }

  @Test
  void coreAndWireNeverDependOnJdbc() {
    catches(FaxReportsArchitecture.coreAndWireNeverDependOnJdbc(), "java.sql.Connection", CoreClassUsingJdbc.class);
    catches(FaxReportsArchitecture.coreAndWireNeverDependOnJdbc(), "FlywayLikeType", CoreClassUsingJdbc.class);
    allows(FaxReportsArchitecture.coreAndWireNeverDependOnJdbc(), PureCoreClass.class);
  }

  @Test
  void transportsDoNotDependOnEachOther() {
    catches(FaxReportsArchitecture.transportsDoNotDependOnEachOther(), "VertxAdapterFixture",
        FeignAdapterUsingVertxAdapter.class, VertxAdapterFixture.class);
    allows(FaxReportsArchitecture.transportsDoNotDependOnEachOther(), FeignInItsAdapter.class, VertxAdapterFixture.class);
  }

  @Test
  void librariesStayInTheirModules() {
    catches(FaxReportsArchitecture.feignOnlyInItsAdapter(), "FeignLikeType", LibrariesOutsideTheirModules.class);
    catches(FaxReportsArchitecture.vertxOnlyInItsAdapter(), "VertxLikeType", LibrariesOutsideTheirModules.class);
    catches(FaxReportsArchitecture.jacksonOnlyInWireAndTransports(), "JsonFactory", LibrariesOutsideTheirModules.class);
    catches(FaxReportsArchitecture.guiceOnlyInItsModule(), "GuiceLikeType", LibrariesOutsideTheirModules.class);
    catches(FaxReportsArchitecture.micrometerOnlyInItsModule(), "MicrometerLikeType",
        LibrariesOutsideTheirModules.class);
    catches(FaxReportsArchitecture.jdbcLibrariesOnlyInTheJdbcModule(), "FlywayLikeType",
        LibrariesOutsideTheirModules.class);
    allows(FaxReportsArchitecture.feignOnlyInItsAdapter(), FeignInItsAdapter.class);
  }

  @Test
  void noBlockingWaitsInTheVertxAdapter() {
    catches(FaxReportsArchitecture.noBlockingWaitsInTheVertxAdapter(), "join", BlockingAdapter.class);
    catches(FaxReportsArchitecture.noBlockingWaitsInTheVertxAdapter(), "sleep", SleepingAdapter.class);
    allows(FaxReportsArchitecture.noBlockingWaitsInTheVertxAdapter(), ComposingAdapter.class);
  }

  @Test
  void publicApiDeclaresNoCheckedExceptions() {
    catches(FaxReportsArchitecture.publicApiDeclaresNoCheckedExceptions(),
        "ApiWithCheckedException.export() declares checked java.io.IOException", ApiWithCheckedException.class);
    allows(FaxReportsArchitecture.publicApiDeclaresNoCheckedExceptions(), PureCoreClass.class);
  }

  @Test
  void noPackageCycles() {
    catches(FaxReportsArchitecture.noPackageCycles(), "Cycle detected", First.class, Second.class);
    allows(FaxReportsArchitecture.noPackageCycles(), First.class, PureCoreClass.class);
  }

  @Test
  void applicationUsesOnlyTheFacadeOutsideItsWiring() {
    ArchRule rule = FaxReportsArchitecture.applicationUsesOnlyTheFacade("com.example.app", "com.example.app.wiring");

    catches(rule, "FaxReportsTransport", LeakyService.class);
    allows(rule, ReportArchiver.class, Wiring.class);
  }
}
