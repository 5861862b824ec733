package org.b2g.core.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.List;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Priority;
import org.junit.jupiter.api.Test;

class ExplanationsTest {

    /** Places the candidates with these ids at the given slot numbers, table T1 upwards. */
    private static MeetingSchedule placed(Event event, Object... idAndSlot) {
        List<Meeting> candidates = Candidates.forEvent(event);
        for (int i = 0; i < idAndSlot.length; i += 2) {
            String id = (String) idAndSlot[i];
            int slot = (Integer) idAndSlot[i + 1];
            Meeting meeting = candidates.stream().filter(m -> m.getId().equals(id)).findFirst().orElseThrow();
            meeting.setSlot(event.slot(slot));
            long sameSlot = candidates.stream().filter(m -> m.getSlot() != null && m.getSlot().index() == slot).count();
            meeting.setTable(event.tables().get((int) sameSlot - 1));
        }
        return new MeetingSchedule(event, candidates);
    }

    private static String why(MeetingSchedule schedule, String id) {
        Meeting meeting = schedule.getMeetings().stream().filter(m -> m.getId().equals(id)).findFirst().orElseThrow();
        return Explanations.whyUnscheduled(schedule, meeting);
    }

    private static EventBuilder threeStartupsOneAgency(int slots) {
        return EventBuilder.slots(slots).tables(3)
                .startup("s-1").startup("s-2").startup("s-3").agency("a-doh")
                .request("s-1", "a-doh", Priority.NORMAL)
                .request("s-2", "a-doh", Priority.NORMAL)
                .request("s-3", "a-doh", Priority.NORMAL);
    }

    @Test
    void namesAFullyBookedParticipant() {
        Event event = threeStartupsOneAgency(4).limits("a-doh", 1, 2).build();
        MeetingSchedule schedule = placed(event, "c-s-1-a-doh", 1, "c-s-2-a-doh", 2);
        assertEquals("a-doh is fully booked (2 of 2)", why(schedule, "c-s-3-a-doh"));
    }

    @Test
    void listsTheSlotsThatClashed() {
        Event event = threeStartupsOneAgency(3).unavailable("s-3", 3).build();
        MeetingSchedule schedule = placed(event, "c-s-1-a-doh", 1, "c-s-2-a-doh", 2);
        assertEquals("no common free slot: a-doh is busy in slots 1-2", why(schedule, "c-s-3-a-doh"));
    }

    @Test
    void speaksOfPeopleByNameAndOfSlotsByClockTime() {
        Event event = threeStartupsOneAgency(3).unavailable("s-3", 3).named("a-doh", "Sở Y tế")
                .startingAt(LocalDateTime.of(2024, 10, 10, 8, 30)).build();
        MeetingSchedule schedule = placed(event, "c-s-1-a-doh", 1, "c-s-2-a-doh", 2);
        assertEquals("no common free slot: Sở Y tế is busy in slots 1-2 (08:30-09:10)", why(schedule, "c-s-3-a-doh"));
    }

    @Test
    void saysWhenNoSlotIsCommon() {
        Event event = threeStartupsOneAgency(2).unavailable("s-3", 1).unavailable("a-doh", 2).build();
        assertEquals("s-3 and a-doh have no common free slot", why(placed(event), "c-s-3-a-doh"));
    }

    @Test
    void namesTheBreakCap() {
        Event event = EventBuilder.slots(5).tables(3)
                .startup("s-1").startup("s-2").agency("a-1").agency("a-2")
                .request("s-1", "a-1", Priority.NORMAL).request("s-1", "a-2", Priority.NORMAL)
                .request("s-2", "a-2", Priority.NORMAL)
                .unavailable("s-1", 2, 3, 4).unavailable("a-2", 1)
                .rules(0, 3, 0.2).build();
        MeetingSchedule schedule = placed(event, "c-s-1-a-1", 1, "c-s-2-a-2", 4);
        // s-1 could meet a-2 only in slot 5, which would leave it idle in 2-4: one break over a cap of 0.
        assertEquals("no slot left: the break cap (0) rules out slot 5", why(schedule, "c-s-1-a-2"));
    }

    @Test
    void saysSoWhenTheMeetingStillFits() {
        Event event = threeStartupsOneAgency(3).build();
        assertEquals("not placed, although slot 1 was open for both and a table was free",
                why(placed(event), "c-s-1-a-doh"));
    }

    @Test
    void writesSlotRangesCompactly() {
        assertEquals("slots 1-3, 5, 7-8", Explanations.slots(List.of(1, 2, 3, 5, 7, 8)));
        assertEquals("slot 4", Explanations.slots(List.of(4)));
    }
}
