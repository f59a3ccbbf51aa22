package dev.faxreports.testkit.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The class imports this module's architecture tests check, each made once per test JVM. An
 * import resolves every class the imported ones reference from the class path, seconds each time;
 * made per test it was the slowest part of the module's build.
 */
final class ImportedOnce {
  private ImportedOnce() {}

  /** This project's main classes on this module's class path (every module but the CLI's). */
  static JavaClasses project() {
    return Project.CLASSES;
  }

  /** The given fixture classes (and their nested classes), out of one import of all fixtures. */
  static JavaClasses fixtures(Class<?>... classes) {
    return Fixtures.CLASSES.that(DescribedPredicate.describe("one of the fixtures asked for",
        (JavaClass javaClass) -> {
          for (Class<?> asked : classes) {
            if (javaClass.getName().equals(asked.getName()) || javaClass.getName().startsWith(asked.getName() + "$")) {
              return true;
            }
          }
          return false;
        }));
  }

  /** Initialized on first use (the holder idiom): a test class that needs only one pays for one. */
  private static final class Project {
    static final JavaClasses CLASSES = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.faxreports");
  }

  private static final class Fixtures {
    static final JavaClasses CLASSES = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
        .importPackages("com.example.app", "com.google.inject.archfixture", "feign.archfixture",
            "io.vertx.archfixture", "org.flywaydb.archfixture", "dev.faxreports.archfixture", "dev.faxreports.model.archfixture",
            "dev.faxreports.transport.feign.archfixture", "dev.faxreports.transport.vertx.archfixture");
  }
}
