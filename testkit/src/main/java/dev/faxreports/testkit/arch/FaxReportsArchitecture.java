package dev.faxreports.testkit.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The layering of faxreports as ArchUnit rules, in the spirit of jMolecules'
 * {@code JMoleculesArchitectureRules}. Run them on imported classes:
 *
 * <pre>{@code
 * JavaClasses classes = new ClassFileImporter()
 *     .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
 *     .importPackages("com.example.billing");
 * FaxReportsArchitecture.applicationUsesOnlyTheFacade("com.example.billing", "com.example.billing.wiring")
 *     .check(classes);
 * }</pre>
 *
 * <p>Rules about this project's own modules allow an empty selection, so they can run over any
 * subset of the modules.
 */
public final class FaxReportsArchitecture {

  /** The packages of the core module. */
  public static final String[] CORE_PACKAGES = {
    "dev.faxreports", "dev.faxreports.model..", "dev.faxreports.port..", "dev.faxreports.error..",
    "dev.faxreports.config..", "dev.faxreports.observe..", "dev.faxreports.internal.."
  };

  static final String WIRE = "dev.faxreports.wire..";
  static final String TRANSPORTS = "dev.faxreports.transport..";
  static final String FEIGN_ADAPTER = "dev.faxreports.transport.feign..";
  static final String VERTX_ADAPTER = "dev.faxreports.transport.vertx..";
  static final String GUICE_MODULE = "dev.faxreports.guice..";
  static final String MICROMETER_MODULE = "dev.faxreports.micrometer..";
  static final String JDBC_MODULE = "dev.faxreports.jdbc..";
  /** Schema migrations, the connection pool and the database drivers the JDBC sink uses. */
  static final String[] JDBC_LIBRARIES = {"org.flywaydb..", "com.zaxxer.hikari..", "org.postgresql..", "org.sqlite.."};
  static final String KAFKA_CONNECT_MODULE = "dev.faxreports.kafka..";

  /** Calls that park a thread, by owner class and method name. */
  private static final Map<String, Set<String>> BLOCKING_CALLS = Map.of(
      "java.util.concurrent.Future", Set.of("get"),
      "java.util.concurrent.CompletableFuture", Set.of("get", "join"),
      "java.lang.Thread", Set.of("sleep", "join", "onSpinWait"),
      "java.lang.Object", Set.of("wait"),
      "java.util.concurrent.CountDownLatch", Set.of("await"),
      "java.util.concurrent.CyclicBarrier", Set.of("await"),
      "java.util.concurrent.Semaphore", Set.of("acquire", "acquireUninterruptibly"),
      "java.util.concurrent.BlockingQueue", Set.of("take", "put"),
      "java.util.concurrent.locks.LockSupport", Set.of("park", "parkNanos", "parkUntil"),
      "io.vertx.core.Future", Set.of("await"));

  private FaxReportsArchitecture() {}

  /** Every rule this project enforces on its own modules, as one rule. */
  public static ArchRule projectRules() {
    return CompositeArchRule.of(coreDependsOnlyOnTheJdk())
        .and(transportsDoNotDependOnEachOther())
        .and(feignOnlyInItsAdapter())
        .and(vertxOnlyInItsAdapter())
        .and(jacksonOnlyInWireAndTransports())
        .and(guiceOnlyInItsModule())
        .and(coreNeverDependsOnMicrometer())
        .and(micrometerOnlyInItsModule())
        .and(coreAndWireNeverDependOnJdbc())
        .and(jdbcLibrariesOnlyInTheJdbcModule())
        .and(coreInternalsOnlyInCoresFacade())
        .and(coreNeverDependsOnKafka())
        .and(kafkaOnlyInItsModule())
        .and(noBlockingWaitsInTheVertxAdapter())
        .and(publicApiDeclaresNoCheckedExceptions())
        .and(noPackageCycles());
  }

  /** Core knows the domain and the JDK, nothing else: no HTTP, JSON, DI or test library. */
  public static ArchRule coreDependsOnlyOnTheJdk() {
    return classes().that().resideInAnyPackage(CORE_PACKAGES)
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            // javax.net.ssl is the JDK's TLS API: the network settings load trust and key material.
            Stream.concat(Stream.of("java..", "javax.net.ssl.."), Stream.of(CORE_PACKAGES)).toArray(String[]::new))
        .because("core is pure domain with zero dependencies; adapters bring the libraries")
        .allowEmptyShould(true);
  }

  /** An adapter is swapped by configuration, so no adapter may know another. */
  public static ArchRule transportsDoNotDependOnEachOther() {
    return slices().matching("dev.faxreports.transport.(*)..").should().notDependOnEachOther()
        .because("transports are interchangeable").allowEmptyShould(true);
  }

  /** OpenFeign appears only in the Feign adapter. */
  public static ArchRule feignOnlyInItsAdapter() {
    return libraryOnlyIn("feign..", "OpenFeign", FEIGN_ADAPTER);
  }

  /** Vert.x appears only in the Vert.x adapter. */
  public static ArchRule vertxOnlyInItsAdapter() {
    return libraryOnlyIn("io.vertx..", "Vert.x", VERTX_ADAPTER);
  }

  /** Jackson appears only in the wire format and the transports. */
  public static ArchRule jacksonOnlyInWireAndTransports() {
    return libraryOnlyIn("com.fasterxml.jackson..", "Jackson", WIRE, TRANSPORTS);
  }

  /** Guice appears only in the Guice module. */
  public static ArchRule guiceOnlyInItsModule() {
    return libraryOnlyIn("com.google.inject..", "Guice", GUICE_MODULE);
  }

  /**
   * Core reports events through its observer SPI and never names a metrics library: Micrometer is
   * an adapter's business (stricter {@link #coreDependsOnlyOnTheJdk()} implies it; this one says why).
   */
  public static ArchRule coreNeverDependsOnMicrometer() {
    return noClasses().that().resideInAnyPackage(CORE_PACKAGES)
        .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
        .because("core learns events, never a library: faxreports-micrometer maps the observer SPI")
        .allowEmptyShould(true);
  }

  /** Micrometer appears only in the Micrometer module. */
  public static ArchRule micrometerOnlyInItsModule() {
    return libraryOnlyIn("io.micrometer..", "Micrometer", MICROMETER_MODULE);
  }

  /**
   * Core and the wire format never touch a database: not JDBC ({@code java.sql}, {@code javax.sql}),
   * not Flyway, the pool or a driver. A sink is a {@code DrainHandler} outside core. ({@link
   * #coreDependsOnlyOnTheJdk()} lets core use any {@code java..} package, JDBC included; this says
   * that JDBC is not one of them.)
   */
  public static ArchRule coreAndWireNeverDependOnJdbc() {
    String[] jdbc = Stream.concat(Stream.of("java.sql..", "javax.sql.."), Stream.of(JDBC_LIBRARIES))
        .toArray(String[]::new);
    return noClasses().that().resideInAnyPackage(Stream.concat(Stream.of(CORE_PACKAGES), Stream.of(WIRE))
            .toArray(String[]::new))
        .should().dependOnClassesThat().resideInAnyPackage(jdbc)
        .because("core learns events and settings, never a library: storing reports in SQL is faxreports-jdbc's job")
        .allowEmptyShould(true);
  }

  /** Flyway, HikariCP and the database drivers appear only in the JDBC module. */
  public static ArchRule jdbcLibrariesOnlyInTheJdbcModule() {
    return noClasses().that().resideInAPackage("dev.faxreports..")
        .and().resideOutsideOfPackages(JDBC_MODULE)
        .should().dependOnClassesThat().resideInAnyPackage(JDBC_LIBRARIES)
        .because("Flyway, HikariCP and the drivers are confined to " + JDBC_MODULE)
        .allowEmptyShould(true);
  }

  /**
   * Core never names Kafka: the Connect source is a sink of the drain's rule (acknowledge only what
   * is stored) built outside core (stricter {@link #coreDependsOnlyOnTheJdk()} implies it; this one
   * says why).
   */
  public static ArchRule coreNeverDependsOnKafka() {
    return noClasses().that().resideInAnyPackage(CORE_PACKAGES)
        .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..")
        .because("core learns events and settings, never a library: faxreports-kafka-connect adapts it")
        .allowEmptyShould(true);
  }

  /** Kafka and Kafka Connect appear only in the Kafka Connect module. */
  public static ArchRule kafkaOnlyInItsModule() {
    return libraryOnlyIn("org.apache.kafka..", "Kafka", KAFKA_CONNECT_MODULE);
  }

  /** Core's machinery ({@code dev.faxreports.internal}, no API) serves its facade package alone. */
  public static ArchRule coreInternalsOnlyInCoresFacade() {
    return noClasses().that().resideInAPackage("dev.faxreports..")
        .and().resideOutsideOfPackages("dev.faxreports", "dev.faxreports.internal..")
        .should().dependOnClassesThat().resideInAPackage("dev.faxreports.internal..")
        .because("it carries no compatibility promise; modules use the facade, the SPI and the events")
        .allowEmptyShould(true);
  }

  /** Nothing in the Vert.x adapter parks a thread: it runs on event loops. */
  public static ArchRule noBlockingWaitsInTheVertxAdapter() {
    return noClasses().that().resideInAPackage(VERTX_ADAPTER)
        .should().callMethodWhere(blockingCall())
        .because("a blocked event loop stalls every connection it serves")
        .allowEmptyShould(true);
  }

  /** Public methods and constructors of public classes in these packages throw only unchecked exceptions. */
  public static ArchRule noCheckedExceptionsInPublicApi(String... packages) {
    return codeUnits().that().arePublic()
        .and().areDeclaredInClassesThat().arePublic()
        .and().areDeclaredInClassesThat().resideInAnyPackage(packages)
        .should(declareNoCheckedExceptions())
        .because("callers should not have to catch what they cannot handle")
        .allowEmptyShould(true);
  }

  /** This project's public API declares no checked exceptions. */
  public static ArchRule publicApiDeclaresNoCheckedExceptions() {
    return noCheckedExceptionsInPublicApi("dev.faxreports..");
  }

  /** No package of these roots depends, directly or indirectly, on itself. */
  public static ArchRule noPackageCycles(String rootPackage) {
    return slices().matching(rootPackage + ".(**)").should().beFreeOfCycles().allowEmptyShould(true);
  }

  /** This project's packages are free of cycles. */
  public static ArchRule noPackageCycles() {
    return noPackageCycles("dev.faxreports");
  }

  /**
   * For code that uses faxreports: outside {@code wiringPackage}, application code sees only the
   * facade, the model and the errors — never the SPI, core's internals, an adapter, the wire format
   * or the testkit — so that the transport stays a configuration choice.
   */
  public static ArchRule applicationUsesOnlyTheFacade(String applicationPackage, String wiringPackage) {
    return noClasses().that().resideInAPackage(applicationPackage + "..")
        .and().resideOutsideOfPackage(wiringPackage + "..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.faxreports.port..", TRANSPORTS, WIRE, GUICE_MODULE, "dev.faxreports.testkit..",
            "feign..", "io.vertx..", "dev.faxreports.internal..")
        .because("application code uses the FaxReports facade, the model and the errors;"
            + " adapters appear only in " + wiringPackage);
  }

  private static ArchRule libraryOnlyIn(String library, String name, String... allowedPackages) {
    return noClasses().that().resideInAPackage("dev.faxreports..")
        .and().resideOutsideOfPackages(allowedPackages)
        .should().dependOnClassesThat().resideInAPackage(library)
        .because(name + " is confined to " + String.join(" and ", allowedPackages))
        .allowEmptyShould(true);
  }

  private static DescribedPredicate<JavaMethodCall> blockingCall() {
    return DescribedPredicate.describe("a blocking wait (get, join, sleep, await, take, park…)", call -> {
      JavaClass owner = call.getTargetOwner();
      String method = call.getName();
      return BLOCKING_CALLS.entrySet().stream().anyMatch(entry ->
          entry.getValue().contains(method) && isOrExtends(owner, entry.getKey()));
    });
  }

  private static boolean isOrExtends(JavaClass owner, String typeName) {
    return owner.getName().equals(typeName) || owner.isAssignableTo(typeName);
  }

  private static ArchCondition<JavaCodeUnit> declareNoCheckedExceptions() {
    return new ArchCondition<>("declare no checked exceptions") {
      @Override
      public void check(JavaCodeUnit codeUnit, ConditionEvents events) {
        codeUnit.getThrowsClause().getTypes().stream()
            .filter(type -> type.isAssignableTo(Exception.class) && !type.isAssignableTo(RuntimeException.class))
            .forEach(checked -> events.add(SimpleConditionEvent.violated(codeUnit,
                codeUnit.getFullName() + " declares checked " + checked.getName())));
      }
    };
  }
}
