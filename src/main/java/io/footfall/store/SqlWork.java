package io.footfall.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of JDBC work on a borrowed connection. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
