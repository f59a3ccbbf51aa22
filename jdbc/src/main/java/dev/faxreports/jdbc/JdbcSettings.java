package dev.faxreports.jdbc;

import dev.faxreports.model.UserInfo;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where {@link JdbcReportStore} stores reports: a JDBC URL of a PostgreSQL database ({@code
 * jdbc:postgresql://host:5432/db}) or of a SQLite file ({@code jdbc:sqlite:/var/lib/fax/reports.db}),
 * and the credentials, if the database asks for any.
 *
 * <p>Any other URL is refused here, before a connection is tried. So is an in-memory or temporary
 * SQLite database: a drain deletes at the service what it stored, and such a database is gone when
 * the process ends. Neither {@link #toString()} nor {@link #redactedUrl()} shows a password.
 *
 * <p>A PostgreSQL URL's {@code user} and {@code password} parameters are taken out of it into
 * {@link #username()} and {@link #password()}, and win over those given beside it, as they did
 * with the driver: they are read in any case ({@code PASSWORD=}, {@code User=}), after {@code ?}
 * or {@code ;} and separated by {@code &} or {@code ;} ({@code
 * jdbc:postgresql://db/fax;user=fax;password=…}), percent-decoded as the driver decodes them. The
 * driver itself reads only {@code user} and {@code password} in lower case after {@code ?} and
 * between {@code &}: any other spelling reached the database as no password at all. The URL's
 * other parameters are kept, separated by {@code &}.
 *
 * @param url the JDBC URL, {@code jdbc:postgresql:} or {@code jdbc:sqlite:}; for PostgreSQL,
 *     without its user and password parameters
 * @param username the user, or empty (SQLite)
 * @param password the password, or empty
 */
public record JdbcSettings(String url, Optional<String> username, Optional<String> password) {

  private static final String POSTGRESQL = "jdbc:postgresql:";
  private static final String SQLITE = "jdbc:sqlite:";

  public JdbcSettings {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("the database URL must not be blank: give jdbc:postgresql://HOST/DATABASE"
          + " or jdbc:sqlite:FILE");
    }
    url = url.strip();
    username = username == null ? Optional.empty() : username;
    password = password == null ? Optional.empty() : password;
    if (!url.startsWith(POSTGRESQL) && !url.startsWith(SQLITE)) {
      throw new IllegalArgumentException("unsupported database URL " + UserInfo.redacted(url) + ": faxreports stores reports"
          + " in PostgreSQL (jdbc:postgresql://HOST[:PORT]/DATABASE) or SQLite (jdbc:sqlite:FILE)");
    }
    if (url.startsWith(SQLITE) && isTransientSqlite(url.substring(SQLITE.length()))) {
      throw new IllegalArgumentException("SQLite URL " + UserInfo.redacted(url) + " names no file: an in-memory or temporary"
          + " database is lost when the process ends, after the drain has deleted its reports at the service;"
          + " give a file, such as jdbc:sqlite:reports.db");
    }
    if (url.startsWith(POSTGRESQL)) {
      String[] userAndPassword = new String[2];
      url = withoutCredentials(url, userAndPassword);
      username = userAndPassword[0] != null ? Optional.of(userAndPassword[0]) : username;
      password = userAndPassword[1] != null ? Optional.of(userAndPassword[1]) : password;
    }
  }

  /**
   * {@code url} without its {@code user} and {@code password} parameters, which go into {@code
   * found} (user first); parameters start after the first {@code ?} or {@code ;} and are separated
   * by {@code &} or {@code ;}. An empty value counts as none.
   */
  private static String withoutCredentials(String url, String[] found) {
    int start = -1;
    for (int i = POSTGRESQL.length(); i < url.length() && start < 0; i++) {
      if (url.charAt(i) == '?' || url.charAt(i) == ';') {
        start = i;
      }
    }
    if (start < 0) {
      return url;
    }
    List<String> kept = new ArrayList<>();
    for (String parameter : url.substring(start + 1).split("[&;]")) {
      int equals = parameter.indexOf('=');
      String name = equals < 0 ? parameter : parameter.substring(0, equals);
      String value = equals < 0 ? "" : parameter.substring(equals + 1);
      if (name.equalsIgnoreCase("user")) {
        found[0] = decoded("user", value);
      } else if (name.equalsIgnoreCase("password")) {
        found[1] = decoded("password", value);
      } else if (!parameter.isEmpty()) {
        kept.add(parameter);
      }
    }
    return kept.isEmpty() ? url.substring(0, start) : url.substring(0, start) + "?" + String.join("&", kept);
  }

  /** A parameter's value as the driver reads it (percent-decoded, '+' a space); null when empty. */
  private static String decoded(String name, String value) {
    try {
      String decoded = URLDecoder.decode(value, StandardCharsets.UTF_8);
      return decoded.isEmpty() ? null : decoded;
    } catch (IllegalArgumentException malformed) { // its message would quote the value
      throw new IllegalArgumentException("the " + name + " parameter of the database URL is not percent-encoded"
          + " as a URL must be: write a % in it as %25, an & as %26, a ; as %3B");
    }
  }

  /** A database that needs no credentials, or has them in its URL. */
  public static JdbcSettings of(String url) {
    return new JdbcSettings(url, Optional.empty(), Optional.empty());
  }

  /** A database with a user and password. */
  public static JdbcSettings of(String url, String username, String password) {
    return new JdbcSettings(url, Optional.ofNullable(username), Optional.ofNullable(password));
  }

  /** A SQLite database in {@code file}, created on first use. */
  public static JdbcSettings sqlite(Path file) {
    return of(SQLITE + file.toAbsolutePath());
  }

  /** Whether this is a PostgreSQL URL (otherwise SQLite). */
  public boolean isPostgresql() {
    return url.startsWith(POSTGRESQL);
  }

  /**
   * The SQLite database file this URL names, absolute, as the driver resolves it: {@code
   * jdbc:sqlite:FILE} with any {@code ?parameters} after it, or a {@code file:} URI ({@code
   * jdbc:sqlite:file:reports.db?cache=shared}, {@code jdbc:sqlite:file:///var/lib/fax/reports.db},
   * percent-decoded); a relative name is relative to the working directory. Empty for PostgreSQL.
   */
  public Optional<Path> sqliteFile() {
    if (isPostgresql()) {
      return Optional.empty();
    }
    String location = url.substring(SQLITE.length());
    int query = location.indexOf('?');
    String file = query < 0 ? location : location.substring(0, query);
    if (file.startsWith("file:")) {
      file = file.substring("file:".length());
      if (file.startsWith("//")) { // file://[host]/path: the authority names this machine, or is empty
        int path = file.indexOf('/', 2);
        file = path < 0 ? "/" : file.substring(path);
      }
      try {
        file = URLDecoder.decode(file.replace("+", "%2B"), StandardCharsets.UTF_8); // a URI's '+' is a plus
      } catch (IllegalArgumentException notPercentEncoded) {
        // taken as written
      }
    }
    return Optional.of(Path.of(file).toAbsolutePath());
  }

  /**
   * The URL as it may be shown: the value of any parameter named like a password, secret or token,
   * and any {@code user:password@} part, replaced by {@code ****}.
   */
  public String redactedUrl() {
    return UserInfo.redacted(url);
  }

  /** The URL redacted, the user, and whether there is a password; never the password. */
  @Override
  public String toString() {
    return "JdbcSettings[url=" + redactedUrl() + ", username=" + username.orElse("(none)")
        + ", password=" + (password.isPresent() ? UserInfo.MASK : "(none)") + "]";
  }

  /** The password and every secret the URL carries, to scrub from what a driver says. */
  List<String> secrets() {
    List<String> secrets = new ArrayList<>();
    password.filter(p -> !p.isEmpty()).ifPresent(secrets::add);
    secrets.addAll(UserInfo.secretParameterValues(url));
    int scheme = url.indexOf("://");
    int at = url.lastIndexOf('@');
    if (scheme >= 0 && at > scheme + 3) {
      String userInfo = url.substring(scheme + 3, at);
      int colon = userInfo.indexOf(':');
      if (colon >= 0 && colon < userInfo.length() - 1) {
        secrets.add(userInfo.substring(colon + 1));
      }
    }
    return secrets;
  }

  /**
   * {@code url} — or any text that ends with one, such as a command-line argument {@code
   * --jdbc=URL} — as it may be shown, masked as {@link #redactedUrl()} masks: for messages about
   * a URL that could not even be taken as settings. The same as {@link UserInfo#redacted}, the one
   * masking function, which knows that an {@code @} in {@code jdbc:sqlite:/data/a@b.db} is no user
   * information.
   */
  public static String redacted(String url) {
    return UserInfo.redacted(url);
  }

  private static boolean isTransientSqlite(String location) {
    String path = location.toLowerCase(Locale.ROOT);
    int query = path.indexOf('?');
    String file = query < 0 ? path : path.substring(0, query);
    return file.isBlank() || file.equals(":memory:") || file.startsWith("file::memory:")
        || file.startsWith(":resource:") || path.contains("mode=memory");
  }
}
