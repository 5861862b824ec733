package org.b2g.core.solver.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.io.DznReader;
import org.b2g.core.matching.Candidates;

/**
 * A small event of the research benchmark's kind (every meeting required, one day, one seat per participant),
 * written in its MiniZinc format and read the way the command line reads it. Meetings, participants and slots are
 * numbered from 1 as in that format; {@link #windowOf} gives a meeting's slots in the same numbering.
 */
final class ResearchEvent {

    private final int slots;
    private final int tables;
    private final List<int[]> meetings = new ArrayList<>();
    private final Map<Integer, Integer> fixed = new TreeMap<>();
    private final Map<Integer, List<Integer>> earlier = new TreeMap<>();
    private final Map<Integer, List<Integer>> forbidden = new TreeMap<>();

    private ResearchEvent(int slots, int tables) {
        this.slots = slots;
        this.tables = tables;
    }

    static ResearchEvent of(int slots, int tables) {
        return new ResearchEvent(slots, tables);
    }

    /** The next meeting (numbered from 1 in the order of these calls), of participants a and b. */
    ResearchEvent meeting(int a, int b) {
        meetings.add(new int[] {a, b});
        return this;
    }

    ResearchEvent fixed(int meeting, int slot) {
        fixed.put(meeting, slot);
        return this;
    }

    /** Meetings {@code chain[0]}, {@code chain[1]}, ... each strictly before the next. */
    ResearchEvent chain(int... chain) {
        for (int i = 1; i < chain.length; i++) {
            earlier.computeIfAbsent(chain[i], k -> new ArrayList<>()).add(chain[i - 1]);
        }
        return this;
    }

    ResearchEvent forbidden(int participant, int... slotsOff) {
        forbidden.computeIfAbsent(participant, k -> new ArrayList<>()).addAll(Arrays.stream(slotsOff).boxed().toList());
        return this;
    }

    String dzn() {
        int participants = meetings.stream().mapToInt(m -> Math.max(m[0], m[1])).max().orElse(0);
        String requested = meetings.stream().map(m -> m[0] + ", " + m[1] + ", 3").collect(Collectors.joining(" |"));
        return "nBusiness = " + participants + ";\n"
                + "nMeetings = " + meetings.size() + ";\n"
                + "nTables = " + tables + ";\n"
                + "nTotalSlots = " + slots + ";\n"
                + "nMorningSlots = " + slots + ";\n"
                + "requested = [|" + requested + " |];\n"
                + "forbidden = [" + sets(participants, forbidden) + "];\n"
                + "fixed = [" + IntStream.rangeClosed(1, meetings.size()).mapToObj(m -> String.valueOf(
                        fixed.getOrDefault(m, 0))).collect(Collectors.joining(", ")) + "];\n"
                + "precedences = [" + sets(meetings.size(), earlier) + "];\n";
    }

    private static String sets(int count, Map<Integer, List<Integer>> members) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> members.getOrDefault(i, List.of()).stream()
                .map(String::valueOf).collect(Collectors.joining(", ", "{", "}"))).collect(Collectors.joining(", "));
    }

    MeetingSchedule schedule() {
        Event event = DznReader.read(dzn(), "small.dzn");
        return new MeetingSchedule(event, Candidates.forEvent(event));
    }

    /** The search's view of the event, its slot windows narrowed. */
    SearchModel model() {
        return SearchModel.of(schedule());
    }

    /** The slots (from 1) that {@code model} leaves meeting {@code meeting} (from 1). */
    static int[] windowOf(SearchModel model, int meeting) {
        return Arrays.stream(model.domain[meeting - 1]).map(s -> s + 1).toArray();
    }
}
