package org.b2g.core.solver.bound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PairGraphTest {

    @Test
    void takesTheMoreValuablePairWhenAnAgencyHasRoomForOne() {
        // 0 = agency (room for 1), 1 and 2 = startups.
        PairGraph graph = new PairGraph(3).capacity(0, 1);
        graph.addPair(1, 0, 5);
        graph.addPair(2, 0, 3);
        Pairing best = graph.best();
        assertEquals(5, best.value());
        assertArrayEquals(new boolean[] {true, false}, best.chosen());
        assertTrue(best.exact());
    }

    /**
     * The chain the issue describes: agency A (room for 1) is the only choice of s1 (a mutual request, 4000) and a
     * choice of s2 (500), whose other choice B (100) has room. Everyone's first meeting is worth 3000 more. The best
     * re-seats s2 at B and gives A to s1: 4000 + 100 + four first meetings.
     */
    @Test
    void reSeatsAStartupAtAnAgencyWithRoomSoThatTheMutualPairFits() {
        int s1 = 0;
        int s2 = 1;
        int a = 2;
        int b = 3;
        PairGraph graph = new PairGraph(4).capacity(a, 1).capacity(b, 1);
        for (int p = 0; p < 4; p++) {
            graph.bonus(p, 1, 3000);
        }
        graph.addPair(s1, a, 4000);
        graph.addPair(s2, a, 500);
        graph.addPair(s2, b, 100);
        Pairing best = graph.best();
        assertArrayEquals(new boolean[] {true, false, true}, best.chosen());
        assertEquals(4000 + 100 + 4 * 3000, best.value());
    }

    @Test
    void prefersServingTwoPeopleOverOneRicherPairWhenTheBonusSaysSo() {
        // s (room for 1) could meet a (10) or b (8); c would meet b (1). Bonus 5 for a first meeting.
        PairGraph graph = new PairGraph(4).capacity(0, 1).capacity(2, 1);
        for (int p = 0; p < 4; p++) {
            graph.bonus(p, 1, 5);
        }
        graph.addPair(0, 1, 10); // s-a
        graph.addPair(0, 2, 8); // s-b
        graph.addPair(3, 2, 1); // c-b
        // s-a and c-b: 10 + 1 + 4 bonuses = 31; s-b alone: 8 + 2 bonuses = 18.
        Pairing best = graph.best();
        assertEquals(31, best.value());
        assertArrayEquals(new boolean[] {true, false, true}, best.chosen());
    }

    @Test
    void respectsTheLimitOnPairsInAll() {
        PairGraph graph = new PairGraph(4).limitTotal(1);
        graph.addPair(0, 1, 2);
        graph.addPair(2, 3, 3);
        assertEquals(3, graph.best().value());
    }

    @Test
    void leavesOutPairsThatAreWorthNothingOrLess() {
        PairGraph graph = new PairGraph(2);
        graph.addPair(0, 1, -4);
        Pairing best = graph.best();
        assertEquals(0, best.value());
        assertFalse(best.isChosen(0));
    }

    @Test
    void boundsATriangleByItsFractionalValue() {
        // Three companies, one meeting each: whole pairs give 1, the fractional relaxation 1.5, floored to 1.
        PairGraph graph = new PairGraph(3).capacity(0, 1).capacity(1, 1).capacity(2, 1);
        graph.addPair(0, 1, 1);
        graph.addPair(1, 2, 1);
        graph.addPair(0, 2, 1);
        Pairing best = graph.best();
        assertFalse(best.exact());
        assertEquals(1, best.value());

        PairGraph roomier = new PairGraph(3).capacity(0, 2).capacity(1, 2).capacity(2, 2);
        roomier.addPair(0, 1, 1);
        roomier.addPair(1, 2, 1);
        roomier.addPair(0, 2, 1);
        Pairing all = roomier.best();
        assertEquals(3, all.value());
        assertArrayEquals(new boolean[] {true, true, true}, all.chosen());
    }

    @Test
    void matchesExhaustiveSearchOnSmallTwoSidedGraphs() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 300; round++) {
            int left = 1 + random.nextInt(4);
            int right = 1 + random.nextInt(4);
            int n = left + right;
            int pairs = random.nextInt(11);
            int[] a = new int[pairs];
            int[] b = new int[pairs];
            long[] worth = new long[pairs];
            int[] capacity = new int[n];
            int[] units = new int[n];
            long[] bonus = new long[n];
            PairGraph graph = new PairGraph(n);
            for (int p = 0; p < n; p++) {
                capacity[p] = random.nextInt(4);
                units[p] = random.nextInt(3);
                bonus[p] = random.nextInt(6);
                graph.capacity(p, capacity[p]).bonus(p, units[p], bonus[p]);
            }
            int total = random.nextInt(8);
            graph.limitTotal(total);
            for (int i = 0; i < pairs; i++) {
                a[i] = random.nextInt(left);
                b[i] = left + random.nextInt(right);
                worth[i] = random.nextInt(10) - 2;
                graph.addPair(a[i], b[i], worth[i]);
            }
            Pairing best = graph.best();
            long expected = exhaustive(n, a, b, worth, capacity, units, bonus, total);
            assertEquals(expected, best.value(), "round " + round);
            assertEquals(expected, valueOf(best.chosen(), n, a, b, worth, capacity, units, bonus, total),
                    "round " + round + ": the chosen pairs are worth the value and within the capacities");
        }
    }

    @Test
    void neverBoundsBelowTheBestWholePairsOnGraphsWithOddCycles() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 200; round++) {
            int n = 3 + random.nextInt(4);
            int pairs = random.nextInt(10);
            int[] a = new int[pairs];
            int[] b = new int[pairs];
            long[] worth = new long[pairs];
            int[] capacity = new int[n];
            int[] units = new int[n];
            long[] bonus = new long[n];
            PairGraph graph = new PairGraph(n);
            for (int p = 0; p < n; p++) {
                capacity[p] = random.nextInt(3);
                units[p] = random.nextInt(2);
                bonus[p] = random.nextInt(4);
                graph.capacity(p, capacity[p]).bonus(p, units[p], bonus[p]);
            }
            for (int i = 0; i < pairs; i++) {
                a[i] = random.nextInt(n);
                b[i] = (a[i] + 1 + random.nextInt(n - 1)) % n;
                worth[i] = random.nextInt(8);
                graph.addPair(a[i], b[i], worth[i]);
            }
            long expected = exhaustive(n, a, b, worth, capacity, units, bonus, Integer.MAX_VALUE);
            Pairing best = graph.best();
            assertTrue(best.value() >= expected, "round " + round + ": " + best.value() + " < " + expected);
            if (best.exact()) {
                assertEquals(expected, best.value(), "round " + round);
            }
        }
    }

    @Test
    void rejectsAParticipantOutsideTheGraph() {
        PairGraph graph = new PairGraph(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> graph.addPair(0, 2, 1));
        assertEquals("The participant (2) is outside 0..1.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> graph.addPair(1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> graph.capacity(0, -1));
    }

    private static long exhaustive(int n, int[] a, int[] b, long[] worth, int[] capacity, int[] units, long[] bonus,
            int total) {
        long best = 0;
        for (int mask = 0; mask < 1 << a.length; mask++) {
            boolean[] chosen = new boolean[a.length];
            for (int i = 0; i < a.length; i++) {
                chosen[i] = (mask >> i & 1) != 0;
            }
            best = Math.max(best, valueOf(chosen, n, a, b, worth, capacity, units, bonus, total));
        }
        return best;
    }

    /** The worth of a set of pairs, or Long.MIN_VALUE when it breaks a capacity or the total limit. */
    private static long valueOf(boolean[] chosen, int n, int[] a, int[] b, long[] worth, int[] capacity,
            int[] units, long[] bonus, int total) {
        int[] degree = new int[n];
        long value = 0;
        int count = 0;
        for (int i = 0; i < a.length; i++) {
            if (chosen[i]) {
                degree[a[i]]++;
                degree[b[i]]++;
                value += worth[i];
                count++;
            }
        }
        if (count > total) {
            return Long.MIN_VALUE;
        }
        for (int p = 0; p < n; p++) {
            if (degree[p] > capacity[p]) {
                return Long.MIN_VALUE;
            }
            value += bonus[p] * Math.min(units[p], degree[p]);
        }
        return value;
    }
}
