package org.b2g.service.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;

/**
 * Decides the iCalendar SEQUENCE of each meeting when a new schedule replaces the last one. A meeting keeps its
 * identity across re-solves by its {@link #key} (the id of a required meeting, else the pair of participants; a
 * required meeting that an agreed one became keeps the pair's), and its sequence grows whenever its time, table or
 * participants change, or when it is cancelled or comes back.
 */
final class MeetingVersions {

    /** What a calendar entry of one meeting says, and how many times it changed. */
    record Version(String key, String firstId, String secondId, String fingerprint, int sequence, boolean cancelled,
            String start, String end) {
    }

    private MeetingVersions() {
    }

    /**
     * The versions after a new schedule.
     *
     * @param all one per scheduled meeting, then the earlier ones now cancelled
     * @param byMeeting the version of each scheduled meeting, by meeting id
     */
    record Next(List<Version> all, Map<String, Version> byMeeting) {
    }

    /** @param previous the stored versions, by key */
    static Next next(MeetingSchedule schedule, Map<String, Version> previous) {
        List<Meeting> meetings = AgendaJson.scheduledInOrder(schedule);
        Map<String, Integer> pairCount = new HashMap<>();
        List<String> keys = new ArrayList<>();
        meetings.forEach(m -> keys.add(key(m, pairCount)));
        Set<String> taken = new HashSet<>(keys);
        Map<String, Version> next = new LinkedHashMap<>();
        Map<String, Version> byMeeting = new HashMap<>();
        for (int i = 0; i < meetings.size(); i++) {
            Meeting meeting = meetings.get(i);
            String key = keys.get(i);
            if (meeting.isRequired() && !previous.containsKey(key)) {
                key = carriedOver(meeting, previous, taken, key);
            }
            String start = AgendaJson.start(schedule.getEvent(), meeting);
            String end = AgendaJson.end(schedule.getEvent(), meeting);
            String fingerprint = fingerprint(meeting, meeting.getFirst().id(), meeting.getSecond().id(), start, end);
            Version before = previous.get(key);
            int sequence = before == null ? 0
                    : !before.cancelled() && (before.fingerprint().equals(fingerprint) || before.fingerprint()
                            .equals(fingerprint(meeting, meeting.getSecond().id(), meeting.getFirst().id(), start,
                                    end))) ? before.sequence()
                    : before.sequence() + 1;
            Version version = new Version(key, meeting.getFirst().id(), meeting.getSecond().id(), fingerprint,
                    sequence, false, start, end);
            next.put(key, version);
            byMeeting.put(meeting.getId(), version);
        }
        List<Version> result = new ArrayList<>(next.values());
        for (Version before : previous.values()) {
            if (!next.containsKey(before.key())) {
                result.add(before.cancelled() ? before
                        : new Version(before.key(), before.firstId(), before.secondId(), before.fingerprint(),
                                before.sequence() + 1, true, before.start(), before.end()));
            }
        }
        return new Next(result, byMeeting);
    }

    /**
     * The key a new required meeting takes over: that of its pair's entry still in calendars which no meeting of
     * the schedule holds any more (a repair made the meeting the two agreed on the one the organizer added for them,
     * and for the two it is the same meeting, not one cancelled and another added), else {@code key}.
     */
    private static String carriedOver(Meeting meeting, Map<String, Version> previous, Set<String> taken,
            String key) {
        Set<String> pair = Set.of(meeting.getFirst().id(), meeting.getSecond().id());
        for (Version before : previous.values()) {
            if (before.key().startsWith("p:") && !before.cancelled() && !taken.contains(before.key())
                    && pair.equals(Set.of(before.firstId(), before.secondId()))) {
                taken.add(before.key());
                return before.key();
            }
        }
        return key;
    }

    private static String fingerprint(Meeting meeting, String first, String second, String start, String end) {
        return meeting.getSlot().index() + "|" + (meeting.getTable() == null ? "" : meeting.getTable().id()) + "|"
                + first + "|" + second + "|" + start + "|" + end;
    }

    /**
     * The identity of a meeting across re-solves: a required meeting keeps its input id; other meetings are known by
     * their pair (in id order) and, when the same pair meets more than once, their rank in time.
     */
    static String key(Meeting meeting, Map<String, Integer> pairCount) {
        if (meeting.isRequired()) {
            return "m:" + meeting.getId();
        }
        String a = meeting.getFirst().id();
        String b = meeting.getSecond().id();
        String pair = a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
        int rank = pairCount.merge(pair, 1, Integer::sum);
        return "p:" + pair + (rank == 1 ? "" : "#" + rank);
    }
}
