package dev.faxreports.testkit.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The rules, run on this project's main classes that are on this module's classpath. */
class ProjectArchitectureTest {

  private static final JavaClasses project = ImportedOnce.project();

  @Test
  void theImportIsMadeOncePerTestJvm() {
    assertThat(ImportedOnce.project()).isSameAs(project);
  }

  @Test
  void theImportSeesEveryModuleOnTheClasspathButNoTests() {
    assertThat(project.contain("dev.faxreports.FaxReports")).isTrue();
    assertThat(project.contain("dev.faxreports.wire.WireFormat")).isTrue();
    assertThat(project.contain("dev.faxreports.testkit.FakeFaxService")).isTrue();
    assertThat(project.contain("dev.faxreports.archfixture.ApiWithCheckedException")).isFalse();
  }

  @Test
  void coreDependsOnlyOnTheJdk() {
    FaxReportsArchitecture.coreDependsOnlyOnTheJdk().check(project);
  }

  @Test
  void librariesStayInTheirModules() {
    FaxReportsArchitecture.feignOnlyInItsAdapter().check(project);
    FaxReportsArchitecture.vertxOnlyInItsAdapter().check(project);
    FaxReportsArchitecture.jacksonOnlyInWireAndTransports().check(project);
    FaxReportsArchitecture.guiceOnlyInItsModule().check(project);
    FaxReportsArchitecture.coreNeverDependsOnMicrometer().check(project);
    FaxReportsArchitecture.micrometerOnlyInItsModule().check(project);
    FaxReportsArchitecture.coreAndWireNeverDependOnJdbc().check(project);
    FaxReportsArchitecture.jdbcLibrariesOnlyInTheJdbcModule().check(project);
  }

  @Test
  void transportsAreIndependentAndTheVertxAdapterNeverBlocks() {
    FaxReportsArchitecture.transportsDoNotDependOnEachOther().check(project);
    FaxReportsArchitecture.noBlockingWaitsInTheVertxAdapter().check(project);
  }

  @Test
  void publicApiDeclaresNoCheckedExceptions() {
    FaxReportsArchitecture.publicApiDeclaresNoCheckedExceptions().check(project);
  }

  @Test
  void noPackageCycles() {
    FaxReportsArchitecture.noPackageCycles().check(project);
  }
}
