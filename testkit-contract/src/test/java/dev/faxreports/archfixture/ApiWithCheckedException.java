package dev.faxreports.archfixture;

import java.io.IOException;

/** Violates "public API declares no checked exceptions". */
public class ApiWithCheckedException {
  public void export() throws IOException {
    throw new IOException("disk full");
  }

  /** Unchecked exceptions are fine, and so are private methods with checked ones. */
  public void exportUnchecked() throws IllegalStateException {}

  @SuppressWarnings("unused")
  private void helper() throws IOException {}
}
