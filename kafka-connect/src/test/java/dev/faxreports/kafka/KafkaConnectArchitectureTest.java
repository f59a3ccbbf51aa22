package dev.faxreports.kafka;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.faxreports.testkit.arch.FaxReportsArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The project's rules over a class path that has Kafka and Connect (the testkit's own run has
 * not): core never names them, and they stay in this module.
 */
class KafkaConnectArchitectureTest {

  private static final JavaClasses PROJECT = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.faxreports");

  @Test
  void coreNeverDependsOnKafkaAndKafkaStaysHere() {
    FaxReportsArchitecture.coreNeverDependsOnKafka().check(PROJECT);
    FaxReportsArchitecture.coreDependsOnlyOnTheJdk().check(PROJECT);
    FaxReportsArchitecture.kafkaOnlyInItsModule().check(PROJECT);
  }

  @Test
  void theWholeProjectKeepsItsRules() {
    FaxReportsArchitecture.projectRules().check(PROJECT);
  }
}
