package org.b2g.core.matching;

import static org.b2g.core.matching.EventBuilder.need;
import static org.b2g.core.matching.EventBuilder.offering;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Need;
import org.b2g.core.domain.Offering;
import org.b2g.core.domain.Participant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The relevance evaluation: the project's own labelled sets (Vietnamese needs of agencies, offerings of startups in
 * Vietnamese, English and Russian, and the startups a person sends to each agency), ranked from each agency's side
 * by tags alone, by literal relevance (words as written, every tag alike: how relevance worked before the lexicon)
 * and by the project's relevance. Prints recall@5, precision@5 and MRR overall, for pairs in the same language and
 * for pairs across languages. {@code tuning.txt} is what the lexicon and weights were adjusted on; {@code
 * holdout.txt} was written with its labels first and never tuned on. Run with
 * {@code ./b2g test-slow -pl matching-core -Dtest=RelevanceEvaluationTest}.
 */
@Tag("slow")
class RelevanceEvaluationTest {

    static final int K = 5;

    /** A labelled set: the event, the language of each startup's text, and the matching startups per agency. */
    record LabelledSet(String name, Event event, Map<String, String> language, Map<String, Set<String>> matches) {
    }

    /** Figures of one ranking on one set. */
    record Figures(double recall, double recallSame, double recallCross, double precision, double mrr, int pairs,
            int cross) {
        String row(String ranking) {
            return String.format(Locale.ROOT, "%-22s %9.2f %9.2f %9.2f %9.2f %6.2f", ranking, recall, recallSame,
                    recallCross, precision, mrr);
        }
    }

    @Test
    void printsRecallPrecisionAndMrrForTagsLiteralAndLexiconRelevance() throws IOException {
        StringBuilder report = new StringBuilder();
        Map<String, Figures> lexicon = new LinkedHashMap<>();
        for (String name : List.of("tuning", "holdout")) {
            LabelledSet set = read(name);
            Figures tags = evaluate(set, RelevanceEvaluationTest::tagsOnly);
            Relevance literal = Relevance.of(set.event(), Relevance.Settings.LITERAL);
            Relevance standard = Relevance.of(set.event());
            Figures before = evaluate(set, agency -> ids(literal.ranked(agency)));
            Figures after = evaluate(set, agency -> ids(standard.ranked(agency)));
            lexicon.put(name, after);
            report.append(String.format(Locale.ROOT, "%n%s: %d agencies, %d startups, %d labelled pairs (%d across"
                    + " languages)%n%-22s %9s %9s %9s %9s %6s%n", name, set.matches().size(), set.language().size(),
                    after.pairs(), after.cross(), "ranking", "recall@5", "same", "cross", "prec@5", "MRR"));
            report.append(tags.row("tags only")).append('\n');
            report.append(before.row("literal (before)")).append('\n');
            report.append(after.row("lexicon (after)")).append('\n');
        }
        System.out.println(report);
        Figures holdout = lexicon.get("holdout");
        assertTrue(holdout.recall() >= 0.8 && holdout.recallCross() >= 0.7, "below the quality bar:" + report);
    }

    /** Ranks the startups of each agency and scores the ranking against the labels. */
    static Figures evaluate(LabelledSet set, Function<Participant, List<String>> ranking) {
        int pairs = 0;
        int found = 0;
        int same = 0;
        int sameFound = 0;
        int cross = 0;
        int crossFound = 0;
        double precision = 0;
        double reciprocalRanks = 0;
        for (Map.Entry<String, Set<String>> labelled : set.matches().entrySet()) {
            List<String> ranked = ranking.apply(set.event().participant(labelled.getKey()));
            List<String> top = ranked.subList(0, Math.min(K, ranked.size()));
            int hits = 0;
            for (String startup : labelled.getValue()) {
                boolean hit = top.contains(startup);
                boolean crossing = !set.language().get(startup).equals("vi");
                pairs++;
                hits += hit ? 1 : 0;
                if (crossing) {
                    cross++;
                    crossFound += hit ? 1 : 0;
                } else {
                    same++;
                    sameFound += hit ? 1 : 0;
                }
            }
            found += hits;
            precision += hits / (double) K;
            for (int r = 0; r < ranked.size(); r++) {
                if (labelled.getValue().contains(ranked.get(r))) {
                    reciprocalRanks += 1.0 / (r + 1);
                    break;
                }
            }
        }
        int agencies = set.matches().size();
        return new Figures(found / (double) pairs, sameFound / (double) Math.max(1, same),
                crossFound / (double) Math.max(1, cross), precision / agencies, reciprocalRanks / agencies, pairs,
                cross);
    }

    /** Startups that share a tag with one of the agency's needs, most shared tags (Dice) first, then in order. */
    static List<String> tagsOnly(Participant agency, Event event) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Participant p : event.participants()) {
            if (!p.offerings().isEmpty()) {
                double best = 0;
                for (Offering o : p.offerings()) {
                    for (Need n : agency.needs()) {
                        Set<String> shared = new HashSet<>(o.tags());
                        shared.retainAll(n.tags());
                        if (!shared.isEmpty()) {
                            best = Math.max(best, 2.0 * shared.size() / (o.tags().size() + n.tags().size()));
                        }
                    }
                }
                if (best > 0) {
                    scores.put(p.id(), best);
                }
            }
        }
        List<String> ranked = new ArrayList<>(scores.keySet());
        ranked.sort(Comparator.comparingDouble((String id) -> scores.get(id)).reversed());
        return ranked;
    }

    private Figures evaluate(LabelledSet set, java.util.function.BiFunction<Participant, Event, List<String>> r) {
        return evaluate(set, agency -> r.apply(agency, set.event()));
    }

    private static List<String> ids(List<Relevance.Ranked> ranked) {
        return ranked.stream().map(r -> r.counterpart().id()).toList();
    }

    /** Reads {@code evaluation/NAME.txt} (format in its header). */
    static LabelledSet read(String name) throws IOException {
        String text;
        try (InputStream in = RelevanceEvaluationTest.class.getResourceAsStream("evaluation/" + name + ".txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<Need>> needs = new LinkedHashMap<>();
        Map<String, Offering> offerings = new LinkedHashMap<>();
        Map<String, String> language = new LinkedHashMap<>();
        Map<String, Set<String>> matches = new LinkedHashMap<>();
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String kind = line.substring(0, line.indexOf(' '));
            String rest = line.substring(kind.length()).strip();
            String[] f = Arrays.stream(rest.split("\\|", -1)).map(String::strip).toArray(String[]::new);
            switch (kind) {
                case "agency" -> needs.computeIfAbsent(f[0], k -> new ArrayList<>())
                        .add(need(f[2], f[3], 1, tags(f[4])));
                case "startup" -> {
                    language.put(f[0], f[1]);
                    offerings.put(f[0], offering(f[3], f[4], tags(f[5])));
                }
                case "match" -> {
                    String[] ids = rest.split("\\s+");
                    matches.put(ids[0], new HashSet<>(List.of(ids).subList(1, ids.length)));
                }
                default -> throw new IllegalArgumentException(name + ".txt line " + number + ": unknown '" + kind + "'");
            }
        }
        EventBuilder builder = EventBuilder.slots(4);
        offerings.forEach((id, offering) -> builder.startup(id, offering));
        needs.forEach((id, list) -> builder.agency(id, list.toArray(Need[]::new)));
        Event event = builder.build();
        for (Map.Entry<String, Set<String>> m : matches.entrySet()) {
            for (String id : m.getValue()) {
                if (!language.containsKey(id) || !needs.containsKey(m.getKey())) {
                    throw new IllegalArgumentException(name + ".txt: match " + m.getKey() + " " + id
                            + " names an unknown participant");
                }
            }
        }
        return new LabelledSet(name, event, language, matches);
    }

    private static String[] tags(String field) {
        return field.isBlank() ? new String[0]
                : Arrays.stream(field.split(",")).map(String::strip).toArray(String[]::new);
    }
}
