package org.b2g.core.matching;

import org.b2g.core.domain.Origin;
import org.b2g.core.domain.Priority;
import org.b2g.core.solver.ScoreWeights;

/**
 * The {@code weight} of an optional candidate: the medium score it is worth when scheduled (and costs when left
 * out). The bands do not overlap, so the order of docs/scoring.md holds whatever the relevance:
 * must ≫ {@link ScoreWeights#MISSING_MEETING} (a minimum the organizer set) > mutual
 * > {@link ScoreWeights#FIRST_MEETING} (nobody goes home empty-handed) > one-sided high > one-sided normal
 * > recommendation.
 * Within a band, relevance breaks ties (at most {@link #RELEVANCE_BONUS} on a request). Even 100,000 must
 * requests stay far below {@code Long.MAX_VALUE}.
 */
public final class Demand {

    /** A must request outweighs all the optional meetings and first meetings it could ever displace. */
    public static final long MUST = 1_000_000;
    public static final long MUTUAL = 4_000;
    /** Added to a mutual request for each side that marked it high. */
    public static final long MUTUAL_HIGH_SIDE = 500;
    public static final long HIGH = 2_000;
    public static final long NORMAL = 1_000;
    /** A recommendation is worth {@code RECOMMENDED_BASE + RECOMMENDED_RANGE * relevance}: below any request. */
    public static final long RECOMMENDED_BASE = 10;
    public static final long RECOMMENDED_RANGE = 790;
    public static final long RELEVANCE_BONUS = 100;

    private Demand() {
    }

    /**
     * @param first the priority asked by one side, or null when it did not ask
     * @param second the priority asked by the other side, or null
     */
    static long weight(Origin origin, Priority first, Priority second, double relevance) {
        long bonus = Math.round(RELEVANCE_BONUS * relevance);
        return switch (origin) {
            case REQUIRED -> 0;
            case MUST -> MUST + bonus;
            case MUTUAL -> MUTUAL + MUTUAL_HIGH_SIDE * (high(first) + high(second)) + bonus;
            case REQUEST -> (first == Priority.HIGH || second == Priority.HIGH ? HIGH : NORMAL) + bonus;
            case RECOMMENDED -> RECOMMENDED_BASE + Math.round(RECOMMENDED_RANGE * relevance);
        };
    }

    private static int high(Priority priority) {
        return priority == Priority.HIGH ? 1 : 0;
    }
}
