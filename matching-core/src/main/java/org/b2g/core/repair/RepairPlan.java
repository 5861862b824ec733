package org.b2g.core.repair;

import java.util.List;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.MeetingSchedule;

/**
 * A repair ready to solve: the current event's candidates with the published meetings placed (and pinned, or
 * priced, as the mode says), and what became of every published meeting.
 *
 * @param problem the planning problem to hand to the {@code Scheduler}
 * @param published every meeting of the published schedule, in file order
 * @param notes what the organizer should know about how the published schedule was read (slots that have started, a
 *        corrected time zone), one sentence each
 * @param warnings what the organizer should check in the event: {@code unavailableSlots} whose numbers a
 *        renumbering of the slots shifted since the schedule was published, one sentence each
 * @param started the slots that had started at the time of the repair: in {@code event} nobody is available there
 *        but the participants of the published meetings they keep
 */
public record RepairPlan(Event event, RepairMode mode, MeetingSchedule problem, List<PublishedMeeting> published,
        List<String> notes, List<String> warnings, Set<Integer> started) {

    public RepairPlan {
        published = List.copyOf(published);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
        started = Set.copyOf(started);
    }

    RepairPlan withNotes(List<String> notes) {
        return new RepairPlan(event, mode, problem, published, notes, warnings, started);
    }

    public long count(PublishedMeeting.Status status) {
        return published.stream().filter(p -> p.status() == status).count();
    }
}
