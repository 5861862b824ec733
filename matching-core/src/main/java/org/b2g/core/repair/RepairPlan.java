package org.b2g.core.repair;

import java.util.List;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.MeetingSchedule;

/**
 * A repair ready to solve: the current event's candidates with the published meetings placed (and pinned, or
 * priced, as the mode says), and what became of every published meeting.
 *
 * @param problem the planning problem to hand to the {@code Scheduler}
 * @param published every meeting of the published schedule, in file order
 */
public record RepairPlan(Event event, RepairMode mode, MeetingSchedule problem, List<PublishedMeeting> published) {

    public RepairPlan {
        published = List.copyOf(published);
    }

    public long count(PublishedMeeting.Status status) {
        return published.stream().filter(p -> p.status() == status).count();
    }
}
