package org.b2g.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.b2g.core.solver.StopReason;
import org.b2g.service.solving.JobStatus;
import org.junit.jupiter.api.Test;

/** The job status as the API sends it. */
class ViewsTest {

    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");

    private static JobStatus done(List<String> notes, List<String> warnings) {
        return new JobStatus("e", 2, JobStatus.State.DONE, false, "0hard/0medium/-5soft", 10, 0, AT, AT, AT, false,
                null, 12, notes, warnings, StopReason.UNIMPROVED);
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

    @Test
    void aDoneJobSaysWhyItsSolveStoppedByCodeAndSentence() {
        JsonObject stopReason = Views.job(done(List.of(), List.of()), false).getJsonObject("stopReason");

        assertEquals("unimproved", stopReason.getString("code"));
        assertEquals("no better schedule for a while", stopReason.getString("description"));
    }

    @Test
    void aSolvingOrFailedJobSendsNoStopReason() {
        JobStatus solving = new JobStatus("e", 2, JobStatus.State.SOLVING, false, null, 0, 0, AT, null, null, false,
                null, 0, List.of(), List.of(), null);
        JobStatus failed = new JobStatus("e", 2, JobStatus.State.FAILED, false, null, 0, 0, AT, null, AT, false,
                "InputException: no event", 0, List.of(), List.of(), null);

        assertFalse(Views.job(solving, false).containsKey("stopReason"));
        assertFalse(Views.job(failed, false).containsKey("stopReason"));
    }
}
