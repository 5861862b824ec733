package org.b2g.core.solver;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.b2g.core.domain.Breaks;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Participant;

/**
 * The figures organizers and benchmarks read off a schedule, computed from the meetings alone (not from the score),
 * so that they stay true whatever the constraint weights are. {@code participantsWithoutMeetings} counts those
 * without a meeting who could have held one.
 *
 * <p>A pair that meets counts as met once: {@code unscheduled} leaves out a wish (a request or recommendation)
 * whose two participants meet in another meeting of the schedule. A stored schedule read back holds one beside its
 * candidate when the two agreed on a meeting themselves ({@code self-...}) and the organizer added their request
 * since; counting the candidate too showed the pair as met and unmet. A required meeting left out still counts: it
 * is the organizer's, with its own session and slot, until a repair makes the agreed meeting that one.
 *
 * @param breaksByParticipant breaks of each participant, by participant index
 * @param meetingsByParticipant scheduled meetings of each participant, by participant index
 */
public record ScheduleMetrics(int scheduled, int unscheduled, int breaks, int maxBreaksOfAParticipant,
        int participantsWithoutMeetings, int[] breaksByParticipant, int[] meetingsByParticipant) {

    public static ScheduleMetrics of(MeetingSchedule schedule) {
        List<Participant> participants = schedule.getParticipants();
        int n = participants.size();
        List<List<Integer>> slotsOf = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            slotsOf.add(new ArrayList<>());
        }
        int scheduled = 0;
        Set<Long> pairsThatMeet = new HashSet<>();
        for (Meeting meeting : schedule.getMeetings()) {
            if (meeting.getSlot() != null) {
                scheduled++;
                slotsOf.get(meeting.getFirst().index()).add(meeting.getSlot().index());
                slotsOf.get(meeting.getSecond().index()).add(meeting.getSlot().index());
                pairsThatMeet.add(pair(meeting, n));
            }
        }
        int unscheduled = 0;
        for (Meeting meeting : schedule.getMeetings()) {
            if (meeting.getSlot() == null && (meeting.isRequired() || !pairsThatMeet.contains(pair(meeting, n)))) {
                unscheduled++;
            }
        }
        int[] dayOfSlot = Breaks.dayOfSlot(schedule.getSlots());
        int[] breaksBy = new int[n];
        int[] meetingsBy = new int[n];
        int total = 0;
        int max = 0;
        int without = 0;
        for (int i = 0; i < n; i++) {
            int[] slots = slotsOf.get(i).stream().mapToInt(Integer::intValue).toArray();
            meetingsBy[i] = slots.length;
            breaksBy[i] = Breaks.count(slots, dayOfSlot);
            total += breaksBy[i];
            max = Math.max(max, breaksBy[i]);
            if (slots.length == 0 && couldMeet(participants.get(i), schedule.getSlots().size())) {
                without++;
            }
        }
        return new ScheduleMetrics(scheduled, unscheduled, total, max, without, breaksBy, meetingsBy);
    }

    /** The two participants of {@code meeting} in either order, as one number. */
    private static long pair(Meeting meeting, int participants) {
        int a = meeting.getFirst().index();
        int b = meeting.getSecond().index();
        return (long) Math.min(a, b) * participants + Math.max(a, b);
    }

    /**
     * Whether a participant could hold a meeting at all: one with a maximum of 0 or no slot it attends (marked absent
     * for the rest of the day, say) is not somebody the schedule left without a meeting.
     */
    private static boolean couldMeet(Participant participant, int slots) {
        if (participant.maxMeetings() <= 0) {
            return false;
        }
        for (int s = 1; s <= slots; s++) {
            if (participant.isAvailable(s)) {
                return true;
            }
        }
        return false;
    }
}
