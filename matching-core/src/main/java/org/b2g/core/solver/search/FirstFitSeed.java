package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;

import java.util.List;

import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.solver.baseline.FirstFitScheduler;

/**
 * The first-fit baseline's slots as the search's starting point for a B2G event solved from scratch: it places
 * candidates in priority order without breaking a hard rule, so the search starts from a schedule at least as good
 * as the baseline on the hard and medium levels and, keeping its best, can only end better.
 */
final class FirstFitSeed {

    private FirstFitSeed() {
    }

    /**
     * The baseline's slots when the schedule has no slot yet but those of meetings the search may not move (pinned,
     * which the baseline keeps too) and some optional candidates (a B2G selection); else {@code initial} unchanged,
     * so that repairs and all-required B2B instances start as before.
     */
    static int[] orInitial(MeetingSchedule schedule, SearchModel model, int[] initial) {
        boolean fresh = true;
        boolean optional = false;
        for (int m = 0; m < model.meetingCount; m++) {
            fresh &= initial[m] == UNSCHEDULED || model.fixed[m];
            optional |= !model.required[m] && model.weight[m] > 0;
        }
        if (!fresh || !optional || schedule.getEvent() == null) {
            return initial;
        }
        List<Meeting> placed = FirstFitScheduler.schedule(schedule.getEvent(), schedule.getMeetings()).getMeetings();
        int[] slots = new int[model.meetingCount];
        for (int m = 0; m < model.meetingCount; m++) {
            Meeting meeting = placed.get(m);
            slots[m] = meeting.getSlot() == null ? UNSCHEDULED : meeting.getSlot().index() - 1;
        }
        return slots;
    }
}
