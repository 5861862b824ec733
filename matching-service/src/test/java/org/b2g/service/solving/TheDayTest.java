package org.b2g.service.solving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.repair.Changes;
import org.b2g.core.repair.RepairMode;
import org.b2g.core.solver.SolveOptions;
import org.b2g.service.Backend;
import org.b2g.service.TestService;
import org.b2g.service.persistence.DayRepository.Attendance;
import org.b2g.service.persistence.RequestRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The day itself: held and no-show marks, and an absence that cancels what is left and offers the freed slots. */
class TheDayTest {

    @TempDir
    Path dir;
    private Backend backend;
    private ScheduleFile published;

    @BeforeEach
    void publishTheSample() throws Exception {
        backend = TestService.backend(dir);
        backend.database().inTransaction(c -> backend.events().insert(c, "day", "day", 10, 1L,
                TestService.sampleEvent("day")));
        backend.solving().start("day", SolveOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(1)));
        assertEquals(JobStatus.State.DONE, backend.solving().await("day", Duration.ofSeconds(60)).state());
        backend.publication().publish("day", 0);
        published = ScheduleJson.read(backend.publication().body("day", 1), "v1");
    }

    @AfterEach
    void close() {
        backend.close();
    }

    /** The participant with the most published meetings. */
    private String busiest() {
        return published.meetings().stream().flatMap(p -> java.util.stream.Stream.of(p.first(), p.second()))
                .collect(Collectors.groupingBy(id -> id, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private List<ScheduleFile.Placement> meetingsOf(ScheduleFile file, String id) {
        return file.meetings().stream().filter(p -> p.first().equals(id) || p.second().equals(id)).toList();
    }

    @Test
    void marksMeetingsHeldOrNoShowAndTakesAMarkBack() {
        ScheduleFile.Placement first = published.meetings().get(0);
        backend.day().mark("day", first.id(), first.first(), true, Attendance.HELD);
        backend.day().mark("day", published.meetings().get(1).id(), published.meetings().get(1).first(),
                false, Attendance.NO_SHOW);

        TheDay.Status status = backend.day().status("day");
        Map<String, Attendance> states = new java.util.HashMap<>();
        status.meetings().forEach(m -> states.put(m.meetingId(), m.state()));
        assertEquals(Attendance.HELD, states.get(first.id()));
        assertEquals(Attendance.NO_SHOW, states.get(published.meetings().get(1).id()));
        assertNull(states.get(published.meetings().get(2).id()), "pending");

        backend.day().mark("day", first.id(), first.second(), true, null);
        assertTrue(backend.day().status("day").meetings().stream().filter(m -> m.meetingId().equals(first.id()))
                .allMatch(m -> m.state() == null));
    }

    @Test
    void refusesAMeetingThatIsNotPublishedOrNotTheParticipants() {
        Publication.RejectedException none = assertThrows(Publication.RejectedException.class,
                () -> backend.day().mark("day", "no-such-meeting", "s-flood", true, Attendance.HELD));
        assertEquals(Publication.RejectedException.Reason.NO_SUCH_MEETING, none.reason());
        ScheduleFile.Placement meeting = published.meetings().get(0);
        String stranger = published.meetings().stream().flatMap(p -> java.util.stream.Stream.of(p.first(), p.second()))
                .filter(id -> !id.equals(meeting.first()) && !id.equals(meeting.second())).findFirst().orElseThrow();
        Publication.RejectedException notYours = assertThrows(Publication.RejectedException.class,
                () -> backend.day().mark("day", meeting.id(), stranger, false, Attendance.HELD));
        assertEquals(Publication.RejectedException.Reason.NOT_YOURS, notYours.reason());
        // The organizer naming the wrong participant: that participant has no such meeting.
        Publication.RejectedException notTheirs = assertThrows(Publication.RejectedException.class,
                () -> backend.day().mark("day", meeting.id(), stranger, true, Attendance.HELD));
        assertEquals(Publication.RejectedException.Reason.NO_SUCH_MEETING, notTheirs.reason());
    }

    @Test
    void keepsTheMarkOfAMeetingWhoseIdIsTwiceAsLongAsAParticipantsId() {
        // The engine names a pair's meeting c-A-B: with two ids of 200 characters, 403 characters.
        String longId = "c-" + "s".repeat(200) + "-" + "a".repeat(200);
        backend.database().inTransaction(c -> {
            new org.b2g.service.persistence.DayRepository().mark(c, "day", longId, Attendance.HELD, 1L, "organizer");
            return null;
        });
        assertEquals(Attendance.HELD, backend.database().inTransaction(c ->
                new org.b2g.service.persistence.DayRepository().marks(c, "day")).get(longId));
    }

    @Test
    void anAbsenceCancelsTheMeetingsNotHeldInANewVersionAndOffersTheFreedSlots() {
        String absent = busiest();
        List<ScheduleFile.Placement> mine = meetingsOf(published, absent);
        assertTrue(mine.size() >= 2, "the busiest participant has several meetings");
        backend.day().mark("day", mine.get(0).id(), absent, true, Attendance.HELD);

        TheDay.Absence absence = backend.day().absent("day", absent);

        assertEquals(2, absence.version());
        assertEquals(mine.size() - 1, absence.cancelled().size());
        assertFalse(absence.cancelled().contains(mine.get(0).id()), "a meeting held stays");
        ScheduleFile now = ScheduleJson.read(backend.publication().body("day", 2), "v2");
        assertEquals(List.of(mine.get(0).id()), meetingsOf(now, absent).stream().map(ScheduleFile.Placement::id)
                .toList());
        assertEquals(absence.cancelled().size(), absence.offers().size(), "one offer per freed slot");
        for (TheDay.Offer offer : absence.offers()) {
            assertTrue(offer.suggestions().size() <= 3);
            offer.suggestions().forEach(s -> assertFalse(s.participant().equals(absent)));
        }
        assertEquals(java.util.Set.of(absent), backend.day().status("day").absent());
        assertEquals(0, backend.day().absent("day", absent).cancelled().size(), "marking again changes nothing");
    }

    /** The draft after a job of {@code mode} (null: a plain solve) has run to the end. */
    private ScheduleFile solvedAgain(RepairMode mode) throws InterruptedException {
        SolveOptions options = SolveOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(1));
        if (mode == null) {
            backend.solving().start("day", options);
        } else {
            backend.solving().repair("day", options, mode);
        }
        assertEquals(JobStatus.State.DONE, backend.solving().await("day", Duration.ofSeconds(60)).state());
        return ScheduleJson.read(backend.database().inTransaction(c -> backend.schedules().find(c, "day")).body(),
                "draft");
    }

    @ParameterizedTest
    @EnumSource(RepairMode.class)
    void aRepairGivesAnAbsentParticipantNoNewMeetingAndKeepsTheOneHeld(RepairMode mode) throws Exception {
        String absent = busiest();
        ScheduleFile.Placement held = meetingsOf(published, absent).get(0);
        backend.day().mark("day", held.id(), absent, true, Attendance.HELD);
        backend.day().absent("day", absent);

        ScheduleFile draft = solvedAgain(mode);

        List<ScheduleFile.Placement> now = meetingsOf(draft, absent);
        assertEquals(List.of(held.id()), now.stream().map(ScheduleFile.Placement::id).toList());
        assertEquals(held.slot(), now.get(0).slot(), "the meeting held stays where it was");
        assertEquals(held.table(), now.get(0).table());
        Changes changes = backend.publication().changes("day");
        assertTrue(changes.added().stream().noneMatch(a -> a.participants().contains(absent)), changes.added()
                .toString());
        assertTrue(changes.participants().get(absent) == null || !changes.participants().get(absent).changed(),
                "the absent participant is told nothing new");
    }

    @Test
    void aPlainSolveAfterAnAbsenceGivesTheAbsentParticipantNoMeetingBeyondThoseHeld() throws Exception {
        String absent = busiest();
        ScheduleFile.Placement held = meetingsOf(published, absent).get(0);
        backend.day().mark("day", held.id(), absent, true, Attendance.HELD);
        backend.day().absent("day", absent);

        List<ScheduleFile.Placement> now = meetingsOf(solvedAgain(null), absent);

        assertTrue(now.size() <= 1, now.toString());
        now.forEach(p -> assertEquals(held.slot(), p.slot(), "only where it was held: " + p));
        now.forEach(p -> assertEquals(java.util.Set.of(held.first(), held.second()),
                java.util.Set.of(p.first(), p.second())));
    }

    /** Replaces the stored event by its document as {@code edit} changes it (the organizer's upload). */
    private void edit(java.util.function.UnaryOperator<jakarta.json.JsonObject> edit) {
        backend.database().inTransaction(c -> {
            String body = backend.events().find(c, "day").body();
            jakarta.json.JsonObject event;
            try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
                event = reader.readObject();
            }
            return backend.events().replace(c, "day", "day", 10, 2L, edit.apply(event).toString());
        });
    }

    /** The event document with {@code participant} unavailable in {@code slot} (besides its other such slots). */
    private static jakarta.json.JsonObject away(jakarta.json.JsonObject event, String participant, int slot) {
        jakarta.json.JsonArrayBuilder participants = jakarta.json.Json.createArrayBuilder();
        for (jakarta.json.JsonObject p : event.getJsonArray("participants").getValuesAs(jakarta.json.JsonObject.class)) {
            if (p.getString("id").equals(participant)) {
                jakarta.json.JsonArrayBuilder slots = jakarta.json.Json.createArrayBuilder(p.containsKey(
                        "unavailableSlots") ? p.getJsonArray("unavailableSlots") : jakarta.json.JsonValue.EMPTY_JSON_ARRAY);
                p = jakarta.json.Json.createObjectBuilder(p).add("unavailableSlots", slots.add(slot)).build();
            }
            participants.add(p);
        }
        return jakarta.json.Json.createObjectBuilder(event).add("participants", participants).build();
    }

    private static void assertStaysWhereItWas(ScheduleFile draft, ScheduleFile.Placement published) {
        ScheduleFile.Placement now = draft.meetings().stream().filter(p -> java.util.Set.of(p.first(), p.second())
                .equals(java.util.Set.of(published.first(), published.second()))).findFirst().orElse(null);
        assertTrue(now != null, "the draft keeps " + published);
        assertEquals(published.id(), now.id());
        assertEquals(published.slot(), now.slot(), "slot of " + published.id());
        assertEquals(published.table(), now.table(), "table of " + published.id());
    }

    private static void assertListedAsKept(Changes changes, String... ids) {
        for (String id : ids) {
            assertTrue(changes.moved().stream().noneMatch(m -> m.id().equals(id)), changes.moved().toString());
            assertTrue(changes.cancelled().stream().noneMatch(m -> m.id().equals(id)), changes.cancelled()
                    .toString());
            assertTrue(changes.added().stream().noneMatch(m -> m.id().equals(id)), changes.added().toString());
        }
    }

    @ParameterizedTest
    @EnumSource(RepairMode.class)
    void aRepairKeepsTheMeetingsMarkedHeldOrNoShowWhereTheyWereEvenWhenTheEventSaysOtherwiseSince(RepairMode mode)
            throws Exception {
        ScheduleFile.Placement held = published.meetings().get(0);
        ScheduleFile.Placement noShow = published.meetings().get(1);
        backend.day().mark("day", held.id(), held.first(), true, Attendance.HELD);
        backend.day().mark("day", noShow.id(), noShow.first(), true, Attendance.NO_SHOW);
        // Afterwards the organizer records that one of each pair has to leave from that slot on.
        edit(event -> away(away(event, held.first(), held.slot()), noShow.second(), noShow.slot()));

        ScheduleFile draft = solvedAgain(mode);

        assertStaysWhereItWas(draft, held);
        assertStaysWhereItWas(draft, noShow);
        Changes changes = backend.publication().changes("day");
        assertListedAsKept(changes, held.id(), noShow.id());
        assertTrue(changes.kept() >= 2, "kept " + changes.kept());
    }

    @Test
    void aPlainSolveAfterPublicationLeavesTheMeetingsMarkedHeldOrNoShowWhereTheyWere() throws Exception {
        List<ScheduleFile.Placement> marked = published.meetings().subList(0, 3);
        backend.day().mark("day", marked.get(0).id(), marked.get(0).first(), true, Attendance.HELD);
        backend.day().mark("day", marked.get(1).id(), marked.get(1).first(), true, Attendance.NO_SHOW);
        backend.day().mark("day", marked.get(2).id(), marked.get(2).first(), true, Attendance.HELD);
        edit(event -> away(event, marked.get(0).second(), marked.get(0).slot()));

        ScheduleFile draft = solvedAgain(null);

        marked.forEach(p -> assertStaysWhereItWas(draft, p));
    }

    @Test
    void theSlotsAnAbsenceFreesAreNeverOfferedToAParticipantMarkedAbsentBefore() {
        String absent = busiest();
        java.util.Set<String> counterparts = meetingsOf(published, absent).stream()
                .map(p -> p.first().equals(absent) ? p.second() : p.first()).collect(Collectors.toSet());
        // The one the counterparts would be offered most: a candidate of most of them, marked absent first.
        String before = org.b2g.core.matching.Candidates.forEvent(org.b2g.core.io.EventJson.read(
                TestService.sampleEvent("day"), "sample")).stream()
                .flatMap(m -> counterparts.contains(m.getFirst().id()) ? java.util.stream.Stream.of(m.getSecond().id())
                        : counterparts.contains(m.getSecond().id()) ? java.util.stream.Stream.of(m.getFirst().id())
                        : java.util.stream.Stream.empty())
                .filter(id -> !id.equals(absent))
                .collect(Collectors.groupingBy(id -> id, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        backend.day().absent("day", before);

        TheDay.Absence absence = backend.day().absent("day", absent);

        assertFalse(absence.offers().isEmpty());
        absence.offers().forEach(o -> o.suggestions().forEach(s -> assertFalse(s.participant().equals(before),
                before + " is absent: " + o)));
    }

    @Test
    void aParticipantMarkedAbsentIsOfferedNobodyForSelfServiceAndOfferedToNobody() {
        // A request the published schedule does not hold, so that the startup has a counterpart to be offered.
        java.util.Set<java.util.Set<String>> met = published.meetings().stream()
                .map(p -> java.util.Set.of(p.first(), p.second())).collect(Collectors.toSet());
        org.b2g.core.domain.Event event = org.b2g.core.io.EventJson.read(TestService.sampleEvent("day"), "sample");
        String[] pair = event.participants().stream().filter(s -> s.role() == org.b2g.core.domain.Role.STARTUP)
                .flatMap(s -> event.participants().stream().filter(a -> a.role() == org.b2g.core.domain.Role.AGENCY
                        && !met.contains(java.util.Set.of(s.id(), a.id())) && !event.excluded(s.id(), a.id()))
                        .map(a -> new String[] {s.id(), a.id()}))
                .findFirst().orElseThrow();
        edit(e -> jakarta.json.Json.createObjectBuilder(e).add("requests", jakarta.json.Json.createArrayBuilder(
                e.getJsonArray("requests")).add(jakarta.json.Json.createObjectBuilder().add("from", pair[0])
                        .add("to", pair[1]))).build());
        assertTrue(counterpartIds(pair[0]).contains(pair[1]), "offered before: " + counterpartIds(pair[0]));

        backend.day().absent("day", pair[1]);

        assertFalse(counterpartIds(pair[0]).contains(pair[1]), "an absent participant is not offered");
        assertEquals(List.of(), counterpartIds(pair[1]), "nor offered anybody");
    }

    @Test
    void everySlotAnAbsenceFreesComesWithTheMeetingsThatFitThereWheneverThereIsOne() {
        org.b2g.core.domain.Event event = org.b2g.core.io.EventJson.read(TestService.sampleEvent("day"), "sample");
        String absent = busiest();

        TheDay.Absence absence = backend.day().absent("day", absent);

        org.b2g.core.repair.Openings openings = org.b2g.core.repair.Openings.of(event,
                ScheduleJson.read(backend.publication().body("day", absence.version()), "v2"), "v2");
        int withSuggestions = 0;
        for (TheDay.Offer offer : absence.offers()) {
            org.b2g.core.domain.Participant c = event.participant(offer.counterpart());
            boolean fits = event.participants().stream().anyMatch(p -> p.role() != c.role() && !p.id().equals(absent)
                    && openings.find(c.id(), p.id(), 100).openings().stream()
                            .anyMatch(o -> o.slot().index() == offer.slot()));
            assertEquals(fits, !offer.suggestions().isEmpty(), offer.toString());
            for (TheDay.Suggestion s : offer.suggestions()) {
                assertTrue(openings.find(c.id(), s.participant(), 100).openings().stream()
                        .anyMatch(o -> o.slot().index() == offer.slot() && o.table().id().equals(s.table())), s
                        + " fits in slot " + offer.slot());
            }
            withSuggestions += offer.suggestions().isEmpty() ? 0 : 1;
        }
        assertTrue(withSuggestions > 0, "some freed slot can be used: " + absence.offers());
    }

    @Test
    void theHeldMeetingOfAParticipantMarkedAbsentCannotBeMarkedToComeAgainWhileItIsAbsent() {
        String absent = busiest();
        ScheduleFile.Placement held = meetingsOf(published, absent).get(0);
        backend.day().mark("day", held.id(), absent, true, Attendance.HELD);
        backend.day().absent("day", absent);

        for (Attendance state : new Attendance[] {null, Attendance.NO_SHOW}) {
            Publication.RejectedException refused = assertThrows(Publication.RejectedException.class,
                    () -> backend.day().mark("day", held.id(), absent, true, state));
            assertEquals(Publication.RejectedException.Reason.HISTORY, refused.reason());
            assertTrue(refused.getMessage().startsWith(absent + " is marked absent; its meeting (" + held.id()
                    + ") stayed in the schedule because it was marked held."), refused.getMessage());
        }
        assertEquals(Attendance.HELD, backend.day().status("day").meetings().stream()
                .filter(m -> m.meetingId().equals(held.id())).findFirst().orElseThrow().state(), "still held");

        backend.day().present("day", absent);
        backend.day().mark("day", held.id(), absent, true, null);
        assertNull(backend.day().status("day").meetings().stream().filter(m -> m.meetingId().equals(held.id()))
                .findFirst().orElseThrow().state(), "once the absence is taken back");
    }

    @Test
    void anAcceptedMeetingMarkedHeldCannotBeCancelledOutOfTheSchedule() {
        backend.selfService().setEnabled("day", true);
        org.b2g.core.domain.Event event = org.b2g.core.io.EventJson.read(TestService.sampleEvent("day"), "sample");
        org.b2g.core.repair.Openings openings = org.b2g.core.repair.Openings.of(event, published, "published");
        String[] pair = event.participants().stream().filter(s -> s.role() == org.b2g.core.domain.Role.STARTUP)
                .flatMap(s -> event.participants().stream().filter(a -> a.role() == org.b2g.core.domain.Role.AGENCY
                        && openings.find(s.id(), a.id(), 1).found()).map(a -> new String[] {s.id(), a.id()}))
                .findFirst().orElseThrow();
        int slot = openings.find(pair[0], pair[1], 1).openings().get(0).slot().index();
        String request = backend.selfService().ask("day", pair[0], pair[1], slot).id();
        String meeting = backend.selfService().accept("day", pair[1], request).meetingId();
        backend.day().mark("day", meeting, pair[0], true, Attendance.HELD);
        int versions = backend.publication().versions("day").size();

        SelfService.RejectedException refused = assertThrows(SelfService.RejectedException.class,
                () -> backend.selfService().cancel("day", pair[0], request));

        assertEquals(SelfService.RejectedException.Reason.NOT_PENDING, refused.reason());
        assertTrue(refused.getMessage().endsWith("was marked held: it took place and stays in the schedule (a mark"
                + " set by mistake can be taken back first)."), refused.getMessage());
        assertEquals(versions, backend.publication().versions("day").size(), "nothing published");
        assertTrue(backend.day().status("day").meetings().stream().anyMatch(m -> m.meetingId().equals(meeting)));
        backend.day().mark("day", meeting, pair[0], true, null);
        assertEquals(RequestRepository.State.CANCELLED, backend.selfService().cancel("day", pair[0], request).state(),
                "once the mark is taken back");
    }

    @Test
    void anAbsenceTakenBackPutsItsMeetingsBackWhereTheyWereInANewVersion() {
        String absent = busiest();
        List<ScheduleFile.Placement> mine = meetingsOf(published, absent);
        backend.day().mark("day", mine.get(0).id(), absent, true, Attendance.HELD);
        TheDay.Absence absence = backend.day().absent("day", absent);

        TheDay.Presence presence = backend.day().present("day", absent);

        assertEquals(3, presence.version());
        assertEquals(List.of(), presence.notRestored());
        assertEquals(java.util.Set.copyOf(absence.cancelled()), presence.restored().stream()
                .map(TheDay.Restored::meetingId).collect(Collectors.toSet()));
        ScheduleFile now = ScheduleJson.read(backend.publication().body("day", 3), "v3");
        assertEquals(placesOf(meetingsOf(published, absent)), placesOf(meetingsOf(now, absent)),
                "every meeting at its slot and table again");
        assertEquals(java.util.Set.of(), backend.day().status("day").absent());
        assertTrue(backend.publication().versions("day").get(2).note().contains("no longer absent"),
                backend.publication().versions("day").get(2).note());
        Publication.RejectedException again = assertThrows(Publication.RejectedException.class,
                () -> backend.day().present("day", absent));
        assertEquals(Publication.RejectedException.Reason.NO_SUCH_MEETING, again.reason());
        assertEquals(absent + " is not marked absent; there is no absence to take back.", again.getMessage());
        assertEquals(3, backend.publication().versions("day").size(), "nothing published by the refusal");
        assertEquals(mine.size() - 1, backend.day().absent("day", absent).cancelled().size(),
                "it can be marked absent again");
    }

    @Test
    void anAbsenceRecordedBeforeTheServiceKeptWhatItCancelledIsTakenBackFromThePublishedVersions() {
        String absent = busiest();
        TheDay.Absence absence = backend.day().absent("day", absent);
        // As a database of the release before: the absence is there, what it cancelled is not.
        backend.database().inTransaction(c -> {
            try (java.sql.Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM absence_meetings");
            }
            return null;
        });

        TheDay.Presence presence = backend.day().present("day", absent);

        assertEquals(java.util.Set.copyOf(absence.cancelled()), presence.restored().stream()
                .map(TheDay.Restored::meetingId).collect(Collectors.toSet()));
        assertEquals(placesOf(meetingsOf(published, absent)), placesOf(meetingsOf(ScheduleJson.read(
                backend.publication().body("day", presence.version()), "latest"), absent)));
    }

    @Test
    void anAbsenceTakenBackLeavesOutAFreedSlotReUsedSinceAndSaysWhy() {
        org.b2g.core.domain.Event event = org.b2g.core.io.EventJson.read(TestService.sampleEvent("day"), "sample");
        String absent = busiest();
        TheDay.Absence absence = backend.day().absent("day", absent);
        // A freed slot of a counterpart with one representative, taken since by a meeting with somebody else.
        org.b2g.core.repair.Openings openings = org.b2g.core.repair.Openings.of(event,
                ScheduleJson.read(backend.publication().body("day", 0), "latest"), "latest");
        TheDay.Offer offer = null;
        String taker = null;
        for (TheDay.Offer o : absence.offers()) {
            org.b2g.core.domain.Participant c = event.participant(o.counterpart());
            for (org.b2g.core.domain.Participant d : event.participants()) {
                if (taker == null && c.representatives() == 1 && d.role() != c.role() && !d.id().equals(absent)
                        && openings.find(d.id(), c.id(), 100).openings().stream()
                                .anyMatch(x -> x.slot().index() == o.slot())) {
                    offer = o;
                    taker = d.id();
                }
            }
        }
        assertTrue(taker != null, "a freed slot somebody else can take");
        backend.selfService().setEnabled("day", true);
        String request = backend.selfService().ask("day", taker, offer.counterpart(), offer.slot()).id();
        backend.selfService().accept("day", offer.counterpart(), request);
        String d = taker;
        TheDay.Offer o = offer;

        TheDay.Presence presence = backend.day().present("day", absent);

        assertEquals(1, presence.notRestored().size(), presence.notRestored().toString());
        TheDay.NotRestored left = presence.notRestored().get(0);
        assertEquals(o.counterpart(), left.counterpart());
        assertEquals(o.slot(), left.slot());
        assertTrue(left.reason().startsWith("its slot, " + event.slot(o.slot()) + ", was re-used since: "),
                left.reason());
        assertEquals(absence.cancelled().size() - 1, presence.restored().size());
        ScheduleFile now = ScheduleJson.read(backend.publication().body("day", presence.version()), "latest");
        assertEquals(absence.cancelled().size() - 1, meetingsOf(now, absent).size());
        assertTrue(meetingsOf(now, o.counterpart()).stream().anyMatch(p -> p.slot() == o.slot()
                && (p.first().equals(d) || p.second().equals(d))), "the new meeting stays");
    }

    @Test
    void anAbsenceTakenBackAcceptsAgainTheRequestWhoseMeetingComesBack() {
        backend.selfService().setEnabled("day", true);
        org.b2g.core.domain.Event event = org.b2g.core.io.EventJson.read(TestService.sampleEvent("day"), "sample");
        org.b2g.core.repair.Openings openings = org.b2g.core.repair.Openings.of(event, published, "published");
        String[] pair = null;
        int slot = 0;
        for (org.b2g.core.domain.Participant x : event.participants()) {
            for (org.b2g.core.domain.Participant y : event.participants()) {
                var found = pair != null || y.role() == x.role() || x == y ? List.<org.b2g.core.repair.Openings.Opening>of()
                        : openings.find(x.id(), y.id(), 1).openings();
                if (!found.isEmpty()) {
                    pair = new String[] {x.id(), y.id()};
                    slot = found.get(0).slot().index();
                }
            }
        }
        String request = backend.selfService().ask("day", pair[0], pair[1], slot).id();
        backend.selfService().accept("day", pair[1], request);
        backend.day().absent("day", pair[1]);
        assertEquals(RequestRepository.State.CANCELLED, backend.selfService().requests("day", pair[1]).stream()
                .filter(r -> r.id().equals(request)).findFirst().orElseThrow().state());

        TheDay.Presence presence = backend.day().present("day", pair[1]);

        assertEquals(List.of(request), presence.requestsReopened());
        RequestRepository.StoredRequest back = backend.selfService().requests("day", pair[1]).stream()
                .filter(r -> r.id().equals(request)).findFirst().orElseThrow();
        assertEquals(RequestRepository.State.ACCEPTED, back.state());
        assertNull(back.reason());
        assertEquals(presence.version(), back.version());
        int s = slot;
        assertTrue(meetingsOf(ScheduleJson.read(backend.publication().body("day", 0), "latest"), pair[0]).stream()
                .anyMatch(p -> p.id().equals(back.meetingId()) && p.slot() == s));
        assertEquals(RequestRepository.State.CANCELLED, backend.selfService().cancel("day", pair[0], request).state(),
                "and can be cancelled like any accepted one");
    }

    private static List<String> placesOf(List<ScheduleFile.Placement> meetings) {
        return meetings.stream().map(p -> p.id() + "@" + p.slot() + "/" + p.table()).sorted().toList();
    }

    @Test
    void anAbsenceDecidesTheSelfServiceRequestsItLeavesWithoutAFuture() {
        backend.selfService().setEnabled("day", true);
        // A participant with three others it can still meet, each in a slot both have free.
        org.b2g.core.domain.Event event = org.b2g.core.io.EventJson.read(TestService.sampleEvent("day"), "sample");
        org.b2g.core.repair.Openings openings = org.b2g.core.repair.Openings.of(event, published, "published");
        String absent = null;
        List<String> others = new java.util.ArrayList<>();
        List<Integer> slots = new java.util.ArrayList<>();
        for (org.b2g.core.domain.Participant x : event.participants()) {
            absent = x.id();
            others.clear();
            slots.clear();
            for (org.b2g.core.domain.Participant y : event.participants()) {
                if (y == x || y.role() == x.role() || others.size() == 3) {
                    continue;
                }
                var found = openings.find(x.id(), y.id(), 1).openings();
                if (!found.isEmpty()) {
                    others.add(y.id());
                    slots.add(found.get(0).slot().index());
                }
            }
            if (others.size() == 3) {
                break;
            }
        }
        assertEquals(3, others.size(), "others with a free slot");
        String accepted = backend.selfService().ask("day", others.get(0), absent, slots.get(0)).id();
        assertEquals(RequestRepository.State.ACCEPTED, backend.selfService().accept("day", absent, accepted).state());
        String a = absent;
        java.util.function.ToIntFunction<String> freeSlot = other -> org.b2g.core.repair.Openings.of(event,
                ScheduleJson.read(backend.publication().body("day", 0), "latest"), "latest").find(a, other, 1)
                .openings().get(0).slot().index();
        String asked = backend.selfService().ask("day", absent, others.get(1), freeSlot.applyAsInt(others.get(1)))
                .id();
        String askedOf = backend.selfService().ask("day", others.get(2), absent, freeSlot.applyAsInt(others.get(2)))
                .id();

        TheDay.Absence absence = backend.day().absent("day", absent);

        Map<String, RequestRepository.StoredRequest> requests = backend.selfService().requests("day", absent).stream()
                .collect(Collectors.toMap(RequestRepository.StoredRequest::id, r -> r));
        String reason = absent + " was marked absent on the day.";
        assertEquals(RequestRepository.State.CANCELLED, requests.get(asked).state(), "what it asked is withdrawn");
        assertEquals(RequestRepository.State.DECLINED, requests.get(askedOf).state(), "what it was asked is declined");
        assertEquals(RequestRepository.State.CANCELLED, requests.get(accepted).state(),
                "its accepted meeting left the schedule with the absence");
        for (String id : List.of(asked, askedOf, accepted)) {
            assertEquals(reason, requests.get(id).reason(), id);
            assertEquals("organizer", requests.get(id).closedBy(), id);
        }
        assertEquals(java.util.Set.of(asked, askedOf, accepted), java.util.Set.copyOf(absence.requestsClosed()));
        assertEquals(List.of(), backend.day().absent("day", absent).requestsClosed(), "marking again closes nothing");
    }

    @Test
    void anAbsenceAfterAnEditNotPublishedYetIsRecordedAndSaysToRepairAndPublish() {
        ScheduleFile.Placement some = published.meetings().get(0);
        String leaves = some.first();
        String absent = published.meetings().stream().flatMap(p -> java.util.stream.Stream.of(p.first(), p.second()))
                .filter(id -> !id.equals(leaves) && !id.equals(some.second())).findFirst().orElseThrow();
        edit(e -> withoutParticipant(e, leaves));

        TheDay.Absence absence = backend.day().absent("day", absent);

        assertEquals(1, absence.version(), "nothing published");
        assertEquals(List.of(), absence.cancelled());
        assertTrue(absence.waiting().contains("names a participant (" + leaves + ")"), absence.waiting());
        assertTrue(absence.waiting().contains("Repair and publish the edited event"), absence.waiting());
        assertEquals(java.util.Set.of(absent), backend.day().status("day").absent(), "the absence is recorded");

        // Self-service acceptances likewise: a conflict that says what to do, not a 400 about the published file.
        backend.selfService().setEnabled("day", true);
        String editedBody = backend.database().inTransaction(c -> backend.events().find(c, "day").body());
        org.b2g.core.domain.Event event = org.b2g.core.io.EventJson.read(editedBody, "edited");
        org.b2g.core.repair.Openings openings = org.b2g.core.repair.Openings.of(event, published, "published");
        String[] pair = null;
        int slot = 0;
        for (org.b2g.core.domain.Participant a : event.participants()) {
            for (org.b2g.core.domain.Participant b : event.participants()) {
                if (pair == null && a.role() == org.b2g.core.domain.Role.STARTUP
                        && b.role() == org.b2g.core.domain.Role.AGENCY) {
                    var found = openings.find(a.id(), b.id(), 1).openings();
                    if (!found.isEmpty()) {
                        pair = new String[] {a.id(), b.id()};
                        slot = found.get(0).slot().index();
                    }
                }
            }
        }
        assertTrue(pair != null, "a pair with a free slot");
        String[] two = pair;
        int free = slot;
        SelfService.RejectedException notAsked = assertThrows(SelfService.RejectedException.class,
                () -> backend.selfService().ask("day", two[0], two[1], free), "no request that could never be accepted");
        assertEquals(SelfService.RejectedException.Reason.NOTHING_PUBLISHED, notAsked.reason());
        assertTrue(notAsked.getMessage().endsWith("the organizer should repair and publish again."),
                notAsked.getMessage());
    }

    /** The morning session starting at {@code start} instead of 09:00: its slots are at other times. */
    private static jakarta.json.JsonObject morningAt(jakarta.json.JsonObject event, String start) {
        jakarta.json.JsonObject header = event.getJsonObject("event");
        jakarta.json.JsonArrayBuilder sessions = jakarta.json.Json.createArrayBuilder();
        for (jakarta.json.JsonObject s : header.getJsonArray("sessions").getValuesAs(jakarta.json.JsonObject.class)) {
            sessions.add(s.getString("id").equals("am") ? jakarta.json.Json.createObjectBuilder(s).add("start", start)
                    .build() : s);
        }
        return jakarta.json.Json.createObjectBuilder(event).add("event", jakarta.json.Json.createObjectBuilder(header)
                .add("sessions", sessions)).build();
    }

    @Test
    void anAbsenceWhileThePublishedSlotsAreAtOtherTimesIsRecordedButPublishesNothingUntilTheOrganizersRepair()
            throws Exception {
        // The morning starts half an hour later: republishing by slot number would put its meetings at other times.
        String absent = busiest();
        edit(e -> morningAt(e, "09:30"));

        TheDay.Absence absence = backend.day().absent("day", absent);

        assertEquals(1, backend.publication().versions("day").size(), "no version moves meetings to other times");
        assertEquals(1, absence.version());
        assertEquals(List.of(), absence.cancelled());
        assertEquals(List.of(), absence.offers());
        assertTrue(absence.waiting().startsWith(absent + " is marked absent, but published version 1 was not changed:"
                + " the published schedule names slot "), absence.waiting());
        assertTrue(absence.waiting().contains("Repair and publish the edited event"), absence.waiting());
        assertEquals(java.util.Set.of(absent), backend.day().status("day").absent(), "the absence is recorded");

        ScheduleFile repaired = solvedAgain(RepairMode.MINIMAL);
        assertEquals(List.of(), meetingsOf(repaired, absent), "the repair gives it nothing");
        int version = backend.publication().publish("day", 0).version();
        assertEquals(List.of(), meetingsOf(ScheduleJson.read(backend.publication().body("day", version), "v"),
                absent), "publishing the repair tells its counterparts");
    }

    @Test
    void anAbsenceThatWaitedIsPublishedWhenMarkedAgainOnceTheEditIsUndone() {
        String absent = busiest();
        edit(e -> morningAt(e, "09:30"));
        TheDay.Absence waited = backend.day().absent("day", absent);
        assertTrue(waited.waiting().endsWith("If the edit is undone instead, mark " + absent + " absent again."),
                waited.waiting());
        edit(e -> morningAt(e, "09:00"));

        TheDay.Absence again = backend.day().absent("day", absent);

        assertEquals(2, again.version(), "the absence is published now");
        assertFalse(again.cancelled().isEmpty());
        assertEquals(List.of(), meetingsOf(ScheduleJson.read(backend.publication().body("day", 2), "v"), absent),
                "its meetings left the schedule");
    }

    @Test
    void anEarlierVersionIsNotPublishedAgainWhileItsSlotsAreAtOtherTimes() {
        backend.day().absent("day", busiest()); // version 2
        edit(e -> morningAt(e, "09:30"));

        Publication.RejectedException refused = assertThrows(Publication.RejectedException.class,
                () -> backend.publication().publish("day", 1));

        assertEquals(Publication.RejectedException.Reason.STALE, refused.reason());
        assertTrue(refused.getMessage().matches("Published version 1 \\(of event version \\d+\\) no longer fits the"
                + " event as it is now \\(version \\d+\\): version to publish: meetings\\[.*"), refused.getMessage());
        assertTrue(refused.getMessage().contains(" since the schedule was written."), refused.getMessage());
        assertEquals(2, backend.publication().versions("day").size(), "nothing published at other times");
    }

    @Test
    void anAbsenceIsNotTakenBackWhileThePublishedSlotsAreAtOtherTimes() {
        String absent = busiest();
        backend.day().absent("day", absent); // version 2
        edit(e -> morningAt(e, "09:30"));

        Publication.RejectedException refused = assertThrows(Publication.RejectedException.class,
                () -> backend.day().present("day", absent));

        assertEquals(Publication.RejectedException.Reason.STALE, refused.reason());
        assertTrue(refused.getMessage().startsWith("Published version 2 no longer fits the event: the published"
                + " schedule names slot "), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("Repair and publish the edited event first (its change report says"
                + " who is told what), then take the absence of " + absent + " back."), refused.getMessage());
        assertEquals(2, backend.publication().versions("day").size(), "nothing published");
        assertEquals(java.util.Set.of(absent), backend.day().status("day").absent(), "the absence stands");
    }

    /** The event document without {@code participant} and what names it. */
    private static jakarta.json.JsonObject withoutParticipant(jakarta.json.JsonObject event, String participant) {
        java.util.function.Function<String, jakarta.json.JsonArrayBuilder> keep = key -> {
            jakarta.json.JsonArrayBuilder kept = jakarta.json.Json.createArrayBuilder();
            for (jakarta.json.JsonObject o : event.getJsonArray(key).getValuesAs(jakarta.json.JsonObject.class)) {
                boolean names = participant.equals(o.getString("id", null))
                        || participant.equals(o.getString("from", null)) || participant.equals(o.getString("to", null))
                        || o.containsKey("participants") && o.getJsonArray("participants").toString()
                                .contains("\"" + participant + "\"");
                if (!names) {
                    kept.add(o);
                }
            }
            return kept;
        };
        return jakarta.json.Json.createObjectBuilder(event).add("participants", keep.apply("participants"))
                .add("requests", keep.apply("requests")).add("exclusions", keep.apply("exclusions"))
                .add("meetings", keep.apply("meetings")).build();
    }

    @Test
    void aDraftMadeBeforeAnAbsenceIsNotPublishedBackOverIt() {
        String absent = busiest();
        backend.day().absent("day", absent); // version 2; the draft is still the solve's, with its meetings

        Publication.RejectedException refused = assertThrows(Publication.RejectedException.class,
                () -> backend.publication().publish("day", 0));

        assertEquals(Publication.RejectedException.Reason.STALE, refused.reason());
        assertTrue(refused.getMessage().startsWith("The draft was made before " + absent + " was marked absent on the"
                + " day and still holds " + meetingsOf(published, absent).size() + " meeting"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("; repair or solve again before publishing."), refused.getMessage());
        assertEquals(2, backend.publication().versions("day").size(), "nothing published");
        assertEquals(3, backend.publication().publish("day", 1).version(), "a roll-back is the organizer's choice");
    }

    @Test
    void aDraftMadeWhileAParticipantWasAbsentIsNotPublishedOverTheMeetingsItsAbsenceTakenBackRestored()
            throws Exception {
        String absent = busiest();
        backend.day().absent("day", absent); // version 2
        solvedAgain(RepairMode.MINIMAL); // gives the absent participant nothing
        TheDay.Presence presence = backend.day().present("day", absent); // version 3: its meetings come back
        assertFalse(presence.restored().isEmpty(), "the sample's busiest participant gets meetings back");

        Publication.RejectedException refused = assertThrows(Publication.RejectedException.class,
                () -> backend.publication().publish("day", 0));

        assertEquals(Publication.RejectedException.Reason.STALE, refused.reason());
        assertTrue(refused.getMessage().startsWith("The draft was made while " + absent + " was marked absent, whose"
                + " absence was taken back since; it does not hold " + presence.restored().size() + " meeting"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains(presence.restored().get(0).meetingId()), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("; repair or solve again before publishing."), refused.getMessage());
        assertEquals(3, backend.publication().versions("day").size(), "nothing published");

        solvedAgain(RepairMode.MINIMAL); // from version 3, which holds them
        int version = backend.publication().publish("day", 0).version();
        ScheduleFile now = ScheduleJson.read(backend.publication().body("day", version), "v" + version);
        assertEquals(placesOf(meetingsOf(ScheduleJson.read(backend.publication().body("day", 3), "v3"), absent)),
                placesOf(meetingsOf(now, absent)), "a repair after the absence was taken back keeps them");
    }

    @Test
    void anAbsenceAfterAHarmlessEditPublishesAVersionOfTheEditedEvent() {
        String absent = busiest();
        // A late registration without a meeting: the published meetings still fit, so nothing waits for the organizer.
        edit(e -> {
            jakarta.json.JsonObject someone = e.getJsonArray("participants").getJsonObject(0);
            return jakarta.json.Json.createObjectBuilder(e).add("participants", jakarta.json.Json.createArrayBuilder(
                    e.getJsonArray("participants")).add(jakarta.json.Json.createObjectBuilder(someone)
                            .add("id", "s-late").add("name", "Late Startup JSC"))).build();
        });
        int edited = backend.database().inTransaction(c -> backend.events().find(c, "day")).version();

        int away = backend.day().absent("day", absent).version();
        int back = backend.day().present("day", absent).version();

        List<Publication.Published> versions = backend.publication().versions("day");
        assertEquals(edited, versions.get(away - 1).eventVersion(), "its agendas are the edited event's");
        assertEquals(edited, versions.get(back - 1).eventVersion(), "and so are those of the absence taken back");
        assertFalse(backend.database().inTransaction(c -> backend.schedules().agenda(c, "day", "s-late")).stale());
    }

    private List<String> counterpartIds(String participant) {
        return backend.selfService().counterparts("day", participant).counterparts().stream()
                .map(c -> c.participant().id()).toList();
    }
}
