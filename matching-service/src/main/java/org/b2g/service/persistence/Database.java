package org.b2g.service.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The JDBC database behind the service: a small pool of connections and one transaction per unit of work.
 * Creates the schema ({@code schema.sql}) on first start. For an HSQLDB file database it turns on durable commits
 * (every commit is synced to disk before it returns), so a write answered 2xx survives {@code kill -9}.
 */
public final class Database implements AutoCloseable {

    /** A unit of work run in one transaction; its checked exceptions roll the transaction back. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final long WAIT_SECONDS = 30;

    private final String url;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private volatile boolean closed;

    private Database(String url, int size) {
        this.url = url;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    /**
     * Opens (and on first use creates) the database at {@code jdbcUrl} with {@code poolSize} connections.
     *
     * @throws IllegalStateException when the database cannot be opened
     */
    public static Database open(String jdbcUrl, int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("The pool size (" + poolSize + ") must be 1 or more.");
        }
        Database database = new Database(jdbcUrl, poolSize);
        try {
            for (int i = 0; i < poolSize; i++) {
                Connection connection = DriverManager.getConnection(jdbcUrl, "SA", "");
                connection.setAutoCommit(false);
                database.all.add(connection);
                database.idle.add(connection);
            }
            database.prepare();
        } catch (SQLException e) {
            database.close();
            throw new IllegalStateException("Cannot open the database " + jdbcUrl + ": " + e.getMessage(), e);
        }
        return database;
    }

    private boolean isHsqldb() {
        return url.startsWith("jdbc:hsqldb:");
    }

    private void prepare() throws SQLException {
        inTransaction(connection -> {
            if (isHsqldb()) {
                try (Statement statement = connection.createStatement()) {
                    // Readers never wait for writers; commits reach the disk before they return.
                    statement.execute("SET DATABASE TRANSACTION CONTROL MVCC");
                    if (url.startsWith("jdbc:hsqldb:file:")) {
                        statement.execute("SET FILES WRITE DELAY FALSE");
                    }
                }
            }
            return null;
        });
        inTransaction(connection -> {
            if (!hasTable(connection, "EVENTS")) {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : schemaStatements()) {
                        statement.execute(sql);
                    }
                }
            } else {
                upgrade(connection);
            }
            return null;
        });
    }

    /**
     * Brings a database made by an earlier release to the current schema: events get their identity and link key
     * (fresh random ones, so earlier personal links stop working), personal links their table, and schedules their
     * published versions (the last solve, which agendas showed until then, becomes version 1).
     */
    private static void upgrade(Connection connection) throws SQLException {
        if (!hasColumn(connection, "EVENTS", "UID")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE events ADD COLUMN uid VARCHAR(64)");
                statement.execute("ALTER TABLE events ADD COLUMN link_key VARCHAR(64)");
            }
            List<String> ids = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet r = statement.executeQuery("SELECT id FROM events")) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            try (var s = connection.prepareStatement("UPDATE events SET uid = ?, link_key = ? WHERE id = ?")) {
                for (String id : ids) {
                    s.setString(1, EventRepository.random());
                    s.setString(2, EventRepository.random());
                    s.setString(3, id);
                    s.executeUpdate();
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE events ALTER COLUMN uid SET NOT NULL");
                statement.execute("ALTER TABLE events ALTER COLUMN link_key SET NOT NULL");
            }
        }
        createIfMissing(connection, "PARTICIPANT_LINKS", "CREATE TABLE participant_links");
        createIfMissing(connection, "ATTENDANCE", "CREATE TABLE attendance");
        createIfMissing(connection, "ABSENCES", "CREATE TABLE absences");
        if (!hasTable(connection, "PUBLISHED_SCHEDULES")) {
            createIfMissing(connection, "PUBLISHED_SCHEDULES", "CREATE TABLE published_schedules");
            // Before versions, the last solve was what agendas showed: it becomes published version 1.
            try (Statement statement = hasTable(connection, "SCHEDULES") ? connection.createStatement() : null) {
                if (statement == null) {
                    return;
                }
                statement.execute("INSERT INTO published_schedules (event_id, version, event_version, published_at,"
                        + " note, body) SELECT event_id, 1, event_version, solved_at, 'published before versions',"
                        + " body FROM schedules");
            }
        }
    }

    private static void createIfMissing(Connection connection, String table, String statementStart)
            throws SQLException {
        if (hasTable(connection, table)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : schemaStatements()) {
                if (sql.contains(statementStart)) {
                    statement.execute(sql);
                }
            }
        }
    }

    private static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
        for (String[] names : new String[][] {{table, column}, {table.toLowerCase(), column.toLowerCase()}}) {
            try (ResultSet columns = connection.getMetaData().getColumns(null, null, names[0], names[1])) {
                if (columns.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasTable(Connection connection, String name) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
            if (tables.next()) {
                return true;
            }
        }
        try (ResultSet tables = connection.getMetaData().getTables(null, null, name.toLowerCase(), null)) {
            return tables.next();
        }
    }

    static List<String> schemaStatements() {
        String text;
        try (InputStream in = Database.class.getResourceAsStream("schema.sql")) {
            if (in == null) {
                throw new IllegalStateException("schema.sql is missing from the classpath.");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        return statements;
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
     * SQL failures come out as {@link IllegalStateException}; runtime exceptions of {@code work} pass through.
     */
    public <T> T inTransaction(Work<T> work) {
        Connection connection = borrow();
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollback(connection);
            if (isConflict(e)) {
                throw new ConflictException("A concurrent change to the same data came first; try again ("
                        + e.getMessage() + ").", e);
            }
            throw new IllegalStateException("Database error: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            rollback(connection);
            throw e;
        } finally {
            idle.add(connection);
        }
    }

    /**
     * True for an integrity violation (SQLSTATE class 23, e.g. two transactions inserting one key) or a
     * serialization failure (40001): the request lost a race, it is not a fault of the service.
     */
    static boolean isConflict(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLIntegrityConstraintViolationException
                    || t instanceof java.sql.SQLTransactionRollbackException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().equals("40001"))) {
                return true;
            }
        }
        return false;
    }

    /** A transaction that lost a race with another one over the same rows; the HTTP layer answers 409. */
    public static final class ConflictException extends RuntimeException {
        ConflictException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** True when the database answers a trivial query. */
    public boolean isHealthy() {
        if (closed) {
            return false;
        }
        try {
            return inTransaction(connection -> connection.isValid(2));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Connection borrow() {
        if (closed) {
            throw new IllegalStateException("The database is closed.");
        }
        try {
            Connection connection = idle.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (connection == null) {
                throw new IllegalStateException("No database connection became free in " + WAIT_SECONDS + " s.");
            }
            return connection;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a database connection.", e);
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the caller needs to see
        }
    }

    /** Closes every connection; for HSQLDB also shuts the database down cleanly (checkpoint). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (isHsqldb() && !all.isEmpty()) {
            try (Statement statement = all.get(0).createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // already down
            }
        }
        for (Connection connection : all) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
