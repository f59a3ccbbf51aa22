package dev.faxreports.model.archfixture;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.archfixture.FlywayLikeType;

/** A core class that stores reports itself, through JDBC and a migration tool: the wrong turn. */
public class CoreClassUsingJdbc {
  public void store(Connection connection) throws SQLException {
    connection.commit();
  }

  public FlywayLikeType migrations() {
    return new FlywayLikeType();
  }
}
