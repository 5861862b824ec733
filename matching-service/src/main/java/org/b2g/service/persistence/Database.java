package org.b2g.service.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * The JDBC database behind the service: HSQLDB in the data folder (the default) or a PostgreSQL shared by several
 * replicas. A HikariCP pool lends connections, one transaction per unit of work. Flyway applies the schema history
 * ({@code db/migration}) at start, the same for both: a database made before the history existed is first brought
 * to its version 1 and recorded as such, so that no data is lost. For an HSQLDB file database commits are durable
 * (synced to disk before they return), so a write answered 2xx survives {@code kill -9}.
 */
public final class Database implements AutoCloseable {

    /** A unit of work run in one transaction; its checked exceptions roll the transaction back. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final long WAIT_MILLIS = 30_000;
    private static final String MIGRATIONS = "classpath:db/migration";

    private final String url;
    private final HikariDataSource pool;
    private volatile boolean closed;

    private Database(String url, HikariDataSource pool) {
        this.url = url;
        this.pool = pool;
    }

    /**
     * Opens (and on first use creates or migrates) the database at {@code jdbcUrl} with at most {@code poolSize}
     * connections. PostgreSQL takes its user and password from the URL ({@code ?user=..&password=..}).
     *
     * @throws IllegalStateException when the database cannot be opened or migrated
     */
    public static Database open(String jdbcUrl, int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("The pool size (" + poolSize + ") must be 1 or more.");
        }
        if (!jdbcUrl.startsWith("jdbc:hsqldb:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("The database URL (" + jdbcUrl + ") is neither jdbc:hsqldb:... nor"
                    + " jdbc:postgresql://HOST:PORT/DB?user=..&password=..");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (jdbcUrl.startsWith("jdbc:hsqldb:")) {
            config.setUsername("SA");
            config.setPassword("");
        }
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(poolSize, 2));
        config.setAutoCommit(false);
        config.setConnectionTimeout(WAIT_MILLIS);
        config.setInitializationFailTimeout(-1); // our own message below says what failed
        config.setPoolName("b2g-db");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot open the database " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
        Database database = new Database(jdbcUrl, pool);
        try {
            database.prepare();
        } catch (RuntimeException e) {
            database.close();
            throw new IllegalStateException("Cannot open the database " + redact(jdbcUrl) + ": " + e.getMessage()
                    + hint(jdbcUrl), e);
        }
        return database;
    }

    /** The URL without its password, for messages and logs. */
    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String hint(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? " (is PostgreSQL running and the database created? e.g."
                + " `pg_ctlcluster 15 main start`, then `createdb` as its owner; see docs/operations.md)" : "";
    }

    /** True for PostgreSQL (shared by replicas), false for the embedded HSQLDB. */
    public boolean isShared() {
        return url.startsWith("jdbc:postgresql:");
    }

    private boolean isHsqldb() {
        return url.startsWith("jdbc:hsqldb:");
    }

    private void prepare() {
        if (isHsqldb()) {
            inTransaction(connection -> {
                try (Statement statement = connection.createStatement()) {
                    // Readers never wait for writers; commits reach the disk before they return.
                    statement.execute("SET DATABASE TRANSACTION CONTROL MVCC");
                    if (url.startsWith("jdbc:hsqldb:file:")) {
                        statement.execute("SET FILES WRITE DELAY FALSE");
                    }
                }
                return null;
            });
        }
        inTransaction(connection -> {
            if (hasTable(connection, "EVENTS") && !hasTable(connection, "FLYWAY_SCHEMA_HISTORY")) {
                upgrade(connection);
            }
            return null;
        });
        // Its own connections: Flyway may hold two at once, more than a small pool lends.
        Flyway.configure()
                .dataSource(url, isHsqldb() ? "SA" : null, isHsqldb() ? "" : null)
                .locations(MIGRATIONS)
                // rowText: long text kept in the row. HSQLDB writes each CLOB to its own file with a sync, which
                // made publishing the agendas of 2,000 participants take 15 to 25 s.
                .placeholders(Map.of("text", isHsqldb() ? "CLOB" : "TEXT",
                        "rowText", isHsqldb() ? "VARCHAR(16777216)" : "TEXT"))
                .baselineOnMigrate(true) // a database of the releases before the history: upgraded to V1 above
                .baselineVersion("1")
                .baselineDescription("schema before the migration history")
                .load()
                .migrate();
    }

    /**
     * Brings a database made by an earlier release to the current schema: events get their identity and link key
     * (fresh random ones, so earlier personal links stop working), personal links their table, and schedules their
     * published versions (the last solve, which agendas showed until then, becomes version 1); self-service starts
     * off with no requests.
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
        // Every table the migrations after V1 change, schedules too (V4): a database of events only had none.
        for (String table : List.of("SCHEDULES", "AGENDAS", "MEETING_VERSIONS", "SOLVE_JOBS")) {
            createIfMissing(connection, table, "CREATE TABLE " + table.toLowerCase() + " ");
        }
        createIfMissing(connection, "PARTICIPANT_LINKS", "CREATE TABLE participant_links");
        createIfMissing(connection, "SELF_SERVICE", "CREATE TABLE self_service");
        createIfMissing(connection, "MEETING_REQUESTS", "CREATE TABLE meeting_requests");
        createIfMissing(connection, "ATTENDANCE", "CREATE TABLE attendance");
        createIfMissing(connection, "ABSENCES", "CREATE TABLE absences");
        if (!hasTable(connection, "PUBLISHED_SCHEDULES")) {
            createIfMissing(connection, "PUBLISHED_SCHEDULES", "CREATE TABLE published_schedules");
            // Before versions, the last solve was what agendas showed: it becomes published version 1.
            try (Statement statement = connection.createStatement()) {
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
        String schema = connection.getSchema();
        for (String[] names : new String[][] {{table, column}, {table.toLowerCase(), column.toLowerCase()}}) {
            try (ResultSet columns = connection.getMetaData().getColumns(null, schema, names[0], names[1])) {
                if (columns.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the connection's own schema (not any other one in the database) has the table. */
    private static boolean hasTable(Connection connection, String name) throws SQLException {
        String schema = connection.getSchema();
        for (String[] names : new String[][] {{schema, name}, {schema == null ? null : schema.toLowerCase(),
                name.toLowerCase()}}) {
            try (ResultSet tables = connection.getMetaData().getTables(null, names[0], names[1], null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<String> schemaStatements() {
        String text;
        try (InputStream in = Database.class.getResourceAsStream("/db/migration/V1__schema.sql")) {
            if (in == null) {
                throw new IllegalStateException("db/migration/V1__schema.sql is missing from the classpath.");
            }
            // Only databases of the releases before the migration history are upgraded this way: all HSQLDB.
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${text}", "CLOB");
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
            release(connection);
        }
    }

    /**
     * True for an integrity violation (SQLSTATE class 23, e.g. two transactions inserting one key) or a
     * serialization failure (40001) or a deadlock (40P01): the request lost a race, it is not a fault of the service.
     */
    static boolean isConflict(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLIntegrityConstraintViolationException
                    || t instanceof java.sql.SQLTransactionRollbackException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith("23")
                    || sql.getSQLState().equals("40001") || sql.getSQLState().equals("40P01"))) {
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
            return pool.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("No database connection became free in " + WAIT_MILLIS / 1000 + " s ("
                    + e.getMessage() + ").", e);
        }
    }

    private static void release(Connection connection) {
        try {
            connection.close(); // back to the pool
        } catch (SQLException ignored) {
            // the pool drops a broken connection
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the caller needs to see
        }
    }

    /** Closes the pool; for HSQLDB also shuts the database down cleanly (checkpoint). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (isHsqldb()) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException | RuntimeException ignored) {
                // already down
            }
        }
        closed = true;
        pool.close();
    }
}
