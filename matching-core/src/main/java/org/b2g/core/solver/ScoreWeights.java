package org.b2g.core.solver;

import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Role;

/**
 * The weights that turn the objectives of docs/scoring.md into one {@code HardMediumSoftLongScore}, shared by the
 * constraint provider and the search so that both optimise the same thing.
 *
 * <ul>
 *   <li>hard: one point per unit of violation (an extra meeting in a slot, a missing required meeting...);</li>
 *   <li>medium: minus the {@code weight} of every optional candidate left out, and the
 *       {@link #missingMeetingWeight missing-meeting weight} for every meeting a participant lacks below its
 *       {@link #minimumMeetings minimum};</li>
 *   <li>soft: {@link #BREAK} per break, then {@link #AWAY_FROM_SEAT} per meeting of a participant that sits held away
 *       from its seats, and {@link #TABLE_CHANGE} per walk of a participant that walks.</li>
 * </ul>
 */
public final class ScoreWeights {

    /** Medium penalty per meeting below a minimum the organizer set: more than any single optional meeting. */
    public static final long MISSING_MEETING = 10_000;
    /**
     * Medium penalty for a startup or agency that goes home without a meeting although nobody set a minimum: more
     * than any one-sided request or recommendation (somebody's extra meeting), less than a mutual request, which both
     * sides asked for and which an organizer expects to see honoured.
     */
    public static final long FIRST_MEETING = 3_000;
    /**
     * Repair, mode minimal: medium cost of moving a published, unaffected meeting to another slot. More than any
     * optional meeting is worth (a mutual request both sides marked high), less than a minimum the organizer set
     * or a must request, so only those (or a required meeting) move what people were already told.
     */
    public static final long PUBLISHED_MOVED = 6_000;
    /**
     * Repair: medium cost of dropping a published meeting that still has its reason to exist. More than a must
     * request ({@code Demand.MUST}, plus its relevance bonus): a promise in somebody's calendar is only broken by a
     * hard rule (a required meeting, a participant's lower maximum), never to make room for a wish.
     */
    public static final long PUBLISHED_DROPPED = 2_500_000;
    /** Soft penalty per break; larger than any realistic count of table changes, so breaks come first. */
    public static final long BREAK = 1_000;
    /** Soft penalty when a participant that walks (see {@code Seating}) has its next meeting at another table. */
    public static final long TABLE_CHANGE = 1;
    /**
     * Soft penalty per meeting of a participant that sits (an agency, anyone with a home table) held away from its
     * seats. More than the two walks that one meeting's table can save its counterpart, so agencies stay at their
     * seats and startups walk; a multiple of {@link #TABLE_CHANGE}, the unit the search counts tables in.
     */
    public static final long AWAY_FROM_SEAT = 3;

    private ScoreWeights() {
    }

    /**
     * The meetings a participant should have at least: its {@code minMeetings}, and in a B2G event at least one for
     * every startup and agency (nobody goes home empty-handed while others have many). Generic B2B companies get
     * their {@code minMeetings} only.
     */
    public static int minimumMeetings(Participant participant) {
        return participant.role() == Role.COMPANY ? participant.minMeetings() : Math.max(1, participant.minMeetings());
    }

    /**
     * Medium penalty per meeting a participant lacks below its {@link #minimumMeetings minimum}: {@link #MISSING_MEETING}
     * when the organizer set {@code minMeetings}, {@link #FIRST_MEETING} for the implicit first meeting.
     */
    public static long missingMeetingWeight(Participant participant) {
        return participant.minMeetings() > 0 ? MISSING_MEETING : FIRST_MEETING;
    }
}
