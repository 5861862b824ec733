package org.b2g.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.b2g.service.solving.JobStatus;
import org.junit.jupiter.api.Test;

/** The job status as the API sends it. */
class ViewsTest {

    private static JobStatus done(List<String> notes, List<String> warnings) {
        Instant at = Instant.parse("2026-12-01T09:00:00Z");
        return new JobStatus("e", 2, JobStatus.State.DONE, false, "0hard/0medium/-5soft", 10, 0, at, at, at, false,
                null, 12, notes, warnings);
    }

    @Test
    void aRepairsStatusSendsItsPlansWarningsAndNotesAndAPlainSolveSendsNeither() {
        JsonObject repair = Views.job(done(List.of("the schedule was read in Asia/Ho_Chi_Minh"),
                List.of("the slots were renumbered", "s-docs: unavailableSlots 1-2 now mean 07:30-08:10")), false);

        assertEquals(List.of("the slots were renumbered", "s-docs: unavailableSlots 1-2 now mean 07:30-08:10"),
                repair.getJsonArray("warnings").getValuesAs(JsonString::getString));
        assertEquals(List.of("the schedule was read in Asia/Ho_Chi_Minh"),
                repair.getJsonArray("notes").getValuesAs(JsonString::getString));
        JsonObject solve = Views.job(done(List.of(), List.of()), false);
        assertFalse(solve.containsKey("warnings") || solve.containsKey("notes"), solve.toString());
    }
}
