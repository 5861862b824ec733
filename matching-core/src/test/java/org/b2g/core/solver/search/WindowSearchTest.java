package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.io.DznReader;
import org.b2g.core.matching.Candidates;
import org.b2g.core.solver.SampleEvents;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class WindowSearchTest {

    /** A feasible state of {@code model} from a short, seeded search. */
    private static SlotState feasible(SearchModel model, long moves) {
        SlotSearch search = new SlotSearch(model, 1, moves, Long.MAX_VALUE, () -> false, (s, m) -> { });
        int[] initial = new int[model.meetingCount];
        Arrays.fill(initial, UNSCHEDULED);
        search.run(initial);
        SlotState state = search.state();
        Assumptions.assumeTrue(state.hard == 0, "the short search found no feasible schedule");
        return state;
    }

    /** Applies window re-placements at random windows and checks every one against the score from scratch. */
    private static int replaceWindows(SlotState state, long seed, int windows) {
        SearchModel model = state.model;
        WindowSearch search = new WindowSearch(state, 50_000);
        SplittableRandom random = new SplittableRandom(seed);
        int improvements = 0;
        for (int i = 0; i < windows; i++) {
            int width = 2 + random.nextInt(WindowSearch.MAX_WIDTH - 1);
            int start = random.nextInt(model.slotCount - width + 1);
            long breaks = state.breaks;
            long idle = state.idle;
            long medium = state.medium;
            int[] loads = state.load.clone();
            if (!search.improve(start, width)) {
                continue;
            }
            improvements++;
            for (int k = 0; k < search.size(); k++) {
                int to = search.slot(k);
                assertTrue(to >= start && to < start + width, "a meeting leaves its window");
                state.move(search.meeting(k), to);
            }
            assertTrue(10 * state.breaks + state.idle < 10 * breaks + idle, "window " + start + "+" + width
                    + " made breaks " + breaks + " -> " + state.breaks + ", idle " + idle + " -> " + state.idle);
            assertEquals(0, state.hard, "hard after window " + start + "+" + width);
            assertEquals(medium, state.medium);
            assertEquals(Arrays.toString(loads), Arrays.toString(state.load), "slot loads change");
            long hard = state.hard;
            breaks = state.breaks;
            idle = state.idle;
            state.recompute();
            assertEquals(hard, state.hard, "incremental hard differs from scratch");
            assertEquals(breaks, state.breaks, "incremental breaks differ from scratch");
            assertEquals(idle, state.idle, "incremental idle differs from scratch");
        }
        return improvements;
    }

    @Test
    void windowReplacementsOnlyImproveAndAgreeWithScoringFromScratch() {
        Path file = Path.of("../../shared/datasets/b2b-jair22/forum-13crafc.original.dzn");
        Assumptions.assumeTrue(Files.isRegularFile(file), "benchmark not found at " + file.toAbsolutePath());
        Event event = DznReader.read(file);
        SearchModel model = SearchModel.of(new MeetingSchedule(event, Candidates.forEvent(event)));
        SlotState state = feasible(model, 300_000);
        assertTrue(replaceWindows(state, 3, 400) > 0, "no window improved a short search's schedule");
    }

    @Test
    void windowReplacementsKeepAB2gEventFeasible() {
        SearchModel model = SearchModel.of(SampleEvents.b2g(5, 30, 12));
        SlotState state = feasible(model, 100_000);
        replaceWindows(state, 9, 300);
    }

    @Test
    void findsTheCheapestArrangementOfSmallWindows() {
        SearchModel model = SearchModel.of(SampleEvents.b2g(2, 14, 6));
        SlotState state = feasible(model, 50_000);
        WindowSearch search = new WindowSearch(state, Long.MAX_VALUE);
        int checked = 0;
        for (int width = 2; width <= 3; width++) {
            for (int start = 0; start + width <= model.slotCount; start++) {
                int[] freed = movableIn(state, start, width);
                if (freed.length < 2 || freed.length > 9) {
                    continue;
                }
                int[] original = Arrays.stream(freed).map(m -> state.slot[m]).toArray();
                long least = cheapest(state, freed, 0, start, width);
                for (int i = 0; i < freed.length; i++) {
                    state.move(freed[i], original[i]);
                }
                long current = 10 * state.breaks + state.idle;
                boolean found = search.improve(start, width);
                assertEquals(least < current, found, "window " + start + "+" + width);
                if (found) {
                    for (int k = 0; k < search.size(); k++) {
                        state.move(search.meeting(k), search.slot(k));
                    }
                    assertEquals(least, 10 * state.breaks + state.idle, "window " + start + "+" + width);
                }
                checked++;
            }
        }
        assertTrue(checked > 5, "only " + checked + " windows small enough to enumerate");
    }

    private static int[] movableIn(SlotState state, int start, int width) {
        SearchModel model = state.model;
        return java.util.stream.IntStream.range(0, model.meetingCount)
                .filter(m -> state.slot[m] >= start && state.slot[m] < start + width && !model.fixed[m]
                        && model.fixedTable[m] < 0 && model.representatives[model.first[m]] == 1
                        && model.representatives[model.second[m]] == 1)
                .toArray();
    }

    /** Least 10 x breaks + idle over every feasible placement of {@code freed[i..]} in the window, by enumeration. */
    private static long cheapest(SlotState state, int[] freed, int i, int start, int width) {
        if (i == freed.length) {
            return state.hard == 0 ? 10 * state.breaks + state.idle : Long.MAX_VALUE;
        }
        long least = Long.MAX_VALUE;
        for (int s = start; s < start + width; s++) {
            if (state.model.allows(freed[i], s)) {
                state.move(freed[i], s);
                least = Math.min(least, cheapest(state, freed, i + 1, start, width));
            }
        }
        return least;
    }
}
