package dev.faxreports.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.faxreports.testkit.arch.FaxReportsArchitecture;
import org.junit.jupiter.api.Test;

/** The project's rules, with the Vert.x adapter among the classes checked. */
class VertxArchitectureTest {

  @Test
  void theVertxAdapterKeepsToTheLayeringAndNeverBlocks() {
    JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.faxreports");

    assertThat(classes.contain(VertxTransport.class)).isTrue();
    FaxReportsArchitecture.projectRules().check(classes);
  }
}
