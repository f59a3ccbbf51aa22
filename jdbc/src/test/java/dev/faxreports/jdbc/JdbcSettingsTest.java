package dev.faxreports.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings refuse what cannot work before any connection, and never show a password. */
class JdbcSettingsTest {

  @Test
  void onlyPostgresqlAndSqliteUrlsAreAccepted() {
    assertThat(JdbcSettings.of("jdbc:postgresql://db.example:5432/fax").isPostgresql()).isTrue();
    assertThat(JdbcSettings.of("jdbc:sqlite:/var/lib/fax/reports.db").isPostgresql()).isFalse();
    assertThatThrownBy(() -> JdbcSettings.of("jdbc:mysql://db/fax?password=s3cret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unsupported database URL jdbc:mysql://db/fax?password=****")
        .hasMessageContaining("PostgreSQL (jdbc:postgresql://HOST[:PORT]/DATABASE) or SQLite (jdbc:sqlite:FILE)")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> JdbcSettings.of(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JdbcSettings.of(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSqliteDatabaseThatDiesWithTheProcessIsRefused() {
    for (String url : new String[] {"jdbc:sqlite::memory:", "jdbc:sqlite:", "jdbc:sqlite:file::memory:?cache=shared",
        "jdbc:sqlite:file:reports?mode=memory"}) {
      assertThatThrownBy(() -> JdbcSettings.of(url)).as(url)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give a file");
    }
  }

  /** The file the sink watches must be the very file the driver opened: asked of SQLite itself. */
  @Test
  void theSqliteFileIsTheOneTheDriverOpens(@TempDir Path dir) throws SQLException {
    String base = dir.toAbsolutePath().toString();
    for (String url : new String[] {"jdbc:sqlite:" + base + "/a.db", "jdbc:sqlite:" + base + "/b.db?journal_mode=WAL",
        "jdbc:sqlite:file:" + base + "/c.db?cache=shared", "jdbc:sqlite:file://" + base + "/d%20e.db",
        "jdbc:sqlite:file://localhost" + base + "/f.db"}) {
      String opened;
      try (Connection connection = DriverManager.getConnection(url);
          Statement statement = connection.createStatement();
          ResultSet main = statement.executeQuery("PRAGMA database_list")) {
        main.next();
        opened = main.getString("file");
      }
      assertThat(JdbcSettings.of(url).sqliteFile()).as(url).contains(Path.of(opened));
    }
    assertThat(JdbcSettings.of("jdbc:sqlite:reports.db").sqliteFile()).contains(Path.of("reports.db").toAbsolutePath());
    assertThat(JdbcSettings.of("jdbc:postgresql://db/fax").sqliteFile()).isEmpty();
  }

  @Test
  void theRedactedUrlMasksPasswordsSecretsAndUserInfo() {
    assertThat(JdbcSettings.of("jdbc:postgresql://db/fax?sslpassword=a&clientSecret=b;token=c").redactedUrl())
        .isEqualTo("jdbc:postgresql://db/fax?sslpassword=****&clientSecret=****&token=****");
    assertThat(JdbcSettings.of("jdbc:sqlite:/data/r.db?password=s3cret").redactedUrl())
        .isEqualTo("jdbc:sqlite:/data/r.db?password=****");
    assertThat(JdbcSettings.of("jdbc:postgresql://fax:s3cret@db/fax").redactedUrl())
        .isEqualTo("jdbc:postgresql://****@db/fax");
    assertThat(JdbcSettings.sqlite(Path.of("/data/a@b.db")).redactedUrl()).isEqualTo("jdbc:sqlite:/data/a@b.db");
  }

  /**
   * The driver reads {@code user} and {@code password} only in lower case and only between {@code
   * &}: {@code PASSWORD=} or {@code ;password=} reached the database as no password at all.
   */
  @Test
  void aPostgresqlUrlsUserAndPasswordAreTakenOutInAnyCaseAfterQuestionMarksOrSemicolons() {
    for (String url : new String[] {"jdbc:postgresql://db/fax?user=fax&password=s3cret",
        "jdbc:postgresql://db/fax?USER=fax&PASSWORD=s3cret", "jdbc:postgresql://db/fax;User=fax;Password=s3cret",
        "jdbc:postgresql://db/fax?user=fax;password=s3cret", "jdbc:postgresql://db/fax?password=s3cret&&user=fax"}) {
      JdbcSettings settings = JdbcSettings.of(url);
      assertThat(settings.url()).as(url).isEqualTo("jdbc:postgresql://db/fax");
      assertThat(settings.username()).as(url).contains("fax");
      assertThat(settings.password()).as(url).contains("s3cret");
    }
    JdbcSettings kept = JdbcSettings.of("jdbc:postgresql://db:5433/fax?ssl=true;PassWord=a%26b%3Bc+d&sslmode=verify-full");
    assertThat(kept.url()).isEqualTo("jdbc:postgresql://db:5433/fax?ssl=true&sslmode=verify-full");
    assertThat(kept.password()).contains("a&b;c d"); // percent-decoded, '+' a space, as the driver decodes
    assertThat(kept.username()).isEmpty();

    JdbcSettings urlWins = JdbcSettings.of("jdbc:postgresql://db/fax?password=in-url", "fax", "from-env");
    assertThat(urlWins.username()).contains("fax");
    assertThat(urlWins.password()).contains("in-url");
    assertThat(JdbcSettings.of("jdbc:postgresql://db/fax?password=", "fax", "from-env").password()).contains("from-env");
    assertThat(JdbcSettings.of("jdbc:postgresql://db/fax").url()).isEqualTo("jdbc:postgresql://db/fax");
    assertThat(JdbcSettings.of("jdbc:sqlite:r.db?password=x").url()).as("SQLite's own parameters").endsWith("?password=x");
    assertThatThrownBy(() -> JdbcSettings.of("jdbc:postgresql://db/fax?password=50%off"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password parameter")
        .hasMessageContaining("%25").hasMessageNotContaining("50%off");
  }

  @Test
  void toStringNeverShowsThePassword() {
    JdbcSettings settings = JdbcSettings.of("jdbc:postgresql://db/fax?password=in-url", "fax", "s3cret");

    assertThat(settings.toString()).contains("fax").contains("password=****")
        .doesNotContain("s3cret").doesNotContain("in-url");
    assertThat(settings.secrets()).containsExactly("in-url");
    assertThat(new JdbcSettings("jdbc:sqlite:x.db", null, null).username()).isEqualTo(Optional.empty());
  }
}
