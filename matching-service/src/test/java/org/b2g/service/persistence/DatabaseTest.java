package org.b2g.service.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.b2g.core.repair.DraftMode;
import org.junit.jupiter.api.Test;

/** The database's own behaviour: upgrading an earlier schema, and lost races reported as conflicts. */
class DatabaseTest {

    @Test
    void givesEventsOfAnEarlierSchemaAnIdentityAndALinkKey() throws Exception {
        String url = "jdbc:hsqldb:mem:upgrade-" + System.nanoTime();
        try (Connection old = DriverManager.getConnection(url, "SA", ""); Statement s = old.createStatement()) {
            s.execute("CREATE TABLE events (id VARCHAR(200) NOT NULL PRIMARY KEY, name VARCHAR(1000) NOT NULL,"
                    + " version INTEGER NOT NULL, participants INTEGER NOT NULL, updated_at BIGINT NOT NULL,"
                    + " body CLOB NOT NULL)");
            s.execute("INSERT INTO events VALUES ('a', 'A', 3, 10, 1, '{}')");
            s.execute("INSERT INTO events VALUES ('b', 'B', 1, 10, 1, '{}')");
        }
        try (Database database = Database.open(url, 1)) {
            EventRepository events = new EventRepository();
            String a = database.inTransaction(c -> events.uid(c, "a"));
            String b = database.inTransaction(c -> events.uid(c, "b"));
            assertNotNull(a);
            assertNotEquals(a, b);
            assertNotNull(database.inTransaction(c -> events.linkKey(c, "a")));
            int version = database.inTransaction(c -> events.version(c, "a"));
            int generation = database.inTransaction(c -> new LinkRepository().generation(c, "a", "s-1"));
            assertEquals(3, version);
            assertEquals(0, generation);
            RequestRepository requests = new RequestRepository();
            assertEquals(false, database.inTransaction(c -> requests.enabled(c, "a")), "self-service starts off");
            assertEquals(0, database.inTransaction(c -> requests.list(c, "a", null)).size());
            assertNull(database.inTransaction(c -> new ScheduleRepository().find(c, "a")), "no draft yet, but its table");
        }
    }

    @Test
    void migratesADatabaseOfTheReleaseBeforeTheHistoryWithoutLosingIt() throws Exception {
        String url = "jdbc:hsqldb:mem:before-history-" + System.nanoTime();
        try (Connection old = DriverManager.getConnection(url, "SA", ""); Statement s = old.createStatement()) {
            for (String sql : Database.schemaStatements()) { // exactly the schema.sql of that release
                s.execute(sql);
            }
            s.execute("INSERT INTO events VALUES ('a', 'uid-a', 'key-a', 'A', 3, 10, 1, '{}')");
            s.execute("INSERT INTO solve_jobs (event_id, event_version, state, scheduled, started_at, stopped_early)"
                    + " VALUES ('a', 3, 'DONE', 12, 1000, 0)");
        }
        try (Database database = Database.open(url, 1)) {
            EventRepository events = new EventRepository();
            assertEquals("uid-a", database.inTransaction(c -> events.uid(c, "a")), "kept, not regenerated");
            JobRepository.StoredJob job = database.inTransaction(c -> new JobRepository().find(c, "a"));
            assertEquals("DONE", job.state());
            assertEquals(12, job.scheduled());
            assertEquals("solve", job.request().kind(), "the new columns have their defaults");
            assertEquals(0, job.request().moveLimit(), "no move limit");
            int applied = database.inTransaction(c -> {
                try (Statement s = c.createStatement(); var r = s.executeQuery(
                        "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE")) {
                    r.next();
                    return r.getInt(1);
                }
            });
            assertEquals(13, applied, "baseline 1, then V2 to V14 but V6 (unused: see docs/operations.md)");
        }
    }

    @Test
    void aDraftStoredBeforeWhatMadeItWasRecordedTakesItFromTheJobThatStoredIt() throws Exception {
        String url = org.b2g.service.TestDatabase.url("jdbc:hsqldb:mem:made-by-" + System.nanoTime());
        boolean hsqldb = url.startsWith("jdbc:hsqldb:");
        org.flywaydb.core.Flyway.configure().dataSource(url, hsqldb ? "SA" : null, hsqldb ? "" : null)
                .locations("classpath:db/migration").placeholders(java.util.Map.of("text", hsqldb ? "CLOB" : "TEXT"))
                .target("3").load().migrate();
        try (Connection old = hsqldb ? DriverManager.getConnection(url, "SA", "") : DriverManager.getConnection(url);
                Statement s = old.createStatement()) {
            // frozen: its draft came from its freeze repair; solved: from its solve; older: from a job before the
            // last one, which failed (unknown, read as a solve).
            for (String[] row : new String[][] {{"frozen", "repair", "'freeze'", "DONE"},
                    {"solved", "solve", "NULL", "DONE"}, {"older", "repair", "'minimal'", "FAILED"}}) {
                s.execute("INSERT INTO events (id, uid, link_key, name, version, participants, updated_at, body)"
                        + " VALUES ('" + row[0] + "', 'u', 'k', 'n', 1, 1, 1, '{}')");
                s.execute("INSERT INTO schedules (event_id, event_version, score, solved_at, body) VALUES ('"
                        + row[0] + "', 1, '0hard/0medium/0soft', 5000, '{}')");
                s.execute("INSERT INTO solve_jobs (event_id, event_version, state, scheduled, started_at,"
                        + " finished_at, stopped_early, kind, repair_mode) VALUES ('" + row[0] + "', 1, '" + row[3]
                        + "', 0, 1000, " + (row[3].equals("DONE") ? 5000 : 7000) + ", 0, '" + row[1] + "', "
                        + row[2] + ")");
            }
        }
        try (Database database = Database.open(url, 1)) {
            ScheduleRepository schedules = new ScheduleRepository();
            assertEquals(DraftMode.FREEZE, database.inTransaction(c -> schedules.find(c, "frozen")).madeBy());
            assertEquals(DraftMode.SOLVE, database.inTransaction(c -> schedules.find(c, "solved")).madeBy());
            assertEquals(DraftMode.SOLVE, database.inTransaction(c -> schedules.find(c, "older")).madeBy());
            assertNull(database.inTransaction(c -> schedules.find(c, "frozen")).readVersion(),
                    "not recorded then: publishing does not check it against later acceptances");
        }
    }

    @Test
    void reportsADuplicateKeyAsAConflict() {
        try (Database database = Database.open(org.b2g.service.TestDatabase.url(
                "jdbc:hsqldb:mem:conflict-" + System.nanoTime()), 1)) {
            Database.ConflictException e = assertThrows(Database.ConflictException.class, () ->
                    database.inTransaction(c -> {
                        try (Statement s = c.createStatement()) {
                            for (int i = 0; i < 2; i++) {
                                s.execute("INSERT INTO participant_links VALUES ('x', 'p', 0)");
                            }
                        }
                        return null;
                    }));
            assertNotNull(e.getMessage());
        }
    }
}
