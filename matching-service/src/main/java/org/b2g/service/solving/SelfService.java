package org.b2g.service.solving;

import static org.b2g.service.JsonFactory.JSON;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Origin;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Reason;
import org.b2g.core.domain.Role;
import org.b2g.core.domain.Slot;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.InputException;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.matching.Relevance;
import org.b2g.core.repair.Openings;
import org.b2g.core.repair.Repair;
import org.b2g.service.JsonFactory;
import org.b2g.service.persistence.Database;
import org.b2g.service.persistence.DayRepository;
import org.b2g.service.persistence.EventRepository;
import org.b2g.service.persistence.EventRepository.StoredEvent;
import org.b2g.service.persistence.RequestRepository;
import org.b2g.service.persistence.RequestRepository.State;
import org.b2g.service.persistence.RequestRepository.StoredRequest;
import org.b2g.service.persistence.ScheduleRepository;
import org.b2g.service.persistence.ScheduleRepository.StoredVersion;

/**
 * Participants changing the published schedule themselves: who is worth meeting and when both are free, asking a
 * counterpart for a meeting in a slot, accepting, declining and cancelling. An accepted meeting enters the
 * published schedule at once as a new published version (agendas and calendars follow); a cancelled one leaves it
 * the same way. Acceptances and cancellations of one event run one at a time under the event's self-service row
 * lock and check the slot again against the latest published version, so two requests for one slot never both win.
 */
public final class SelfService {

    /** Why a self-service action cannot be done; the HTTP layer turns it into a status. */
    public static final class RejectedException extends RuntimeException {

        public enum Reason { NO_SUCH_EVENT, NO_SUCH_PARTICIPANT, NO_SUCH_REQUEST, OFF, NOT_YOURS, NOTHING_PUBLISHED,
            NOT_PENDING, NOT_FREE, ABSENT, REQUIRED }

        private final Reason reason;

        RejectedException(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /**
     * A counterpart one may ask, with where both are free (best first) or why there is no such place; {@code origin}
     * is the pair's candidate origin, null when the pair is no candidate (nobody asked, the engine did not
     * recommend it).
     */
    public record Counterpart(Participant participant, Origin origin, double relevance, List<Reason> reasons,
            List<Openings.Opening> openings, String reason) {
    }

    /**
     * What a participant may ask for now: counterparts in the latest published version ({@code version}), the first
     * of {@code total}; {@code paused} says why nothing can be asked for until the organizer publishes (the sentence
     * an ask is refused with), null when requests are open.
     */
    public record Offer(Event event, Participant participant, boolean enabled, int version,
            List<Counterpart> counterparts, int total, String paused) {
    }

    /** Most slots offered per counterpart. */
    static final int SLOTS_PER_COUNTERPART = 6;

    private final Database database;
    private final EventRepository events;
    private final ScheduleRepository schedules;
    private final DayRepository day;
    private final RequestRepository requests;
    private final Clock clock;
    /** Read-only candidates of recently asked events, by event id (see {@link #readOnly}). */
    private final Map<String, Matched> readOnly = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Matched> eldest) {
            return size() > 8;
        }
    };

    public SelfService(Database database, EventRepository events, ScheduleRepository schedules, DayRepository day,
            RequestRepository requests, Clock clock) {
        this.database = database;
        this.events = events;
        this.schedules = schedules;
        this.day = day;
        this.requests = requests;
        this.clock = clock;
    }

    /** Turns self-service on or off for the event. */
    public void setEnabled(String eventId, boolean enabled) {
        database.inTransaction(c -> {
            requireEvent(c, eventId);
            requests.setEnabled(c, eventId, enabled, clock.millis());
            return null;
        });
    }

    public boolean enabled(String eventId) {
        return database.inTransaction(c -> {
            requireEvent(c, eventId);
            return requests.enabled(c, eventId);
        });
    }

    /** Every request of the event ({@code participantId} null) or of one participant, oldest first. */
    public List<StoredRequest> requests(String eventId, String participantId) {
        return database.inTransaction(c -> {
            Event event = EventJson.read(requireEvent(c, eventId).body(), "event " + eventId);
            if (participantId != null) {
                requireParticipant(event, participantId);
            }
            return requests.list(c, eventId, participantId);
        });
    }

    /**
     * Closes the self-service requests of participants an edit of the event removed, in the edit's transaction: a
     * pending one asked of such a participant is declined, one it asked is cancelled (its accepted meetings leave
     * with the next publication, which cancels their requests then).
     */
    public void participantsLeft(Connection c, String eventId, Set<String> removed) throws SQLException {
        for (String id : removed) {
            Decided.participantGone(requests, c, eventId, id, Set.of(), id + " no longer takes part in the event.",
                    clock.millis());
        }
    }

    /** Counterparts listed when the caller does not say how many. */
    public static final int COUNTERPARTS = 100;

    /** The first {@link #COUNTERPARTS} counterparts, as {@link #counterparts(String, String, int)}. */
    public Offer counterparts(String eventId, String participantId) {
        return counterparts(eventId, participantId, COUNTERPARTS);
    }

    /**
     * The counterparts {@code participantId} may still meet, most relevant first, at most {@code limit}: every
     * participant of the other side (an agency for a startup, a startup for an agency, anybody for a company) and
     * every candidate of the pair (its requests and recommendations), that it does not meet yet in the published
     * version, is not excluded from meeting, is not marked absent, and has a slot where both are free and a table
     * is (by the rule an ask and an acceptance check the slot by, see {@link #openings}); each with up to
     * {@link #SLOTS_PER_COUNTERPART} such slots. A candidate without such a slot stays listed,
     * last, with the reason, since somebody asked for it or the engine recommended it. The pairs somebody asked for
     * come first (must, mutual, one-sided), then the others by relevance. None for a participant marked absent, and
     * none while requests are paused (see {@link #paused}): the list offers only what an ask would take.
     *
     * <p>Listing the candidates alone left the list empty for nearly everybody once a schedule was published: the
     * solver places almost every candidate, so only the pairs nobody proposed were left to ask for.
     */
    public Offer counterparts(String eventId, String participantId, int limit) {
        record Read(StoredEvent event, StoredVersion published, boolean enabled, Set<String> absent) {
        }
        Read read = database.inTransaction(c -> new Read(requireEvent(c, eventId),
                schedules.published(c, eventId, 0), requests.enabled(c, eventId), day.absent(c, eventId)));
        Matched matched = readOnly(read.event());
        Event event = matched.event();
        Participant self = requireParticipant(event, participantId);
        if (read.published() == null || read.absent().contains(participantId)) {
            return new Offer(event, self, read.enabled(), 0, List.of(), 0, null);
        }
        ScheduleFile file = ScheduleJson.read(read.published().body(), "published version");
        String paused = paused(event, file);
        if (paused != null) {
            return new Offer(event, self, read.enabled(), read.published().version(), List.of(), 0, paused);
        }
        Set<String> met = new HashSet<>();
        for (ScheduleFile.Placement p : file.meetings()) {
            if (p.first().equals(participantId)) {
                met.add(p.second());
            } else if (p.second().equals(participantId)) {
                met.add(p.first());
            }
        }
        Map<String, Meeting> candidateWith = new LinkedHashMap<>();
        for (Meeting candidate : matched.candidates()) {
            if (!candidate.isRequired() && candidate.involves(self)) {
                candidateWith.putIfAbsent(candidate.counterpart(self).id(), candidate);
            }
        }
        Openings openings = openings(event, file, Happened.started(event, clock.instant()));
        record Found(Participant other, Meeting candidate, double relevance, Openings.Result result) {
        }
        List<Found> found = new ArrayList<>();
        for (Participant other : event.participants()) {
            Meeting candidate = candidateWith.get(other.id());
            if (other.equals(self) || candidate == null && !otherSide(self, other)
                    || met.contains(other.id()) || read.absent().contains(other.id())
                    || event.excluded(self.id(), other.id())) {
                continue;
            }
            Openings.Result result = openings.find(self.id(), other.id(), SLOTS_PER_COUNTERPART);
            if (candidate == null && !result.found()) {
                continue;
            }
            found.add(new Found(other, candidate, candidate != null ? candidate.getRelevance()
                    : matched.relevance().score(self, other), result));
        }
        found.sort(Comparator.comparing((Found f) -> !f.result().found())
                .thenComparingInt(f -> f.candidate() == null ? 3 : asked(f.candidate().getOrigin()))
                .thenComparing(Comparator.comparingDouble(Found::relevance).reversed())
                .thenComparing(f -> f.other().id()));
        List<Counterpart> list = new ArrayList<>();
        for (Found f : found.subList(0, Math.min(limit, found.size()))) {
            List<Reason> reasons = f.candidate() != null ? f.candidate().getReasonDetails()
                    : matched.reasons(self, f.other());
            list.add(new Counterpart(f.other(), f.candidate() == null ? null : f.candidate().getOrigin(),
                    f.relevance(), reasons, f.result().openings(), f.result().reason()));
        }
        return new Offer(event, self, read.enabled(), read.published().version(), list, found.size(), null);
    }

    /** 0 for a must request, 1 mutual, 2 one-sided; 3 for a recommendation: nobody asked. */
    private static int asked(Origin origin) {
        return switch (origin) {
            case MUST -> 0;
            case MUTUAL -> 1;
            case REQUEST -> 2;
            default -> 3;
        };
    }

    private static String article(Role role) {
        return role == Role.AGENCY ? "an agency" : "a " + role.code();
    }

    /** Whether {@code other} is on the side {@code self} meets: startups meet agencies, companies anybody. */
    static boolean otherSide(Participant self, Participant other) {
        return self.role() == Role.COMPANY || other.role() == Role.COMPANY ? true
                : self.role() != other.role();
    }

    /**
     * Asks {@code toId} for a meeting with {@code fromId} in {@code slot}, which must be free for both (and have a
     * free table) in the published version now.
     */
    public StoredRequest ask(String eventId, String fromId, String toId, int slot) {
        return database.inTransaction(c -> {
            StoredEvent stored = requireEvent(c, eventId);
            Event event = EventJson.read(stored.body(), "event " + eventId);
            requireParticipant(event, fromId);
            if (toId == null || toId.isBlank()) {
                throw new InputException("request body: with is missing; expected the id of the participant to meet.");
            }
            if (event.participant(toId) == null) {
                throw new InputException("request body: with: unknown participant \"" + toId + "\".");
            }
            if (toId.equals(fromId)) {
                throw new InputException("request body: with (" + toId + ") is the participant asking; expected the"
                        + " id of another participant.");
            }
            if (slot < 1 || slot > event.slotCount()) {
                throw new InputException("request body: slot (" + slot + ") is outside 1.." + event.slotCount()
                        + ".");
            }
            Participant from = event.participant(fromId);
            Participant to = event.participant(toId);
            if (!otherSide(from, to) && readOnly(stored).candidates().stream()
                    .noneMatch(m -> m.involves(from) && m.involves(to))) {
                throw new InputException("request body: with (" + toId + ") is " + article(to.role()) + " like "
                        + fromId + "; expected " + (from.role() == Role.STARTUP ? "an agency" : "a startup")
                        + " (the counterparts route lists them), or a pair the event asks to meet.");
            }
            if (!requests.enabled(c, eventId)) {
                throw off(eventId);
            }
            // After an absence being recorded, not beside it: that absence closes the pending requests it finds.
            events.lock(c, eventId);
            requirePresent(c, eventId, fromId, toId);
            StoredVersion published = requirePublished(c, eventId);
            ScheduleFile file = ScheduleJson.read(published.body(), "published version");
            requireOpen(event, file);
            for (StoredRequest open : requests.list(c, eventId, fromId)) {
                if (open.state() == State.PENDING && open.involves(toId)) {
                    throw new RejectedException(RejectedException.Reason.NOT_PENDING, "There is already a pending"
                            + " request (" + open.id() + ") between " + fromId + " and " + toId
                            + "; answer or cancel it first.");
                }
            }
            opening(event, file, fromId, toId, slot, Happened.started(event, clock.instant()));
            Slot asked = event.slot(slot);
            return requests.insert(c, eventId, fromId, toId, slot, asked.start() == null ? null
                    : ScheduleJson.timestamp(asked.start(), event.timeZone()), clock.millis());
        });
    }

    /**
     * The counterpart accepts: the meeting enters the published schedule as its next version, in one transaction
     * that first takes the event's self-service lock and then checks the slot against the latest version.
     */
    public StoredRequest accept(String eventId, String participantId, String requestId) {
        Matched early = matched(eventId);
        return database.inTransaction(c -> {
            StoredRequest request = lockedRequest(c, eventId, requestId);
            if (!request.toId().equals(participantId)) {
                throw new RejectedException(RejectedException.Reason.NOT_YOURS, "Only " + request.toId()
                        + " can accept request " + requestId + "; " + participantId
                        + (request.fromId().equals(participantId) ? " asked for it and can cancel it." : " is not in it."));
            }
            requirePending(request);
            requirePresent(c, eventId, participantId, request.fromId());
            StoredEvent stored = requireEvent(c, eventId);
            Matched now = early.current(stored);
            Event event = now.event();
            StoredVersion published = requirePublished(c, eventId);
            ScheduleFile file = ScheduleJson.read(published.body(), "published version");
            requireOpen(event, file);
            requireSameTime(event, request);
            Openings.Opening opening = opening(event, file, request.fromId(), request.toId(), request.slot(),
                    Happened.started(event, clock.instant()));

            String meetingId = meetingId(now.candidates(), request);
            JsonObject body = read(published.body());
            JsonArrayBuilder meetings = JSON.createArrayBuilder(body.getJsonArray("meetings"));
            meetings.add(placement(event, meetingId, request, opening));
            JsonArrayBuilder unscheduled = JSON.createArrayBuilder();
            for (JsonValue item : body.getJsonArray("unscheduled")) {
                if (!samePair(item.asJsonObject(), request.fromId(), request.toId())) {
                    unscheduled.add(item);
                }
            }
            JsonObjectBuilder next = JSON.createObjectBuilder(body).add("meetings", meetings)
                    .add("unscheduled", unscheduled);
            int version = publish(c, stored.version(), event, now.candidates(), published, next, "request "
                    + requestId + " accepted: " + request.fromId() + " meets " + request.toId() + " in slot "
                    + request.slot());
            if (!requests.accept(c, request, meetingId, opening.table().id(), version, clock.millis())) {
                throw notPending(request);
            }
            return requests.find(c, eventId, requestId);
        });
    }

    /** The counterpart declines a pending request. */
    public StoredRequest decline(String eventId, String participantId, String requestId) {
        return database.inTransaction(c -> {
            StoredRequest request = existing(c, eventId, requestId);
            if (!request.toId().equals(participantId)) {
                throw new RejectedException(RejectedException.Reason.NOT_YOURS, "Only " + request.toId()
                        + " can decline request " + requestId + "; the one who asked cancels it instead.");
            }
            requirePending(request);
            if (!requests.close(c, request, State.PENDING, State.DECLINED, participantId, clock.millis())) {
                throw notPending(request);
            }
            return requests.find(c, eventId, requestId);
        });
    }

    /**
     * Either side cancels: a pending request is withdrawn; an accepted meeting leaves the published schedule as
     * its next version (calendars then drop it), unless a repair made it a meeting the organizer requires.
     */
    public StoredRequest cancel(String eventId, String participantId, String requestId) {
        Matched early = matched(eventId);
        return database.inTransaction(c -> {
            StoredRequest request = existing(c, eventId, requestId);
            if (!request.involves(participantId)) {
                throw new RejectedException(RejectedException.Reason.NOT_YOURS, "Request " + requestId + " is between "
                        + request.fromId() + " and " + request.toId() + "; " + participantId + " cannot cancel it.");
            }
            if (request.state() == State.PENDING) {
                if (!requests.close(c, request, State.PENDING, State.CANCELLED, participantId, clock.millis())) {
                    throw notPending(request);
                }
                return requests.find(c, eventId, requestId);
            }
            if (request.state() != State.ACCEPTED) {
                throw notPending(request);
            }
            request = lockedRequest(c, eventId, requestId);
            StoredEvent stored = requireEvent(c, eventId);
            Matched now = early.current(stored);
            StoredVersion published = requirePublished(c, eventId);
            ScheduleFile file = ScheduleJson.read(published.body(), "published version");
            // Where the published schedule has the meeting now: a repair or a roll-back may have moved it.
            ScheduleFile.Placement placed = meetingOf(file, request);
            int number = placed != null ? placed.slot() : request.slot();
            Slot slot = placed != null ? placed.slotIn(now.event())
                    : number <= now.event().slotCount() ? now.event().slot(number) : null;
            DayRepository.Attendance mark = request.meetingId() == null ? null
                    : day.marks(c, eventId).get(request.meetingId());
            if (mark != null || slot != null && Happened.started(now.event(), clock.instant()).contains(slot.index())) {
                throw new RejectedException(RejectedException.Reason.NOT_PENDING, "The meeting of request " + requestId
                        + " (" + request.meetingId() + ", " + (slot != null ? slot.toString() : "slot " + number) + ") "
                        + (mark != null ? "was marked " + mark.code() + ": it took place and stays in the schedule (a"
                                + " mark set by mistake can be taken back first)."
                                : "has started: it stays in the schedule."));
            }
            String meetingId = request.meetingId();
            if (meetingId != null && now.event().meetings().stream().anyMatch(m -> m.id().equals(meetingId))) {
                // A repair made the agreed meeting the one the organizer added for the pair: not theirs to drop.
                throw new RejectedException(RejectedException.Reason.REQUIRED, "The meeting of request " + requestId
                        + " (" + request.meetingId() + ") is one the organizer requires; ask the organizer to"
                        + " remove it.");
            }
            // Publishes the published version less the meeting: as paused as an acceptance.
            requireOpen(now.event(), file);
            JsonObject body = read(published.body());
            JsonArrayBuilder meetings = JSON.createArrayBuilder();
            boolean removed = false;
            for (JsonValue item : body.getJsonArray("meetings")) {
                JsonObject meeting = item.asJsonObject();
                if (meeting.getString("id", "").equals(request.meetingId())
                        && samePair(meeting, request.fromId(), request.toId())) {
                    removed = true;
                } else {
                    meetings.add(meeting);
                }
            }
            if (removed) {
                publish(c, stored.version(), now.event(), now.candidates(), published,
                        JSON.createObjectBuilder(body).add("meetings", meetings),
                        "request " + requestId + " cancelled by " + participantId + ": " + request.fromId()
                                + " no longer meets " + request.toId() + " in slot " + number);
            }
            if (!requests.close(c, request, State.ACCEPTED, State.CANCELLED, participantId, clock.millis())) {
                throw notPending(request);
            }
            return requests.find(c, eventId, requestId);
        });
    }

    /**
     * An event with its candidates (all the matching, the slow part), worked out before the lock so that the lock
     * is held only to check and publish.
     */
    private record Matched(String body, Event event, Relevance relevance, List<Meeting> candidates,
            Map<String, List<Reason>> explained) {

        /** Why the pair is relevant, worked out once per pair while the event stays the same. */
        List<Reason> reasons(Participant a, Participant b) {
            return explained.computeIfAbsent(a.id() + "\n" + b.id(), k -> relevance.explain(a, b).details());
        }

        /** These, or those of the event as stored now when it changed meanwhile. */
        Matched current(StoredEvent stored) {
            return stored.body().equals(body) ? this : of(stored);
        }

        static Matched of(StoredEvent stored) {
            Event event = EventJson.read(stored.body(), "event " + stored.id());
            return new Matched(stored.body(), event, CandidateCache.relevance(event), CandidateCache.forEvent(event),
                    new ConcurrentHashMap<>());
        }
    }

    /**
     * The candidates of the stored event for reading only (never placed): every participant's page asks for its
     * counterparts, and working out all the matching for each would cost a whole matching per page view. Kept for
     * the last few events, and only while their document stays the same.
     */
    private Matched readOnly(StoredEvent stored) {
        synchronized (readOnly) {
            Matched kept = readOnly.get(stored.id());
            if (kept != null && kept.body().equals(stored.body())) {
                return kept;
            }
        }
        Matched fresh = Matched.of(stored);
        synchronized (readOnly) {
            readOnly.put(stored.id(), fresh);
        }
        return fresh;
    }

    private Matched matched(String eventId) {
        return Matched.of(database.inTransaction(c -> requireEvent(c, eventId)));
    }

    // ---- inside a transaction ----

    private StoredRequest lockedRequest(Connection c, String eventId, String requestId) throws SQLException {
        requireEvent(c, eventId);
        if (!requests.lock(c, eventId)) {
            throw off(eventId);
        }
        events.lock(c, eventId); // after the organizer's publication of the moment, not against it
        return existing(c, eventId, requestId);
    }

    private StoredRequest existing(Connection c, String eventId, String requestId) throws SQLException {
        requireEvent(c, eventId);
        StoredRequest request = requests.find(c, eventId, requestId);
        if (request == null) {
            throw new RejectedException(RejectedException.Reason.NO_SUCH_REQUEST, "The event (" + eventId
                    + ") has no meeting request (" + requestId + ").");
        }
        return request;
    }

    private StoredEvent requireEvent(Connection c, String eventId) throws SQLException {
        StoredEvent event = events.find(c, eventId);
        if (event == null) {
            throw new RejectedException(RejectedException.Reason.NO_SUCH_EVENT, "There is no event (" + eventId
                    + ").");
        }
        return event;
    }

    /** Refuses a new meeting of {@code self} or with {@code other} when either was marked absent on the day. */
    private void requirePresent(Connection c, String eventId, String self, String other) throws SQLException {
        Set<String> absent = day.absent(c, eventId);
        for (String id : List.of(self, other)) {
            if (absent.contains(id)) {
                throw new RejectedException(RejectedException.Reason.ABSENT, id + " was marked absent on the day; "
                        + (id.equals(self) ? "it can no longer ask for or accept a meeting."
                                : "no new meeting with it can be asked for or accepted."));
            }
        }
    }

    private StoredVersion requirePublished(Connection c, String eventId) throws SQLException {
        StoredVersion published = schedules.published(c, eventId, 0);
        if (published == null) {
            throw new RejectedException(RejectedException.Reason.NOTHING_PUBLISHED, "The event (" + eventId
                    + ") has no published schedule yet; meetings can be asked for once it has.");
        }
        return published;
    }

    /**
     * Publishes {@code next} as the version after {@code published}, under the event's row lock (taken with the
     * request's), so that a concurrent publication of the organizer's waits; the primary key of the version number
     * would refuse one of them otherwise. The version is of {@code eventVersion}, the event as it is now: its slot
     * was checked and its agendas are written against that, even when {@code published} was made before an edit
     * that changed nothing it names.
     */
    private int publish(Connection c, int eventVersion, Event event, List<Meeting> candidates,
            StoredVersion published, JsonObjectBuilder next, String note) throws SQLException {
        JsonObject body = next.build();
        MeetingSchedule schedule;
        try {
            schedule = Publication.rebuild(event, candidates, body.toString(), "published version "
                    + published.version());
        } catch (InputException e) {
            throw new RejectedException(RejectedException.Reason.NOTHING_PUBLISHED, "The published schedule no"
                    + " longer fits the event (" + e.getMessage() + "); the organizer should repair and publish"
                    + " again.");
        }
        String text = JSON.createObjectBuilder(body).add("metrics", metrics(schedule, body)).build().toString();
        return schedules.publish(c, eventVersion, schedule, text, clock.instant(), note);
    }

    // ---- checks and documents ----

    private static Participant requireParticipant(Event event, String participantId) {
        Participant participant = event.participant(participantId);
        if (participant == null) {
            throw new RejectedException(RejectedException.Reason.NO_SUCH_PARTICIPANT, "The event (" + event.id()
                    + ") has no participant (" + participantId + ").");
        }
        return participant;
    }

    /**
     * Why meeting requests wait for the organizer, or null: an acceptance publishes the published version plus the
     * meeting, which cannot be done once an edit removed a participant, a slot or a table it names, or moved a slot it
     * names to another time (see {@link Publication#misfit}). The counterparts, the ask, the acceptance and the
     * cancellation of an accepted meeting all answer by this one rule.
     */
    private static String paused(Event event, ScheduleFile published) {
        String why = Publication.misfit(event, published);
        return why == null ? null : "Meeting requests are paused until the organizer publishes the edited event: "
                + why + "; the organizer should repair and publish again.";
    }

    private static void requireOpen(Event event, ScheduleFile published) {
        String paused = paused(event, published);
        if (paused != null) {
            throw new RejectedException(RejectedException.Reason.NOTHING_PUBLISHED, paused);
        }
    }

    /**
     * Refuses a request whose slot number stands for another time since it was asked (sessions renumbered, and the
     * edit published): both agreed on a time, not on a number. Found by its clock time, as a repair finds a published
     * meeting's slot; a request stored before its time was kept is not checked.
     */
    private static void requireSameTime(Event event, StoredRequest request) {
        if (request.start() == null) {
            return;
        }
        Slot now = request.slotAskedFor(event);
        if (now == null || now.index() != request.slot()) {
            throw new RejectedException(RejectedException.Reason.NOT_FREE, "Request " + request.id() + " asked for slot "
                    + request.slot() + " at " + request.start() + ", and the event now has " + (now == null
                            ? "no slot then" : "that time as slot " + now.index()) + " (its sessions changed since): it"
                    + " cannot be accepted at another time; decline it, and " + request.fromId() + " can ask again.");
        }
    }

    /**
     * Where the two meet in {@code slot}, by the rule the counterparts route offers slots by (see {@link #openings}),
     * or why they cannot, with the slots they can ask for instead.
     */
    private static Openings.Opening opening(Event event, ScheduleFile file, String a, String b, int slot,
            Set<Integer> started) {
        if (slot > event.slotCount()) {
            throw new RejectedException(RejectedException.Reason.NOT_FREE, a + " and " + b + " cannot meet in slot "
                    + slot + ": the event now has " + event.slotCount() + " slots; ask for another slot.");
        }
        Openings openings = openings(event, file, started);
        Openings.Result there = openings.at(a, b, slot);
        if (there.found()) {
            return there.openings().get(0);
        }
        List<String> free = openings.find(a, b, SLOTS_PER_COUNTERPART).openings().stream()
                .map(o -> o.slot().index()).sorted().map(String::valueOf).toList();
        throw new RejectedException(RejectedException.Reason.NOT_FREE, a + " and " + b + " cannot meet in "
                + event.slot(slot) + ": " + there.reason() + (started.contains(slot) ? "; ask for a later slot."
                        : free.isEmpty() ? "." : "; free slots: " + String.join(", ", free) + "."));
    }

    /**
     * One more meeting of two participants, as the counterparts route, the ask and the acceptance all check it: in
     * the latest published version read against the event as it is now (availability, representatives,
     * {@code maxMeetings}, the break cap, a free table, a required meeting's session or fixed slot), in a slot that
     * has not {@code started}. One rule, so that the list never offers a slot an ask or an acceptance refuses, and
     * nothing published puts somebody where the event says it cannot be.
     */
    private static Openings openings(Event event, ScheduleFile file, Set<Integer> started) {
        try {
            return Openings.of(event, file, "published version", started);
        } catch (InputException e) {
            throw new RejectedException(RejectedException.Reason.NOTHING_PUBLISHED, "The published schedule no longer"
                    + " fits the event (" + e.getMessage() + "); the organizer should repair and publish again.");
        }
    }

    /** The meeting of an accepted request in {@code published} (by its id, between its two), or null. */
    private static ScheduleFile.Placement meetingOf(ScheduleFile published, StoredRequest request) {
        for (ScheduleFile.Placement p : published.meetings()) {
            if (p.id().equals(request.meetingId()) && request.involves(p.first()) && request.involves(p.second())) {
                return p;
            }
        }
        return null;
    }

    /** The pair's candidate id when it has one (its reasons then show in agendas), else one of the request's own. */
    private static String meetingId(List<Meeting> candidates, StoredRequest request) {
        for (Meeting candidate : candidates) {
            String a = candidate.getFirst().id();
            String b = candidate.getSecond().id();
            if ((a.equals(request.fromId()) && b.equals(request.toId()))
                    || (a.equals(request.toId()) && b.equals(request.fromId()))) {
                return candidate.getId();
            }
        }
        return Repair.AGREED_PREFIX + request.id();
    }

    private static JsonObject placement(Event event, String meetingId, StoredRequest request,
            Openings.Opening opening) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", meetingId)
                .add("participants", JSON.createArrayBuilder().add(request.fromId()).add(request.toId()))
                .add("slot", opening.slot().index())
                .add("table", opening.table().id());
        if (opening.slot().start() != null) {
            json.add("start", ScheduleJson.timestamp(opening.slot().start(), event.timeZone()))
                    .add("end", ScheduleJson.timestamp(opening.slot().end(), event.timeZone()));
        }
        return json.add("origin", Origin.REQUEST.code())
                .add("relevance", 0)
                .add("reasons", JSON.createArrayBuilder()) // its origin says why; pages word that per language
                .build();
    }

    /** The schedule's figures as {@code b2g-schedule/1} writes them, counted again after the change. */
    private static JsonObject metrics(MeetingSchedule schedule, JsonObject body) {
        JsonObject before = body.getJsonObject("metrics");
        return JSON.createObjectBuilder(before == null ? JsonValue.EMPTY_JSON_OBJECT : before)
                .addAll(ScheduleJson.metrics(schedule))
                .build();
    }

    private static boolean samePair(JsonObject meeting, String a, String b) {
        var pair = meeting.getJsonArray("participants");
        if (pair == null || pair.size() != 2) {
            return false;
        }
        String x = pair.getString(0);
        String y = pair.getString(1);
        return (x.equals(a) && y.equals(b)) || (x.equals(b) && y.equals(a));
    }

    private static JsonObject read(String text) {
        try (JsonReader reader = JsonFactory.READER.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static void requirePending(StoredRequest request) {
        if (request.state() != State.PENDING) {
            throw notPending(request);
        }
    }

    private static RejectedException notPending(StoredRequest request) {
        return new RejectedException(RejectedException.Reason.NOT_PENDING, "Request " + request.id() + " is "
                + request.state().name().toLowerCase(Locale.ROOT) + (request.closedBy() == null ? ""
                        : " (by " + request.closedBy() + (request.reason() == null ? "" : ": "
                                + request.reason().replaceAll("\\.$", "")) + ")")
                + "; only a pending one can be answered"
                + (request.state() == State.ACCEPTED ? ", an accepted one cancelled." : "."));
    }

    private static RejectedException off(String eventId) {
        return new RejectedException(RejectedException.Reason.OFF, "Self-service is off for the event (" + eventId
                + "); the organizer can turn it on.");
    }
}
