package org.b2g.service.solving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.matching.Candidates;
import org.b2g.core.repair.RepairMode;
import org.b2g.core.solver.SolveOptions;
import org.b2g.service.Backend;
import org.b2g.service.MovableClock;
import org.b2g.service.TestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A repair or solve on the day knows the time: slots that have started are closed, the published meetings in them
 * stay where they were. The sample event runs on 2024-10-10 in Asia/Ho_Chi_Minh, 09:00 and 13:30, six 20-minute
 * slots each.
 */
class StartedSlotsTest {

    private static final ZoneId HCMC = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Instant BEFORE = Instant.parse("2024-10-09T12:00:00Z");
    /** 13:30 local: the whole morning (slots 1-6) has started, the afternoon (7-12) not. */
    private static final Instant LUNCH = java.time.LocalDateTime.parse("2024-10-10T13:30:00").atZone(HCMC)
            .toInstant();
    /** 10:10 local: slots 1-4 (09:00 to 10:00) have started, slot 5 (10:20) not. */
    private static final Instant MORNING = java.time.LocalDateTime.parse("2024-10-10T10:10:00").atZone(HCMC)
            .toInstant();

    @TempDir
    Path dir;
    private Backend backend;
    private final Event event = EventJson.read(TestService.sampleEvent("day"), "sample");

    @AfterEach
    void close() {
        if (backend != null) {
            backend.close();
        }
    }

    private ScheduleFile publishedBefore(MovableClock clock) throws Exception {
        backend = TestService.backend(dir, clock);
        backend.database().inTransaction(c -> backend.events().insert(c, "day", "day", 10, 1L,
                TestService.sampleEvent("day")));
        backend.solving().start("day", SolveOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(1)));
        assertEquals(JobStatus.State.DONE, backend.solving().await("day", Duration.ofSeconds(60)).state());
        backend.publication().publish("day", 0);
        return ScheduleJson.read(backend.publication().body("day", 1), "v1");
    }

    private ScheduleFile draftAfter(RepairMode mode) throws InterruptedException {
        SolveOptions options = SolveOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(1));
        if (mode == null) {
            backend.solving().start("day", options);
        } else {
            backend.solving().repair("day", options, mode);
        }
        JobStatus done = backend.solving().await("day", Duration.ofSeconds(60));
        assertEquals(JobStatus.State.DONE, done.state(), done.reason());
        return ScheduleJson.read(backend.database().inTransaction(c -> backend.schedules().find(c, "day")).body(),
                "draft");
    }

    private static Set<String> placed(ScheduleFile schedule, Event event, int lastStarted) {
        return schedule.meetings().stream().filter(p -> p.slotIn(event).index() <= lastStarted)
                .map(p -> p.id() + "@" + p.slotIn(event).index() + "/" + p.table() + ":" + p.first() + "+"
                        + p.second())
                .collect(Collectors.toSet());
    }

    @org.junit.jupiter.api.Test
    void selfServiceOnTheDayOffersAndTakesOnlySlotsThatHaveNotStarted() throws Exception {
        MovableClock clock = new MovableClock(BEFORE);
        ScheduleFile published = publishedBefore(clock);
        backend.selfService().setEnabled("day", true);
        // A pair free in a morning slot before the event, asked then; at 10:10 that slot has started.
        org.b2g.core.repair.Openings openings = org.b2g.core.repair.Openings.of(event, published, "v1");
        String[] pair = null;
        int early = 0;
        for (org.b2g.core.domain.Participant a : event.participants()) {
            for (org.b2g.core.domain.Participant b : event.participants()) {
                if (pair == null && a.role() == org.b2g.core.domain.Role.STARTUP
                        && b.role() == org.b2g.core.domain.Role.AGENCY) {
                    var morning = openings.find(a.id(), b.id(), 100).openings().stream()
                            .filter(o -> o.slot().index() <= 4).findFirst();
                    if (morning.isPresent()) {
                        pair = new String[] {a.id(), b.id()};
                        early = morning.get().slot().index();
                    }
                }
            }
        }
        assertTrue(pair != null, "a pair free in the morning");
        String asked = backend.selfService().ask("day", pair[0], pair[1], early).id();
        clock.set(MORNING);

        for (org.b2g.core.domain.Participant p : event.participants()) {
            for (SelfService.Counterpart c : backend.selfService().counterparts("day", p.id(), 5000).counterparts()) {
                c.openings().forEach(o -> assertTrue(o.slot().index() >= 5, p.id() + " offered " + o));
            }
        }
        String[] two = pair;
        int slot = early;
        SelfService.RejectedException late = assertThrows(SelfService.RejectedException.class,
                () -> backend.selfService().accept("day", two[1], asked));
        assertEquals(SelfService.RejectedException.Reason.NOT_FREE, late.reason());
        assertEquals(pair[0] + " and " + pair[1] + " cannot meet in " + event.slot(slot) + ": it has started; ask for"
                + " a later slot.", late.getMessage());
        backend.selfService().cancel("day", pair[0], asked);
        SelfService.RejectedException again = assertThrows(SelfService.RejectedException.class,
                () -> backend.selfService().ask("day", two[0], two[1], slot));
        assertTrue(again.getMessage().endsWith(": it has started; ask for a later slot."), again.getMessage());
        assertEquals(1, backend.publication().versions("day").size(), "nothing published");
    }

    @org.junit.jupiter.api.Test
    void anAbsenceTakenBackAtLunchRestoresTheAfternoonOnlyAndSaysTheMorningHasStarted() throws Exception {
        MovableClock clock = new MovableClock(MORNING);
        ScheduleFile published = publishedBefore(clock);
        // Somebody with meetings before and after lunch, marked absent at 10:10 and taken back at 13:30.
        String absent = published.meetings().stream()
                .flatMap(p -> java.util.stream.Stream.of(p.first(), p.second())).distinct()
                .filter(id -> published.meetings().stream().anyMatch(p -> (p.first().equals(id) || p.second().equals(id)) && p.slot() >= 7)
                        && published.meetings().stream().anyMatch(p -> (p.first().equals(id) || p.second().equals(id)) && p.slot() >= 5 && p.slot() <= 6))
                .findFirst().orElseThrow();
        TheDay.Absence absence = backend.day().absent("day", absent);
        clock.set(LUNCH);

        TheDay.Presence presence = backend.day().present("day", absent);

        for (TheDay.NotRestored left : presence.notRestored()) {
            assertTrue(left.slot() <= 6, left.toString());
            assertEquals("its slot, " + event.slot(left.slot()) + ", has started", left.reason());
        }
        for (TheDay.Restored back : presence.restored()) {
            assertTrue(back.slot() >= 7, back.toString());
        }
        long afternoon = published.meetings().stream().filter(p -> (p.first().equals(absent) || p.second().equals(absent)) && p.slot() >= 7).count();
        long morningCancelled = published.meetings().stream().filter(p -> (p.first().equals(absent) || p.second().equals(absent)) && p.slot() >= 5
                && p.slot() <= 6).count();
        assertEquals(afternoon, presence.restored().size());
        assertEquals(absence.cancelled().size(), presence.restored().size() + presence.notRestored().size());
        assertTrue(presence.notRestored().size() >= morningCancelled, "what the absence cancelled at 10:20 and"
                + " 10:40 has started by lunch");
    }

    @ParameterizedTest
    @EnumSource(RepairMode.class)
    void aRepairAtLunchPlacesNothingNewInTheMorningAndKeepsWhatWasPublishedThere(RepairMode mode) throws Exception {
        MovableClock clock = new MovableClock(BEFORE);
        ScheduleFile published = publishedBefore(clock);
        Set<String> morning = placed(published, event, 6);
        assertFalse(morning.isEmpty(), "the sample's published version holds morning meetings");
        // Someone is absent: the repair has something to change.
        String absent = published.meetings().get(published.meetings().size() - 1).first();
        backend.day().absent("day", absent);
        clock.set(LUNCH);

        ScheduleFile draft = draftAfter(mode);

        Set<String> kept = morning.stream().filter(m -> !m.contains(":" + absent + "+") && !m.endsWith("+" + absent))
                .collect(Collectors.toSet());
        Set<String> draftMorning = placed(draft, event, 6);
        assertTrue(draftMorning.containsAll(kept), "the morning's published meetings stay: " + kept + " vs "
                + draftMorning);
        assertTrue(morning.containsAll(draftMorning), "nothing new or moved in the morning: " + draftMorning);
    }

    /**
     * Publishes before the event, then excludes the pair of a meeting in slots 1-4 and the pair of one after 10:10,
     * and runs a job of {@code mode} (null: a plain solve) at 10:10; answers {past, future} as published.
     */
    private ScheduleFile.Placement[] bothPairsExcludedAtMorning(RepairMode mode, ScheduleFile[] draft)
            throws Exception {
        MovableClock clock = new MovableClock(BEFORE);
        ScheduleFile published = publishedBefore(clock);
        ScheduleFile.Placement past = published.meetings().stream().filter(p -> p.slotIn(event).index() <= 4)
                .findFirst().orElseThrow();
        ScheduleFile.Placement future = published.meetings().stream().filter(p -> p.slotIn(event).index() >= 5
                && !Set.of(p.first(), p.second()).equals(Set.of(past.first(), past.second()))).findFirst()
                .orElseThrow();
        backend.database().inTransaction(c -> {
            jakarta.json.JsonObject body;
            try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(
                    backend.events().find(c, "day").body()))) {
                body = reader.readObject();
            }
            jakarta.json.JsonArrayBuilder exclusions = jakarta.json.Json.createArrayBuilder(
                    body.getJsonArray("exclusions"));
            for (ScheduleFile.Placement p : List.of(past, future)) {
                exclusions.add(jakarta.json.Json.createObjectBuilder().add("participants", jakarta.json.Json
                        .createArrayBuilder().add(p.first()).add(p.second())).add("reason", "conflict of interest"));
            }
            return backend.events().replace(c, "day", "day", 10, 2L, jakarta.json.Json.createObjectBuilder(body)
                    .add("exclusions", exclusions).build().toString());
        });
        clock.set(MORNING);
        draft[0] = draftAfter(mode);
        return new ScheduleFile.Placement[] {past, future};
    }

    private void assertKeepsThePastOnly(ScheduleFile.Placement past, ScheduleFile.Placement future,
            ScheduleFile draft) {
        assertTrue(draft.meetings().stream().anyMatch(p -> p.id().equals(past.id()) && p.slot() == past.slot()
                && java.util.Objects.equals(p.table(), past.table())), past + " stays where it took place");
        assertTrue(draft.meetings().stream().noneMatch(p -> Set.of(p.first(), p.second()).equals(
                Set.of(future.first(), future.second()))), future + " is cancelled");
        String score = backend.database().inTransaction(c -> backend.schedules().find(c, "day")).score();
        assertTrue(score.startsWith("0hard"), score);
        org.b2g.core.repair.Changes changes = backend.publication().changes("day");
        assertEquals(List.of(future.id()), changes.cancelled().stream().map(x -> x.id())
                .filter(id -> id.equals(past.id()) || id.equals(future.id())).toList(), changes.toString());
    }

    @ParameterizedTest
    @EnumSource(RepairMode.class)
    void aRepairKeepsAMeetingInAStartedSlotOfAPairExcludedSinceAndCancelsOnlyItsLaterOnes(RepairMode mode)
            throws Exception {
        ScheduleFile[] draft = new ScheduleFile[1];
        ScheduleFile.Placement[] pair = bothPairsExcludedAtMorning(mode, draft);

        assertKeepsThePastOnly(pair[0], pair[1], draft[0]);
    }

    @Test
    void aPlainSolveKeepsAMeetingInAStartedSlotOfAPairExcludedSince() throws Exception {
        ScheduleFile[] draft = new ScheduleFile[1];
        ScheduleFile.Placement[] pair = bothPairsExcludedAtMorning(null, draft);

        assertKeepsThePastOnly(pair[0], pair[1], draft[0]);
    }

    @Test
    void aPlainSolveMidMorningKeepsThePublishedPastAndLeavesTheStartedSlotsToIt() throws Exception {
        MovableClock clock = new MovableClock(BEFORE);
        ScheduleFile published = publishedBefore(clock);
        clock.set(MORNING);

        ScheduleFile draft = draftAfter(null);

        assertEquals(placed(published, event, 4), placed(draft, event, 4),
                "slots 1-4 hold exactly what was published");
    }

    @Test
    void noSlotHasStartedBeforeTheEventAfterItsLastDayOrWithoutClockTimes() {
        assertEquals(Set.of(), Happened.started(event, BEFORE));
        assertEquals(Set.of(), Happened.started(event, Instant.parse("2024-10-11T12:00:00Z")), "over: an archive");
        assertEquals(Set.of(1, 2, 3, 4, 5, 6), Happened.started(event, LUNCH));
        assertEquals(Set.of(1, 2, 3, 4), Happened.started(event, MORNING));
        Event untimed = EventJson.read(TestService.sampleEvent("day").replaceAll("\"start\": \"[0-9:]+\", ", "")
                .replace("\"timeZone\": \"Asia/Ho_Chi_Minh\",", ""), "untimed");
        assertEquals(null, untimed.slot(1).start(), "the sample without session times");
        assertEquals(Set.of(), Happened.started(untimed, LUNCH));
    }

    @Test
    void beforeTheEventNothingChanges() {
        ScheduleFile published = new ScheduleFile("day", null, List.of());
        Happened before = Happened.of(published, Map.of(), Set.of(), BEFORE);
        List<Meeting> candidates = Candidates.forEvent(event);
        assertSame(event, before.apply(event));
        assertSame(candidates, before.keep(event, candidates));
    }

    @Test
    void atLunchNoParticipantIsAvailableInTheMorningAndNoCandidateMayGoThere() {
        Happened lunch = Happened.of(new ScheduleFile("day", null, List.of()), Map.of(), Set.of(), LUNCH);
        Event closed = lunch.apply(event);
        closed.participants().forEach(p -> assertTrue(p.unavailableSlots().containsAll(Set.of(1, 2, 3, 4, 5, 6)),
                p.id()));
        List<Meeting> everywhere = new java.util.ArrayList<>(Candidates.forEvent(event));
        everywhere.add(org.b2g.core.domain.Meetings.placed(event, "anywhere", event.participants().get(0),
                event.participants().get(1), org.b2g.core.domain.Origin.REQUEST, List.of(), event.slot(2), null));
        List<Meeting> kept = lunch.keep(closed, everywhere);
        kept.forEach(m -> assertTrue(m.getAllowedSlots().stream().allMatch(s -> s.index() > 6), m.getId()));
    }
}
