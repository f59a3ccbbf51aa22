package dev.faxreports.micrometer;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.faxreports.testkit.arch.FaxReportsArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The project's rules over a class path that has Micrometer (the testkit's own run has not): core
 * never names it, and it stays in this module.
 */
class MicrometerArchitectureTest {

  private static final JavaClasses PROJECT = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.faxreports");

  @Test
  void coreNeverDependsOnMicrometerAndMicrometerStaysHere() {
    FaxReportsArchitecture.coreNeverDependsOnMicrometer().check(PROJECT);
    FaxReportsArchitecture.coreDependsOnlyOnTheJdk().check(PROJECT);
    FaxReportsArchitecture.micrometerOnlyInItsModule().check(PROJECT);
  }

  @Test
  void theWholeProjectKeepsItsRules() {
    FaxReportsArchitecture.projectRules().check(PROJECT);
  }
}
