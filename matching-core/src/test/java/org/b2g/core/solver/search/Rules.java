package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Checks on a search's slots that need nothing but the model, so that they do not trust the incremental score. */
final class Rules {

    private Rules() {
    }

    /** Checked from the slots alone: every meeting held in one of its slots, in order, without a clash. */
    static void assertNoRuleBroken(SearchModel model, int[] slot) {
        int[][] seats = new int[model.participantCount][model.slotCount];
        int[] load = new int[model.slotCount];
        for (int m = 0; m < model.meetingCount; m++) {
            int s = slot[m];
            if (s == UNSCHEDULED || !model.allows(m, s)) {
                fail("meeting " + (m + 1) + " is in slot " + (s + 1) + ", not one of its own");
            }
            load[s]++;
            seats[model.first[m]][s]++;
            seats[model.second[m]][s]++;
            for (int e : model.before[m]) {
                assertTrue(slot[e] < s, "meeting " + (e + 1) + " (slot " + (slot[e] + 1) + ") must come before meeting "
                        + (m + 1) + " (slot " + (s + 1) + ")");
            }
        }
        for (int s = 0; s < model.slotCount; s++) {
            assertTrue(load[s] <= model.tableCount, load[s] + " meetings at " + model.tableCount + " tables in slot "
                    + (s + 1));
            for (int p = 0; p < model.participantCount; p++) {
                assertTrue(seats[p][s] <= model.representatives[p], "participant " + (p + 1) + " has " + seats[p][s]
                        + " meetings in slot " + (s + 1));
            }
        }
    }
}
