package dev.faxreports.model.archfixture;

/** Violates "core depends only on the JDK". */
public class CoreClassUsingAssertJ {
  public Object check(String value) {
    return org.assertj.core.api.Assertions.assertThat(value);
  }
}
