package org.b2g.core.solver.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.io.DznReader;
import org.b2g.core.matching.Candidates;
import org.junit.jupiter.api.Assumptions;

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

    /**
     * The search model of a research original read from {@code ../shared/datasets} (e.g. {@code "forum-13crafc"});
     * the test is skipped where the benchmark is not there.
     */
    static SearchModel original(String instance) {
        Path file = Path.of("../../shared/datasets/b2b-jair22/" + instance + ".original.dzn");
        Assumptions.assumeTrue(Files.isRegularFile(file), "benchmark not found at " + file.toAbsolutePath());
        Event event = DznReader.read(file);
        return SearchModel.of(new MeetingSchedule(event, Candidates.forEvent(event)));
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

    /**
     * Two groups of eight, every one of a group meeting every one of the other in eight slots at eight tables (meeting
     * a_i b_j in slot i + j mod 8): everybody busy in every slot, every table taken. Chains of precedences follow
     * that schedule through each person's consecutive slots, binding half the meetings.
     */
    static SearchModel tight(long seed) {
        int n = 8;
        SplittableRandom random = new SplittableRandom(seed);
        ResearchEvent event = ResearchEvent.of(n, n);
        int[][] number = new int[n][n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                event.meeting(1 + i, 1 + n + j);
                number[i][j] = ++count;
            }
        }
        boolean[] bound = new boolean[count + 1];
        int boundCount = 0;
        while (boundCount < count / 2) {
            // A chain through a_i's meetings in consecutive slots, from a random start, 2 to 4 long.
            int i = random.nextInt(n);
            int start = random.nextInt(n);
            int length = 2 + random.nextInt(3);
            List<Integer> chain = new ArrayList<>();
            for (int k = 0; k < length && start + k < n; k++) {
                int slot = start + k;
                int j = Math.floorMod(slot - i, n);
                chain.add(number[i][j]);
            }
            if (chain.size() < 2) {
                continue;
            }
            event.chain(chain.stream().mapToInt(Integer::intValue).toArray());
            for (int m : chain) {
                if (!bound[m]) {
                    bound[m] = true;
                    boundCount++;
                }
            }
        }
        return event.model();
    }
}
