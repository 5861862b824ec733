package org.b2g.core.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.Origin;
import org.b2g.core.domain.Participant;
import org.b2g.core.io.EventFiles;
import org.b2g.core.io.InputException;
import org.b2g.core.matching.Candidates;
import org.b2g.core.matching.Relevance;

/**
 * {@code b2g match EVENT.json [--top 5]}: the candidate meetings of an event, ranked per participant by the weight
 * the solver will give them, with relevance, origin and reasons; then how long scoring took. Lets an organizer
 * check who the engine wants to put together before anything is scheduled.
 */
final class MatchCommand implements Command {

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments arguments = Arguments.parse("match", args, Set.of("top"));
        if (arguments.positional().size() != 1) {
            throw new InputException("usage: b2g match EVENT.json [--top 5]");
        }
        int top = arguments.intOption("top", 5, 1, 1_000);
        Event event = EventFiles.read(Path.of(arguments.positional().get(0)), null);

        long start = System.nanoTime();
        Relevance relevance = Relevance.of(event);
        long scored = System.nanoTime();
        List<Meeting> candidates = Candidates.forEvent(event, relevance);
        long done = System.nanoTime();

        Map<Participant, List<Meeting>> byParticipant = new HashMap<>();
        Map<Origin, Integer> byOrigin = new EnumMap<>(Origin.class);
        for (Meeting meeting : candidates) {
            byOrigin.merge(meeting.getOrigin(), 1, Integer::sum);
            for (Participant p : meeting.getParticipants()) {
                byParticipant.computeIfAbsent(p, k -> new ArrayList<>()).add(meeting);
            }
        }
        List<String> without = new ArrayList<>();
        for (Participant participant : event.participants()) {
            List<Meeting> own = byParticipant.getOrDefault(participant, List.of());
            if (own.isEmpty()) {
                without.add(participant.id());
                continue;
            }
            own.sort(Comparator.comparing((Meeting m) -> m.isRequired() ? 0 : 1)
                    .thenComparing(Comparator.comparingLong(Meeting::getWeight).reversed())
                    .thenComparing(Meeting::getId));
            out.printf(Locale.ROOT, "%s %s (%s): %d candidate%s%n", participant.id(), participant.label(),
                    participant.role().code(), own.size(), own.size() == 1 ? "" : "s");
            for (int i = 0; i < Math.min(top, own.size()); i++) {
                Meeting m = own.get(i);
                Participant other = m.counterpart(participant);
                out.printf(Locale.ROOT, "  %2d. %-10s relevance %.2f  %-11s %s %s%n", i + 1, m.getOrigin().code(),
                        m.getRelevance(), "weight " + m.getWeight(), other.id(), other.label());
                for (String reason : m.getReasons()) {
                    out.println("        " + reason);
                }
            }
        }
        if (!without.isEmpty()) {
            out.println("No candidate for: " + String.join(", ", without));
        }
        long startups = event.participants().stream().filter(p -> p.role().code().equals("startup")).count();
        long agencies = event.participants().stream().filter(p -> p.role().code().equals("agency")).count();
        err.printf(Locale.ROOT, "Scored %,d startup-agency pairs in %d ms; %,d candidates (%s) in %d ms more.%n",
                startups * agencies, (scored - start) / 1_000_000, candidates.size(), summary(byOrigin),
                (done - scored) / 1_000_000);
        return OK;
    }

    private static String summary(Map<Origin, Integer> byOrigin) {
        List<String> parts = new ArrayList<>();
        byOrigin.forEach((origin, count) -> parts.add(count + " " + origin.code()));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }
}
