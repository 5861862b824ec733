package org.b2g.service.solving;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Meetings;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Slot;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.InputException;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.repair.ChangeReport;
import org.b2g.core.repair.Changes;
import org.b2g.core.repair.DraftMode;
import org.b2g.service.JsonFactory;
import org.b2g.service.persistence.Database;
import org.b2g.service.persistence.DayRepository;
import org.b2g.service.persistence.DayRepository.Attendance;
import org.b2g.service.persistence.EventRepository;
import org.b2g.service.persistence.RequestRepository;
import org.b2g.service.persistence.RequestRepository.State;
import org.b2g.service.persistence.RequestRepository.StoredRequest;
import org.b2g.service.persistence.ScheduleRepository;
import org.b2g.service.persistence.ScheduleRepository.StoredSchedule;
import org.b2g.service.persistence.ScheduleRepository.StoredVersion;

/**
 * Publishing: the event's draft (or an earlier published version, to roll back) becomes its next published version,
 * which agendas and calendars then show; and what a draft would change for the people of the published one.
 */
public final class Publication {

    /** Why a publication or a change report cannot be made; the HTTP layer turns it into a status. */
    public static final class RejectedException extends RuntimeException {

        /**
         * {@code HISTORY}: an edit that the meetings which took place on the day would break; {@code NO_SUCH_VERSION}:
         * a roll-back to a version never published (the client's mistake, not a state of the event to resolve).
         */
        public enum Reason {
            NO_SUCH_EVENT, NOTHING_TO_PUBLISH, STALE, NO_SUCH_MEETING, NOT_YOURS, HISTORY, NO_SUCH_VERSION
        }

        private final Reason reason;

        public RejectedException(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        /** The event is not stored (never was, or was deleted). */
        public static RejectedException noSuchEvent(String eventId) {
            return new RejectedException(Reason.NO_SUCH_EVENT, "There is no event (" + eventId + ").");
        }

        public Reason reason() {
            return reason;
        }
    }

    /**
     * A published version as the organizer sees it in listings; {@code created} is false when publishing found the
     * latest version already holding that schedule (and in listings).
     */
    public record Published(int version, int eventVersion, Instant publishedAt, String note, boolean created) {
    }

    private final Database database;
    private final EventRepository events;
    private final ScheduleRepository schedules;
    private final DayRepository day;
    private final RequestRepository requests;
    private final Clock clock;

    public Publication(Database database, EventRepository events, ScheduleRepository schedules, DayRepository day,
            RequestRepository requests, Clock clock) {
        this.database = database;
        this.events = events;
        this.schedules = schedules;
        this.day = day;
        this.requests = requests;
        this.clock = clock;
    }

    /**
     * Publishes the draft ({@code version} 0) or re-publishes an earlier version as the next one; when the latest
     * published version already is that schedule (same meetings, slots, tables and times, from the same event
     * version), answers it instead of storing a copy, so that a client retrying a publication does not grow the
     * history. A draft of the event as edited since that holds exactly the latest version's meetings makes that
     * version stand for the edited event (its agendas are written again and no longer stale) instead of a copy.
     * Publications of one event run one after the other (the event's row lock).
     *
     * @throws RejectedException when there is no such event, no draft or version, the draft was made from an
     *         earlier version of the event, or before what a publication since holds and it does not (an absence,
     *         an absence taken back, a self-service acceptance): solve or repair again first
     */
    public Published publish(String eventId, int version) {
        return database.inTransaction(c -> {
            EventRepository.StoredEvent event = events.findLocked(c, eventId);
            if (event == null) {
                throw RejectedException.noSuchEvent(eventId);
            }
            String body;
            int fromEventVersion;
            String note;
            StoredSchedule draft = null;
            if (version == 0) {
                draft = schedules.find(c, eventId);
                if (draft == null) {
                    throw new RejectedException(RejectedException.Reason.NOTHING_TO_PUBLISH, "The event (" + eventId
                            + ") has no draft to publish; solve it first.");
                }
                if (draft.eventVersion() != event.version()) {
                    throw new RejectedException(RejectedException.Reason.STALE, "The draft was solved from version "
                            + draft.eventVersion() + " of the event, which is now at version " + event.version()
                            + "; repair or solve again before publishing.");
                }
                body = draft.body();
                fromEventVersion = draft.eventVersion();
                note = (draft.madeBy() == DraftMode.SOLVE ? "draft solved at " : "draft repaired ("
                        + draft.madeBy().code() + ") at ") + Instant.ofEpochMilli(draft.solvedAt());
            } else {
                StoredVersion earlier = schedules.published(c, eventId, version);
                if (earlier == null) {
                    throw noSuchVersion(eventId, version, schedules.latestVersion(c, eventId));
                }
                body = earlier.body();
                fromEventVersion = earlier.eventVersion();
                note = "version " + version + " again";
            }
            StoredVersion latest = schedules.published(c, eventId, 0);
            boolean same = latest != null && sameMeetings(latest.body(), body);
            if (same && latest.eventVersion() == fromEventVersion) {
                return new Published(latest.version(), latest.eventVersion(), Instant.ofEpochMilli(
                        latest.publishedAt()), latest.note(), false);
            }
            Event current = EventJson.read(event.body(), "event " + eventId);
            if (same && version == 0 && latest.eventVersion() < fromEventVersion) {
                // The event was edited since, and the draft holds exactly the published meetings at the same times:
                // the latest version now stands for the edited event too (agendas no longer stale), without a copy.
                String confirmed = confirmedNote(latest.note(), fromEventVersion);
                MeetingSchedule schedule;
                try {
                    schedule = rebuild(current, latest.body(), "published version " + latest.version());
                } catch (InputException e) {
                    throw new RejectedException(RejectedException.Reason.STALE, "That schedule no longer fits the"
                            + " event: " + e.getMessage() + " Repair or solve again.");
                }
                schedules.confirm(c, latest.version(), fromEventVersion, schedule,
                        Instant.ofEpochMilli(latest.publishedAt()), confirmed);
                return new Published(latest.version(), fromEventVersion, Instant.ofEpochMilli(latest.publishedAt()),
                        confirmed, false);
            }
            if (version == 0) {
                requireNoMeetingOfTheAbsent(c, eventId, body);
                requireWhatCameBack(c, eventId, current, latest, draft);
                requireWhatWasAccepted(c, eventId, current, latest, draft);
            }
            requireKeepsWhatTookPlace(c, eventId, current, latest, body, version);
            MeetingSchedule schedule;
            try {
                schedule = rebuild(current, body, "version to publish");
            } catch (InputException e) {
                throw new RejectedException(RejectedException.Reason.STALE, (version == 0 ? "That schedule"
                        : "Published version " + version + " (of event version " + fromEventVersion + ")")
                        + " no longer fits the event" + (version == 0 ? "" : " as it is now (version " + event.version()
                        + ")") + ": " + e.getMessage() + " Repair or solve again.");
            }
            Instant now = clock.instant();
            int published = schedules.publish(c, fromEventVersion, schedule, body, now, note);
            Decided.meetingsNotPublished(requests, c, eventId, ScheduleJson.read(body, "version to publish")
                    .meetings(), published, now.toEpochMilli());
            // As stored (milliseconds), so that a retry answering this version says the same.
            return new Published(published, fromEventVersion, Instant.ofEpochMilli(now.toEpochMilli()), note, true);
        });
    }

    /**
     * Refuses a draft made before an absence was recorded: it still holds meetings, not marked held, of a participant
     * marked absent on the day, which publishing would give back to its counterparts' agendas. (A roll-back to an
     * earlier version is the organizer's explicit choice and is not checked.)
     */
    private void requireNoMeetingOfTheAbsent(Connection c, String eventId, String body) throws SQLException {
        Set<String> absent = day.absent(c, eventId);
        if (absent.isEmpty()) {
            return;
        }
        Map<String, Attendance> marks = day.marks(c, eventId);
        List<String> stale = new ArrayList<>();
        Set<String> involved = new TreeSet<>();
        for (ScheduleFile.Placement p : ScheduleJson.read(body, "draft").meetings()) {
            String who = absent.contains(p.first()) ? p.first() : absent.contains(p.second()) ? p.second() : null;
            if (who != null && marks.get(p.id()) != Attendance.HELD) {
                stale.add(p.id() + " (slot " + p.slot() + ")");
                involved.add(who);
            }
        }
        if (!stale.isEmpty()) {
            throw new RejectedException(RejectedException.Reason.STALE, "The draft was made before " + String.join(
                    ", ", involved) + " " + (involved.size() == 1 ? "was" : "were") + " marked absent on the day"
                    + " and still holds " + stale.size() + " meeting" + (stale.size() == 1 ? "" : "s") + " not held"
                    + " with " + (involved.size() == 1 ? "it" : "them") + ": " + String.join(", ",
                            stale.subList(0, Math.min(5, stale.size()))) + (stale.size() > 5 ? ", ..." : "")
                    + "; repair or solve again before publishing.");
        }
    }

    /**
     * Refuses a draft made while a participant was marked absent whose absence was taken back since: its job gave that
     * participant nothing beyond its meetings held, so the draft lacks those that came back with the latest published
     * versions (or, for an absence recorded while publishing waited for the organizer, never left them), and
     * publishing it would cancel them. We refuse rather than add them to the draft, which may have given their slots
     * to others; a repair from the published version keeps them. A meeting whose slot the edited event no longer has
     * (an edit not published yet) is asked for anywhere in the draft: a repair with the participant moves it.
     */
    private void requireWhatCameBack(Connection c, String eventId, Event current, StoredVersion latest,
            StoredSchedule draft) throws SQLException {
        Set<String> back = new TreeSet<>(draft.madeWhileAbsent());
        back.removeAll(day.absent(c, eventId));
        if (back.isEmpty() || latest == null) {
            return;
        }
        Set<String> placed = placed(draft.body(), "draft", current);
        Set<String> pairs = new HashSet<>();
        ScheduleJson.read(draft.body(), "draft").meetings().forEach(p -> pairs.add(pairAt(p.first(), p.second(), 0)));
        List<String> missing = new ArrayList<>();
        Set<String> involved = new TreeSet<>();
        for (ScheduleFile.Placement p : ScheduleJson.read(latest.body(), "published version").meetings()) {
            String who = back.contains(p.first()) ? p.first() : back.contains(p.second()) ? p.second() : null;
            Slot slot = p.slotIn(current);
            boolean kept = slot != null ? placed.contains(pairAt(p.first(), p.second(), slot.index()))
                    : pairs.contains(pairAt(p.first(), p.second(), 0)) || current.participant(p.first()) == null
                            || current.participant(p.second()) == null;
            if (who != null && !kept) {
                missing.add(p.id() + " (slot " + p.slot() + ")");
                involved.add(who);
            }
        }
        if (!missing.isEmpty()) {
            boolean one = involved.size() == 1;
            throw new RejectedException(RejectedException.Reason.STALE, "The draft was made while " + String.join(
                    ", ", involved) + (one ? " was" : " were") + " marked absent, whose absence" + (one ? " was" : "s"
                    + " were") + " taken back since; it does not hold " + missing.size() + " meeting"
                    + (missing.size() == 1 ? "" : "s") + " of " + (one ? "it" : "them") + " that published version "
                    + latest.version() + " holds: " + String.join(", ", missing.subList(0, Math.min(5,
                            missing.size()))) + (missing.size() > 5 ? ", ..." : "")
                    + "; repair or solve again before publishing.");
        }
    }

    /**
     * Refuses a draft made before a self-service acceptance: its job read an earlier published version, so it lacks
     * the meeting both sides agreed on, which the acceptance published at once, and publishing it would cancel that
     * meeting. As for an absence taken back, we refuse rather than add the meeting to the draft, which may have given
     * its slot to others; a repair from the published version keeps it. A meeting the edited event can no longer hold
     * (a participant left, the slot is gone) is not asked for.
     */
    private void requireWhatWasAccepted(Connection c, String eventId, Event current, StoredVersion latest,
            StoredSchedule draft) throws SQLException {
        if (draft.readVersion() == null || latest == null || latest.version() <= draft.readVersion()) {
            return;
        }
        Map<String, StoredRequest> since = new HashMap<>();
        for (StoredRequest r : requests.list(c, eventId, null)) {
            if (r.state() == State.ACCEPTED && r.version() > draft.readVersion() && r.meetingId() != null) {
                since.put(r.meetingId(), r);
            }
        }
        if (since.isEmpty()) {
            return;
        }
        Set<String> placed = placed(draft.body(), "draft", current);
        List<String> missing = new ArrayList<>();
        for (ScheduleFile.Placement p : ScheduleJson.read(latest.body(), "published version").meetings()) {
            StoredRequest r = since.get(p.id());
            Slot slot = p.slotIn(current);
            if (r != null && r.involves(p.first()) && r.involves(p.second()) && slot != null
                    && current.participant(p.first()) != null && current.participant(p.second()) != null
                    && !placed.contains(pairAt(p.first(), p.second(), slot.index()))) {
                missing.add(p.id() + " (" + p.first() + " with " + p.second() + " in slot " + p.slot() + ", request "
                        + r.id() + ", published version " + r.version() + ")");
            }
        }
        if (!missing.isEmpty()) {
            boolean one = missing.size() == 1;
            throw new RejectedException(RejectedException.Reason.STALE, "The draft was made before " + missing.size()
                    + (one ? " meeting was" : " meetings were") + " accepted in self-service and does not hold "
                    + (one ? "it" : "them") + ": " + String.join(", ", missing.subList(0, Math.min(5,
                            missing.size()))) + (missing.size() > 5 ? ", ..." : "")
                    + "; repair or solve again before publishing.");
        }
    }

    /** The meetings of a stored schedule as pairs at their slots in {@code event} (see {@link #pairAt}). */
    private static Set<String> placed(String body, String source, Event event) {
        Set<String> placed = new HashSet<>();
        for (ScheduleFile.Placement p : ScheduleJson.read(body, source).meetings()) {
            Slot slot = p.slotIn(event);
            if (slot != null) {
                placed.add(pairAt(p.first(), p.second(), slot.index()));
            }
        }
        return placed;
    }

    /** A roll-back to {@code version}, which was never published: which versions there are to roll back to. */
    private static RejectedException noSuchVersion(String eventId, int version, int latest) {
        return new RejectedException(RejectedException.Reason.NO_SUCH_VERSION, "The event (" + eventId + ") has no"
                + " published version " + version + (latest == 0 ? ": nothing is published yet; publish its draft"
                + " first (without version)." : latest == 1 ? "; its only published version is 1." : "; its published"
                + " versions are 1 to " + latest + ", the latest " + latest + "."));
    }

    /**
     * Refuses a schedule that drops or moves a meeting of the latest published version marked held or no-show: it
     * took place, and a published schedule never loses it (a roll-back to a version from before it was placed, or a
     * draft made before it was marked), even of a pair excluded since. A meeting the edited event can no longer hold
     * (a participant left, the slot is gone) is not asked for, as a repair does not keep it either. The organizer
     * repairs from the published version instead: a repair keeps such meetings where they were.
     */
    private void requireKeepsWhatTookPlace(Connection c, String eventId, Event current, StoredVersion latest,
            String body, int version) throws SQLException {
        if (latest == null) {
            return;
        }
        Map<String, Attendance> marks = day.marks(c, eventId);
        if (marks.isEmpty()) {
            return;
        }
        Set<String> placed = placed(body, "version to publish", current);
        List<String> dropped = new ArrayList<>();
        for (ScheduleFile.Placement p : ScheduleJson.read(latest.body(), "published version").meetings()) {
            Attendance mark = marks.get(p.id());
            if (mark == null || current.participant(p.first()) == null || current.participant(p.second()) == null
                    || p.slotIn(current) == null) {
                continue;
            }
            if (!placed.contains(pairAt(p.first(), p.second(), p.slotIn(current).index()))) {
                dropped.add(p.id() + " (" + p.first() + " with " + p.second() + " in slot " + p.slot() + ", "
                        + mark.code() + ")");
            }
        }
        if (!dropped.isEmpty()) {
            String what = version == 0 ? "The draft" : "Version " + version;
            throw new RejectedException(RejectedException.Reason.HISTORY, what + " does not hold " + dropped.size()
                    + " meeting" + (dropped.size() == 1 ? "" : "s") + " of published version " + latest.version()
                    + " that took place on the day, where " + (dropped.size() == 1 ? "it was" : "they were") + ": "
                    + String.join(", ", dropped.subList(0, Math.min(5, dropped.size())))
                    + (dropped.size() > 5 ? ", ..." : "") + "; a published schedule keeps every meeting marked held"
                    + " or no-show. Repair from the published version instead (a repair keeps them), or take a"
                    + " mark set by mistake back first (state=pending).");
        }
    }

    private static String pairAt(String a, String b, int slot) {
        return (a.compareTo(b) <= 0 ? a + "\n" + b : b + "\n" + a) + "\n" + slot;
    }

    /**
     * Why {@code published} no longer fits {@code event}, or null: one of its meetings names a participant, a slot or
     * a table that an edit since removed, or a slot whose number now stands for another time (a session moved, or one
     * added before it). What {@link #rebuild} refuses ({@code ScheduleFile.applyTo}), found without building the
     * schedule, so that a page can ask it too: a self-service acceptance publishes the published version
     * plus its meeting, and cannot until the organizer repairs and publishes the edited event.
     */
    static String misfit(Event event, ScheduleFile published) {
        boolean wallClock = published.readsWallClock(event);
        for (ScheduleFile.Placement p : published.meetings()) {
            for (String id : List.of(p.first(), p.second())) {
                if (event.participant(id) == null) {
                    return "the published schedule names a participant (" + id + ") that the event no longer has";
                }
            }
            if (p.slot() > event.slotCount()) {
                return "the published schedule names slot " + p.slot() + " and the event now has " + event.slotCount();
            }
            Slot now = p.slotIn(event, wallClock);
            if (now == null || now.index() != p.slot()) {
                return "the published schedule names slot " + p.slot() + " at " + p.start() + ", and the event now has "
                        + (now == null ? "no slot then" : "it as slot " + now.index());
            }
            if (p.table() != null && event.table(p.table()) == null) {
                return "the published schedule names a table (" + p.table() + ") that the event no longer has";
            }
        }
        return null;
    }

    /** The {@code b2g-schedule/1} of a published version, or null when there is no such version. */
    public String body(String eventId, int version) {
        StoredVersion stored = database.inTransaction(c -> schedules.published(c, eventId, version));
        return stored == null ? null : stored.body();
    }

    /** Every published version, oldest first. */
    public List<Published> versions(String eventId) {
        return database.inTransaction(c -> schedules.publishedVersions(c, eventId).stream()
                .map(v -> new Published(v.version(), v.eventVersion(), Instant.ofEpochMilli(v.publishedAt()),
                        v.note(), false))
                .toList());
    }

    /**
     * What publishing the draft would change for the people of the published version; a meeting marked held or
     * no-show that the draft keeps where it was counts as kept.
     *
     * @throws RejectedException when there is no event, no draft or nothing published yet
     */
    public Changes changes(String eventId) {
        record Both(EventRepository.StoredEvent event, StoredSchedule draft, StoredVersion published,
                Map<String, Attendance> marks, Set<String> agreed) {
        }
        Both both = database.inTransaction(c -> new Both(events.find(c, eventId), schedules.find(c, eventId),
                schedules.published(c, eventId, 0), day.marks(c, eventId), requests.agreedMeetings(c, eventId)));
        if (both.event() == null) {
            throw RejectedException.noSuchEvent(eventId);
        }
        if (both.draft() == null || both.published() == null) {
            throw new RejectedException(RejectedException.Reason.NOTHING_TO_PUBLISH, "The event (" + eventId + ") has "
                    + (both.draft() == null ? "no draft" : "no published version") + " to compare; "
                    + (both.draft() == null ? "solve or repair it first." : "publish a draft first."));
        }
        Event event = EventJson.read(both.event().body(), "event " + eventId);
        try {
            ScheduleFile published = ScheduleJson.read(both.published().body(), "published version");
            return Happened.listedAsKept(ChangeReport.between(event, published, ScheduleJson.read(both.draft().body(),
                    "draft"), both.draft().madeBy(), both.agreed(), "draft"), event, published, both.marks(),
                    clock.instant());
        } catch (InputException e) {
            throw new RejectedException(RejectedException.Reason.STALE, e.getMessage()
                    + " Repair or solve again to compare.");
        }
    }

    /** The note of a version once it stands for {@code eventVersion} of the event as well. */
    private static String confirmedNote(String note, int eventVersion) {
        String base = note == null ? "" : note.replaceAll("; the same for event version \\d+$", "");
        return base + "; the same for event version " + eventVersion;
    }

    /** Whether two stored schedules hold the same meetings (id, pair, slot, table, start), in any order. */
    static boolean sameMeetings(String one, String other) {
        return one.equals(other) || meetings(one, "published version").equals(meetings(other, "version to publish"));
    }

    private static Map<String, Integer> meetings(String body, String source) {
        Map<String, Integer> count = new HashMap<>();
        for (ScheduleFile.Placement p : ScheduleJson.read(body, source).meetings()) {
            boolean ordered = p.first().compareTo(p.second()) <= 0;
            count.merge(String.join("\n", p.id(), ordered ? p.first() : p.second(), ordered ? p.second() : p.first(),
                    Integer.toString(p.slot()), String.valueOf(p.table()), String.valueOf(p.start())), 1,
                    Integer::sum);
        }
        return count;
    }

    /**
     * The schedule a stored {@code b2g-schedule/1} describes, as planning entities of {@code event}: candidates
     * matched by id and pair keep their reasons; other meetings (e.g. a repair's) keep the sentences written.
     */
    static MeetingSchedule rebuild(Event event, String body, String source) {
        return rebuild(event, CandidateCache.forEvent(event), body, source);
    }

    /** As {@link #rebuild(Event, String, String)}, onto {@code candidates} (fresh ones of the event: it places them). */
    static MeetingSchedule rebuild(Event event, List<Meeting> candidates, String body, String source) {
        ScheduleFile file = ScheduleJson.read(body, source);
        MeetingSchedule schedule = new MeetingSchedule(event, candidates);
        List<ScheduleFile.Placement> extra = file.applyTo(schedule, source);
        if (!extra.isEmpty()) {
            Map<String, List<String>> reasons = reasons(body);
            List<Meeting> added = new ArrayList<>();
            for (ScheduleFile.Placement p : extra) {
                Participant a = event.participant(p.first());
                Participant b = event.participant(p.second());
                if (a == null || b == null) {
                    throw new InputException(source + ": meeting " + p.id() + " names a participant ("
                            + (a == null ? p.first() : p.second()) + ") that the event no longer has.");
                }
                added.add(Meetings.placed(event, p.id(), a, b, p.origin(), reasons.getOrDefault(p.id(), List.of()),
                        event.slot(p.slot()), p.table() == null ? null : event.table(p.table())));
            }
            schedule.getMeetings().addAll(added);
        }
        return schedule;
    }

    private static Map<String, List<String>> reasons(String body) {
        Map<String, List<String>> reasons = new HashMap<>();
        try (JsonReader reader = JsonFactory.READER.createReader(new StringReader(body))) {
            JsonObject root = reader.readObject();
            for (JsonObject meeting : root.getJsonArray("meetings").getValuesAs(JsonObject.class)) {
                JsonArray texts = meeting.getJsonArray("reasons");
                if (texts != null && meeting.containsKey("id")) {
                    reasons.put(meeting.getString("id"), texts.getValuesAs(JsonString.class).stream()
                            .map(JsonString::getString).toList());
                }
            }
        }
        return reasons;
    }
}
