package org.b2g.core.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.io.EventJson;
import org.junit.jupiter.api.Test;

class ScheduleMetricsTest {

    @Test
    void countsAsWithoutMeetingsOnlyThoseWhoCouldHaveHeldOne() {
        Event event = EventJson.read("""
                {"format": "b2g-event/1", "event": {"id": "e", "sessions": [{"id": "am", "slots": 3}], "tables": 2},
                 "participants": [
                   {"id": "s-free", "role": "startup"},
                   {"id": "s-none", "role": "startup", "maxMeetings": 0},
                   {"id": "a-away", "role": "agency", "unavailableSlots": [1, 2, 3]},
                   {"id": "a-free", "role": "agency"}]}""", "event.json");
        ScheduleMetrics metrics = ScheduleMetrics.of(new MeetingSchedule(event, List.of()));
        assertEquals(2, metrics.participantsWithoutMeetings(), "s-free and a-free; not s-none (maximum 0) nor"
                + " a-away (no slot it attends)");
    }
}
