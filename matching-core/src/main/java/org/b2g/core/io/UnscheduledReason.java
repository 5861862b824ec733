package org.b2g.core.io;

import java.util.List;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Slot;

/**
 * Why a candidate meeting has no slot in a schedule, in a sentence an organizer can act on. The schedule writer
 * calls {@link #of}; this is the one place to make the explanation smarter. It states facts read off the final
 * schedule (exclusion, a full agenda, no common slot, every common slot taken), never a guess about the search.
 */
public final class UnscheduledReason {

    private UnscheduledReason() {
    }

    public static String of(MeetingSchedule schedule, Meeting meeting) {
        Event event = schedule.getEvent();
        Participant a = meeting.getFirst();
        Participant b = meeting.getSecond();
        if (event.excluded(a.id(), b.id())) {
            return a.id() + " and " + b.id() + " must not meet (an exclusion)";
        }
        List<Meeting> meetings = schedule.getMeetings();
        for (Participant p : List.of(a, b)) {
            long booked = meetings.stream().filter(m -> m.isScheduled() && m.involves(p)).count();
            if (p.maxMeetings() != Participant.UNLIMITED && booked >= p.maxMeetings()) {
                return p.id() + " is fully booked (" + booked + " of " + p.maxMeetings() + ")";
            }
        }
        List<Slot> common = meeting.getAllowedSlots();
        if (common.isEmpty()) {
            return "no slot that both " + a.id() + " and " + b.id() + " can attend"
                    + (meeting.getSessionId() == null ? "" : " in session " + meeting.getSessionId());
        }
        int busyA = 0;
        int busyB = 0;
        int noTable = 0;
        Slot open = null;
        for (Slot slot : common) {
            boolean aBusy = busy(meetings, a, slot);
            boolean bBusy = busy(meetings, b, slot);
            long atTables = meetings.stream().filter(m -> slot.equals(m.getSlot())).count();
            boolean full = atTables >= meeting.getAllowedTables().size();
            busyA += aBusy ? 1 : 0;
            busyB += bBusy ? 1 : 0;
            noTable += full ? 1 : 0;
            if (!aBusy && !bBusy && !full && open == null) {
                open = slot;
            }
        }
        if (open != null) {
            return "not placed, although " + open + " was open for both and a table was free";
        }
        return "not placed: every slot both can attend was taken (" + common.size() + " slots; " + a.id()
                + " busy in " + busyA + ", " + b.id() + " busy in " + busyB + ", no table free in " + noTable + ")";
    }

    /** True when {@code p} already holds as many meetings in {@code slot} as it sends representatives. */
    private static boolean busy(List<Meeting> meetings, Participant p, Slot slot) {
        long held = meetings.stream().filter(m -> slot.equals(m.getSlot()) && m.involves(p)).count();
        return held >= p.representatives();
    }
}
