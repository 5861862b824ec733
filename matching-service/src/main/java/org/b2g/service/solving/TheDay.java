package org.b2g.service.solving;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Slot;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.InputException;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.matching.Relevance;
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
     * {@code waiting} says why nothing was published (the absence is recorded, the published version is left as it
     * was until the organizer repairs and publishes the edited event), null when the version was published.
     */
    public record Absence(int version, List<String> cancelled, List<Offer> offers, List<String> requestsClosed,
            String waiting) {
    }

    /** A meeting cancelled by an absence and put back when the absence was taken back, at {@code table}. */
    public record Restored(String meetingId, String counterpart, int slot, String table) {
    }

    /** A meeting cancelled by an absence that could not be put back, and why. */
    public record NotRestored(String meetingId, String counterpart, int slot, String reason) {
    }

    /**
     * What taking an absence back did: the version published (the meetings put back, in the change history as
     * "... no longer absent"), the meetings that could not come back, and the self-service requests accepted again
     * because their meeting came back. {@code note} says why nothing was published (the absence was recorded while
     * publishing waited for the organizer, and no version holds it), {@code version} then being the latest one; null
     * when the version was published.
     */
    public record Presence(int version, List<Restored> restored, List<NotRestored> notRestored,
            List<String> requestsReopened, String note) {
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
            if (state != Attendance.HELD && day.marks(c, eventId).get(meetingId) == Attendance.HELD) {
                Set<String> absent = day.absent(c, eventId);
                String who = absent.contains(meeting.first()) ? meeting.first()
                        : absent.contains(meeting.second()) ? meeting.second() : null;
                if (who != null) {
                    // Its absence cancelled every meeting of its not held: this one would be left to come.
                    throw new RejectedException(Reason.HISTORY, who + " is marked absent; its meeting (" + meetingId
                            + ") stayed in the schedule because it was marked held. To mark it "
                            + (state == null ? "pending" : state.code()) + ", take the absence back first (DELETE"
                            + " .../participants/" + who + "/absence), then mark the meeting and " + who
                            + " absent again.");
                }
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
     * Marks a participant absent: its meetings not held yet leave the published schedule (a new version, of the
     * event as it is now, against which it is written), and every slot this frees for a counterpart comes with up to
     * three meetings that fit there.
     */
    public Absence absent(String eventId, String participantId) {
        return database.inTransaction(c -> {
            EventRepository.StoredEvent stored = events.findLocked(c, eventId);
            if (stored == null) {
                throw RejectedException.noSuchEvent(eventId);
            }
            Event event = EventJson.read(stored.body(), "event " + eventId);
            if (event.participant(participantId) == null) {
                throw new RejectedException(Reason.NO_SUCH_MEETING, "The event (" + eventId + ") has no participant ("
                        + participantId + ").");
            }
            StoredVersion version = latest(c, eventId);
            String misfit = Publication.misfit(event, ScheduleJson.read(version.body(), "published version "
                    + version.version()));
            if (misfit != null) {
                return waiting(c, eventId, event, participantId, version.version(), misfit);
            }
            Map<String, Attendance> marks = day.marks(c, eventId);
            JsonObject body;
            try (JsonReader reader = JsonFactory.READER.createReader(new StringReader(version.body()))) {
                body = reader.readObject();
            }
            JsonArrayBuilder kept = JsonFactory.JSON.createArrayBuilder();
            JsonArrayBuilder unscheduled = JsonFactory.JSON.createArrayBuilder(
                    body.containsKey("unscheduled") ? body.getJsonArray("unscheduled") : JsonValue.EMPTY_JSON_ARRAY);
            List<String> cancelled = new ArrayList<>();
            List<JsonObject> cancelledMeetings = new ArrayList<>();
            Map<String, List<Integer>> freed = new LinkedHashMap<>();
            for (JsonObject m : body.getJsonArray("meetings").getValuesAs(JsonObject.class)) {
                List<String> pair = m.getJsonArray("participants").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString).toList();
                if (pair.contains(participantId) && marks.get(m.getString("id")) != Attendance.HELD) {
                    cancelled.add(m.getString("id"));
                    cancelledMeetings.add(m);
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
                return new Absence(version.version(), List.of(), List.of(), closed, null);
            }
            String next = JsonFactory.JSON.createObjectBuilder(body).add("meetings", kept)
                    .add("unscheduled", unscheduled).build().toString();
            MeetingSchedule rebuilt;
            try {
                rebuilt = Publication.rebuild(event, next, "published version " + version.version());
            } catch (InputException e) {
                // An edit since (a participant removed, a slot gone) that no publication has followed yet: the
                // organizer sees its changes before anybody is told, so the absence waits for that publication.
                throw new RejectedException(Reason.STALE, e.getMessage() + " Repair and publish the edited event"
                        + " first (its change report says who is told what), then mark " + participantId
                        + " absent.");
            }
            int published = schedules.publish(c, stored.version(), rebuilt, next, clock.instant(),
                    event.participant(participantId).label() + " absent");
            for (JsonObject m : cancelledMeetings) {
                day.recordCancelled(c, eventId, participantId, m.getString("id"), published, m.toString());
            }
            return new Absence(published, cancelled, offers(event, next, day.absent(c, eventId), freed,
                    Happened.started(event, clock.instant())), closed, null);
        });
    }

    /**
     * An absence while the published version no longer fits the edited event (see {@link Publication#misfit}): the
     * participant is absent all the same, so that is recorded and its pending requests are closed, but no version is
     * published: the published meetings, written back under their slot numbers, would be at other times (or name
     * what the event no longer has). The organizer's repair gives the absent participant no meeting beyond those held,
     * and publishing it tells its counterparts; until then the published version stands, as self-service pauses.
     */
    private Absence waiting(Connection c, String eventId, Event event, String participantId, int version,
            String misfit) throws SQLException {
        day.markAbsent(c, eventId, participantId, clock.millis());
        List<String> closed = Decided.participantGone(requests, c, eventId, participantId, Set.of(),
                participantId + " was marked absent on the day.", clock.millis());
        return new Absence(version, List.of(), List.of(), closed, participantId + " is marked absent, but published"
                + " version " + version + " was not changed: " + misfit + ". Repair and publish the edited event: the"
                + " repair gives " + participantId + " no meeting beyond those held, and its change report says who is"
                + " told what. If the edit is undone instead, mark " + participantId + " absent again.");
    }

    /**
     * Takes back an absence recorded by mistake: the participant takes part again, and each meeting its absence
     * cancelled comes back in a new published version, in its slot and at its table (another free one in that slot
     * when the table was taken since), unless it can no longer take place: its slot has started or is gone, the
     * counterpart left, was marked absent too, is excluded from the pair, or the slot was re-used since (either side
     * now busy then, fully booked, no table free, or the break cap). Those are listed with the reason. Accepted
     * self-service requests that the absence cancelled are accepted again when their meeting comes back. The new
     * version is published even when nothing comes back, so that the versions record the absence taken back; but an
     * absence recorded while publishing waited for the organizer, with nothing published since, is in no version: it
     * is taken back without publishing anything, also while the published version does not fit the edited event.
     *
     * @throws RejectedException 404 when the participant is not marked absent; 409 when an edit since is not
     *         published yet (as for an absence) and the absence is in a published version
     */
    public Presence present(String eventId, String participantId) {
        return database.inTransaction(c -> {
            EventRepository.StoredEvent stored = events.findLocked(c, eventId);
            if (stored == null) {
                throw RejectedException.noSuchEvent(eventId);
            }
            Event event = EventJson.read(stored.body(), "event " + eventId);
            Long since = day.absentSince(c, eventId, participantId);
            if (since == null) {
                throw new RejectedException(Reason.NO_SUCH_MEETING, event.participant(participantId) == null
                        ? "The event (" + eventId + ") has no participant (" + participantId + ")."
                        : participantId + " is not marked absent; there is no absence to take back.");
            }
            StoredVersion version = latest(c, eventId);
            List<DayRepository.Cancelled> cancelled = day.cancelledBy(c, eventId, participantId);
            int after = cancelled.isEmpty() ? firstPublishedSince(c, eventId, since) : 0;
            if (cancelled.isEmpty() && after == 0) {
                // Recorded while publishing waited for the organizer (see waiting), and nothing published since: no
                // version holds the absence, so there is nothing to restore or to record, whether the published
                // version fits the edited event or not. A draft made meanwhile, which gave the participant nothing,
                // is refused at publication as one made during any absence taken back.
                day.removeAbsence(c, eventId, participantId);
                return new Presence(version.version(), List.of(), List.of(), List.of(), participantId + " takes part"
                        + " again. Its absence was recorded while publishing waited for the organizer, and no"
                        + " published version holds it, so nothing was published: published version "
                        + version.version() + " stands.");
            }
            String misfit = Publication.misfit(event, ScheduleJson.read(version.body(), "published version "
                    + version.version()));
            if (misfit != null) {
                // Its meetings would come back under numbers that now mean other times; the absence stands, so that
                // what it cancelled can still come back once the edit is published.
                throw new RejectedException(Reason.STALE, "Published version " + version.version() + " no longer"
                        + " fits the event: " + misfit + ". Repair and publish the edited event first (its change"
                        + " report says who is told what), then take the absence of " + participantId + " back.");
            }
            if (cancelled.isEmpty()) {
                cancelled = cancelledBefore(c, eventId, participantId, after);
            }
            JsonObject body = object(version.body());
            List<JsonObject> meetings = new ArrayList<>(body.getJsonArray("meetings").getValuesAs(JsonObject.class));
            Set<String> otherAbsent = new HashSet<>(day.absent(c, eventId));
            otherAbsent.remove(participantId);
            Set<Integer> started = Happened.started(event, clock.instant());
            List<Restored> restored = new ArrayList<>();
            List<NotRestored> notRestored = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (DayRepository.Cancelled x : cancelled) {
                if (!seen.add(x.meetingId())) {
                    continue;
                }
                JsonObject m = object(x.meeting());
                ScheduleFile.Placement p = placement(m);
                String other = p.first().equals(participantId) ? p.second() : p.first();
                Slot slot = p.slotIn(event);
                String why = event.participant(participantId) == null ? participantId
                        + " no longer takes part in the event"
                        : event.participant(other) == null ? other + " no longer takes part in the event"
                        : slot == null ? "its slot (" + p.slot() + ") is no longer in the event"
                        : started.contains(slot.index()) ? "its slot, " + slot + ", has started"
                        : otherAbsent.contains(other) ? other + " is marked absent too"
                        : event.excluded(p.first(), p.second()) ? p.first() + " and " + p.second()
                                + " must not meet now (an exclusion)"
                        : null;
                String table = null;
                if (why == null) {
                    ScheduleFile current = ScheduleJson.read(JsonFactory.JSON.createObjectBuilder(body)
                            .add("meetings", array(meetings)).build().toString(), "published version "
                            + version.version());
                    Openings.Result found;
                    try {
                        found = Openings.of(event, current, "published version " + version.version())
                                .find(participantId, other, Integer.MAX_VALUE);
                    } catch (InputException e) {
                        throw new RejectedException(Reason.STALE, e.getMessage() + " Repair and publish the edited"
                                + " event first (its change report says who is told what), then take the absence of "
                                + participantId + " back.");
                    }
                    Openings.Opening there = found.openings().stream()
                            .filter(o -> o.slot().index() == slot.index()).findFirst().orElse(null);
                    if (there == null) {
                        why = "its slot, " + slot + ", was re-used since: " + (found.found() ? participantId + " or "
                                + other + " is busy then, or no table is free" : found.reason());
                    } else {
                        table = p.table() != null && event.table(p.table()) != null
                                && current.meetings().stream().noneMatch(q -> q.slot() == slot.index()
                                        && p.table().equals(q.table())) ? p.table() : there.table().id();
                    }
                }
                if (why != null) {
                    notRestored.add(new NotRestored(x.meetingId(), other, slot == null ? p.slot() : slot.index(),
                            why));
                    continue;
                }
                JsonObjectBuilder back = JsonFactory.JSON.createObjectBuilder(m).add("slot", slot.index());
                if (table != null) {
                    back.add("table", table);
                }
                if (slot.start() != null) {
                    back.add("start", ScheduleJson.timestamp(slot.start(), event.timeZone()))
                            .add("end", ScheduleJson.timestamp(slot.end(), event.timeZone()));
                }
                meetings.add(back.build());
                restored.add(new Restored(x.meetingId(), other, slot.index(), table));
            }
            Set<String> pairsBack = new HashSet<>();
            restored.forEach(r -> pairsBack.add(pair(participantId, r.counterpart())));
            JsonArrayBuilder unscheduled = JsonFactory.JSON.createArrayBuilder();
            if (body.containsKey("unscheduled")) {
                for (JsonObject u : body.getJsonArray("unscheduled").getValuesAs(JsonObject.class)) {
                    List<String> two = u.containsKey("participants") ? u.getJsonArray("participants")
                            .getValuesAs(JsonString.class).stream().map(JsonString::getString)
                            .toList() : List.of();
                    if (two.size() != 2 || !pairsBack.contains(pair(two.get(0), two.get(1)))) {
                        unscheduled.add(u);
                    }
                }
            }
            String next = JsonFactory.JSON.createObjectBuilder(body).add("meetings", array(meetings))
                    .add("unscheduled", unscheduled).build().toString();
            MeetingSchedule rebuilt;
            try {
                rebuilt = Publication.rebuild(event, next, "published version " + version.version());
            } catch (InputException e) {
                throw new RejectedException(Reason.STALE, e.getMessage() + " Repair and publish the edited event"
                        + " first (its change report says who is told what), then take the absence of "
                        + participantId + " back.");
            }
            day.removeAbsence(c, eventId, participantId);
            String label = event.participant(participantId) == null ? participantId
                    : event.participant(participantId).label();
            int published = schedules.publish(c, stored.version(), rebuilt, next, clock.instant(),
                    label + " no longer absent (absence taken back): " + restored.size() + " of " + seen.size()
                            + " meeting" + (seen.size() == 1 ? "" : "s") + " restored");
            Map<String, Restored> byMeeting = new HashMap<>();
            restored.forEach(r -> byMeeting.put(r.meetingId(), r));
            List<String> reopened = new ArrayList<>();
            String reason = participantId + " was marked absent on the day.";
            for (RequestRepository.StoredRequest r : requests.list(c, eventId, participantId)) {
                Restored back = r.meetingId() == null ? null : byMeeting.get(r.meetingId());
                if (back != null && r.state() == RequestRepository.State.CANCELLED && Decided.BY.equals(r.closedBy())
                        && reason.equals(r.reason()) && pair(r.fromId(), r.toId()).equals(pair(participantId,
                                back.counterpart()))
                        && requests.reopen(c, r, back.table(), published, clock.millis())) {
                    reopened.add(r.id());
                }
            }
            Decided.meetingsMoved(requests, c, eventId, ScheduleJson.read(next, "published version " + published)
                    .meetings(), clock.millis());
            return new Presence(published, restored, notRestored, reopened, null);
        });
    }

    /**
     * The first version published at or after {@code since} (when an absence was recorded), 0 when none was: an
     * absence publishes its version then, unless publishing waited for the organizer (see {@link #waiting}).
     */
    private int firstPublishedSince(Connection c, String eventId, long since) throws SQLException {
        for (StoredVersion v : schedules.publishedVersions(c, eventId)) {
            if (v.publishedAt() >= since) {
                return v.version();
            }
        }
        return 0;
    }

    /**
     * For an absence recorded before the service kept what absences cancel, or while publishing waited for the
     * organizer: the participant's meetings, not held, that the first version published after it ({@code made})
     * no longer holds but the one before did.
     */
    private List<DayRepository.Cancelled> cancelledBefore(Connection c, String eventId, String participantId,
            int made) throws SQLException {
        if (made < 2) {
            return List.of();
        }
        Set<String> after = new HashSet<>();
        ScheduleJson.read(schedules.published(c, eventId, made).body(), "published version " + made).meetings()
                .forEach(p -> after.add(p.id()));
        List<DayRepository.Cancelled> list = new ArrayList<>();
        for (JsonObject m : object(schedules.published(c, eventId, made - 1).body()).getJsonArray("meetings")
                .getValuesAs(JsonObject.class)) {
            ScheduleFile.Placement p = placement(m);
            if ((p.first().equals(participantId) || p.second().equals(participantId)) && !after.contains(p.id())) {
                list.add(new DayRepository.Cancelled(p.id(), made, m.toString()));
            }
        }
        return list;
    }

    private static ScheduleFile.Placement placement(JsonObject m) {
        List<String> two = m.getJsonArray("participants").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        return new ScheduleFile.Placement(m.getString("id"), two.get(0), two.get(1), m.getInt("slot"),
                m.containsKey("table") && !m.isNull("table") ? m.getString("table") : null, null,
                m.getString("start", null));
    }

    private static JsonObject object(String text) {
        try (JsonReader reader = JsonFactory.READER.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static JsonArrayBuilder array(List<JsonObject> items) {
        JsonArrayBuilder array = JsonFactory.JSON.createArrayBuilder();
        items.forEach(array::add);
        return array;
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "\n" + b : b + "\n" + a;
    }

    /**
     * Ends the absence of each participant an edit of the event removed, with the record of what it cancelled: one
     * added back later, with the same id, is a new registration and takes part (a participant cannot be absent from
     * an event it is not in). Runs in the caller's transaction, the one that stores the edit.
     */
    public void participantsLeft(Connection c, String eventId, Collection<String> removed) throws SQLException {
        for (String id : removed) {
            day.removeAbsence(c, eventId, id);
        }
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
    public void requireKeepsHistory(Connection c, String eventId, Event edited) throws SQLException {
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
        for (Participant p : edited.participants()) {
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

    /**
     * For each slot freed for a counterpart, who could meet it there instead, best first: its candidates (requests,
     * then recommendations), then anybody of the other side by relevance; never a participant marked absent, only
     * where both are free and a table is, and nobody in a slot that has started. (The candidates alone are nearly all placed already once a schedule is
     * published, which left the offers empty.)
     */
    private static List<Offer> offers(Event event, String body, Set<String> absent, Map<String, List<Integer>> freed,
            Set<Integer> started) {
        if (freed.isEmpty()) {
            return List.of();
        }
        Openings openings = Openings.of(event, ScheduleJson.read(body, "published version"), "published version");
        Relevance relevance = CandidateCache.relevance(event);
        Map<String, List<String>> partners = new TreeMap<>();
        Set<String> wanted = new HashSet<>(freed.keySet());
        for (Meeting candidate : CandidateCache.forEvent(event)) {
            String a = candidate.getFirst().id();
            String b = candidate.getSecond().id();
            if (absent.contains(a) || absent.contains(b)) {
                continue;
            }
            if (wanted.contains(a)) {
                partners.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
            }
            if (wanted.contains(b)) {
                partners.computeIfAbsent(b, k -> new ArrayList<>()).add(a);
            }
        }
        for (String id : wanted) {
            Participant counterpart = event.participant(id);
            List<String> list = partners.computeIfAbsent(id, k -> new ArrayList<>());
            Set<String> listed = new HashSet<>(list);
            event.participants().stream()
                    .filter(p -> !p.equals(counterpart) && !listed.contains(p.id()) && !absent.contains(p.id())
                            && SelfService.otherSide(counterpart, p))
                    .sorted(Comparator.comparingDouble((Participant p) ->
                            relevance.score(counterpart, p)).reversed().thenComparing(p -> p.id()))
                    .forEach(p -> list.add(p.id()));
        }
        List<Offer> offers = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : freed.entrySet()) {
            for (int slot : e.getValue()) {
                List<Suggestion> suggestions = new ArrayList<>();
                for (String partner : partners.getOrDefault(e.getKey(), List.of())) {
                    if (suggestions.size() >= SUGGESTIONS || started.contains(slot)) {
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

    private StoredVersion latest(Connection c, String eventId) throws SQLException {
        if (events.find(c, eventId) == null) {
            throw RejectedException.noSuchEvent(eventId);
        }
        StoredVersion version = schedules.published(c, eventId, 0);
        if (version == null) {
            throw new RejectedException(Reason.NOTHING_TO_PUBLISH, "The event (" + eventId + ") has no published"
                    + " schedule yet; publish one first.");
        }
        return version;
    }

    private ScheduleFile published(Connection c, String eventId) throws SQLException {
        StoredVersion version = latest(c, eventId);
        return ScheduleJson.read(version.body(), "published version " + version.version());
    }
}
