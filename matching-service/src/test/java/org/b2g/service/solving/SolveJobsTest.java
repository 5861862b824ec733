package org.b2g.service.solving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.b2g.core.solver.SolveOptions;
import org.b2g.core.solver.StopReason;
import org.b2g.service.Backend;
import org.b2g.service.TestService;
import org.b2g.service.persistence.ScheduleRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Solve jobs against the real solver: one per event, stoppable, failures contained, results stored. */
class SolveJobsTest {

    private static final SolveOptions ONE_SECOND = SolveOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(1));
    /** Runs until stopped: no time limit or unimproved stop a loaded machine could reach first. */
    private static final SolveOptions LONG = SolveOptions.DEFAULT.withTimeLimit(Duration.ofMinutes(5))
            .withUnimproved(Duration.ofMinutes(5));

    @TempDir
    Path dir;
    private Backend backend;

    @BeforeEach
    void open() {
        backend = TestService.backend(dir);
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private void store(String id, String body) {
        backend.database().inTransaction(c -> backend.events().insert(c, id, id, 10, 1L, body));
    }

    /** The job's status once finished; the bound only matters when something is wrong (a loaded CI machine is slow). */
    private JobStatus awaitFinish(String id) throws InterruptedException {
        JobStatus status = backend.solving().await(id, Duration.ofSeconds(60));
        assertTrue(status.finished(), "The job of " + id + " did not finish in 60 s: " + status);
        return status;
    }

    @Test
    void solvesAndStoresTheScheduleWithAgendas() throws Exception {
        store("e1", TestService.sampleEvent("e1"));
        backend.solving().start("e1", ONE_SECOND);
        JobStatus done = awaitFinish("e1");
        assertEquals(JobStatus.State.DONE, done.state(), done.reason());
        assertTrue(done.scheduled() > 0);
        assertNotNull(done.bestSince());
        ScheduleRepository.StoredSchedule schedule = backend.database().inTransaction(c ->
                backend.schedules().find(c, "e1"));
        assertTrue(schedule.body().contains("\"b2g-schedule/1\""));
        assertNull(backend.database().inTransaction(c -> backend.schedules().agenda(c, "e1", "s-flood")),
                "a draft until published");
        assertEquals(1, backend.publication().publish("e1", 0).version());
        assertNotNull(backend.database().inTransaction(c -> backend.schedules().agenda(c, "e1", "s-flood")));
    }

    @Test
    void aSolveTheSatSolverProvesImpossibleEndsAtOnceAndSaysTheBreakCapIsWhatCannotBeKept() throws Exception {
        // One table, three slots: a-2 can only come in slot 2; a-1 may have no break, so its two meetings take slots
        // 1-2 or 2-3, and one of them needs slot 2's table too. No count of the pre-check sees it.
        store("e-cross", """
                {"format": "b2g-event/1",
                 "event": {"id": "e-cross", "slotMinutes": 20, "sessions": [{"id": "am", "slots": 3}], "tables": 1},
                 "participants": [{"id": "s-1", "role": "startup"}, {"id": "s-2", "role": "startup"},
                                  {"id": "s-3", "role": "startup"}, {"id": "a-1", "role": "agency"},
                                  {"id": "a-2", "role": "agency", "unavailableSlots": [1, 3]}],
                 "meetings": [{"id": "m-1", "participants": ["s-1", "a-1"]},
                              {"id": "m-2", "participants": ["s-2", "a-1"]},
                              {"id": "m-3", "participants": ["s-3", "a-2"]}],
                 "rules": {"maxBreaksPerParticipant": 0}}
                """);
        backend.solving().start("e-cross", LONG);
        JobStatus done = awaitFinish("e-cross");
        assertEquals(JobStatus.State.DONE, done.state(), done.reason());
        assertTrue(done.notes().stream().anyMatch(note -> note.startsWith("Stopped: no schedule keeps every rule with"
                + " the cap on breaks")), done.notes().toString());
        assertEquals(StopReason.NO_VALID_SCHEDULE_UNDER_THE_BREAK_CAP, done.stopReason());
        assertTrue(done.score().startsWith("-"), done.score());
    }

    @Test
    void refusesASecondJobForTheSameEventAndStopsEarlyKeepingTheBest() throws Exception {
        store("e2", TestService.longSolvingSample("e2"));
        SolveOptions minutes = new SolveOptions(Duration.ofMinutes(5), 0L, 0L, Duration.ofMinutes(5));
        backend.solving().start("e2", minutes);
        SolveRejectedException second = assertThrows(SolveRejectedException.class,
                () -> backend.solving().start("e2", minutes));
        assertEquals(SolveRejectedException.Reason.ALREADY_SOLVING, second.reason());
        JobStatus stopped = backend.solving().stop("e2", Duration.ofSeconds(20));
        assertEquals(JobStatus.State.DONE, stopped.state(), stopped.reason());
        assertTrue(stopped.stoppedEarly());
        assertNotNull(backend.database().inTransaction(c -> backend.schedules().find(c, "e2")));
    }

    @Test
    void marksAJobFailedWithTheReasonAndKeepsSolvingOthers() throws Exception {
        store("broken", "{\"format\": \"b2g-event/1\"}");
        backend.solving().start("broken", ONE_SECOND);
        JobStatus failed = awaitFinish("broken");
        assertEquals(JobStatus.State.FAILED, failed.state());
        assertTrue(failed.reason().contains("InputException"), failed.reason());
        assertNull(failed.stopReason(), "no solve ran to stop");
        assertTrue(backend.database().isHealthy());

        store("fine", TestService.sampleEvent("fine"));
        backend.solving().start("fine", ONE_SECOND);
        assertEquals(JobStatus.State.DONE, awaitFinish("fine").state());
    }

    @Test
    void countsTheMovesARunningJobHasTried() throws Exception {
        store("busy", TestService.longSolvingSample("busy"));
        backend.solving().start("busy", new SolveOptions(Duration.ofMinutes(5), 0L, 0L, Duration.ofMinutes(5)));
        long tried = 0;
        for (int i = 0; i < 100 && tried == 0; i++) {
            Thread.sleep(100);
            tried = backend.solving().movesTried("busy");
        }
        assertTrue(tried > 0, "the search reports moves while it runs");
        backend.solving().stop("busy", Duration.ofSeconds(20));
        assertEquals(0, backend.solving().movesTried("busy"), "nothing runs any more");
    }

    @Test
    void solvesSeveralEventsAtOnce() throws Exception {
        store("a", TestService.sampleEvent("a"));
        store("b", TestService.sampleEvent("b"));
        backend.solving().start("a", ONE_SECOND);
        backend.solving().start("b", ONE_SECOND);
        assertEquals(JobStatus.State.SOLVING, backend.solving().status("b").state());
        assertEquals(JobStatus.State.DONE, awaitFinish("a").state());
        assertEquals(JobStatus.State.DONE, awaitFinish("b").state());
    }

    @Test
    void storesTheResultAsStaleWhenTheEventChangesWhileSolving() throws Exception {
        store("moving", TestService.sampleEvent("moving"));
        backend.solving().start("moving", ONE_SECOND);
        backend.database().inTransaction(c -> backend.events().replace(c, "moving", "moving", 10, 2L,
                TestService.sampleEvent("moving")));
        JobStatus done = awaitFinish("moving");
        assertEquals(1, done.eventVersion());
        assertEquals(1, backend.database().inTransaction(c -> backend.schedules().find(c, "moving")).eventVersion());
        Publication.RejectedException stale = assertThrows(Publication.RejectedException.class,
                () -> backend.publication().publish("moving", 0));
        assertEquals(Publication.RejectedException.Reason.STALE, stale.reason());
    }

    @Test
    void keepsTheLastJobAcrossRestarts() throws Exception {
        store("kept", TestService.sampleEvent("kept"));
        backend.solving().start("kept", ONE_SECOND);
        awaitFinish("kept");
        backend.close();
        backend = TestService.backend(dir);
        JobStatus status = backend.solving().status("kept");
        assertEquals(JobStatus.State.DONE, status.state());
    }

    @Test
    void keepsWhyTheLastSolveStoppedAcrossRestarts() throws Exception {
        store("moves", TestService.longSolvingSample("moves"));
        backend.solving().start("moves", new SolveOptions(Duration.ofMinutes(5), 0L, 20_000L));
        assertEquals(StopReason.MOVE_LIMIT, awaitFinish("moves").stopReason());
        backend.close();
        backend = TestService.backend(dir);
        assertEquals(StopReason.MOVE_LIMIT, backend.solving().status("moves").stopReason(),
                "read back from the database");
    }

    @Test
    void dropsTheResultOfADeletedEventInsteadOfStoringItIntoANewEventOfTheSameId() throws Exception {
        store("again", TestService.sampleEvent("again"));
        java.util.concurrent.CountDownLatch oldJobDone = new java.util.concurrent.CountDownLatch(1);
        backend.solving().start("again", LONG);
        backend.solving().subscribe("again", status -> {
            if (status.finished()) {
                oldJobDone.countDown();
            }
        });
        backend.solving().eventDeleted("again");
        boolean deleted = backend.database().inTransaction(c -> backend.events().delete(c, "again"));
        assertTrue(deleted);
        store("again", TestService.sampleEvent("again"));
        try {
            backend.solving().start("again", LONG);
            throw new AssertionError("a second job started while the deleted event's job was still registered");
        } catch (SolveRejectedException e) {
            assertEquals(SolveRejectedException.Reason.ALREADY_SOLVING, e.reason());
        } catch (AssertionError e) {
            // the old job may have stopped already; then the new one is the only one
            assertTrue(oldJobDone.getCount() == 0, e.getMessage());
            backend.solving().stop("again", Duration.ofSeconds(20));
            return;
        }
        assertTrue(oldJobDone.await(60, java.util.concurrent.TimeUnit.SECONDS));
        Thread.sleep(200); // the deleted event's job leaves the registry just after its last status
        assertNull(backend.database().inTransaction(c -> backend.schedules().find(c, "again")),
                "the old job's schedule was stored into the new event");
        assertNull(backend.solving().status("again"), "the new event was never solved");
        backend.solving().start("again", ONE_SECOND);
        assertEquals(JobStatus.State.DONE, awaitFinish("again").state());
    }

    @Test
    void aRefusedSolveLeavesTheLastJobAsItWas() throws Exception {
        reopenWithOneSolverThread(0);
        store("solved", TestService.sampleEvent("solved"));
        storeHog();
        backend.solving().start("solved", ONE_SECOND);
        assertEquals(JobStatus.State.DONE, awaitFinish("solved").state());
        startWhenAThreadIsFree("hog");
        SolveRejectedException busy = assertThrows(SolveRejectedException.class,
                () -> backend.solving().start("solved", ONE_SECOND));
        assertEquals(SolveRejectedException.Reason.BUSY, busy.reason());
        assertEquals(JobStatus.State.DONE, backend.solving().status("solved").state());
        backend.solving().stop("hog", Duration.ofSeconds(20));
        backend.close();
        backend = TestService.backend(dir);
        assertEquals(JobStatus.State.DONE, backend.solving().status("solved").state(), "as stored");
    }

    @Test
    void aQueuedFreezeRepairClaimedLaterStoresADraftWhoseChangesSayFreeze() throws Exception {
        reopenWithOneSolverThread(1);
        store("queued", TestService.sampleEvent("queued"));
        storeHog();
        backend.solving().start("queued", ONE_SECOND);
        awaitFinish("queued");
        backend.publication().publish("queued", 0);
        startWhenAThreadIsFree("hog");

        JobStatus waiting = backend.solving().repair("queued", ONE_SECOND, org.b2g.core.repair.RepairMode.FREEZE);
        assertTrue(waiting.queued(), "no free thread: it waits in the database until one is claimed");
        backend.solving().stop("hog", Duration.ofSeconds(20));

        assertEquals(JobStatus.State.DONE, awaitFinish("queued").state());
        assertEquals(org.b2g.core.repair.DraftMode.FREEZE, backend.publication().changes("queued").mode());
    }

    @Test
    void aQueuedSolveClaimedLaterRunsWithTheMoveLimitItWasAskedFor() throws Exception {
        reopenWithOneSolverThread(1);
        store("moves", TestService.longSolvingSample("moves"));
        storeHog();
        startWhenAThreadIsFree("hog");

        JobStatus waiting = backend.solving().start("moves", new SolveOptions(Duration.ofMinutes(5), 0L, 20_000L));
        assertTrue(waiting.queued(), "no free thread: it waits in the database until one is claimed");
        backend.solving().stop("hog", Duration.ofSeconds(20));

        JobStatus done = awaitFinish("moves");
        assertEquals(StopReason.MOVE_LIMIT, done.stopReason(), "the move limit ended it, not the clock: " + done);
    }

    /** Restarts the backend with one solver thread and {@code queue} places for jobs waiting for it. */
    private void reopenWithOneSolverThread(int queue) {
        backend.close();
        backend = TestService.backend(dir, java.util.Map.of("b2g.solve-threads", "1", "b2g.solve-queue",
                Integer.toString(queue)));
    }

    /** Stores the event whose long solve holds the only solver thread until the test stops it. */
    private void storeHog() throws Exception {
        store("hog", TestService.longSolvingSample("hog"));
    }

    /** The solver thread of a finished job may still be returning to the pool for a moment. */
    private void startWhenAThreadIsFree(String id) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                backend.solving().start(id, LONG);
                return;
            } catch (SolveRejectedException e) {
                if (e.reason() != SolveRejectedException.Reason.BUSY || attempt == 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    @Test
    void repairsFromThePublishedScheduleAndRefusesWithoutOne() throws Exception {
        store("fixing", TestService.sampleEvent("fixing"));
        SolveRejectedException none = assertThrows(SolveRejectedException.class,
                () -> backend.solving().repair("fixing", ONE_SECOND, org.b2g.core.repair.RepairMode.MINIMAL));
        assertEquals(SolveRejectedException.Reason.NOTHING_PUBLISHED, none.reason());
        backend.solving().start("fixing", ONE_SECOND);
        awaitFinish("fixing");
        backend.publication().publish("fixing", 0);

        backend.solving().repair("fixing", ONE_SECOND, org.b2g.core.repair.RepairMode.FREEZE);
        assertEquals(JobStatus.State.DONE, awaitFinish("fixing").state());
        org.b2g.core.repair.Changes changes = backend.publication().changes("fixing");
        assertEquals(List.of(), changes.moved(), "nothing changed, so freeze keeps everything");
        assertEquals(List.of(), changes.cancelled());
        assertTrue(changes.kept() > 0);
    }

    @Test
    void aRepairsStatusCarriesThePlansWarningsAndNotesAlsoAfterARestart() throws Exception {
        String body = TestService.sampleEvent("renum");
        store("renum", body);
        backend.solving().start("renum", ONE_SECOND);
        awaitFinish("renum");
        backend.publication().publish("renum", 0);
        assertEquals(List.of(), backend.solving().status("renum").warnings(), "a plain solve reads nothing published");
        // A session added before the first one: the published slot 1 is now slot 3.
        String early = body.replace("\"sessions\": [", "\"sessions\": [\n      {\"id\": \"early\", \"day\":"
                + " \"2024-10-10\", \"start\": \"07:30\", \"slots\": 2},");
        assertTrue(!early.equals(body), "the sample's sessions were found");
        backend.database().inTransaction(c -> backend.events().replace(c, "renum", "renum", 10, 2L, early, 0));

        backend.solving().repair("renum", ONE_SECOND, org.b2g.core.repair.RepairMode.MINIMAL);
        JobStatus done = awaitFinish("renum");

        assertEquals(JobStatus.State.DONE, done.state(), done.reason());
        assertTrue(!done.warnings().isEmpty() && done.warnings().get(0).startsWith("the slots were renumbered since"
                + " the schedule was published (its slot "), done.warnings().toString());
        assertTrue(done.warnings().contains("s-docs: unavailableSlots 1-2 now mean 07:30-08:10; at the published"
                + " numbering they meant 09:00-09:40, now slots 3-4; check which s-docs means"),
                done.warnings().toString());
        backend.close();
        backend = TestService.backend(dir);
        JobStatus stored = backend.solving().status("renum");
        assertEquals(done.warnings(), stored.warnings(), "read back from the database");
        assertEquals(done.notes(), stored.notes());
    }

    @Test
    void deletesTheAgendasOfParticipantsRemovedWhileSolving() throws Exception {
        // A sample whose solve is still running when the event changes (the demo sample stops as soon as its demand
        // meets its bound, which a warm solver can reach before the change).
        String body = TestService.longSolvingSample("shrinking");
        store("shrinking", body);
        backend.solving().start("shrinking", ONE_SECOND);
        awaitFinish("shrinking");
        backend.publication().publish("shrinking", 0);
        assertNotNull(backend.database().inTransaction(c -> backend.schedules().agenda(c, "shrinking", "s-001")));
        backend.solving().start("shrinking", ONE_SECOND);
        String without = body.replace("{\"id\":\"s-001\"", "{\"id\":\"s-gone\"");
        assertNotEquals(body, without, "s-001 renamed");
        backend.database().inTransaction(c -> backend.events().replace(c, "shrinking", "shrinking", 10, 2L, without));
        awaitFinish("shrinking");
        assertNull(backend.database().inTransaction(c -> backend.schedules().agenda(c, "shrinking", "s-001")));
        assertNotNull(backend.database().inTransaction(c -> backend.schedules().agenda(c, "shrinking", "s-002")));
    }

    @Test
    void refusesToSolveAnEventThatDoesNotExist() {
        SolveRejectedException e = assertThrows(SolveRejectedException.class,
                () -> backend.solving().start("nowhere", ONE_SECOND));
        assertEquals(SolveRejectedException.Reason.NO_SUCH_EVENT, e.reason());
    }
}
