package org.b2g.service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database the service's tests run on: the embedded HSQLDB, or PostgreSQL when the system property
 * {@code b2g.test.db} is {@code postgresql} (the build's second test run). Every PostgreSQL backend gets a schema of
 * its own, so tests see an empty database as they do with HSQLDB. Without a reachable PostgreSQL the tests fail and
 * say how to start one: CI must never skip them silently.
 */
public final class TestDatabase {

    /** The test database of {@code .ci/run}; {@code b2g.test.postgres-url} overrides it. */
    static final String DEFAULT_POSTGRES = "jdbc:postgresql://localhost:5432/b2g_test?user=b2g&password=b2g";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36)
            + Long.toString(ProcessHandle.current().pid(), 36);

    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgresql".equals(System.getProperty("b2g.test.db", "hsqldb"));
    }

    /** {@code embedded} when the tests run on HSQLDB, else the URL of a new empty PostgreSQL schema. */
    public static String url(String embedded) {
        return postgres() ? freshSchema() : embedded;
    }

    /** The URL of a new, empty schema in the PostgreSQL test database. */
    public static String freshSchema() {
        String base = System.getProperty("b2g.test.postgres-url", DEFAULT_POSTGRES);
        String schema = "t_" + RUN + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("The PostgreSQL tests need the database " + base + " (" + e.getMessage()
                    + "). Start one as .ci/run does: apt-get install postgresql; pg_ctlcluster 15 main start; then as"
                    + " postgres: psql -c \"CREATE USER b2g PASSWORD 'b2g' CREATEDB\" -c \"CREATE DATABASE b2g_test"
                    + " OWNER b2g\". Or set -Db2g.test.postgres-url=jdbc:postgresql://...", e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
