package org.b2g.datasets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.RequiredMeeting;
import org.b2g.core.domain.Session;

/**
 * Writes an event read from a B2B benchmark file back in that format (MiniZinc data, the fields listed in
 * docs/formats.md), so that {@code ./b2g solve} and any MiniZinc model read the variants we derive. The event must
 * have the reader's shape: participants and meetings numbered "1".."n" in order, sessions {@code am} and maybe
 * {@code pm}. Comment lines ({@code % ...}) go first: the reader skips them.
 */
final class DznWriter {

    private DznWriter() {
    }

    static String write(Event event, List<String> comments) {
        List<Participant> participants = event.participants();
        List<RequiredMeeting> meetings = event.meetings();
        for (int p = 0; p < participants.size(); p++) {
            if (!participants.get(p).id().equals(String.valueOf(p + 1))) {
                throw new IllegalArgumentException("The participant at " + (p + 1) + " has id "
                        + participants.get(p).id() + "; a .dzn numbers them 1..n.");
            }
        }
        Session morning = event.session("am");
        int morningSlots = morning == null ? event.slotCount() : morning.slotCount();
        StringBuilder out = new StringBuilder();
        comments.forEach(line -> out.append("% ").append(line).append('\n'));
        out.append("nBusiness = ").append(participants.size()).append(";\n");
        out.append("nMeetings = ").append(meetings.size()).append(";\n");
        out.append("nTables = ").append(event.tables().size()).append(";\n");
        out.append("nTotalSlots = ").append(event.slotCount()).append(";\n");
        out.append("nMorningSlots = ").append(morningSlots).append(";\n\n");

        Map<String, Integer> meetingNumber = new HashMap<>();
        List<List<Integer>> ofParticipant = new ArrayList<>();
        participants.forEach(p -> ofParticipant.add(new ArrayList<>()));
        out.append("requested = [");
        for (int m = 0; m < meetings.size(); m++) {
            RequiredMeeting meeting = meetings.get(m);
            meetingNumber.put(meeting.id(), m + 1);
            int session = meeting.session() == null ? 3 : meeting.session().equals("am") ? 1 : 2;
            out.append("|").append(meeting.first()).append(", ").append(meeting.second()).append(",")
                    .append(session).append(", \n");
            ofParticipant.get(event.participant(meeting.first()).index()).add(m + 1);
            ofParticipant.get(event.participant(meeting.second()).index()).add(m + 1);
        }
        out.append("|];\n\n");
        out.append("meetingsxBusiness = ").append(sets(ofParticipant.stream()
                .map(own -> {
                    List<Integer> shifted = new ArrayList<>(List.of(1));
                    own.forEach(m -> shifted.add(m + 1));
                    return shifted;
                }).toList())).append(";\n\n");
        out.append("nMeetingsBusiness = [").append(ofParticipant.stream().map(own -> String.valueOf(own.size()))
                .collect(Collectors.joining(","))).append("];\n\n");
        out.append("forbidden = ").append(sets(participants.stream().map(p -> {
            List<Integer> slots = new ArrayList<>(List.of(0));
            slots.addAll(new TreeSet<>(p.unavailableSlots()));
            return slots;
        }).toList())).append(";\n\n");
        out.append("fixed = [").append(meetings.stream().map(m -> String.valueOf(m.fixedSlot()))
                .collect(Collectors.joining(","))).append("];\n\n");
        out.append("precedences = ").append(sets(meetings.stream().map(m -> {
            List<Integer> earlier = new ArrayList<>();
            for (String id : m.after()) {
                Integer number = meetingNumber.get(id);
                if (number == null) {
                    throw new IllegalArgumentException("Meeting " + m.id() + " follows an unknown meeting " + id + ".");
                }
                earlier.add(number);
            }
            earlier.sort(null);
            return earlier;
        }).toList())).append(";\n");
        return out.toString();
    }

    private static String sets(List<List<Integer>> sets) {
        return sets.stream().map(set -> set.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .collect(Collectors.joining(",\n", "[", "]"));
    }
}
