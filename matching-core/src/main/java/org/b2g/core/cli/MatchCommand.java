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

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.Origin;
import org.b2g.core.domain.Participant;
import org.b2g.core.io.EventFiles;
import org.b2g.core.io.InputException;
import org.b2g.core.io.ReasonJson;
import org.b2g.core.matching.Candidates;
import org.b2g.core.matching.Relevance;

/**
 * {@code b2g match EVENT.json [--top 5] [--json]}: the candidate meetings of an event, ranked per participant by the weight
 * the solver will give them, with relevance, origin and reasons; then how long scoring took. Lets an organizer
 * check who the engine wants to put together before anything is scheduled.
 */
final class MatchCommand implements Command {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments arguments = Arguments.parse("match", args, Set.of("top"), Set.of("json"));
        if (arguments.positional().size() != 1) {
            throw new InputException("usage: b2g match EVENT.json [--top 5] [--json]");
        }
        boolean json = arguments.has("json");
        JsonArrayBuilder ranked = JSON.createArrayBuilder();
        int top = arguments.intOption("top", 5, 1, 1_000);
        Event event = EventFiles.read(Path.of(arguments.positional().get(0)), null);
        EventSummary.warn(err, arguments.positional().get(0), event);

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
            if (json) {
                JsonArrayBuilder list = JSON.createArrayBuilder();
                for (Meeting m : own.subList(0, Math.min(top, own.size()))) {
                    JsonArrayBuilder reasons = JSON.createArrayBuilder();
                    m.getReasons().forEach(reasons::add);
                    list.add(JSON.createObjectBuilder().add("counterpart", m.counterpart(participant).id())
                            .add("origin", m.getOrigin().code())
                            .add("relevance", Math.round(m.getRelevance() * 1000) / 1000.0)
                            .add("weight", m.getWeight()).add("reasons", reasons)
                            .add("reasonCodes", ReasonJson.toJson(m.getReasonDetails())));
                }
                ranked.add(JSON.createObjectBuilder().add("participant", participant.id())
                        .add("name", participant.label()).add("role", participant.role().code())
                        .add("candidates", list));
                continue;
            }
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
        if (json) {
            JsonArrayBuilder none = JSON.createArrayBuilder();
            without.forEach(none::add);
            out.println(JSON.createObjectBuilder().add("format", "b2g-candidates/1").add("event", event.id())
                    .add("top", top).add("participants", ranked).add("withoutCandidates", none).build());
        } else if (!without.isEmpty()) {
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
