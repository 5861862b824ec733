package org.b2g.core.solver.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Origin;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Precedence;
import org.b2g.core.domain.Seating;
import org.b2g.core.domain.Session;
import org.b2g.core.domain.Slot;
import org.b2g.core.domain.Table;
import org.b2g.core.solver.ScoreWeights;

/**
 * A schedule's facts flattened into int arrays, so that the search never touches objects or maps in its inner loop.
 * Slots are 0-based here ({@code slot index - 1}); meetings, participants and tables are indexed by their position
 * in the schedule's lists. Occupancy bitmasks use {@link #words} longs per participant, one bit per slot.
 */
final class SearchModel {

    static final int UNSCHEDULED = -1;

    final int meetingCount;
    final int participantCount;
    final int slotCount;
    final int tableCount;
    /** Longs per participant in an occupancy bitmask. */
    final int words;

    final int[] first;
    final int[] second;
    /** Allowed slots of each meeting, ascending; a pinned meeting has only its own slot. */
    final int[][] domain;
    final boolean[] required;
    /** Why each meeting is a candidate (must, mutual, ...): what the demand targets count. */
    final Origin[] origin;
    /** True when the search may not change the meeting (pinned, or required with a one-slot domain and no choice). */
    final boolean[] fixed;
    /** The domain as a bitmask, {@link #words} longs per meeting. */
    final long[] domainMask;
    /** Medium penalty when this optional meeting is left out (0 for required meetings). */
    final long[] weight;
    /** Repair: the slot a published version gave the meeting, or -1; placed elsewhere it costs {@link #moveCost}. */
    final int[] publishedSlot;
    final long[] moveCost;
    /** Repair: the table a published version gave the meeting (kept when its slot is kept), or -1. */
    final int[] publishedTable;
    /** Scheduled, this meeting joins an excluded pair. */
    final boolean[] excluded;
    /** The single allowed table of a meeting, or -1. */
    final int[] fixedTable;
    /** Slot range of the meeting's session (whole event when none). */
    final int[] sessionFirst;
    final int[] sessionLast;
    /** Meetings that must be strictly earlier than this one, and those that must be strictly later. */
    final int[][] before;
    final int[][] later;

    final int[] representatives;
    final int[] maxMeetings;
    final int[] minMeetings;
    /** Medium penalty per meeting below {@link #minMeetings}, by participant (see ScoreWeights). */
    final long[] missingWeight;
    /** Table index a participant with one representative should stay at, or -1. */
    final int[] homeTable;
    /**
     * The seat tables of a participant that sits (see {@link Seating}), seat 1 first; empty for one that walks.
     * Its meetings away from these tables cost {@link ScoreWeights#AWAY_FROM_SEAT} each.
     */
    final int[][] seatTables;
    /** Bitmask of unavailable slots, {@link #words} longs per participant. */
    final long[] unavailable;
    final int[][] meetingsOf;

    final int[] dayOfSlot;
    final int dayCount;
    /** Bit set at the first slot of every day: a run of meetings starting there is not preceded by the day before. */
    final long[] dayStart;
    /** Per day, its slots' bits; only used when there are several days. */
    final long[][] dayMask;
    /** Most breaks of one participant, or -1 when uncapped. */
    final int breakCap;
    /** Whether {@link SlotWindows} removed slots that no schedule without a broken rule can use. */
    final boolean narrowed;

    private SearchModel(MeetingSchedule schedule) {
        List<Meeting> meetings = schedule.getMeetings();
        List<Participant> participants = schedule.getParticipants();
        List<Slot> slots = schedule.getSlots();
        List<Table> tables = schedule.getTables();
        meetingCount = meetings.size();
        participantCount = participants.size();
        slotCount = slots.size();
        tableCount = tables.size();
        words = Math.max(1, (slotCount + 63) >>> 6);

        Map<String, Integer> tableIndex = new HashMap<>();
        for (int t = 0; t < tableCount; t++) {
            tableIndex.put(tables.get(t).id(), t);
        }
        dayOfSlot = new int[slotCount];
        Map<Integer, Integer> days = new HashMap<>();
        for (int s = 0; s < slotCount; s++) {
            dayOfSlot[s] = days.computeIfAbsent(slots.get(s).dayIndex(), k -> days.size());
        }
        dayCount = Math.max(1, days.size());
        dayStart = new long[words];
        dayMask = new long[dayCount][words];
        for (int s = 0; s < slotCount; s++) {
            if (s == 0 || dayOfSlot[s] != dayOfSlot[s - 1]) {
                dayStart[s >>> 6] |= 1L << s;
            }
            dayMask[dayOfSlot[s]][s >>> 6] |= 1L << s;
        }
        breakCap = schedule.getRules() != null && schedule.getRules().capsBreaks()
                ? schedule.getRules().maxBreaksPerParticipant() : -1;

        representatives = new int[participantCount];
        maxMeetings = new int[participantCount];
        minMeetings = new int[participantCount];
        missingWeight = new long[participantCount];
        homeTable = new int[participantCount];
        seatTables = new int[participantCount][];
        Seating seating = schedule.getSeating();
        unavailable = new long[participantCount * words];
        for (int p = 0; p < participantCount; p++) {
            Participant participant = participants.get(p);
            if (participant.index() != p) {
                throw new IllegalArgumentException("The participant (" + participant.id() + ") has index "
                        + participant.index() + " but is at position " + p + ".");
            }
            representatives[p] = Math.max(1, participant.representatives());
            maxMeetings[p] = participant.maxMeetings();
            minMeetings[p] = ScoreWeights.minimumMeetings(participant);
            missingWeight[p] = ScoreWeights.missingMeetingWeight(participant);
            Integer home = participant.homeTable() == null ? null : tableIndex.get(participant.homeTable());
            homeTable[p] = home == null ? -1 : home;
            seatTables[p] = seating.seatsOf(participant).stream().mapToInt(Table::index).toArray();
            for (int unavailableSlot : participant.unavailableSlots()) {
                int s = unavailableSlot - 1;
                if (s >= 0 && s < slotCount) {
                    unavailable[p * words + (s >>> 6)] |= 1L << s;
                }
            }
        }

        first = new int[meetingCount];
        second = new int[meetingCount];
        domain = new int[meetingCount][];
        required = new boolean[meetingCount];
        origin = new Origin[meetingCount];
        fixed = new boolean[meetingCount];
        weight = new long[meetingCount];
        publishedSlot = new int[meetingCount];
        moveCost = new long[meetingCount];
        publishedTable = new int[meetingCount];
        excluded = new boolean[meetingCount];
        fixedTable = new int[meetingCount];
        sessionFirst = new int[meetingCount];
        sessionLast = new int[meetingCount];
        Map<String, Integer> meetingIndex = new HashMap<>();
        Event event = schedule.getEvent();
        List<List<Integer>> byParticipant = new ArrayList<>(participantCount);
        for (int p = 0; p < participantCount; p++) {
            byParticipant.add(new ArrayList<>());
        }
        for (int m = 0; m < meetingCount; m++) {
            Meeting meeting = meetings.get(m);
            meetingIndex.put(meeting.getId(), m);
            first[m] = meeting.getFirst().index();
            second[m] = meeting.getSecond().index();
            byParticipant.get(first[m]).add(m);
            byParticipant.get(second[m]).add(m);
            required[m] = meeting.isRequired();
            origin[m] = meeting.getOrigin();
            weight[m] = meeting.isRequired() ? 0 : meeting.getWeight();
            publishedSlot[m] = meeting.getPublishedSlot() == null ? -1 : meeting.getPublishedSlot().index() - 1;
            moveCost[m] = publishedSlot[m] < 0 ? 0 : meeting.getMoveCost();
            publishedTable[m] = meeting.getPublishedTable() == null ? -1 : meeting.getPublishedTable().index();
            excluded[m] = isExcluded(schedule, meeting);
            List<Table> allowedTables = meeting.getAllowedTables();
            // A meeting pinned at a table (a published one frozen there) holds that table as a fixed one would: the
            // slots must see it taken, or a meeting fixed to the same table is kept in its slot and clashes there.
            fixedTable[m] = allowedTables.size() == 1 ? allowedTables.get(0).index()
                    : meeting.isPinned() && meeting.getTable() != null ? meeting.getTable().index() : -1;
            Session session = meeting.getSessionId() == null || event == null ? null
                    : event.session(meeting.getSessionId());
            sessionFirst[m] = session == null ? 0 : session.firstSlot() - 1;
            sessionLast[m] = session == null ? slotCount - 1 : session.lastSlot() - 1;
            if (meeting.isPinned()) {
                domain[m] = meeting.getSlot() == null ? new int[0] : new int[] {meeting.getSlot().index() - 1};
                fixed[m] = true;
            } else {
                domain[m] = meeting.getAllowedSlots().stream().mapToInt(s -> s.index() - 1).sorted().distinct()
                        .toArray();
                fixed[m] = required[m] && domain[m].length <= 1;
            }
        }
        domainMask = new long[meetingCount * words];
        for (int m = 0; m < meetingCount; m++) {
            for (int s : domain[m]) {
                domainMask[m * words + (s >>> 6)] |= 1L << s;
            }
        }
        meetingsOf = new int[participantCount][];
        for (int p = 0; p < participantCount; p++) {
            meetingsOf[p] = byParticipant.get(p).stream().mapToInt(Integer::intValue).toArray();
        }
        List<List<Integer>> earlier = new ArrayList<>(meetingCount);
        List<List<Integer>> after = new ArrayList<>(meetingCount);
        for (int m = 0; m < meetingCount; m++) {
            earlier.add(new ArrayList<>(0));
            after.add(new ArrayList<>(0));
        }
        for (Precedence precedence : schedule.getPrecedences()) {
            Integer e = meetingIndex.get(precedence.earlier());
            Integer l = meetingIndex.get(precedence.later());
            if (e != null && l != null) {
                earlier.get(l).add(e);
                after.get(e).add(l);
            }
        }
        before = new int[meetingCount][];
        later = new int[meetingCount][];
        for (int m = 0; m < meetingCount; m++) {
            before[m] = earlier.get(m).stream().mapToInt(Integer::intValue).toArray();
            later[m] = after.get(m).stream().mapToInt(Integer::intValue).toArray();
        }
        narrowed = SlotWindows.narrow(this);
    }

    static SearchModel of(MeetingSchedule schedule) {
        return new SearchModel(schedule);
    }

    private static boolean isExcluded(MeetingSchedule schedule, Meeting meeting) {
        String a = meeting.getFirst().id();
        String b = meeting.getSecond().id();
        return schedule.getExclusions() != null
                && schedule.getExclusions().stream().anyMatch(exclusion -> exclusion.covers(a, b));
    }

    /** True when table {@code t} is one of participant {@code p}'s seats. */
    boolean isSeat(int p, int t) {
        for (int seat : seatTables[p]) {
            if (seat == t) {
                return true;
            }
        }
        return false;
    }

    boolean allows(int meeting, int slot) {
        return (domainMask[meeting * words + (slot >>> 6)] & (1L << slot)) != 0;
    }

    /** Medium cost of meeting {@code m} sitting in {@code slot} (a slot or UNSCHEDULED) rather than where published. */
    long moveCost(int m, int slot) {
        return slot != UNSCHEDULED && slot != publishedSlot[m] && publishedSlot[m] >= 0 ? moveCost[m] : 0;
    }

    boolean isUnavailable(int participant, int slot) {
        return (unavailable[participant * words + (slot >>> 6)] & (1L << slot)) != 0;
    }

    /** Hard points a meeting earns just by sitting in {@code slot}: absent participants, outside its session. */
    int placementPenalty(int meeting, int slot) {
        int penalty = 0;
        if (isUnavailable(first[meeting], slot)) {
            penalty++;
        }
        if (isUnavailable(second[meeting], slot)) {
            penalty++;
        }
        if (slot < sessionFirst[meeting] || slot > sessionLast[meeting]) {
            penalty++;
        }
        return penalty;
    }

    /**
     * Idle slots between a participant's first and last meeting of each day: not part of the score, but it tells the
     * search which of two schedules with equal breaks is closer to closing a gap.
     */
    int idle(long[] occupancy, int offset) {
        if (words == 1 && dayCount == 1) {
            long bits = occupancy[offset];
            int busy = Long.bitCount(bits);
            return busy > 1 ? 64 - Long.numberOfLeadingZeros(bits) - Long.numberOfTrailingZeros(bits) - busy : 0;
        }
        int idle = 0;
        for (int d = 0; d < dayCount; d++) {
            int low = -1;
            int high = -1;
            int busy = 0;
            for (int w = 0; w < words; w++) {
                long bits = occupancy[offset + w] & (dayCount == 1 ? -1L : dayMask[d][w]);
                if (bits != 0) {
                    if (low < 0) {
                        low = (w << 6) + Long.numberOfTrailingZeros(bits);
                    }
                    high = (w << 6) + 63 - Long.numberOfLeadingZeros(bits);
                    busy += Long.bitCount(bits);
                }
            }
            if (busy > 1) {
                idle += high - low + 1 - busy;
            }
        }
        return idle;
    }

    /** Breaks in one participant's occupancy bitmask, {@code words} longs from {@code offset}. */
    int breaks(long[] occupancy, int offset) {
        if (words == 1 && dayCount == 1) {
            long bits = occupancy[offset];
            int runs = Long.bitCount(bits & ~(bits << 1));
            return runs > 1 ? runs - 1 : 0;
        }
        if (dayCount == 1) {
            int runs = 0;
            long carry = 0;
            for (int w = 0; w < words; w++) {
                long bits = occupancy[offset + w];
                long starts = bits & (~((bits << 1) | carry) | dayStart[w]);
                runs += Long.bitCount(starts);
                carry = bits >>> 63;
            }
            return runs > 1 ? runs - 1 : 0;
        }
        int breaks = 0;
        for (int d = 0; d < dayCount; d++) {
            int runs = 0;
            long carry = 0;
            for (int w = 0; w < words; w++) {
                long bits = occupancy[offset + w];
                long starts = bits & (~((bits << 1) | carry) | dayStart[w]);
                runs += Long.bitCount(starts & dayMask[d][w]);
                carry = bits >>> 63;
            }
            breaks += runs > 1 ? runs - 1 : 0;
        }
        return breaks;
    }
}
