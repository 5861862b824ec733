package org.b2g.service.solving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Origin;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.matching.Candidates;
import org.b2g.core.repair.DraftMode;
import org.b2g.core.repair.Changes;
import org.b2g.service.TestService;
import org.b2g.service.persistence.DayRepository.Attendance;
import org.junit.jupiter.api.Test;

/** Meetings marked held or no-show, as a solve or a repair keeps them and as the change report lists them. */
class HappenedTest {

    private final Event event = EventJson.read(TestService.sampleEvent("day"), "sample");
    private final ScheduleFile.Placement held = new ScheduleFile.Placement("c-s-park-a-transport", "s-park",
            "a-transport", 2, "T1", Origin.REQUEST);
    private final ScheduleFile.Placement noShow = new ScheduleFile.Placement("c-s-chat-a-info", "s-chat", "a-info",
            5, "T3", Origin.REQUEST);
    private final ScheduleFile.Placement pending = new ScheduleFile.Placement("c-s-flood-a-water", "s-flood",
            "a-water", 2, "T2", Origin.MUST);
    private final ScheduleFile published = new ScheduleFile("day", null, List.of(held, noShow, pending));
    private final Happened happened = Happened.of(published, Map.of(held.id(), Attendance.HELD, noShow.id(),
            Attendance.NO_SHOW));

    private static boolean pair(Meeting m, ScheduleFile.Placement p) {
        return java.util.Set.of(m.getFirst().id(), m.getSecond().id()).equals(java.util.Set.of(p.first(), p.second()));
    }

    private static Meeting only(List<Meeting> meetings, ScheduleFile.Placement p) {
        List<Meeting> found = meetings.stream().filter(m -> pair(m, p)).toList();
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    @Test
    void pinsTheMarkedMeetingsAtTheirSlotAndTableAndLeavesTheOthersFree() {
        List<Meeting> candidates = Candidates.forEvent(event);

        List<Meeting> kept = happened.keep(event, candidates);

        assertEquals(candidates.size(), kept.size(), "the candidates of the same id are pinned, none added");
        for (ScheduleFile.Placement p : List.of(held, noShow)) {
            Meeting meeting = only(kept, p);
            assertEquals(p.id(), meeting.getId());
            assertTrue(meeting.isPinned(), p.id());
            assertEquals(p.slot(), meeting.getSlot().index());
            assertEquals(p.table(), meeting.getTable().id());
        }
        Meeting free = only(kept, pending);
        assertFalse(free.isPinned());
        assertEquals(null, free.getSlot(), "a meeting not marked is the solver's to place");
    }

    @Test
    void pinsAMeetingHeldThatNoCandidateHoldsAnyMoreAsAMeetingOfItsOwn() {
        List<Meeting> candidates = Candidates.forEvent(event).stream().filter(m -> !pair(m, held)).toList();

        List<Meeting> kept = happened.keep(event, candidates);

        assertEquals(candidates.size() + 1, kept.size());
        Meeting own = only(kept, held);
        assertEquals(held.id(), own.getId());
        assertTrue(own.isPinned());
        assertEquals(2, own.getSlot().index());
        assertEquals("T1", own.getTable().id());
    }

    @Test
    void pinsAMeetingHeldUnderItsOwnIdWhenItsPairHasACandidateOfAnotherId() {
        // Agreed in self-service while nobody asked for the pair; the event asks for it since. Its mark and its
        // request name it by its own id, so a plain solve keeps that id.
        ScheduleFile.Placement agreed = new ScheduleFile.Placement("self-r-9", "s-park", "a-transport", 2, "T1",
                Origin.REQUEST);
        List<Meeting> candidates = Candidates.forEvent(event);

        List<Meeting> kept = Happened.of(new ScheduleFile("day", null, List.of(agreed)),
                Map.of(agreed.id(), Attendance.HELD)).keep(event, candidates);

        assertEquals(candidates.size(), kept.size(), "the pair's candidate is that meeting, none added");
        Meeting own = only(kept, agreed);
        assertEquals("self-r-9", own.getId());
        assertTrue(own.isPinned());
        assertEquals(2, own.getSlot().index());
        assertEquals("T1", own.getTable().id());
    }

    @Test
    void makesBothParticipantsOfAMarkedMeetingAvailableInItsSlot() {
        Event since = Happened.of(published, Map.of(held.id(), Attendance.HELD)).apply(new Event(event.id(),
                event.name(), event.timeZone(), event.slotMinutes(), event.sessions(), event.slots(), event.tables(),
                event.participants().stream().map(p -> !p.id().equals("s-park") ? p : new org.b2g.core.domain
                        .Participant(p.id(), p.index(), p.role(), p.name(), p.representatives(), p.minMeetings(),
                                p.maxMeetings(), java.util.Set.of(1, 2, 3), p.homeTable(), p.offerings(), p.needs(),
                                p.englishName())).toList(),
                event.meetings(), event.requests(), event.exclusions(), event.rules()));

        assertTrue(since.participant("s-park").isAvailable(2), "it was there");
        assertFalse(since.participant("s-park").isAvailable(1));
        assertFalse(since.participant("s-park").isAvailable(3));
    }

    @Test
    void allowsAParticipantAtLeastTheMeetingsItKeepsWhenItsMaxMeetingsWasLoweredBeforeTheyWereMarked() {
        Event lowered = new Event(event.id(), event.name(), event.timeZone(), event.slotMinutes(), event.sessions(),
                event.slots(), event.tables(), event.participants().stream().map(p -> !p.id().equals("a-info")
                        ? p : new org.b2g.core.domain.Participant(p.id(), p.index(), p.role(), p.name(),
                                p.representatives(), p.minMeetings(), 0, p.unavailableSlots(), p.homeTable(),
                                p.offerings(), p.needs(), p.englishName())).toList(),
                event.meetings(), event.requests(), event.exclusions(), event.rules());

        Event since = happened.apply(lowered);

        assertEquals(1, since.participant("a-info").maxMeetings(), "its no-show meeting stays: one at least");
        assertEquals(event.participant("s-park").maxMeetings(), since.participant("s-park").maxMeetings(),
                "a limit above what it kept is the event's");
    }

    @Test
    void keepsTheHeldMeetingOfAPairExcludedSinceAndScoresItWithoutThatExclusionOnly() {
        ScheduleFile.Placement excluded = new ScheduleFile.Placement("c-s-shield-a-water", "s-shield", "a-water", 4,
                "T2", Origin.RECOMMENDED);
        assertTrue(event.excluded("s-shield", "a-water"), "the sample excludes s-shield with a-water");
        MeetingSchedule problem = new MeetingSchedule(event, Candidates.forEvent(event));

        MeetingSchedule kept = Happened.of(new ScheduleFile("day", null, List.of(excluded)),
                Map.of(excluded.id(), Attendance.HELD)).keep(problem);

        Meeting held = only(kept.getMeetings(), excluded);
        assertTrue(held.isPinned(), "it took place: the past is not rewritten");
        assertEquals(4, held.getSlot().index());
        assertEquals(event.exclusions().size() - 1, kept.getExclusions().size());
        assertTrue(kept.getExclusions().stream().noneMatch(e -> e.covers("s-shield", "a-water")));
    }

    @Test
    void listsAMeetingHeldThatTheReportCancelsAndAddsAgainAsKept() {
        List<String> pair = List.of("s-park", "a-transport");
        Changes.Cancelled other = new Changes.Cancelled("c-s-vision-a-info", List.of("s-vision", "a-info"), 4, null,
                "the request to meet was withdrawn");
        Changes report = new Changes("day", DraftMode.MINIMAL, 3, List.of(),
                List.of(new Changes.Cancelled(held.id(), pair, 2, null, "the request to meet was withdrawn"), other),
                List.of(new Changes.Added(held.id(), pair, new Changes.Place(2, "T1", null), Origin.REQUEST)),
                Map.of("s-park", new Changes.Tally(1, 0, 1, 1), "a-transport", new Changes.Tally(2, 0, 1, 1),
                        "s-vision", new Changes.Tally(0, 0, 1, 0), "a-info", new Changes.Tally(0, 0, 1, 0)));

        Changes listed = Happened.listedAsKept(report, event, published, Map.of(held.id(), Attendance.HELD));

        assertEquals(4, listed.kept());
        assertEquals(List.of(other), listed.cancelled(), "a meeting not marked stays cancelled");
        assertEquals(List.of(), listed.added());
        assertEquals(java.util.Set.of("s-vision", "a-info"), listed.participants().keySet());
        assertSame(report, Happened.listedAsKept(report, event, published, Map.of()), "nothing marked");
    }
}
