package dev.faxreports;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.faxreports.internal.FanOut;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Where a reader of core finds what: the root package holds what users call and get back, and the
 * machinery behind it lives in {@code dev.faxreports.internal}, which is not API.
 */
class PackageLayoutTest {

  private static final String ROOT = "dev.faxreports";
  private static final String INTERNAL = "dev.faxreports.internal..";

  /** The public types of the root package, by role. A new one is a deliberate API decision. */
  private static final List<Class<?>> ROOT_API = List.of(
      // the facade and its builder
      FaxReports.class, AsyncFaxReports.class, FaxReportsBuilder.class,
      // the results, and the drain's handler and page
      ReportsResult.class, DeletionsResult.class, DrainSummary.class, DrainSummary.DrainStats.class,
      DataCenterOutcome.class, DrainHandler.class, DrainPage.class,
      // the policies a user may set, and the clock seam for tests
      RetryPolicy.class, Backoff.class, Scheduler.class, Scheduler.Cancellable.class);

  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);

  @Test
  void theRootPackageOffersTheFacadeItsResultsHandlersAndPolicies() {
    classes().that().resideInAPackage(ROOT).and().arePublic()
        .should(be(belongToAnyOf(ROOT_API.toArray(Class<?>[]::new))))
        .because("the root package is what users read first; machinery goes to " + INTERNAL)
        .check(CORE);
  }

  @Test
  void theRootPackageHoldsNoMachinery() {
    // The readers that apply settings onto the builder stay beside it (they belong to the
    // settings work, not to the facade's machinery).
    classes().that().resideInAPackage(ROOT).and().areTopLevelClasses().and().areNotPublic()
        .and().doNotHaveSimpleName("package-info")
        .should().haveSimpleNameEndingWith("Configuration")
        .because("a helper of the facade that is not API lives in " + INTERNAL)
        .check(CORE);
  }

  @Test
  void onlyTheFacadeUsesTheMachinery() {
    noClasses().that().resideOutsideOfPackages(ROOT, INTERNAL)
        .should().dependOnClassesThat().resideInAPackage(INTERNAL)
        .because("model, error, config, observe and port stand on their own; the internal package"
            + " carries no compatibility promise")
        .check(CORE);
  }

  @Test
  void noPublicSignatureOutsideTheMachineryNamesIt() {
    classes().that().arePublic().and().resideOutsideOfPackage(INTERNAL)
        .should(exposeNoTypeOf(INTERNAL))
        .because("a type users can reach through the API would be API")
        .check(CORE);
  }

  @Test
  void theSignatureRuleSeesTypesInsideGenerics() {
    JavaClasses leaky = new ClassFileImporter().importClasses(LeakyApi.class);

    assertThatThrownBy(() -> classes().should(exposeNoTypeOf(INTERNAL)).check(leaky))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("exposes " + FanOut.Outcomes.class.getName());
  }

  /** A public type whose public method hands out machinery, wrapped in a generic type. */
  public static final class LeakyApi {
    public List<FanOut.Outcomes<String>> outcomes() {
      return List.of();
    }
  }

  /** Neither a supertype nor a public member's signature (generics included) names such a type. */
  private static ArchCondition<JavaClass> exposeNoTypeOf(String packages) {
    return new ArchCondition<>("expose no type of " + packages) {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        List<JavaType> exposed = new ArrayList<>(javaClass.getInterfaces());
        javaClass.getSuperclass().ifPresent(exposed::add);
        for (JavaMember member : javaClass.getMembers()) {
          if (member.getModifiers().contains(JavaModifier.PUBLIC)) {
            exposed.addAll(signatureOf(member));
          }
        }
        exposed.stream().flatMap(type -> type.getAllInvolvedRawTypes().stream())
            .filter(raw -> raw.getPackageName().startsWith(packages.replace("..", "")))
            .distinct()
            .forEach(raw -> events.add(SimpleConditionEvent.violated(javaClass,
                javaClass.getName() + " exposes " + raw.getName())));
      }
    };
  }

  private static List<JavaType> signatureOf(JavaMember member) {
    if (member instanceof JavaField field) {
      return List.of(field.getType());
    }
    JavaCodeUnit codeUnit = (JavaCodeUnit) member;
    return Stream.concat(Stream.of(codeUnit.getReturnType()), codeUnit.getParameterTypes().stream()).toList();
  }
}
