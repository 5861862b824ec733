package org.b2g.core.solver;

/**
 * The constraint names as organizers read them in score breakdowns. Kept as constants so that the search, the
 * explanations and the tests refer to one spelling.
 */
public final class ConstraintNames {

    // Hard
    public static final String PARTICIPANT_DOUBLE_BOOKED = "Participant double booked";
    public static final String TABLE_DOUBLE_BOOKED = "Table double booked";
    public static final String PARTICIPANT_UNAVAILABLE = "Participant unavailable";
    public static final String OUTSIDE_ITS_SESSION = "Outside its session";
    public static final String FIXED_TABLE_IGNORED = "Fixed table ignored";
    public static final String PRECEDENCE_BROKEN = "Precedence broken";
    public static final String EXCLUDED_PAIR_MEETS = "Excluded pair meets";
    public static final String TOO_MANY_MEETINGS = "Too many meetings";
    public static final String REQUIRED_MEETING_UNSCHEDULED = "Required meeting unscheduled";
    public static final String TOO_MANY_BREAKS = "Too many breaks";

    // Medium
    public static final String DEMAND_UNMET = "Demand unmet";
    public static final String FEWER_MEETINGS_THAN_MINIMUM = "Fewer meetings than minimum";
    public static final String NO_CANDIDATE_MEETING = "No candidate meeting";
    public static final String PUBLISHED_MEETING_MOVED = "Published meeting moved";

    // Soft
    public static final String BREAK_BETWEEN_MEETINGS = "Break between meetings";
    public static final String TABLE_CHANGE = "Table change";
    public static final String AWAY_FROM_SEAT = "Away from seat";

    private ConstraintNames() {
    }
}
