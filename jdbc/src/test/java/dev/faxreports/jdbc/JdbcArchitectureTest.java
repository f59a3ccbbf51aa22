package dev.faxreports.jdbc;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.faxreports.testkit.arch.FaxReportsArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The project's rules over a class path that has JDBC, Flyway, HikariCP and both drivers (the
 * testkit's own run has not): core and wire never touch them, and they stay in this module.
 */
class JdbcArchitectureTest {

  private static final JavaClasses PROJECT = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.faxreports");

  @Test
  void coreAndWireNeverTouchADatabaseAndTheLibrariesStayHere() {
    FaxReportsArchitecture.coreAndWireNeverDependOnJdbc().check(PROJECT);
    FaxReportsArchitecture.jdbcLibrariesOnlyInTheJdbcModule().check(PROJECT);
  }

  @Test
  void theWholeProjectKeepsItsRules() {
    FaxReportsArchitecture.projectRules().check(PROJECT);
  }
}
