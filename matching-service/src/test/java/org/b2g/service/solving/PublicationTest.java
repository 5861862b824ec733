package org.b2g.service.solving;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.b2g.core.solver.SolveOptions;
import org.b2g.service.Backend;
import org.b2g.service.TestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing is idempotent: a schedule equal to the latest published version answers that version, no copy. */
class PublicationTest {

    private static final int CALLERS = 20;

    @TempDir
    Path dir;
    private Backend backend;

    @BeforeEach
    void solveTheSample() throws Exception {
        backend = TestService.backend(dir);
        backend.database().inTransaction(c -> backend.events().insert(c, "pub", "pub", 10, 1L,
                TestService.sampleEvent("pub")));
        backend.solving().start("pub", SolveOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(1)));
        assertEquals(JobStatus.State.DONE, backend.solving().await("pub", Duration.ofSeconds(60)).state());
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private int versions() {
        return backend.publication().versions("pub").size();
    }

    @Test
    void publishingTheSameDraftAgainAnswersTheLatestVersionWithoutACopy() {
        Publication.Published first = backend.publication().publish("pub", 0);
        Publication.Published again = backend.publication().publish("pub", 0);

        assertTrue(first.created());
        assertFalse(again.created());
        assertEquals(1, again.version());
        assertEquals(first.publishedAt(), again.publishedAt());
        assertEquals(first.note(), again.note());
        assertEquals(1, versions());
    }

    @Test
    void publishingADraftOfTheEditedEventWithThePublishedMeetingsKeepsTheVersionAndEndsItsStaleness() {
        Publication.Published first = backend.publication().publish("pub", 0);
        String published = backend.publication().body("pub", 1);
        // A late registration that gets no meeting: the event changes, the meetings do not.
        int edited = backend.database().inTransaction(c -> {
            jakarta.json.JsonObject event;
            try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(
                    backend.events().find(c, "pub").body()))) {
                event = reader.readObject();
            }
            jakarta.json.JsonObject someone = event.getJsonArray("participants").getJsonObject(0);
            jakarta.json.JsonObject late = jakarta.json.Json.createObjectBuilder(someone).add("id", "s-late")
                    .add("name", "Late Startup JSC").build();
            return backend.events().replace(c, "pub", "pub", 11, 2L, jakarta.json.Json.createObjectBuilder(event)
                    .add("participants", jakarta.json.Json.createArrayBuilder(event.getJsonArray("participants"))
                            .add(late)).build().toString());
        });
        assertTrue(backend.database().inTransaction(c -> backend.schedules().agenda(c, "pub", "s-vision")).stale());
        String editedBody = backend.database().inTransaction(c -> backend.events().find(c, "pub").body());
        org.b2g.core.domain.Event event = org.b2g.core.io.EventJson.read(editedBody, "edited");
        backend.database().inTransaction(c -> {
            backend.schedules().saveDraft(c, edited, Publication.rebuild(event, published, "v1"),
                    readObject(published), java.time.Instant.now(), org.b2g.core.repair.DraftMode.FREEZE,
                    java.util.Set.of(), 1);
            return null;
        });

        Publication.Published again = backend.publication().publish("pub", 0);

        assertAll(() -> assertFalse(again.created(), "no copy"),
                () -> assertEquals(1, again.version()),
                () -> assertEquals(edited, again.eventVersion(), "it stands for the edited event now"),
                () -> assertEquals(first.publishedAt(), again.publishedAt()),
                () -> assertEquals(first.note() + "; the same for event version " + edited, again.note()),
                () -> assertEquals(1, versions()),
                () -> assertEquals(again.note(), backend.publication().versions("pub").get(0).note()),
                () -> assertFalse(backend.database().inTransaction(c -> backend.schedules().agenda(c, "pub",
                        "s-vision")).stale(), "agendas are current again"),
                () -> assertTrue(backend.database().inTransaction(c -> backend.schedules().agenda(c, "pub",
                        "s-late")) != null, "the late registration has its (empty) agenda"));
        assertEquals(1, backend.publication().publish("pub", 0).version(), "and a retry answers it too");
        assertEquals(1, versions());
    }

    private static jakarta.json.JsonObject readObject(String text) {
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void rollingBackToAVersionEqualToTheLatestAnswersTheLatest() {
        backend.publication().publish("pub", 0);
        assertFalse(backend.publication().publish("pub", 1).created(), "version 1 is the latest");
        backend.day().absent("pub", "s-vision"); // version 2: s-vision's meetings cancelled

        Publication.Published back = backend.publication().publish("pub", 1);
        assertTrue(back.created());
        assertEquals(3, back.version());
        Publication.Published backAgain = backend.publication().publish("pub", 1);
        assertFalse(backAgain.created());
        assertEquals(3, backAgain.version());
        assertEquals("version 1 again", backAgain.note());
        assertEquals(3, backend.publication().publish("pub", 0).version(), "the draft is version 1's schedule");
        assertEquals(3, versions());
    }

    @Test
    void rollingBackToAVersionWithoutMeetingsMarkedHeldOrNoShowIsRefusedNamingThem() {
        backend.publication().publish("pub", 0);
        backend.day().absent("pub", "s-vision"); // version 2: s-vision's meetings cancelled
        backend.day().present("pub", "s-vision"); // version 3: they are back
        List<org.b2g.core.io.ScheduleFile.Placement> back = org.b2g.core.io.ScheduleJson.read(
                backend.publication().body("pub", 3), "v3").meetings().stream()
                .filter(p -> p.first().equals("s-vision") || p.second().equals("s-vision")).toList();
        assertTrue(back.size() >= 2, back.toString());
        backend.day().mark("pub", back.get(0).id(), "s-vision", true, org.b2g.service.persistence.DayRepository
                .Attendance.HELD);
        backend.day().mark("pub", back.get(1).id(), "s-vision", true, org.b2g.service.persistence.DayRepository
                .Attendance.NO_SHOW);

        Publication.RejectedException refused = org.junit.jupiter.api.Assertions.assertThrows(
                Publication.RejectedException.class, () -> backend.publication().publish("pub", 2));

        assertEquals(Publication.RejectedException.Reason.HISTORY, refused.reason());
        assertAll(() -> assertTrue(refused.getMessage().contains(back.get(0).id() + " ("), refused.getMessage()),
                () -> assertTrue(refused.getMessage().contains(", held)"), refused.getMessage()),
                () -> assertTrue(refused.getMessage().contains(back.get(1).id() + " ("), refused.getMessage()),
                () -> assertTrue(refused.getMessage().contains(", no-show)"), refused.getMessage()),
                () -> assertEquals(3, versions(), "nothing published"));
        assertEquals(3, backend.publication().publish("pub", 1).version(),
                "version 1 holds them where they were: not refused (and the same as version 3, so answered by it)");
    }

    @Test
    void parallelPublicationsOfOneDraftStoreOneVersion() throws Exception {
        List<Publication.Published> answers = race(() -> backend.publication().publish("pub", 0));

        assertEquals(1, versions());
        assertEquals(1, answers.stream().filter(Publication.Published::created).count());
        answers.forEach(a -> assertEquals(1, a.version()));
    }

    @Test
    void parallelRollBacksToOneVersionStoreOneVersion() throws Exception {
        backend.publication().publish("pub", 0);
        backend.day().absent("pub", "s-vision");

        List<Publication.Published> answers = race(() -> backend.publication().publish("pub", 1));

        assertEquals(3, versions());
        assertEquals(1, answers.stream().filter(Publication.Published::created).count());
        answers.forEach(a -> assertEquals(3, a.version()));
    }

    /** Runs {@code call} from {@value #CALLERS} threads released at once; every call must succeed. */
    private static List<Publication.Published> race(java.util.concurrent.Callable<Publication.Published> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Publication.Published>> futures = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Publication.Published> answers = new ArrayList<>();
            for (Future<Publication.Published> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
