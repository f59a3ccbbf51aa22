package dev.faxreports.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WholeStatementsTest {

  @Test
  void statementsAndMembersAreWhole() {
    assertThat(WholeStatements.problem("var x = reports.get(jobId);\nSystem.out.println(x);\n")).isEmpty();
    assertThat(WholeStatements.problem("@Test\nvoid t() {\n  run();\n}\n")).isEmpty();
  }

  @Test
  void aSnippetCutMidStatementIsRejected() {
    assertThat(WholeStatements.problem("reports.get(jobId)\n")).isPresent();
    assertThat(WholeStatements.problem("try (FaxReports reports = builder.build()) {\n  reports.list();\n")).isPresent();
    assertThat(WholeStatements.problem("  reports.list();\n}\n")).isPresent();
    assertThat(WholeStatements.problem(".region(Region.EUROPE)\n.build();\n")).isPresent();
  }
}
