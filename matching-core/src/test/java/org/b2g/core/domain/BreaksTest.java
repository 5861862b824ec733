package org.b2g.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BreaksTest {

    private static final int[] ONE_DAY = new int[11];
    private static final int[] TWO_DAYS = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1};

    @Test
    void consecutiveMeetingsHaveNoBreak() {
        assertEquals(0, Breaks.count(new int[] {3, 4, 5}, ONE_DAY));
    }

    @Test
    void aRunOfIdleSlotsIsOneBreak() {
        assertEquals(1, Breaks.count(new int[] {2, 6}, ONE_DAY));
    }

    @Test
    void countsEveryGapInAnyOrder() {
        assertEquals(2, Breaks.count(new int[] {9, 1, 5, 4}, ONE_DAY));
    }

    @Test
    void idleTimeBetweenDaysIsNoBreak() {
        assertEquals(0, Breaks.count(new int[] {4, 5, 7}, TWO_DAYS));
        assertEquals(1, Breaks.count(new int[] {4, 5, 8, 10}, TWO_DAYS) - 0);
    }

    @Test
    void fewerThanTwoMeetingsHaveNoBreak() {
        assertEquals(0, Breaks.count(new int[] {4}, ONE_DAY));
        assertEquals(0, Breaks.count(new int[] {}, ONE_DAY));
    }
}
