package dev.faxreports.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.faxreports.testkit.arch.FaxReportsArchitecture;
import org.junit.jupiter.api.Test;

/** The project's rules, with the Guice module (and every module on its test classpath) among the classes checked. */
class GuiceArchitectureTest {

  @Test
  void everyModuleKeepsToTheLayering() {
    JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.faxreports");

    assertThat(classes.contain(FaxReportsModule.class)).isTrue();
    assertThat(classes.contain("dev.faxreports.transport.feign.FeignTransport")).isTrue();
    assertThat(classes.contain("dev.faxreports.transport.vertx.VertxTransport")).isTrue();
    FaxReportsArchitecture.projectRules().check(classes);
  }
}
