package org.b2g.core.solver;

import static org.b2g.core.solver.Wording.capitalized;
import static org.b2g.core.solver.Wording.count;
import static org.b2g.core.solver.Wording.meeting;
import static org.b2g.core.solver.Wording.meetingIds;
import static org.b2g.core.solver.Wording.slot;
import static org.b2g.core.solver.Wording.table;
import static org.b2g.core.solver.Wording.who;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.b2g.core.domain.Exclusion;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Precedence;
import org.b2g.core.domain.Rules;
import org.b2g.core.domain.Table;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;
import org.optaplanner.core.api.score.stream.bi.BiConstraintStream;
import org.optaplanner.core.api.score.stream.uni.UniConstraintStream;

/**
 * The rules and objectives of docs/scoring.md as constraint streams, weighted as {@link ScoreWeights} says (the score
 * contract shared with the search). Only scheduled meetings ({@code slot != null}) count in the rules about slots,
 * tables and participants' days.
 *
 * <p>Meetings are the only entities; facts never point at them ({@link Precedence} holds ids), so every link from
 * a meeting to another is made here by indexed joins.
 */
public final class MeetingConstraintProvider implements ConstraintProvider {

    private static final HardMediumSoftLongScore HARD = HardMediumSoftLongScore.ONE_HARD;
    private static final HardMediumSoftLongScore MEDIUM = HardMediumSoftLongScore.ONE_MEDIUM;
    private static final HardMediumSoftLongScore BREAK = HardMediumSoftLongScore.ofSoft(ScoreWeights.BREAK);
    private static final HardMediumSoftLongScore TABLE_CHANGE =
            HardMediumSoftLongScore.ofSoft(ScoreWeights.TABLE_CHANGE);
    private static final HardMediumSoftLongScore AWAY_FROM_SEAT =
            HardMediumSoftLongScore.ofSoft(ScoreWeights.AWAY_FROM_SEAT);

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                // Hard
                participantDoubleBooked(factory),
                tableDoubleBooked(factory),
                participantUnavailable(factory),
                outsideItsSession(factory),
                fixedTableIgnored(factory),
                precedenceBroken(factory),
                excludedPairMeets(factory),
                tooManyMeetings(factory),
                requiredMeetingUnscheduled(factory),
                tooManyBreaks(factory),
                // Medium
                demandUnmet(factory),
                fewerMeetingsThanMinimum(factory),
                noCandidateMeeting(factory),
                publishedMeetingMoved(factory),
                // Soft
                breakBetweenMeetings(factory),
                tableChange(factory),
                awayFromSeat(factory)
        };
    }

    // ************************************************************************
    // Hard
    // ************************************************************************

    /** A participant is in at most {@code representatives} meetings per slot; each one more costs 1. */
    Constraint participantDoubleBooked(ConstraintFactory factory) {
        return attendances(factory)
                .filter((meeting, participant) -> meeting.isScheduled())
                .groupBy((meeting, participant) -> participant, (meeting, participant) -> meeting.getSlot(),
                        ConstraintCollectors.toList((meeting, participant) -> meeting))
                .filter((participant, slot, meetings) -> meetings.size() > participant.representatives())
                .penalizeLong(HARD, (participant, slot, meetings) -> meetings.size() - participant.representatives())
                .justifyWith((participant, slot, meetings, score) -> Justification.of(
                        who(participant) + " has " + meetings.size() + " meetings in " + slot(slot)
                                + " (" + meetingIds(meetings) + ") but sends "
                                + count(participant.representatives(), "representative", "representatives") + ".",
                        participant, slot))
                .indictWith((participant, slot, meetings) -> List.of(participant, slot))
                .asConstraint(ConstraintNames.PARTICIPANT_DOUBLE_BOOKED);
    }

    /** At most one meeting per table and slot; k meetings at one table cost k - 1. */
    Constraint tableDoubleBooked(ConstraintFactory factory) {
        return scheduled(factory)
                .filter(meeting -> meeting.getTable() != null)
                .groupBy(Meeting::getSlot, Meeting::getTable, ConstraintCollectors.toList())
                .filter((slot, table, meetings) -> meetings.size() > 1)
                .penalizeLong(HARD, (slot, table, meetings) -> meetings.size() - 1)
                .justifyWith((slot, table, meetings, score) -> Justification.of(
                        capitalized(table(table)) + " has " + meetings.size() + " meetings in " + slot(slot)
                                + " (" + meetingIds(meetings) + "); it seats one.",
                        slot, table))
                .indictWith((slot, table, meetings) -> List.of(slot, table))
                .asConstraint(ConstraintNames.TABLE_DOUBLE_BOOKED);
    }

    /** No meeting in a slot where one of its participants is unavailable; 1 per such participant. */
    Constraint participantUnavailable(ConstraintFactory factory) {
        return attendances(factory)
                .filter((meeting, participant) -> meeting.isScheduled()
                        && !participant.isAvailable(meeting.getSlot().index()))
                .penalizeLong(HARD, (meeting, participant) -> 1)
                .justifyWith((meeting, participant, score) -> Justification.of(
                        capitalized(meeting(meeting)) + " is in " + slot(meeting.getSlot()) + ", where "
                                + who(participant) + " is unavailable.",
                        meeting, participant))
                .indictWith((meeting, participant) -> List.of(meeting, participant))
                .asConstraint(ConstraintNames.PARTICIPANT_UNAVAILABLE);
    }

    /** A meeting restricted to a session stays in it. */
    Constraint outsideItsSession(ConstraintFactory factory) {
        return scheduled(factory)
                .filter(meeting -> meeting.getSessionId() != null
                        && !meeting.getSessionId().equals(meeting.getSlot().sessionId()))
                .penalizeLong(HARD, meeting -> 1)
                .justifyWith((meeting, score) -> Justification.of(
                        capitalized(meeting(meeting)) + " is in " + slot(meeting.getSlot())
                                + ", outside its session " + meeting.getSessionId() + ".",
                        meeting))
                .asConstraint(ConstraintNames.OUTSIDE_ITS_SESSION);
    }

    /** A meeting with a fixed table sits at it (the value range already ensures it unless data was imported). */
    Constraint fixedTableIgnored(ConstraintFactory factory) {
        return scheduled(factory)
                .filter(meeting -> meeting.getAllowedTables().size() == 1 && meeting.getTable() != null
                        && !meeting.getTable().equals(meeting.getAllowedTables().get(0)))
                .penalizeLong(HARD, meeting -> 1)
                .justifyWith((meeting, score) -> Justification.of(
                        capitalized(meeting(meeting)) + " is at " + table(meeting.getTable())
                                + " instead of its fixed " + table(meeting.getAllowedTables().get(0)) + ".",
                        meeting))
                .asConstraint(ConstraintNames.FIXED_TABLE_IGNORED);
    }

    /** A meeting listed in another's {@code after} takes a strictly earlier slot; 1 per broken pair. */
    Constraint precedenceBroken(ConstraintFactory factory) {
        return factory.forEach(Precedence.class)
                .join(scheduled(factory), Joiners.equal(Precedence::earlier, Meeting::getId))
                .join(scheduled(factory), Joiners.equal((precedence, earlier) -> precedence.later(), Meeting::getId))
                .filter((precedence, earlier, later) -> earlier.getSlot().index() >= later.getSlot().index())
                .penalizeLong(HARD, (precedence, earlier, later) -> 1)
                .justifyWith((precedence, earlier, later, score) -> Justification.of(
                        capitalized(meeting(earlier)) + " must come before " + meeting(later) + " but is in "
                                + slot(earlier.getSlot()) + ", not before " + slot(later.getSlot()) + ".",
                        earlier, later))
                .indictWith((precedence, earlier, later) -> List.of(earlier, later))
                .asConstraint(ConstraintNames.PRECEDENCE_BROKEN);
    }

    /** Excluded pairs never meet; 1 per scheduled meeting of such a pair. */
    Constraint excludedPairMeets(ConstraintFactory factory) {
        return scheduled(factory)
                .ifExists(Exclusion.class, Joiners.equal(
                        meeting -> Pair.of(meeting.getFirst().id(), meeting.getSecond().id()),
                        exclusion -> Pair.of(exclusion.first(), exclusion.second())))
                .penalizeLong(HARD, meeting -> 1)
                .justifyWith((meeting, score) -> Justification.of(
                        who(meeting.getFirst()) + " and " + who(meeting.getSecond())
                                + " must not meet but have meeting " + meeting.getId() + " in "
                                + slot(meeting.getSlot()) + ".",
                        meeting))
                .asConstraint(ConstraintNames.EXCLUDED_PAIR_MEETS);
    }

    /** Nobody exceeds {@code maxMeetings}; each meeting over costs 1. */
    Constraint tooManyMeetings(ConstraintFactory factory) {
        return agendas(factory)
                .filter((participant, agenda) -> agenda.meetings() > participant.maxMeetings())
                .penalizeLong(HARD, (participant, agenda) -> agenda.meetings() - participant.maxMeetings())
                .justifyWith((participant, agenda, score) -> Justification.of(
                        who(participant) + " has " + count(agenda.meetings(), "meeting", "meetings")
                                + " but accepts at most " + participant.maxMeetings() + ".",
                        participant))
                .indictWith((participant, agenda) -> List.of(participant))
                .asConstraint(ConstraintNames.TOO_MANY_MEETINGS);
    }

    /** Every required meeting gets a slot. */
    Constraint requiredMeetingUnscheduled(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(Meeting.class)
                .filter(meeting -> meeting.isRequired() && !meeting.isScheduled())
                .penalizeLong(HARD, meeting -> 1)
                .justifyWith((meeting, score) -> Justification.of(
                        "Required " + meeting(meeting) + " has no slot.", meeting))
                .asConstraint(ConstraintNames.REQUIRED_MEETING_UNSCHEDULED);
    }

    /** When the organizer caps breaks, each break over the cap costs 1. */
    Constraint tooManyBreaks(ConstraintFactory factory) {
        return agendas(factory)
                .filter((participant, agenda) -> agenda.breaks() > 0)
                .join(Rules.class)
                .filter((participant, agenda, rules) -> rules.capsBreaks()
                        && agenda.breaks() > rules.maxBreaksPerParticipant())
                .penalizeLong(HARD, (participant, agenda, rules) ->
                        agenda.breaks() - rules.maxBreaksPerParticipant())
                .justifyWith((participant, agenda, rules, score) -> Justification.of(
                        who(participant) + " has " + count(agenda.breaks(), "break", "breaks") + " (meetings in slots "
                                + Arrays.stream(agenda.slots()).mapToObj(String::valueOf)
                                        .collect(Collectors.joining(", "))
                                + ") but the cap is " + rules.maxBreaksPerParticipant() + ".",
                        participant))
                .indictWith((participant, agenda, rules) -> List.of(participant))
                .asConstraint(ConstraintNames.TOO_MANY_BREAKS);
    }

    // ************************************************************************
    // Medium
    // ************************************************************************

    /** An optional candidate left out loses its weight of demand. */
    Constraint demandUnmet(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(Meeting.class)
                .filter(meeting -> !meeting.isRequired() && !meeting.isScheduled())
                .penalizeLong(MEDIUM, Meeting::getWeight)
                .justifyWith((meeting, score) -> Justification.of(
                        capitalized(meeting(meeting)) + " (" + meeting.getOrigin().code() + ") is not scheduled.",
                        meeting))
                .asConstraint(ConstraintNames.DEMAND_UNMET);
    }

    /** Each meeting a participant lacks below its minimum costs its missing-meeting weight (see ScoreWeights). */
    Constraint fewerMeetingsThanMinimum(ConstraintFactory factory) {
        return agendas(factory)
                .filter((participant, agenda) -> agenda.meetings() < ScoreWeights.minimumMeetings(participant))
                .penalizeLong(MEDIUM, (participant, agenda) -> ScoreWeights.missingMeetingWeight(participant)
                        * (ScoreWeights.minimumMeetings(participant) - agenda.meetings()))
                .justifyWith((participant, agenda, score) -> Justification.of(
                        who(participant) + " has " + count(agenda.meetings(), "meeting", "meetings")
                                + " but should have at least " + ScoreWeights.minimumMeetings(participant) + ".",
                        participant))
                .indictWith((participant, agenda) -> List.of(participant))
                .asConstraint(ConstraintNames.FEWER_MEETINGS_THAN_MINIMUM);
    }

    /**
     * The minimum shortfall of a participant without any candidate meeting: a constant the solver cannot change,
     * kept so that the score follows the contract and the organizer sees whom to find partners for.
     */
    Constraint noCandidateMeeting(ConstraintFactory factory) {
        return factory.forEach(Participant.class)
                .filter(participant -> ScoreWeights.minimumMeetings(participant) > 0)
                .ifNotExistsIncludingNullVars(Meeting.class, Joiners.equal(participant -> participant,
                        Meeting::getFirst))
                .ifNotExistsIncludingNullVars(Meeting.class, Joiners.equal(participant -> participant,
                        Meeting::getSecond))
                .penalizeLong(MEDIUM, participant -> ScoreWeights.missingMeetingWeight(participant)
                        * ScoreWeights.minimumMeetings(participant))
                .justifyWith((participant, score) -> Justification.of(
                        who(participant) + " has no candidate meeting at all.", participant))
                .asConstraint(ConstraintNames.NO_CANDIDATE_MEETING);
    }

    /** In a repair, a published meeting placed in another slot costs its move cost (dropping it, its weight). */
    Constraint publishedMeetingMoved(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(Meeting.class)
                .filter(Meeting::isMovedFromPublished)
                .penalizeLong(MEDIUM, Meeting::getMoveCost)
                .justifyWith((meeting, score) -> Justification.of(
                        capitalized(meeting(meeting)) + " is in " + slot(meeting.getSlot())
                                + " but was published in " + slot(meeting.getPublishedSlot()) + ".",
                        meeting))
                .asConstraint(ConstraintNames.PUBLISHED_MEETING_MOVED);
    }

    // ************************************************************************
    // Soft
    // ************************************************************************

    /** Each run of idle slots between two meetings of a participant on one day is a break. */
    Constraint breakBetweenMeetings(ConstraintFactory factory) {
        return agendas(factory)
                .filter((participant, agenda) -> agenda.breaks() > 0)
                .penalizeLong(BREAK, (participant, agenda) -> agenda.breaks())
                .justifyWith((participant, agenda, score) -> Justification.of(
                        who(participant) + " has " + count(agenda.breaks(), "break", "breaks") + ".",
                        participant))
                .indictWith((participant, agenda) -> List.of(participant))
                .asConstraint(ConstraintNames.BREAK_BETWEEN_MEETINGS);
    }

    /** A participant that walks (one representative, no seat) changes tables between consecutive meetings of a day. */
    Constraint tableChange(ConstraintFactory factory) {
        return agendas(factory)
                .filter((participant, agenda) -> participant.representatives() == 1 && agenda.walks()
                        && agenda.tableChanges() > 0)
                .penalizeLong(TABLE_CHANGE, (participant, agenda) -> agenda.tableChanges())
                .justifyWith((participant, agenda, score) -> Justification.of(
                        who(participant) + " changes tables "
                                + count(agenda.tableChanges(), "time", "times") + ".",
                        participant))
                .indictWith((participant, agenda) -> List.of(participant))
                .asConstraint(ConstraintNames.TABLE_CHANGE);
    }

    /**
     * A participant that sits (an agency, or anyone with a home table) holds each meeting at one of its seats. The
     * seats come with the meeting ({@link Meeting#getSeating()}), not by a join: a smaller network to build.
     */
    Constraint awayFromSeat(ConstraintFactory factory) {
        return attendances(factory)
                .filter((meeting, participant) -> meeting.isScheduled() && meeting.getTable() != null
                        && meeting.getSeating() != null && meeting.getSeating().isAway(participant, meeting.getTable()))
                .penalizeLong(AWAY_FROM_SEAT, (meeting, participant) -> 1)
                .justifyWith((meeting, participant, score) -> Justification.of(
                        capitalized(meeting(meeting)) + " is at " + table(meeting.getTable()) + ", away from "
                                + seats(meeting.getSeating().seatsOf(participant)) + " of " + who(participant) + ".",
                        meeting, participant))
                .asConstraint(ConstraintNames.AWAY_FROM_SEAT);
    }

    /** "the seat T01" or "the seats T01, T02". */
    private static String seats(List<Table> tables) {
        return (tables.size() == 1 ? "the seat " : "the seats ")
                + tables.stream().map(Table::id).collect(Collectors.joining(", "));
    }

    // ************************************************************************
    // Shared streams
    // ************************************************************************

    /** Meetings that have a slot, whether or not they have a table yet. */
    private static UniConstraintStream<Meeting> scheduled(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(Meeting.class)
                .filter(Meeting::isScheduled);
    }

    /**
     * Every candidate meeting once per participant, scheduled or not. Grouping each meeting with itself is what
     * turns a meeting into (meeting, participant) pairs without a fact that points at the entity; both keys hash by
     * identity, so the grouping costs next to nothing per move.
     */
    private static BiConstraintStream<Meeting, Participant> attendances(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(Meeting.class)
                .groupBy(meeting -> meeting, meeting -> meeting)
                .flattenLast(Meeting::getParticipants);
    }

    /** Each participant with at least one candidate meeting, and its day so far. */
    private static BiConstraintStream<Participant, Agenda> agendas(ConstraintFactory factory) {
        return attendances(factory)
                .groupBy((meeting, participant) -> participant, Agenda.collector());
    }

    /** An unordered pair of participant ids, to match meetings with exclusions by one indexed key. */
    private record Pair(String low, String high) {
        static Pair of(String a, String b) {
            return a.compareTo(b) <= 0 ? new Pair(a, b) : new Pair(b, a);
        }
    }
}
