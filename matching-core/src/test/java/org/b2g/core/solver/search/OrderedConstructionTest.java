package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The first schedule of events with precedences and fixed meetings, before any search improves it. */
class OrderedConstructionTest {

    @Test
    void placesAChainThroughOneParticipantInItsOrder() {
        // Participant 1 meets 2, 3, 4 and 5, in the order 4, 3, 2, 1 of the meetings' numbers.
        SearchModel model = ResearchEvent.of(6, 2).meeting(1, 2).meeting(1, 3).meeting(1, 4).meeting(1, 5)
                .chain(4, 3, 2, 1).model();
        int[] slot = construct(model, 1);
        Rules.assertNoRuleBroken(model, slot);
        assertTrue(slot[3] < slot[2] && slot[2] < slot[1] && slot[1] < slot[0], "slots " + Arrays.toString(slot));
    }

    @Test
    void leavesAFixedMeetingInItsSlotAndPlacesItsChainAroundIt() {
        SearchModel model = ResearchEvent.of(5, 1).meeting(1, 2).meeting(3, 4).meeting(5, 6).meeting(1, 3)
                .fixed(2, 3).chain(1, 2, 3).model();
        int[] slot = construct(model, 2);
        Rules.assertNoRuleBroken(model, slot);
        assertEquals(2, slot[1], "meeting 2 is fixed to slot 3");
        assertNotEquals(2, slot[3], "the one table is taken in slot 3");
    }

    @Test
    void placesTheMeetingsWhoseTimeRunsOutBeforeThoseThatContinueARun() {
        // One table, eleven slots, eleven meetings. Participant 1 can only come in slots 2-6 and has five meetings
        // there; participant 7 has a meeting fixed to slot 1 and five more that must follow it one by one. Continuing
        // participant 7's run in slot 2 would look best but leave participant 1 four slots for five meetings.
        ResearchEvent event = ResearchEvent.of(11, 1).forbidden(1, 1, 7, 8, 9, 10, 11);
        for (int p = 2; p <= 6; p++) {
            event.meeting(1, p);
        }
        for (int p = 8; p <= 13; p++) {
            event.meeting(7, p);
        }
        SearchModel model = event.fixed(6, 1).chain(6, 7, 8, 9, 10, 11).model();
        for (long seed = 1; seed <= 5; seed++) {
            int[] slot = construct(model, seed);
            Rules.assertNoRuleBroken(model, slot);
            assertEquals(List.of(1, 2, 3, 4, 5), IntStream.range(0, 5).map(m -> slot[m]).sorted().boxed().toList(),
                    "participant 1's meetings in slots 2-6");
        }
    }

    @Test
    void findsAScheduleThatBreaksNoRuleWhenThereIsRoomForOne() {
        for (long seed = 1; seed <= 20; seed++) {
            SearchModel model = planted(seed);
            Rules.assertNoRuleBroken(model, construct(model, seed));
        }
    }

    @Test
    void stillGivesEveryRequiredMeetingASlotWhenNoScheduleKeepsEveryRule() {
        // Two tables, three slots, two chains of three meetings and one more meeting: a rule breaks whatever happens,
        // and the search, which repairs it, starts from a schedule that holds every meeting.
        SearchModel model = ResearchEvent.of(3, 2).meeting(1, 2).meeting(3, 4).meeting(5, 6).meeting(7, 8)
                .meeting(9, 10).meeting(11, 12).meeting(13, 14).chain(1, 2, 3).chain(4, 5, 6).model();
        for (long seed = 1; seed <= 5; seed++) {
            SlotState state = constructed(model, seed);
            assertTrue(IntStream.of(state.slot).noneMatch(s -> s == UNSCHEDULED), Arrays.toString(state.slot));
            assertEquals(model.meetingCount, state.scheduled);
        }
    }

    /**
     * Ten participants, eight slots, three tables: two meetings of four distinct participants in each slot, and a
     * precedence between every third meeting and a meeting of an earlier slot; that schedule keeps every rule.
     */
    private static SearchModel planted(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ResearchEvent event = ResearchEvent.of(8, 3);
        List<Integer> slotOf = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            List<Integer> people = new ArrayList<>(IntStream.rangeClosed(1, 10).boxed().toList());
            for (int k = 0; k < 2; k++) {
                int a = people.remove(random.nextInt(people.size()));
                int b = people.remove(random.nextInt(people.size()));
                event.meeting(a, b);
                slotOf.add(s);
            }
        }
        for (int m = 3; m <= slotOf.size(); m += 3) {
            int earlier = 1 + random.nextInt(m - 1);
            if (slotOf.get(earlier - 1) < slotOf.get(m - 1)) {
                event.chain(earlier, m);
            }
        }
        return event.model();
    }

    private static int[] construct(SearchModel model, long seed) {
        return constructed(model, seed).slot;
    }

    /** The construction from an empty schedule, slots judged as the search judges them (a broken rule first). */
    private static SlotState constructed(SearchModel model, long seed) {
        SlotState state = new SlotState(model);
        int[] empty = new int[model.meetingCount];
        Arrays.fill(empty, UNSCHEDULED);
        state.load(empty); // the fixed meetings only
        int[] movable = IntStream.range(0, model.meetingCount)
                .filter(m -> !model.fixed[m] && model.domain[m].length > 0).toArray();
        OrderedConstruction.complete(model, state, movable, new SplittableRandom(seed),
                () -> state.hard * 1_000.0 + state.medium + state.breaks);
        return state;
    }
}
