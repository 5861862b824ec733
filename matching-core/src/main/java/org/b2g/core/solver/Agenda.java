package org.b2g.core.solver;

import java.util.Comparator;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Table;
import org.optaplanner.core.api.function.TriFunction;
import org.optaplanner.core.api.score.stream.bi.BiConstraintCollector;

/**
 * One participant's day as the constraints see it: how many meetings it has, its breaks (docs/scoring.md: a maximal
 * run of idle slots between two meetings of the same day) and how many walks to another table between consecutive
 * meetings. Meetings in one slot are ordered by id, so that the walk count does not depend on insertion order.
 *
 * <p>{@link #collector()} keeps these counts incrementally: adding or removing a meeting only looks at its two
 * neighbours in time, so a move costs O(log k) per participant instead of re-sorting its k meetings.
 *
 * @param slots the slot numbers of the meetings in time order (repeats when the participant is double booked)
 * @param walks the participant has no seat (see {@code Seating}): it goes to its counterparts' tables
 */
record Agenda(int meetings, int breaks, int tableChanges, int[] slots, boolean walks) {

    private static final BiConstraintCollector<Meeting, Participant, Builder, Agenda> COLLECTOR = new Collector();

    /** Collects the scheduled meetings among (meeting, participant) pairs; unscheduled ones are ignored. */
    static BiConstraintCollector<Meeting, Participant, ?, Agenda> collector() {
        return COLLECTOR;
    }

    /** A meeting as it was when collected: the solver mutates the meeting before the collector hears of it. */
    private record Visit(int slot, int day, Table table, String meetingId) {
    }

    private static final Comparator<Visit> IN_TIME_ORDER =
            Comparator.comparingInt(Visit::slot).thenComparing(Visit::meetingId);

    private static final class Builder {

        private final TreeSet<Visit> visits = new TreeSet<>(IN_TIME_ORDER);
        private int breaks;
        private int tableChanges;
        /** The same for every meeting of one participant: the seats are the event's. */
        private boolean walks = true;

        Runnable add(Meeting meeting, Participant participant) {
            walks = meeting.getSeating() == null || !meeting.getSeating().sits(participant);
            if (!meeting.isScheduled()) {
                return Builder::nothing;
            }
            Visit visit = new Visit(meeting.getSlot().index(), meeting.getSlot().dayIndex(), meeting.getTable(),
                    meeting.getId());
            Visit before = visits.lower(visit);
            Visit after = visits.higher(visit);
            count(before, after, -1);
            count(before, visit, 1);
            count(visit, after, 1);
            visits.add(visit);
            return () -> remove(visit);
        }

        private void remove(Visit visit) {
            visits.remove(visit);
            Visit before = visits.lower(visit);
            Visit after = visits.higher(visit);
            count(before, visit, -1);
            count(visit, after, -1);
            count(before, after, 1);
        }

        /** Adds {@code sign} times what the consecutive visits {@code a} and {@code b} contribute. */
        private void count(Visit a, Visit b, int sign) {
            if (a == null || b == null || a.day() != b.day()) {
                return;
            }
            if (b.slot() - a.slot() > 1) {
                breaks += sign;
            }
            if (a.table() != null && b.table() != null && !a.table().equals(b.table())) {
                tableChanges += sign;
            }
        }

        Agenda result() {
            int[] slots = new int[visits.size()];
            int i = 0;
            for (Visit visit : visits) {
                slots[i++] = visit.slot();
            }
            return new Agenda(slots.length, breaks, tableChanges, slots, walks);
        }

        private static void nothing() {
        }
    }

    private static final class Collector implements BiConstraintCollector<Meeting, Participant, Builder, Agenda> {

        @Override
        public Supplier<Builder> supplier() {
            return Builder::new;
        }

        @Override
        public TriFunction<Builder, Meeting, Participant, Runnable> accumulator() {
            return (builder, meeting, participant) -> builder.add(meeting, participant);
        }

        @Override
        public Function<Builder, Agenda> finisher() {
            return Builder::result;
        }
    }
}
