package org.b2g.core.repair;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Exclusion;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Meetings;
import org.b2g.core.domain.Origin;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Reason;
import org.b2g.core.domain.Role;
import org.b2g.core.domain.Slot;
import org.b2g.core.domain.Table;
import org.b2g.core.io.InputException;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleFile.Placement;
import org.b2g.core.matching.Candidates;
import org.b2g.core.matching.Demand;
import org.b2g.core.matching.Relevance;
import org.b2g.core.repair.PublishedMeeting.Status;
import org.b2g.core.solver.ScoreWeights;

/**
 * Turns the event as it is now and a schedule published for an earlier version of it into a {@link RepairPlan}:
 * each published meeting is matched to a current candidate (required-meeting id, else the pair), classified as
 * unaffected, affected (must move) or gone, and placed where it was, pinned ({@link RepairMode#FREEZE}) or priced
 * ({@link RepairMode#MINIMAL}). The solver then starts from the published schedule.
 *
 * <p>New recommendations between two participants whose published agendas still stand are left out: an agenda
 * people were told about gains a meeting only when somebody asked for it, or for someone who is new or lost one.
 */
public final class Repair {

    /** Options at counterparts with room, per newcomer whose own candidates are all contested. */
    static final int NEWCOMER_OPTIONS = 3;
    /**
     * What cancelling a published meeting that the change broke (affected, still wanted) costs: more than a new
     * {@code must} request is worth, so it moves rather than gives way to one, but less than cancelling a standing
     * meeting by more than a {@code must} request and a minimum: a standing promise is never cancelled to save a
     * broken one, even when the seat it frees would hold a new meeting.
     */
    static final long AFFECTED_DROPPED = ScoreWeights.PUBLISHED_DROPPED - Demand.MUST - ScoreWeights.MISSING_MEETING;
    /** Id prefix of meetings two participants agreed on themselves, in the service's self-service. */
    public static final String AGREED_PREFIX = "self-";

    private final Event event;
    private final RepairMode mode;
    private final Map<String, List<Meeting>> candidatesByPair = new HashMap<>();
    private final Map<String, Meeting> candidatesById = new HashMap<>();
    private final Set<Meeting> matched = new HashSet<>();
    private final Set<String> usedIds = new HashSet<>();
    /** Slots that have started by the time of the repair: closed to everything but their published meetings. */
    private final Set<Integer> started;
    /** How the published schedule's clock times find slots (see {@link ScheduleFile#readsWallClock}). */
    private final boolean wallClock;
    /** Published meetings in a started slot, kept where they were whatever the mode. */
    private final Set<Placement> past = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Ids of published meetings two participants agreed on themselves that do not say so (see {@link #agreed}). */
    private final Set<String> agreedIds;
    /** Candidates that an agreed meeting matched, and the same candidate under the agreed meeting's id. */
    private final Map<Meeting, Meeting> underAgreedId = new IdentityHashMap<>();
    /** Required meetings held in a started slot outside the session or table the event now gives them, as held. */
    private final Map<Meeting, Meeting> heldAs = new IdentityHashMap<>();

    private Repair(Event event, RepairMode mode, List<Meeting> candidates, Set<Integer> started, boolean wallClock,
            Set<String> agreedIds) {
        this.event = event;
        this.mode = mode;
        this.started = started;
        this.wallClock = wallClock;
        this.agreedIds = agreedIds;
        for (Meeting meeting : candidates) {
            candidatesByPair.computeIfAbsent(pairKey(meeting.getFirst().id(), meeting.getSecond().id()),
                    k -> new ArrayList<>()).add(meeting);
            candidatesById.put(meeting.getId(), meeting);
            usedIds.add(meeting.getId());
        }
    }

    /**
     * As {@link #plan(Event, ScheduleFile, RepairMode, List, Relevance, String)} with the event's own candidates and
     * no slot started: the whole event is still to come.
     */
    public static RepairPlan plan(Event event, ScheduleFile published, RepairMode mode, String source) {
        return plan(event, published, mode, source, null);
    }

    /**
     * Whether every slot of {@code event} has started by {@code now} (its clock time in the event's time zone): the
     * event is over. False for an event without clock times.
     */
    public static boolean isOver(Event event, Instant now) {
        return event.slotCount() > 0 && StartedSlots.at(event, now).size() == event.slotCount();
    }

    /**
     * A repair as of {@code now}: every slot that has started by then (its clock time in the event's time zone) is
     * closed. Its published meetings stay where they were, pinned in either mode, even if the event says otherwise
     * since (both participants count as available then, and allowed the meetings they had; a meeting whose request
     * was withdrawn stays as one of its own, and one of a pair excluded since stays too: the past is not rewritten),
     * and no other meeting goes there. After the event's last slot every published meeting that still has both
     * participants stays, and nothing new can be placed. Only a meeting whose participant left or whose slot is gone
     * is not kept.
     *
     * @param now the time of the repair; null: no slot has started
     */
    public static RepairPlan plan(Event event, ScheduleFile published, RepairMode mode, String source, Instant now) {
        return plan(event, published, mode, source, now, Set.of());
    }

    /**
     * As {@link #plan(Event, ScheduleFile, RepairMode, String, Instant)}, with the ids of published meetings agreed on
     * in self-service that their id does not mark (see {@link #plan(Event, ScheduleFile, RepairMode, List, Relevance,
     * Set, String)}).
     */
    static RepairPlan plan(Event event, ScheduleFile published, RepairMode mode, String source, Instant now,
            Set<String> agreed) {
        checkBelongs(event, published, source);
        boolean wallClock = published.readsWallClock(event);
        Set<Integer> started = StartedSlots.at(event, now);
        Event present = event;
        Map<Placement, Slot> inStartedSlots = new IdentityHashMap<>();
        if (!started.isEmpty()) {
            for (Placement placement : published.meetings()) {
                Slot slot = placement.slotIn(event, wallClock);
                if (slot != null && started.contains(slot.index()) && event.participant(placement.first()) != null
                        && event.participant(placement.second()) != null) {
                    inStartedSlots.put(placement, slot);
                }
            }
            present = StartedSlots.present(event, inStartedSlots, started);
        }
        Relevance relevance = Relevance.of(present);
        List<Meeting> candidates = Candidates.forEvent(present, relevance);
        RepairPlan plan = new Repair(present, mode, candidates, started, wallClock, agreed).build(published,
                candidates, relevance);
        if (started.isEmpty()) {
            return plan;
        }
        List<String> notes = new ArrayList<>();
        notes.add(StartedSlots.note(event, started, inStartedSlots.size(), now));
        notes.addAll(plan.notes());
        return plan.withNotes(notes);
    }

    /**
     * @param candidates the current event's candidate meetings (fresh entities, no slot yet); they are modified
     * @param relevance the event's relevance, for newcomers' options at counterparts with room
     * @param agreed ids of published meetings that two participants agreed on themselves although their id does not
     *        start with {@value #AGREED_PREFIX} (the service gives such a meeting its pair's candidate id, for its
     *        reasons): like those, they stand although their pair is no longer a candidate
     * @param source names the published schedule in error messages (a file name)
     * @throws InputException when the published schedule belongs to another event
     */
    public static RepairPlan plan(Event event, ScheduleFile published, RepairMode mode, List<Meeting> candidates,
            Relevance relevance, Set<String> agreed, String source) {
        checkBelongs(event, published, source);
        return new Repair(event, mode, candidates, Set.of(), published.readsWallClock(event), agreed)
                .build(published, candidates, relevance);
    }

    /** @throws InputException when {@code published} is a schedule of another event */
    static void checkBelongs(Event event, ScheduleFile published, String source) {
        if (published.event() != null && !published.event().equals(event.id())) {
            throw new InputException(source + ": event (\"" + published.event() + "\") is not the event being"
                    + " repaired (\"" + event.id() + "\"); expected a schedule published for " + event.id() + ".");
        }
        Set<String> ids = new TreeSet<>();
        for (Placement placement : published.meetings()) {
            ids.add(placement.first());
            ids.add(placement.second());
        }
        if (!ids.isEmpty() && ids.stream().noneMatch(id -> event.participant(id) != null)) {
            throw new InputException(source + ": none of its " + ids.size() + " participants (" + String.join(", ",
                    ids.stream().limit(3).toList()) + (ids.size() > 3 ? ", ..." : "") + ") takes part in event "
                    + event.id() + "; expected a schedule published for this event.");
        }
    }

    private RepairPlan build(ScheduleFile published, List<Meeting> candidates, Relevance relevance) {
        List<PublishedMeeting> classified = new ArrayList<>();
        List<Meeting> readded = new ArrayList<>();
        List<Placement> placements = published.meetings();
        // Required meetings by id first, so that a pair with two required meetings matches each to its own.
        Map<Placement, Meeting> byId = new HashMap<>();
        for (Placement placement : placements) {
            Meeting meeting = candidatesById.get(placement.id());
            if (meeting != null && meeting.isRequired() && samePair(meeting, placement) && matched.add(meeting)) {
                byId.put(placement, meeting);
            }
        }
        for (Placement placement : placements) {
            classified.add(classify(placement, byId.get(placement), readded));
        }
        classified = limitToPrecedences(limitToCapacity(classified));
        Map<String, PublishedMeeting> byMeeting = new HashMap<>();
        for (PublishedMeeting p : classified) {
            if (p.meetingId() != null) {
                byMeeting.put(p.meetingId(), p);
            }
        }
        Predicate<String> touched = touchedParticipants(classified);
        readded.addAll(newcomerOptions(classified, readded, touched, relevance));
        List<Meeting> problem = new ArrayList<>(candidates.size() + readded.size());
        for (Meeting candidate : concat(candidates, readded)) {
            Meeting meeting = heldAs.getOrDefault(candidate, underAgreedId.getOrDefault(candidate, candidate));
            PublishedMeeting p = byMeeting.get(meeting.getId());
            if (p == null) {
                if (meeting.getOrigin() == Origin.RECOMMENDED && !touched.test(meeting.getFirst().id())
                        && !touched.test(meeting.getSecond().id())) {
                    continue; // a new recommendation between two agendas that still stand
                }
                problem.add(meeting);
                continue;
            }
            place(meeting, p);
            problem.add(meeting);
        }
        if (!started.isEmpty()) {
            Set<String> pastIds = new HashSet<>();
            classified.stream().filter(p -> past.contains(p.placement())).forEach(p -> pastIds.add(p.meetingId()));
            problem.replaceAll(m -> pastIds.contains(m.getId()) ? m : closed(m));
        }
        List<String> notes = new ArrayList<>();
        String zone = zoneNote(published);
        if (zone != null) {
            notes.add(zone);
        }
        return new RepairPlan(event, mode, new MeetingSchedule(StartedSlots.excusingThePast(event, past), problem),
                classified, notes, SlotNumbers.warnings(event, published, wallClock), started);
    }

    /**
     * {@code meeting} without the started slots among those it may go to; the same meeting when it may go to none
     * of them, or is pinned (it stays where it is, even in a started slot).
     */
    private Meeting closed(Meeting meeting) {
        if (meeting.isPinned()) {
            return meeting; // frozen where it was published, in a slot still to come
        }
        return meeting.withAllowedSlots(
                meeting.getAllowedSlots().stream().filter(s -> !started.contains(s.index())).toList());
    }

    /**
     * When the published clock times carry another offset than the event's time zone gives them now (the zone was
     * corrected), what that means: the meetings keep their slot and time of day, at a new instant.
     */
    private String zoneNote(ScheduleFile published) {
        if (event.timeZone() == null || !wallClock) {
            return null;
        }
        for (Placement placement : published.meetings()) {
            Slot slot = placement.slotIn(event, true);
            if (slot == null || slot.start() == null || placement.start() == null) {
                continue;
            }
            ZoneOffset now = event.timeZone().getRules().getOffset(slot.start());
            ZoneOffset then;
            try {
                then = OffsetDateTime.parse(placement.start()).getOffset();
            } catch (DateTimeParseException e) {
                continue;
            }
            if (!now.equals(then)) {
                long minutes = (now.getTotalSeconds() - then.getTotalSeconds()) / 60;
                return "the published times are at " + then + " and the event's time zone (" + event.timeZone()
                        + ") now puts them at " + now + ": each meeting keeps its slot and time of day (a corrected"
                        + " time zone), so its instant moves by " + (minutes > 0 ? "-" : "+") + Math.abs(minutes) / 60
                        + (Math.abs(minutes) % 60 == 0 ? "" : ":" + String.format("%02d", Math.abs(minutes) % 60))
                        + " h; calendars in other zones will show the corrected time";
            }
        }
        return null;
    }

    private PublishedMeeting classify(Placement placement, Meeting requiredMatch, List<Meeting> readded) {
        Participant a = event.participant(placement.first());
        Participant b = event.participant(placement.second());
        Slot publishedSlot = placement.slotIn(event, wallClock);
        Table table = placement.table() == null ? null : event.table(placement.table());
        if (a == null || b == null) {
            String gone = a == null && b == null ? placement.first() + " and " + placement.second() + " no longer take"
                    : (a == null ? placement.first() : placement.second()) + " no longer takes";
            return new PublishedMeeting(placement, null, Status.GONE, publishedSlot, table, gone + " part in the event");
        }
        if (publishedSlot != null && started.contains(publishedSlot.index())) {
            return pastMeeting(placement, requiredMatch, a, b, publishedSlot, readded);
        }
        if (event.excluded(a.id(), b.id())) {
            String why = event.exclusions().stream().filter(e -> e.covers(a.id(), b.id())).map(Exclusion::reason)
                    .filter(r -> r != null && !r.isBlank()).findFirst().map(r -> " (" + r + ")").orElse("");
            return new PublishedMeeting(placement, null, Status.GONE, publishedSlot, table,
                    a.id() + " and " + b.id() + " must no longer meet" + why);
        }
        Meeting meeting = requiredMatch != null ? requiredMatch : matchByPair(placement);
        if (meeting == null) {
            if (placement.origin() != Origin.RECOMMENDED && !agreed(placement)) {
                return new PublishedMeeting(placement, null, Status.GONE, publishedSlot, table,
                        placement.origin() == Origin.REQUIRED ? requiredGone(placement)
                                : "the request to meet was withdrawn");
            }
            meeting = recommendationAgain(placement, a, b);
            readded.add(meeting);
            matched.add(meeting);
        }
        Slot slot = publishedSlot;
        String problem = slotProblem(placement, meeting, slot, a, b);
        if (problem == null && placement.table() != null && table == null) {
            problem = "table " + placement.table() + " no longer exists";
        }
        if (problem == null && table != null && !meeting.getAllowedTables().contains(table)) {
            problem = "it is now fixed at " + meeting.getAllowedTables().get(0);
        }
        return new PublishedMeeting(placement, meeting.getId(), problem == null ? Status.UNAFFECTED : Status.AFFECTED,
                slot, table, problem);
    }

    /**
     * Why a published required meeting that no current candidate holds is gone: its id was removed from the event, or
     * now names another pair (the meetings are matched by id only when the pair is the same: for the people of the
     * published pair, theirs is cancelled, and the new pair's is a new meeting).
     */
    private String requiredGone(Placement placement) {
        Meeting now = placement.id() == null ? null : candidatesById.get(placement.id());
        if (now == null || !now.isRequired()) {
            return "the required meeting " + placement.id() + " was removed from the event";
        }
        return "the required meeting " + placement.id() + " now names " + now.getFirst().id() + " and "
                + now.getSecond().id() + " instead";
    }

    /**
     * A published meeting in a slot that has started: it took place (or its time is gone), so it stands as it was,
     * even when its request was withdrawn or the pair excluded since (then as a meeting of its own).
     */
    private PublishedMeeting pastMeeting(Placement placement, Meeting requiredMatch, Participant a, Participant b,
            Slot slot, List<Meeting> readded) {
        Meeting meeting = requiredMatch != null ? requiredMatch : matchByPair(placement);
        if (meeting == null) {
            String id = placement.id() == null || usedIds.contains(placement.id())
                    ? unique("p-" + a.id() + "-" + b.id()) : placement.id();
            usedIds.add(id);
            Origin origin = placement.origin() == Origin.REQUIRED ? Origin.REQUEST : placement.origin();
            meeting = new Meeting(id, a, b, origin, ScoreWeights.PUBLISHED_DROPPED, 0.0,
                    List.of("held as published"), null, List.of(slot), event.tables(), List.of());
            readded.add(meeting);
            matched.add(meeting);
        }
        past.add(placement);
        Table table = placement.table() == null ? null : event.table(placement.table());
        meeting = asHeld(meeting, slot, table);
        String reason = placement.table() != null && table == null ? "table " + placement.table() + " no longer"
                + " exists; the meeting has taken place in " + slot + ", so only its table changes in the schedule"
                : null;
        return new PublishedMeeting(placement, meeting.getId(), Status.UNAFFECTED, slot, table, reason);
    }

    /**
     * A required meeting as it took place in {@code slot} at {@code table}, when the event has since bound it to
     * another session or fixed it to another table: the past is not rewritten, so the meeting kept there answers to
     * neither. Itself when it fits them.
     */
    private Meeting asHeld(Meeting meeting, Slot slot, Table table) {
        boolean inSession = meeting.getSessionId() == null
                || event.session(meeting.getSessionId()).contains(slot.index());
        boolean atTable = table == null || meeting.getAllowedTables().contains(table);
        if (!meeting.isRequired() || inSession && atTable) {
            return meeting;
        }
        Meeting held = new Meeting(meeting.getId(), meeting.getFirst(), meeting.getSecond(), meeting.getOrigin(),
                meeting.getWeight(), meeting.getRelevance(), meeting.getReasonDetails(), List.of(slot),
                event.tables(), meeting.getAfter(), null);
        heldAs.put(meeting, held);
        return held;
    }

    private Meeting matchByPair(Placement placement) {
        List<Meeting> sameIdFirst = new ArrayList<>(candidatesByPair.getOrDefault(
                pairKey(placement.first(), placement.second()), List.of()));
        sameIdFirst.sort(Comparator.comparing((Meeting m) -> !m.getId().equals(placement.id())));
        for (Meeting meeting : sameIdFirst) {
            if (matched.add(meeting)) {
                return agreed(placement) ? keepingAgreedId(meeting, placement) : meeting;
            }
        }
        return null;
    }

    /**
     * The pair's candidate that an agreed meeting matched, under the agreed meeting's own id: its request names that
     * id, so that publishing the repair keeps the request accepted and either participant can still cancel it (under
     * the candidate's id it read as a meeting the new version no longer holds). A required meeting keeps its id: the
     * event names it.
     */
    private Meeting keepingAgreedId(Meeting candidate, Placement placement) {
        if (candidate.isRequired() || candidate.getId().equals(placement.id()) || usedIds.contains(placement.id())) {
            return candidate;
        }
        Meeting agreed = candidate.withId(placement.id());
        usedIds.add(agreed.getId());
        matched.add(agreed);
        underAgreedId.put(candidate, agreed);
        return agreed;
    }

    /**
     * Options for the startups and agencies without a standing published meeting (a late registration, or one who lost
     * all) whose own candidates may well not give them their first meeting (or their minimum): every counterpart they
     * asked for, were recommended or were given as a backup is <em>contested</em>, its standing meetings plus the
     * other candidates that want it exceeding what it can hold. Those get their best-ranked counterparts that still
     * have room once the standing meetings and what outranks a first meeting (new required meetings, {@code must} and
     * mutual requests, published meetings that must move) are counted, at least {@code minRelevance} first; only when
     * none of those has room, the best that share anything, at most as many as they are short (as the backups of a
     * solve). A newcomer with a required meeting, or with a candidate at an uncontested counterpart, gets nothing more:
     * the solve of the same event would not give it more either, and nobody else's agenda must move. First, a
     * published pair that lost its reason is offered again to a newcomer it leaves without a meeting (see
     * {@link #publishedPairAgain}).
     */
    private List<Meeting> newcomerOptions(List<PublishedMeeting> classified, List<Meeting> readded,
            Predicate<String> touched, Relevance relevance) {
        int n = event.participants().size();
        int[] wanted = new int[n];
        Set<Participant> standing = new HashSet<>();
        Set<String> standingIds = new HashSet<>();
        Set<String> affectedIds = new HashSet<>();
        int[] room = new int[n];
        for (Participant p : event.participants()) {
            room[p.index()] = capacity(p);
        }
        for (PublishedMeeting p : classified) {
            if (p.status() == Status.AFFECTED) {
                affectedIds.add(p.meetingId());
            }
            if (p.status() == Status.UNAFFECTED) {
                standingIds.add(p.meetingId());
                for (String id : List.of(p.placement().first(), p.placement().second())) {
                    Participant participant = event.participant(id);
                    wanted[participant.index()]++;
                    room[participant.index()]--;
                    standing.add(participant);
                }
            }
        }
        Map<Participant, List<Participant>> counterparts = new HashMap<>();
        Set<Participant> required = new HashSet<>();
        List<Meeting> all = new ArrayList<>(readded);
        candidatesByPair.values().forEach(all::addAll);
        for (Meeting m : all) {
            Meeting meeting = heldAs.getOrDefault(m, underAgreedId.getOrDefault(m, m));
            if (standingIds.contains(meeting.getId()) || meeting.getOrigin() == Origin.RECOMMENDED
                    && !touched.test(meeting.getFirst().id()) && !touched.test(meeting.getSecond().id())
                    || meeting.getAllowedSlots().stream().allMatch(s -> started.contains(s.index()))) {
                continue; // standing already, left out of the repair, or no slot left that both can attend
            }
            wanted[meeting.getFirst().index()]++;
            wanted[meeting.getSecond().index()]++;
            if (meeting.isRequired() || meeting.getOrigin() == Origin.MUST || meeting.getOrigin() == Origin.MUTUAL
                    || affectedIds.contains(meeting.getId())) {
                room[meeting.getFirst().index()]--; // it outranks an option's first meeting
                room[meeting.getSecond().index()]--;
            }
            if (meeting.isRequired()) {
                required.add(meeting.getFirst()); // it takes place, contested or not
                required.add(meeting.getSecond());
            }
            counterparts.computeIfAbsent(meeting.getFirst(), k -> new ArrayList<>()).add(meeting.getSecond());
            counterparts.computeIfAbsent(meeting.getSecond(), k -> new ArrayList<>()).add(meeting.getFirst());
        }
        List<Meeting> options = new ArrayList<>();
        for (PublishedMeeting p : classified) {
            Meeting again = publishedPairAgain(p, standing, relevance);
            if (again != null) {
                options.add(again);
                for (Participant q : List.of(again.getFirst(), again.getSecond())) {
                    wanted[q.index()]++;
                    counterparts.computeIfAbsent(q, k -> new ArrayList<>()).add(q == again.getFirst()
                            ? again.getSecond() : again.getFirst());
                }
            }
        }
        int[] offered = new int[n];
        double minRelevance = event.rules().minRelevance();
        for (Participant newcomer : event.participants()) {
            if (newcomer.role() != Role.STARTUP && newcomer.role() != Role.AGENCY || standing.contains(newcomer)) {
                continue;
            }
            List<Participant> own = counterparts.getOrDefault(newcomer, List.of());
            long uncontested = own.stream().filter(q -> wanted[q.index()] <= capacity(q)).distinct().count();
            int shortOf = required.contains(newcomer) ? 0 : (int) Math.max(0, need(newcomer) - uncontested);
            int added = 0;
            for (int pass = 0; pass < 2 && shortOf > 0 && added == 0; pass++) {
                int limit = pass == 0 ? Math.max(NEWCOMER_OPTIONS, shortOf) : shortOf;
                for (Relevance.Ranked ranked : relevance.ranked(newcomer)) {
                    if (added >= limit) {
                        break;
                    }
                    if (ranked.score() >= minRelevance != (pass == 0)) {
                        continue;
                    }
                    Participant other = ranked.counterpart();
                    // Several newcomers may be offered one free seat (the solver picks), within reason.
                    if (room[other.index()] <= 0 || offered[other.index()] >= NEWCOMER_OPTIONS * room[other.index()]
                            || candidatesByPair.containsKey(pairKey(newcomer.id(), other.id()))
                            || event.excluded(newcomer.id(), other.id())) {
                        continue;
                    }
                    Meeting option = option(newcomer, other, ranked.score(), !own.isEmpty(), relevance);
                    if (option == null) {
                        continue;
                    }
                    offered[other.index()]++;
                    options.add(option);
                    added++;
                }
            }
        }
        return options;
    }

    /**
     * A published meeting that is gone for want of a reason (its request withdrawn, its required meeting now naming
     * another pair) while one of its participants is left without a standing meeting: the pair is offered again, as a
     * recommendation, so that the two can keep what they were told. Null for any other published meeting, for a pair
     * that left, is excluded, is still a candidate, shares nothing (relevance 0) or has no slot left in common.
     */
    private Meeting publishedPairAgain(PublishedMeeting p, Set<Participant> standing, Relevance relevance) {
        Participant a = event.participant(p.placement().first());
        Participant b = event.participant(p.placement().second());
        if (p.status() != Status.GONE || a == null || b == null || standing.contains(a) && standing.contains(b)
                || event.excluded(a.id(), b.id()) || candidatesByPair.containsKey(pairKey(a.id(), b.id()))) {
            return null;
        }
        Participant startup = a.role() == Role.STARTUP ? a : b;
        Participant agency = startup == a ? b : a;
        if (startup.role() != Role.STARTUP || agency.role() != Role.AGENCY) {
            return null;
        }
        List<Slot> slots = Meetings.allowedSlots(event, startup, agency, null).stream()
                .filter(s -> !started.contains(s.index())).toList();
        if (slots.isEmpty()) {
            return null;
        }
        double score = relevance.score(startup, agency);
        if (score <= 0) {
            return null; // nothing in common: only its request made it
        }
        return recommendation(startup, agency, score, new Reason.Note("met in the published schedule"), slots,
                relevance);
    }

    /** A recommendation of {@code newcomer} and {@code other}, or null when they have no slot in common. */
    private Meeting option(Participant newcomer, Participant other, double score, boolean hadCandidates,
            Relevance relevance) {
        List<Slot> slots = Meetings.allowedSlots(event, newcomer, other, null);
        if (slots.isEmpty()) {
            return null;
        }
        Participant startup = newcomer.role() == Role.STARTUP ? newcomer : other;
        Participant agency = startup == newcomer ? other : newcomer;
        return recommendation(startup, agency, score,
                new Reason.Backup(newcomer.id(), newcomer.label(), other.id(), other.label(), hadCandidates), slots,
                relevance);
    }

    /**
     * A new recommended candidate of {@code startup} and {@code agency} in {@code slots}, weighed by its relevance
     * {@code score}, {@code why} before what the two share; registered as a candidate of the pair under a fresh id.
     */
    private Meeting recommendation(Participant startup, Participant agency, double score, Reason why,
            List<Slot> slots, Relevance relevance) {
        List<Reason> reasons = new ArrayList<>();
        reasons.add(why);
        reasons.addAll(relevance.explain(startup, agency).details());
        String id = unique("c-" + startup.id() + "-" + agency.id());
        usedIds.add(id);
        Meeting meeting = new Meeting(id, startup, agency, Origin.RECOMMENDED,
                Demand.RECOMMENDED_BASE + Math.round(Demand.RECOMMENDED_RANGE * score), score, reasons, slots,
                event.tables(), List.of(), null);
        candidatesByPair.computeIfAbsent(pairKey(startup.id(), agency.id()), k -> new ArrayList<>()).add(meeting);
        return meeting;
    }

    /** The meetings a newcomer needs: its minimum, or its first meeting, within what it can hold. */
    private int need(Participant p) {
        return Math.min(ScoreWeights.minimumMeetings(p), capacity(p));
    }

    /** Meetings a participant can hold: its maximum, and no more than its representatives in every slot it attends. */
    private int capacity(Participant p) {
        int slots = 0;
        for (Slot slot : event.slots()) {
            slots += p.isAvailable(slot.index()) ? 1 : 0;
        }
        return (int) Math.min(p.maxMeetings(), (long) Math.max(1, p.representatives()) * slots);
    }

    /**
     * A meeting the two participants agreed on themselves (self-service: its id starts with {@value #AGREED_PREFIX},
     * or the service says so) may have no request or recommendation in the event, yet nobody withdrew it: like any
     * published meeting, it goes only when a participant left, the pair is excluded, or it can no longer be placed.
     * When its pair is a candidate, it is that candidate under its own id (see {@link #keepingAgreedId}).
     */
    private boolean agreed(Placement placement) {
        return placement.id() != null && (placement.id().startsWith(AGREED_PREFIX)
                || agreedIds.contains(placement.id()));
    }

    /**
     * A published recommendation (or a meeting two participants agreed on themselves) stands although the current
     * candidates do not hold the pair: nobody withdrew it.
     */
    private Meeting recommendationAgain(Placement placement, Participant a, Participant b) {
        String id = placement.id() == null || usedIds.contains(placement.id())
                ? unique("p-" + a.id() + "-" + b.id()) : placement.id();
        usedIds.add(id);
        boolean agreed = agreed(placement);
        return new Meeting(id, a, b, agreed ? Origin.REQUEST : Origin.RECOMMENDED, ScoreWeights.PUBLISHED_DROPPED,
                0.0, List.of(agreed ? "agreed by both in self-service" : "recommended in the published schedule"),
                null, Meetings.allowedSlots(event, a, b, null), event.tables(), List.of());
    }

    private String unique(String id) {
        String unique = id;
        for (int i = 2; usedIds.contains(unique); i++) {
            unique = id + "-" + i;
        }
        return unique;
    }

    private static String slotProblem(Placement placement, Meeting meeting, Slot slot, Participant a,
            Participant b) {
        if (slot == null) {
            return "slot " + placement.slot() + (placement.start() == null ? "" : " (" + placement.start() + ")")
                    + " no longer exists";
        }
        List<String> away = new ArrayList<>();
        for (Participant p : List.of(a, b)) {
            if (!p.isAvailable(slot.index())) {
                away.add(p.id());
            }
        }
        if (!away.isEmpty()) {
            return String.join(" and ", away) + (away.size() == 1 ? " is" : " are") + " no longer available in "
                    + slot;
        }
        if (!meeting.getAllowedSlots().contains(slot)) {
            return meeting.getAllowedSlots().size() == 1 && meeting.isRequired()
                    ? "it is now fixed in " + meeting.getAllowedSlots().get(0)
                    : "it must now take place in session " + meeting.getSessionId();
        }
        return null;
    }

    /**
     * Unaffected meetings beyond what a participant can now hold (fewer representatives per slot, a lower
     * {@code maxMeetings}) become affected, the weakest (by origin, then latest) first; a meeting fixed to its slot
     * cannot give way, so the others do. Required meetings count toward {@code maxMeetings} wherever they go: one
     * that must move, or is new, takes a place as surely as one that stands.
     */
    private List<PublishedMeeting> limitToCapacity(List<PublishedMeeting> classified) {
        List<PublishedMeeting> result = new ArrayList<>(classified);
        Map<String, List<Integer>> byParticipant = new LinkedHashMap<>();
        for (int i = 0; i < result.size(); i++) {
            PublishedMeeting p = result.get(i);
            if (p.status() == Status.UNAFFECTED) {
                byParticipant.computeIfAbsent(p.placement().first(), k -> new ArrayList<>()).add(i);
                byParticipant.computeIfAbsent(p.placement().second(), k -> new ArrayList<>()).add(i);
            }
        }
        Comparator<Integer> strongestFirst = Comparator
                .comparing((Integer i) -> !past.contains(result.get(i).placement()))
                .thenComparing((Integer i) -> !fixedWhereItIs(result.get(i)))
                .thenComparing((Integer i) -> result.get(i).placement().origin())
                .thenComparingInt(i -> result.get(i).slot().index());
        Map<String, Integer> requiredOf = new HashMap<>();
        for (Meeting meeting : candidatesById.values()) {
            if (meeting.isRequired()) {
                requiredOf.merge(meeting.getFirst().id(), 1, Integer::sum);
                requiredOf.merge(meeting.getSecond().id(), 1, Integer::sum);
            }
        }
        for (Map.Entry<String, List<Integer>> entry : byParticipant.entrySet()) {
            Participant participant = event.participant(entry.getKey());
            List<Integer> mine = new ArrayList<>(entry.getValue());
            mine.removeIf(i -> result.get(i).status() != Status.UNAFFECTED);
            mine.sort(strongestFirst);
            Map<Integer, Integer> perSlot = new HashMap<>();
            // the required meetings that stand are counted as they come; the others first
            int kept = requiredOf.getOrDefault(participant.id(), 0)
                    - (int) mine.stream().filter(i -> required(result.get(i))).count();
            for (int i : mine) {
                PublishedMeeting p = result.get(i);
                int inSlot = perSlot.merge(p.slot().index(), 1, Integer::sum);
                String problem = null;
                if (past.contains(p.placement())) {
                    kept++; // it has happened: the event was made to allow it
                } else if (inSlot > Math.max(1, participant.representatives())) {
                    problem = participant.id() + " now sends " + participant.representatives()
                            + (participant.representatives() == 1 ? " representative" : " representatives");
                } else if (kept >= participant.maxMeetings()) {
                    problem = participant.id() + " now takes at most " + participant.maxMeetings()
                            + (participant.maxMeetings() == 1 ? " meeting" : " meetings");
                }
                if (past.contains(p.placement())) {
                    continue;
                }
                if (problem == null || required(p)) {
                    kept++;
                }
                if (problem != null) {
                    perSlot.merge(p.slot().index(), -1, Integer::sum);
                    result.set(i, new PublishedMeeting(p.placement(), p.meetingId(), Status.AFFECTED, p.slot(),
                            p.table(), problem));
                }
            }
        }
        return result;
    }

    /**
     * Of two unaffected meetings whose published order an {@code after} of the event now contradicts, one becomes
     * affected: the one that must come later, unless it cannot move after the other (fixed to its slot, held in a
     * slot that has started, or bound to slots before it) and the other can move before it. Left both unaffected,
     * freeze would keep the broken order.
     */
    private List<PublishedMeeting> limitToPrecedences(List<PublishedMeeting> classified) {
        List<PublishedMeeting> result = new ArrayList<>(classified);
        Map<String, Integer> byMeeting = new HashMap<>();
        for (int i = 0; i < result.size(); i++) {
            if (result.get(i).meetingId() != null) {
                byMeeting.put(result.get(i).meetingId(), i);
            }
        }
        for (int i = 0; i < result.size(); i++) {
            Meeting meeting = result.get(i).meetingId() == null ? null : candidatesById.get(result.get(i).meetingId());
            for (String id : meeting == null ? List.<String>of() : meeting.getAfter()) {
                PublishedMeeting later = result.get(i);
                Integer j = byMeeting.get(id);
                PublishedMeeting earlier = j == null ? null : result.get(j);
                if (later.status() != Status.UNAFFECTED || earlier == null || earlier.status() != Status.UNAFFECTED
                        || earlier.slot().index() < later.slot().index()) {
                    continue;
                }
                boolean laterStuck = cannotMove(later) || lastAllowed(later) <= earlier.slot().index();
                boolean earlierStuck = cannotMove(earlier) || firstAllowed(earlier) >= later.slot().index();
                if (laterStuck && !earlierStuck) {
                    result.set(j, affected(earlier, "it must now come before " + later.meetingId() + ", which is in "
                            + later.slot()));
                } else {
                    result.set(i, affected(later, "it must now come after " + id + ", which is in " + earlier.slot()));
                }
            }
        }
        return result;
    }

    private boolean cannotMove(PublishedMeeting p) {
        return past.contains(p.placement()) || fixedWhereItIs(p);
    }

    /** The first slot the published meeting's candidate may take (its session's, say). */
    private int firstAllowed(PublishedMeeting p) {
        return candidatesById.get(p.meetingId()).getAllowedSlots().stream().mapToInt(Slot::index).min()
                .orElse(Integer.MAX_VALUE);
    }

    /** The last slot the published meeting's candidate may take. */
    private int lastAllowed(PublishedMeeting p) {
        return candidatesById.get(p.meetingId()).getAllowedSlots().stream().mapToInt(Slot::index).max().orElse(0);
    }

    private static PublishedMeeting affected(PublishedMeeting p, String reason) {
        return new PublishedMeeting(p.placement(), p.meetingId(), Status.AFFECTED, p.slot(), p.table(), reason);
    }

    private boolean required(PublishedMeeting p) {
        Meeting meeting = p.meetingId() == null ? null : candidatesById.get(p.meetingId());
        return meeting != null && meeting.isRequired();
    }

    /** True when the published meeting's candidate may take its published slot only (a {@code fixedSlot}). */
    private boolean fixedWhereItIs(PublishedMeeting p) {
        Meeting meeting = p.meetingId() == null ? null : candidatesById.get(p.meetingId());
        return meeting != null && meeting.getAllowedSlots().equals(List.of(p.slot()));
    }

    /**
     * Participants who are new to the schedule, lost a meeting or must move one: they may get new recommendations.
     * The others' agendas stand as published.
     */
    private static Predicate<String> touchedParticipants(List<PublishedMeeting> classified) {
        Set<String> standing = new HashSet<>();
        Set<String> touched = new HashSet<>();
        for (PublishedMeeting p : classified) {
            Set<String> side = p.status() == Status.UNAFFECTED ? standing : touched;
            side.add(p.placement().first());
            side.add(p.placement().second());
        }
        return id -> touched.contains(id) || !standing.contains(id);
    }

    /** Places a matched candidate where it was published, pinned or priced as the mode says. */
    private void place(Meeting meeting, PublishedMeeting p) {
        switch (p.status()) {
            case UNAFFECTED -> {
                meeting.setSlot(p.slot());
                meeting.setTable(p.table());
                if (past.contains(p.placement()) && (p.table() != null || event.tables().isEmpty())) {
                    meeting.setPinned(true); // it took place there
                } else if (past.contains(p.placement())) {
                    // its table is gone: it keeps its slot, at another table
                    meeting.keepPublished(p.slot(), null, ScoreWeights.PUBLISHED_DROPPED,
                            ScoreWeights.PUBLISHED_DROPPED);
                } else if (mode == RepairMode.FREEZE && p.table() != null) {
                    meeting.setPinned(true);
                } else {
                    meeting.keepPublished(p.slot(), p.table(), mode == RepairMode.FREEZE
                            ? ScoreWeights.PUBLISHED_DROPPED : ScoreWeights.PUBLISHED_MOVED,
                            ScoreWeights.PUBLISHED_DROPPED);
                }
            }
            case AFFECTED -> {
                boolean slotStands = p.slot() != null && meeting.getAllowedSlots().contains(p.slot());
                if (slotStands) {
                    meeting.setSlot(p.slot());
                }
                meeting.keepPublished(slotStands ? p.slot() : null, null,
                        slotStands ? ScoreWeights.PUBLISHED_MOVED : 0, AFFECTED_DROPPED);
            }
            case GONE -> throw new IllegalStateException("A gone meeting has no candidate: " + p);
        }
    }

    private static List<Meeting> concat(List<Meeting> a, List<Meeting> b) {
        List<Meeting> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    private static boolean samePair(Meeting meeting, Placement placement) {
        return pairKey(meeting.getFirst().id(), meeting.getSecond().id())
                .equals(pairKey(placement.first(), placement.second()));
    }

    static String pairKey(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }
}
