package org.b2g.core.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Meetings;
import org.b2g.core.domain.Origin;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleFile.Placement;
import org.b2g.core.matching.Candidates;
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

    @Test
    void aPairThatMeetsInAMeetingItAgreedOnItselfCountsAsMetOnceThoughItIsACandidateToo() {
        // s-1 and a-1 agreed on a meeting in self-service (self-r1); the organizer added s-1's request since, so the
        // pair is a candidate too (c-s-1-a-1), which the stored schedule does not place: read back as the service
        // reads a published version, the schedule holds both. s-2 and a-2 must meet twice and hold only m-a.
        Event event = EventJson.read("""
                {"format": "b2g-event/1", "event": {"id": "e", "sessions": [{"id": "am", "slots": 3}], "tables": 2},
                 "participants": [{"id": "s-1", "role": "startup"}, {"id": "s-2", "role": "startup"},
                                  {"id": "a-1", "role": "agency"}, {"id": "a-2", "role": "agency"}],
                 "meetings": [{"id": "m-a", "participants": ["s-2", "a-2"]},
                              {"id": "m-b", "participants": ["s-2", "a-2"]}],
                 "requests": [{"from": "s-1", "to": "a-1"}],
                 "rules": {"recommendationsPerParticipant": 0}}""", "event.json");
        MeetingSchedule schedule = new MeetingSchedule(event, Candidates.forEvent(event));
        assertEquals(List.of("m-a", "m-b", "c-s-1-a-1"), schedule.getMeetings().stream().map(Meeting::getId).toList());
        ScheduleFile published = new ScheduleFile("e", null, List.of(
                new Placement("self-r1", "s-1", "a-1", 1, "1", Origin.REQUEST),
                new Placement("m-a", "s-2", "a-2", 2, "2", Origin.REQUIRED)));
        List<Placement> notCandidates = published.applyTo(schedule, "published version");
        assertEquals(List.of("self-r1"), notCandidates.stream().map(Placement::id).toList());
        schedule.getMeetings().add(Meetings.placed(event, "self-r1", event.participant("s-1"),
                event.participant("a-1"), Origin.REQUEST, List.of(), event.slot(1), event.table("1")));

        ScheduleMetrics metrics = ScheduleMetrics.of(schedule);

        assertEquals(2, metrics.scheduled(), "self-r1 and m-a");
        assertEquals(1, metrics.unscheduled(), "m-b, a required meeting left out; not c-s-1-a-1: s-1 meets a-1");
        assertEquals(1, metrics.meetingsByParticipant()[0], "s-1 meets once");
        assertEquals(0, metrics.participantsWithoutMeetings());
    }
}
