package org.b2g.service.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The self-service switch, requests' states, and the per-event lock that serialises acceptances. */
class RequestRepositoryTest {

    private final RequestRepository requests = new RequestRepository();

    private static Database withEvent(String eventId) {
        Database database = Database.open(org.b2g.service.TestDatabase.url(
                "jdbc:hsqldb:mem:requests-" + System.nanoTime()), 2);
        database.inTransaction(c -> new EventRepository().insert(c, eventId, "E", 2, 1L, "{}"));
        return database;
    }

    @Test
    void locksOnlyWhenSelfServiceIsOn() {
        try (Database database = withEvent("e")) {
            assertFalse(database.<Boolean>inTransaction(c -> requests.lock(c, "e")), "off when never set");
            database.inTransaction(c -> {
                requests.setEnabled(c, "e", true, 2L);
                return null;
            });
            assertTrue(database.<Boolean>inTransaction(c -> requests.lock(c, "e")));
            database.inTransaction(c -> {
                requests.setEnabled(c, "e", false, 3L);
                return null;
            });
            assertFalse(database.<Boolean>inTransaction(c -> requests.lock(c, "e")));
        }
    }

    @Test
    void aSecondLockWaitsUntilTheFirstTransactionCommits() throws Exception {
        try (Database database = withEvent("e")) {
            database.inTransaction(c -> {
                requests.setEnabled(c, "e", true, 2L);
                return null;
            });
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> database.inTransaction(c -> {
                requests.lock(c, "e");
                locked.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            assertTrue(locked.await(10, TimeUnit.SECONDS));
            CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(
                    () -> database.inTransaction(c -> requests.lock(c, "e")));
            Thread.sleep(300);
            assertFalse(second.isDone(), "the second waits while the first holds the lock");
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            assertTrue(second.get(10, TimeUnit.SECONDS), "and goes on once it committed");
        }
    }

    @Test
    void movesARequestOnlyFromTheStateItIsIn() {
        try (Database database = withEvent("e")) {
            var request = database.inTransaction(c -> requests.insert(c, "e", "s-1", "a-1", 3,
                    "2024-10-10T09:40:00+07:00", 5L));
            assertEquals(RequestRepository.State.PENDING, request.state());
            assertTrue(database.<Boolean>inTransaction(c -> requests.close(c, request, RequestRepository.State.PENDING,
                    RequestRepository.State.DECLINED, "a-1", 6L)));
            assertFalse(database.<Boolean>inTransaction(c -> requests.accept(c, request, "m", "T1", 2, 7L)),
                    "a declined request cannot be accepted");
            var stored = database.inTransaction(c -> requests.find(c, "e", request.id()));
            assertEquals(RequestRepository.State.DECLINED, stored.state());
            assertEquals("a-1", stored.closedBy());
            assertEquals("2024-10-10T09:40:00+07:00", stored.start(), "the time asked for is kept with the slot");
            assertEquals(1, database.inTransaction(c -> requests.list(c, "e", "a-1")).size());
            assertEquals(0, database.inTransaction(c -> requests.list(c, "e", "s-2")).size());
        }
    }
}
