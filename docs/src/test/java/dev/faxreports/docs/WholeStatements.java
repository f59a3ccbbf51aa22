package dev.faxreports.docs;

import com.sun.source.util.JavacTask;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Whether a snippet is whole Java: statements that parse as a method body, or declarations that
 * parse as a class body. A region cut mid-statement (an open {@code try (…) {}, a call without its
 * semicolon) compiles in its source file but is no code a reader can paste.
 */
final class WholeStatements {
  private WholeStatements() {}

  /** Empty if whole, else javac's complaint. */
  static Optional<String> problem(String snippet) {
    Optional<String> asStatements = parse("class Snippet { void snippet() throws Exception {\n" + snippet + "\n} }");
    if (asStatements.isEmpty()) {
      return asStatements;
    }
    Optional<String> asMembers = parse("class Snippet {\n" + snippet + "\n}");
    return asMembers.isEmpty() ? asMembers : asStatements;
  }

  private static Optional<String> parse(String source) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    JavacTask task = (JavacTask) compiler.getTask(new StringWriter(), null, diagnostics,
        List.of("-proc:none"), null, List.of(file));
    try {
      task.parse();
    } catch (java.io.IOException e) {
      return Optional.of(e.toString());
    }
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> "line " + (d.getLineNumber() - 1) + ": " + d.getMessage(null))
        .findFirst();
  }
}
