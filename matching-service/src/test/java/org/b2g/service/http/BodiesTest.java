package org.b2g.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.helidon.http.Status;

import org.b2g.service.Settings;
import org.b2g.service.TestService;
import org.junit.jupiter.api.Test;

/** The size limits of an uploaded event: 413 for an event larger than the service takes, named by what is too many. */
@org.junit.jupiter.api.Tag("embedded-db") // needs no database, or only the embedded one: run once
class BodiesTest {

    private static final Settings.Limits SAMPLE_SIZE = new Settings.Limits(10, 12, 3, 100, 3);

    @Test
    void acceptsAnEventAtTheLimits() {
        Bodies.event(TestService.sampleEvent(), SAMPLE_SIZE);
    }

    @Test
    void refusesMoreParticipantsThanTheLimitWith413() {
        ApiException e = assertThrows(ApiException.class, () -> Bodies.event(TestService.sampleEvent(),
                new Settings.Limits(9, 12, 3, 100, 3)));
        assertEquals(Status.REQUEST_ENTITY_TOO_LARGE_413, e.status());
        assertEquals("request body: the event has 10 participants; this service accepts at most 9.", e.getMessage());
    }

    @Test
    void refusesMoreSlotsTablesOrRequestsThanTheLimits() {
        assertEquals(Status.REQUEST_ENTITY_TOO_LARGE_413, assertThrows(ApiException.class, () -> Bodies.event(
                TestService.sampleEvent(), new Settings.Limits(10, 11, 3, 100, 3))).status());
        assertEquals(Status.REQUEST_ENTITY_TOO_LARGE_413, assertThrows(ApiException.class, () -> Bodies.event(
                TestService.sampleEvent(), new Settings.Limits(10, 12, 2, 100, 3))).status());
        assertEquals(Status.REQUEST_ENTITY_TOO_LARGE_413, assertThrows(ApiException.class, () -> Bodies.event(
                TestService.sampleEvent(), new Settings.Limits(10, 12, 3, 1, 3))).status());
    }
}
