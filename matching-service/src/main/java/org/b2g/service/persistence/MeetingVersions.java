package org.b2g.service.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;

/**
 * Decides the iCalendar SEQUENCE of each meeting when a new schedule replaces the last one. A meeting keeps its
 * identity across re-solves by its {@link #key} (the id of a required meeting, else the pair of participants), and
 * its sequence grows whenever its time, table or participants change, or when it is cancelled or comes back.
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
        Map<String, Version> next = new LinkedHashMap<>();
        Map<String, Version> byMeeting = new HashMap<>();
        Map<String, Integer> pairCount = new HashMap<>();
        for (Meeting meeting : AgendaJson.scheduledInOrder(schedule)) {
            String key = key(meeting, pairCount);
            String start = AgendaJson.start(schedule.getEvent(), meeting);
            String end = AgendaJson.end(schedule.getEvent(), meeting);
            String fingerprint = meeting.getSlot().index() + "|" + (meeting.getTable() == null ? "" : meeting.getTable().id())
                    + "|" + meeting.getFirst().id() + "|" + meeting.getSecond().id() + "|" + start + "|" + end;
            Version before = previous.get(key);
            int sequence = before == null ? 0
                    : before.fingerprint().equals(fingerprint) && !before.cancelled() ? before.sequence()
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
