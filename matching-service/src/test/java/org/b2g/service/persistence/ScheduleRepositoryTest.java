package org.b2g.service.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Origin;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.matching.Candidates;
import org.b2g.core.repair.DraftMode;
import org.b2g.service.TestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schedules, agendas and calendar sequences in a real HSQLDB file database. */
class ScheduleRepositoryTest {

    @TempDir
    Path dir;
    private Database database;
    private String url;
    private final EventRepository events = new EventRepository();
    private final ScheduleRepository schedules = new ScheduleRepository();
    private Event event;

    @BeforeEach
    void open() {
        database = Database.open(url(), 2);
        event = EventJson.read(TestService.sampleEvent(), "sample");
        database.inTransaction(c -> events.insert(c, event.id(), event.name(), 10, 1L, TestService.sampleEvent()));
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** The same database each time: a file database in the test's folder, or one PostgreSQL schema. */
    private String url() {
        if (url == null) {
            url = org.b2g.service.TestDatabase.url("jdbc:hsqldb:file:" + dir.resolve("db").resolve("b2g"));
        }
        return url;
    }

    /** The sample's required meeting placed at {@code slot} and table T1, or left out when slot is 0. */
    private MeetingSchedule withOpeningAt(int slot) {
        List<Meeting> meetings = Candidates.forEvent(event);
        Meeting opening = meetings.stream().filter(m -> m.getId().equals("m-opening")).findFirst().orElseThrow();
        if (slot > 0) {
            opening.setSlot(event.slot(slot));
            opening.setTable(event.table("T1"));
        }
        return new MeetingSchedule(event, meetings);
    }

    /** Solved and published at once, as the organizer who publishes every draft would. */
    private void save(MeetingSchedule schedule) {
        database.inTransaction(c -> {
            Instant at = Instant.parse("2024-10-01T00:00:00Z");
            schedules.saveDraft(c, 1, schedule, ScheduleJson.toJson(schedule), at, DraftMode.SOLVE, Set.of(),
                    schedules.latestVersion(c, event.id()));
            return schedules.publish(c, 1, schedule, ScheduleJson.write(schedule), at, "test");
        });
    }

    @Test
    void aDraftReachesNoAgendaUntilItIsPublishedAndKeepsWhatMadeIt() {
        MeetingSchedule schedule = withOpeningAt(2);
        database.inTransaction(c -> {
            schedules.saveDraft(c, 1, schedule, ScheduleJson.toJson(schedule), Instant.parse("2024-10-01T00:00:00Z"),
                    DraftMode.FREEZE, Set.of("s-docs", "a-water"), 3);
            return null;
        });
        assertEquals(DraftMode.FREEZE, database.inTransaction(c -> schedules.find(c, event.id())).madeBy());
        assertEquals(Set.of("s-docs", "a-water"), database.inTransaction(c -> schedules.find(c, event.id()))
                .madeWhileAbsent());
        assertEquals(3, database.inTransaction(c -> schedules.find(c, event.id())).readVersion());
        assertNull(database.inTransaction(c -> schedules.agenda(c, event.id(), "s-vision")));

        save(schedule);
        assertNotNull(database.inTransaction(c -> schedules.agenda(c, event.id(), "s-vision")));
    }

    @Test
    void numbersPublishedVersionsAndKeepsTheEarlierOnes() {
        save(withOpeningAt(2));
        save(withOpeningAt(4));
        assertEquals(2, (int) database.inTransaction(c -> schedules.latestVersion(c, event.id())));
        assertEquals(List.of(1, 2), database.inTransaction(c -> schedules.publishedVersions(c, event.id())).stream()
                .map(ScheduleRepository.StoredVersion::version).toList());
        assertTrue(database.inTransaction(c -> schedules.published(c, event.id(), 1)).body().contains("\"slot\": 2")
                || database.inTransaction(c -> schedules.published(c, event.id(), 1)).body().contains("\"slot\":2"));
        assertEquals("2024-10-10T10:00:00+07:00", openingIn(agendaOf("s-vision")).getString("start"));
    }

    private JsonObject agendaOf(String participant) {
        ScheduleRepository.StoredAgenda stored = database.inTransaction(c -> schedules.agenda(c, event.id(),
                participant));
        return Json.createReader(new StringReader(stored.body())).readObject();
    }

    private JsonObject openingIn(JsonObject agenda) {
        return agenda.getJsonArray("meetings").stream().map(v -> v.asJsonObject())
                .filter(m -> m.getString("id").equals("m-opening")).findFirst().orElseThrow();
    }

    @Test
    void keepsUidAndSequenceWhileAMeetingStaysPut() {
        save(withOpeningAt(2));
        JsonObject first = openingIn(agendaOf("s-vision"));
        save(withOpeningAt(2));
        JsonObject again = openingIn(agendaOf("s-vision"));
        assertEquals(first.getString("uid"), again.getString("uid"));
        assertEquals(0, again.getInt("sequence"));
    }

    @Test
    void raisesTheSequenceWhenAMeetingMovesIsCancelledOrComesBack() {
        save(withOpeningAt(2));
        String uid = openingIn(agendaOf("a-transport")).getString("uid");
        save(withOpeningAt(4));
        JsonObject moved = openingIn(agendaOf("a-transport"));
        assertEquals(uid, moved.getString("uid"));
        assertEquals(1, moved.getInt("sequence"));
        assertEquals("2024-10-10T10:00:00+07:00", moved.getString("start"));

        save(withOpeningAt(0));
        JsonObject agenda = agendaOf("a-transport");
        assertTrue(agenda.getJsonArray("meetings").isEmpty());
        JsonObject cancelled = agenda.getJsonArray("cancelled").getJsonObject(0);
        assertEquals(uid, cancelled.getString("uid"));
        assertEquals(2, cancelled.getInt("sequence"));

        save(withOpeningAt(0));
        assertEquals(2, agendaOf("a-transport").getJsonArray("cancelled").getJsonObject(0).getInt("sequence"));
        save(withOpeningAt(5));
        assertEquals(3, openingIn(agendaOf("a-transport")).getInt("sequence"));
        assertTrue(agendaOf("a-transport").getJsonArray("cancelled").isEmpty());
    }

    /** The pair of the sample's required meeting agreed on in self-service instead, at {@code slot} and table T1. */
    private MeetingSchedule agreedAt(int slot) {
        List<Meeting> meetings = new ArrayList<>(Candidates.forEvent(event));
        Meeting opening = meetings.stream().filter(m -> m.getId().equals("m-opening")).findFirst().orElseThrow();
        meetings.remove(opening);
        Meeting agreed = new Meeting("self-1", opening.getFirst(), opening.getSecond(), Origin.REQUEST, 1, 0,
                List.of(), null, List.of(event.slot(slot)), List.of(event.table("T1")), List.of());
        agreed.setSlot(event.slot(slot));
        agreed.setTable(event.table("T1"));
        meetings.add(agreed);
        return new MeetingSchedule(event, meetings);
    }

    @Test
    void anAgreedMeetingThatBecomesTheRequiredOneOfItsPairKeepsItsCalendarEntry() {
        save(agreedAt(2));
        JsonObject agreed = agendaOf("a-transport").getJsonArray("meetings").stream().map(v -> v.asJsonObject())
                .filter(m -> m.getString("id").equals("self-1")).findFirst().orElseThrow();
        save(withOpeningAt(2));
        JsonObject agenda = agendaOf("a-transport");
        assertEquals(agreed.getString("uid"), openingIn(agenda).getString("uid"), "the same calendar entry");
        assertEquals(0, openingIn(agenda).getInt("sequence"), "nothing about it changed");
        assertTrue(agenda.getJsonArray("cancelled").isEmpty(), "nothing is cancelled: " + agenda);

        save(withOpeningAt(4));
        assertEquals(agreed.getString("uid"), openingIn(agendaOf("a-transport")).getString("uid"));
        assertEquals(1, openingIn(agendaOf("a-transport")).getInt("sequence"), "moved");
        assertTrue(agendaOf("a-transport").getJsonArray("cancelled").isEmpty());
    }

    @Test
    void writesAnAgendaForEveryParticipantEvenWithoutMeetings() {
        save(withOpeningAt(2));
        JsonObject idle = agendaOf("s-shield");
        assertEquals("b2g-agenda/1", idle.getString("format"));
        assertEquals("CyberShield VN", idle.getJsonObject("participant").getString("name"));
        assertTrue(idle.getJsonArray("meetings").isEmpty());
        JsonObject opening = openingIn(agendaOf("s-vision"));
        assertEquals("a-transport", opening.getJsonObject("counterpart").getString("id"));
        assertEquals("Table 1", opening.getJsonObject("table").getString("name"));
    }

    @Test
    void marksAnAgendaStaleOnceTheEventIsReplaced() {
        save(withOpeningAt(2));
        assertFalse(database.inTransaction(c -> schedules.agenda(c, event.id(), "s-vision")).stale());
        database.inTransaction(c -> events.replace(c, event.id(), "renamed", 10, 2L, TestService.sampleEvent()));
        assertTrue(database.inTransaction(c -> schedules.agenda(c, event.id(), "s-vision")).stale());
    }

    @Test
    void deletesScheduleAndAgendasWithTheEvent() {
        save(withOpeningAt(2));
        boolean deleted = database.inTransaction(c -> events.delete(c, event.id()));
        assertTrue(deleted);
        assertNull(database.inTransaction(c -> schedules.find(c, event.id())));
        assertNull(database.inTransaction(c -> schedules.agenda(c, event.id(), "s-vision")));
    }

    @Test
    void keepsCommittedWritesAcrossReopening() {
        save(withOpeningAt(3));
        database.close();
        database = Database.open(url(), 1);
        int version = database.inTransaction(c -> events.version(c, event.id()));
        assertEquals(1, version);
        assertNotNull(database.inTransaction(c -> schedules.find(c, event.id())));
        assertEquals(0, openingIn(agendaOf("s-vision")).getInt("sequence"));
    }

    @Test
    void rollsBackEverythingAUnitOfWorkDidWhenItFails() {
        try {
            database.inTransaction(c -> {
                events.insert(c, "half", "half", 1, 1L, "{}");
                throw new IllegalStateException("fails after the insert");
            });
        } catch (IllegalStateException expected) {
            // the point of the test
        }
        int version = database.inTransaction(c -> events.version(c, "half"));
        assertEquals(0, version);
    }
}
