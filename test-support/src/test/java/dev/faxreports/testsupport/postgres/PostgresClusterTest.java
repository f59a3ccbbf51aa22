package dev.faxreports.testsupport.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The database the JDBC tests rely on: it listens on loopback, keeps its data over a restart, and goes away. */
class PostgresClusterTest {

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void runsOnLoopbackAndKeepsItsDataOverARestart() {
    int port;
    try (PostgresCluster postgres = PostgresCluster.builder().start()) {
      port = postgres.port();
      assertThat(postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/faxreports");
      assertThat(listening(port)).isTrue();
      assertThat(postgres.superuserSql("SHOW listen_addresses").strip()).isEqualTo("127.0.0.1");
      assertThat(postgres.superuserSql("SHOW server_encoding").strip()).isEqualTo("UTF8");
      assertThat(postgres.superuserSql("SELECT rolsuper FROM pg_roles WHERE rolname = '" + postgres.username() + "'")
          .strip()).isEqualTo("f");
      postgres.superuserSql("CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)");

      postgres.stop();
      assertThat(postgres.isRunning()).isFalse();
      assertThat(listening(port)).isFalse();
      assertThatThrownBy(() -> postgres.superuserSql("SELECT 1")).isInstanceOf(IllegalStateException.class);

      postgres.start();
      assertThat(postgres.port()).isEqualTo(port);
      assertThat(postgres.superuserSql("SELECT x FROM kept").strip()).isEqualTo("42");
    }
    assertThat(listening(port)).isFalse();
  }

  @Test
  void eachClusterHasItsOwnPasswordAndPort() {
    try (PostgresCluster first = PostgresCluster.builder().start();
        PostgresCluster second = PostgresCluster.builder().durable(true).start()) {
      assertThat(first.port()).isNotEqualTo(second.port());
      assertThat(first.password()).isNotEqualTo(second.password()).hasSizeGreaterThanOrEqualTo(16);
      assertThat(first.superuserSql("SHOW fsync").strip()).isEqualTo("off");
      assertThat(second.superuserSql("SHOW fsync").strip()).isEqualTo("on");
    }
  }
}
