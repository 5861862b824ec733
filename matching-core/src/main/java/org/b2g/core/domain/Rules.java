package org.b2g.core.domain;

/**
 * Organizer's rules. {@code maxBreaksPerParticipant} is {@link #NO_CAP} when breaks are not capped.
 */
public record Rules(int maxBreaksPerParticipant, int recommendationsPerParticipant, double minRelevance) {

    public static final int NO_CAP = -1;
    public static final Rules DEFAULT = new Rules(NO_CAP, 3, 0.2);

    public boolean capsBreaks() {
        return maxBreaksPerParticipant != NO_CAP;
    }

    public Rules withMaxBreaks(int maxBreaks) {
        return new Rules(maxBreaks, recommendationsPerParticipant, minRelevance);
    }
}
