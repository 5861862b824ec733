package org.b2g.service.solving;

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
