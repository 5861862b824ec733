package org.b2g.service.solving;

import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.repair.Openings;
import org.b2g.service.JsonFactory;
import org.b2g.service.persistence.Database;
import org.b2g.service.persistence.DayRepository;
import org.b2g.service.persistence.DayRepository.Attendance;
import org.b2g.service.persistence.EventRepository;
import org.b2g.service.persistence.RequestRepository;
import org.b2g.service.persistence.ScheduleRepository;
import org.b2g.service.persistence.ScheduleRepository.StoredVersion;
import org.b2g.service.solving.Publication.RejectedException;
import org.b2g.service.solving.Publication.RejectedException.Reason;

/**
 * The day of the event: meetings of the published schedule marked held or no-show (by the organizer, or by a
 * participant for its own), and participants marked absent, whose meetings not held yet are cancelled in a new
 * published version; each slot that frees for a counterpart comes with the meetings that could take its place
 * without moving anybody (the one-new-meeting finder, over the counterpart's candidates).
 */
public final class TheDay {

    /** Most suggestions per freed slot. */
    private static final int SUGGESTIONS = 3;

    /** A published meeting's state today. */
    public record Mark(String meetingId, String first, String second, String table, int slot, Attendance state) {
    }

    /** The day so far: the published version it refers to, each meeting's mark (null when pending), the absent. */
    public record Status(int version, List<Mark> meetings, Set<String> absent) {
    }

    /** A slot freed for {@code counterpart} by an absence, and who could meet it there instead. */
    public record Offer(String counterpart, int slot, List<Suggestion> suggestions) {
    }

    /** @param breakChange breaks of the two after minus before */
    public record Suggestion(String participant, String table, int breakChange) {
    }

    /**
     * What marking a participant absent did: the version without its meetings, their ids, the offers for the slots
     * freed, and the self-service requests it closed (declined or cancelled, with the absence as their reason).
     */
    public record Absence(int version, List<String> cancelled, List<Offer> offers, List<String> requestsClosed) {
    }

    private final Database database;
    private final EventRepository events;
    private final ScheduleRepository schedules;
    private final DayRepository day;
    private final RequestRepository requests;
    private final Clock clock;

    public TheDay(Database database, EventRepository events, ScheduleRepository schedules, DayRepository day,
            RequestRepository requests, Clock clock) {
        this.database = database;
        this.events = events;
        this.schedules = schedules;
        this.day = day;
        this.requests = requests;
        this.clock = clock;
    }

    /**
     * Marks a published meeting held, no-show, or pending again (null).
     *
     * @param participantId the participant whose meeting it is (the address names it)
     * @param byOrganizer true when the organizer marks it, false when the participant marks its own
     * @throws RejectedException when nothing is published, the meeting is not in the published version, or it is
     *         not the participant's (403 to the participant, 404 to the organizer: no such meeting of it)
     */
    public void mark(String eventId, String meetingId, String participantId, boolean byOrganizer,
            Attendance state) {
        database.inTransaction(c -> {
            ScheduleFile published = published(c, eventId);
            ScheduleFile.Placement meeting = published.meetings().stream().filter(m -> m.id().equals(meetingId))
                    .findFirst().orElseThrow(() -> new RejectedException(Reason.NO_SUCH_MEETING, "The published"
                            + " schedule of event (" + eventId + ") has no meeting (" + meetingId + ")."));
            if (!meeting.first().equals(participantId) && !meeting.second().equals(participantId)) {
                throw new RejectedException(byOrganizer ? Reason.NO_SUCH_MEETING : Reason.NOT_YOURS, "The meeting ("
                        + meetingId + ") is not one of participant (" + participantId + "); it is "
                        + meeting.first() + " with " + meeting.second() + ".");
            }
            day.mark(c, eventId, meetingId, state, clock.millis(), byOrganizer ? "organizer" : participantId);
            return null;
        });
    }

    public Status status(String eventId) {
        return database.inTransaction(c -> {
            StoredVersion version = latest(c, eventId);
            ScheduleFile published = ScheduleJson.read(version.body(), "published version " + version.version());
            Map<String, Attendance> marks = day.marks(c, eventId);
            List<Mark> list = new ArrayList<>();
            for (ScheduleFile.Placement p : published.meetings()) {
                list.add(new Mark(p.id(), p.first(), p.second(), p.table(), p.slot(), marks.get(p.id())));
            }
            return new Status(version.version(), list, day.absent(c, eventId));
        });
    }

    /**
     * Marks a participant absent: its meetings not held yet leave the published schedule (a new version), and every
     * slot this frees for a counterpart comes with up to three meetings that fit there.
     */
    public Absence absent(String eventId, String participantId) {
        return database.inTransaction(c -> {
            EventRepository.StoredEvent stored = events.lock(c, eventId) ? events.find(c, eventId) : null;
            if (stored == null) {
                throw new RejectedException(Reason.NO_SUCH_EVENT, "There is no event (" + eventId + ").");
            }
            Event event = EventJson.read(stored.body(), "event " + eventId);
            if (event.participant(participantId) == null) {
                throw new RejectedException(Reason.NO_SUCH_MEETING, "The event (" + eventId + ") has no participant ("
                        + participantId + ").");
            }
            StoredVersion version = latest(c, eventId);
            Map<String, Attendance> marks = day.marks(c, eventId);
            JsonObject body;
            try (JsonReader reader = JsonFactory.READER.createReader(new StringReader(version.body()))) {
                body = reader.readObject();
            }
            JsonArrayBuilder kept = JsonFactory.JSON.createArrayBuilder();
            JsonArrayBuilder unscheduled = JsonFactory.JSON.createArrayBuilder(
                    body.containsKey("unscheduled") ? body.getJsonArray("unscheduled") : jakarta.json.JsonValue.EMPTY_JSON_ARRAY);
            List<String> cancelled = new ArrayList<>();
            Map<String, List<Integer>> freed = new LinkedHashMap<>();
            for (JsonObject m : body.getJsonArray("meetings").getValuesAs(JsonObject.class)) {
                List<String> pair = m.getJsonArray("participants").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList();
                if (pair.contains(participantId) && marks.get(m.getString("id")) != Attendance.HELD) {
                    cancelled.add(m.getString("id"));
                    String other = pair.get(0).equals(participantId) ? pair.get(1) : pair.get(0);
                    freed.computeIfAbsent(other, k -> new ArrayList<>()).add(m.getInt("slot"));
                    unscheduled.add(JsonFactory.JSON.createObjectBuilder()
                            .add("participants", m.getJsonArray("participants"))
                            .add("origin", m.getString("origin", "request"))
                            .add("reason", event.participant(participantId).label() + " is absent"));
                } else {
                    kept.add(m);
                }
            }
            boolean first = day.markAbsent(c, eventId, participantId, clock.millis());
            List<String> closed = Decided.participantGone(requests, c, eventId, participantId, Set.copyOf(cancelled),
                    participantId + " was marked absent on the day.", clock.millis());
            if (!first && cancelled.isEmpty()) {
                return new Absence(version.version(), List.of(), List.of(), closed);
            }
            String next = JsonFactory.JSON.createObjectBuilder(body).add("meetings", kept)
                    .add("unscheduled", unscheduled).build().toString();
            MeetingSchedule rebuilt;
            try {
                rebuilt = Publication.rebuild(event, next, "published version " + version.version());
            } catch (org.b2g.core.io.InputException e) {
                // An edit since (a participant removed, a slot gone) that no publication has followed yet: the
                // organizer sees its changes before anybody is told, so the absence waits for that publication.
                throw new RejectedException(Reason.STALE, e.getMessage() + " Repair and publish the edited event"
                        + " first (its change report says who is told what), then mark " + participantId
                        + " absent.");
            }
            int published = schedules.publish(c, version.eventVersion(), rebuilt, next, clock.instant(),
                    event.participant(participantId).label() + " absent");
            return new Absence(published, cancelled, offers(event, next, day.absent(c, eventId), freed), closed);
        });
    }

    /**
     * Refuses an edit of the event that the meetings which already took place would break: a participant whose
     * {@code maxMeetings} is now below the meetings kept from the day (marked held or no-show, or in a slot that has
     * started), or whose {@code representatives} are fewer than those it kept in one slot. Such meetings stay where
     * they were in every later solve or repair, so the edit could only lead to a schedule that breaks a hard rule.
     * Runs in the caller's transaction, the one that stores the edit.
     *
     * @throws RejectedException (a conflict) naming each such participant, what it kept and the value asked
     */
    public void requireKeepsHistory(java.sql.Connection c, String eventId, Event edited) throws java.sql.SQLException {
        Happened happened = Happened.of(c, eventId, day, schedules, clock.instant());
        List<ScheduleFile.Placement> kept = happened.keptIn(edited);
        if (kept.isEmpty()) {
            return;
        }
        Map<String, Attendance> marks = day.marks(c, eventId);
        Map<String, List<ScheduleFile.Placement>> byParticipant = new LinkedHashMap<>();
        for (ScheduleFile.Placement p : kept) {
            byParticipant.computeIfAbsent(p.first(), k -> new ArrayList<>()).add(p);
            byParticipant.computeIfAbsent(p.second(), k -> new ArrayList<>()).add(p);
        }
        List<String> problems = new ArrayList<>();
        for (org.b2g.core.domain.Participant p : edited.participants()) {
            List<ScheduleFile.Placement> mine = byParticipant.getOrDefault(p.id(), List.of());
            if (mine.size() > p.maxMeetings()) {
                problems.add(p.id() + ": maxMeetings (" + p.maxMeetings() + ") is below the " + mine.size()
                        + " meetings it has had on the day (" + listed(edited, p.id(), mine, marks) + "); they stay"
                        + " in the schedule, so maxMeetings must be at least " + mine.size() + ".");
            }
            Map<Integer, List<ScheduleFile.Placement>> perSlot = new TreeMap<>();
            mine.forEach(m -> perSlot.computeIfAbsent(m.slotIn(edited).index(), k -> new ArrayList<>()).add(m));
            perSlot.forEach((slot, inSlot) -> {
                if (inSlot.size() > p.representatives()) {
                    problems.add(p.id() + ": representatives (" + p.representatives() + ") is below the "
                            + inSlot.size() + " meetings it has had at once in " + edited.slot(slot) + " ("
                            + listed(edited, p.id(), inSlot, marks) + "); representatives must be at least "
                            + inSlot.size() + ".");
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new RejectedException(Reason.HISTORY, "request body: the edit contradicts meetings that took place"
                    + " on the day: " + String.join(" ", problems) + " (A meeting marked held or no-show by mistake"
                    + " can be marked pending again first.)");
        }
    }

    /** "with a-water in slot 1 (09:00), held" for each meeting of {@code participantId}. */
    private static String listed(Event event, String participantId, List<ScheduleFile.Placement> meetings,
            Map<String, Attendance> marks) {
        List<String> items = new ArrayList<>();
        for (ScheduleFile.Placement m : meetings) {
            Attendance mark = marks.get(m.id());
            items.add("with " + (m.first().equals(participantId) ? m.second() : m.first()) + " in " + m.slotIn(event)
                    + ", " + (mark == null ? "slot started" : mark.code()));
        }
        return String.join("; ", items);
    }

    /** For each slot freed for a counterpart, who could meet it there instead: never a participant marked absent. */
    private static List<Offer> offers(Event event, String body, Set<String> absent, Map<String, List<Integer>> freed) {
        if (freed.isEmpty()) {
            return List.of();
        }
        Openings openings = Openings.of(event, ScheduleJson.read(body, "published version"), "published version");
        Map<String, Set<String>> partners = new TreeMap<>();
        Set<String> wanted = new HashSet<>(freed.keySet());
        for (Meeting candidate : CandidateCache.forEvent(event)) {
            String a = candidate.getFirst().id();
            String b = candidate.getSecond().id();
            if (absent.contains(a) || absent.contains(b)) {
                continue;
            }
            if (wanted.contains(a)) {
                partners.computeIfAbsent(a, k -> new java.util.LinkedHashSet<>()).add(b);
            }
            if (wanted.contains(b)) {
                partners.computeIfAbsent(b, k -> new java.util.LinkedHashSet<>()).add(a);
            }
        }
        List<Offer> offers = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : freed.entrySet()) {
            for (int slot : e.getValue()) {
                List<Suggestion> suggestions = new ArrayList<>();
                for (String partner : partners.getOrDefault(e.getKey(), Set.of())) {
                    if (suggestions.size() >= SUGGESTIONS) {
                        break;
                    }
                    for (Openings.Opening o : openings.find(e.getKey(), partner, 1_000).openings()) {
                        if (o.slot().index() == slot) {
                            suggestions.add(new Suggestion(partner, o.table().id(), o.breakChange()));
                        }
                    }
                }
                offers.add(new Offer(e.getKey(), slot, suggestions));
            }
        }
        return offers;
    }

    private StoredVersion latest(java.sql.Connection c, String eventId) throws java.sql.SQLException {
        if (events.find(c, eventId) == null) {
            throw new RejectedException(Reason.NO_SUCH_EVENT, "There is no event (" + eventId + ").");
        }
        StoredVersion version = schedules.published(c, eventId, 0);
        if (version == null) {
            throw new RejectedException(Reason.NOTHING_TO_PUBLISH, "The event (" + eventId + ") has no published"
                    + " schedule yet; publish one first.");
        }
        return version;
    }

    private ScheduleFile published(java.sql.Connection c, String eventId) throws java.sql.SQLException {
        StoredVersion version = latest(c, eventId);
        return ScheduleJson.read(version.body(), "published version " + version.version());
    }
}
