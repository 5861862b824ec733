package org.b2g.core.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Need;
import org.b2g.core.domain.Offering;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Role;

/**
 * Relevance of every startup–agency pair of an event, in [0, 1].
 *
 * <p>An offering and a need match on their tags (exact after case folding; Dice overlap) and on their text
 * (title and description; cosine of TF-IDF vectors times {@link #TEXT_GAIN}, capped at 1; Vietnamese matched with
 * and without diacritics). The two are combined as independent evidence, {@code 1 - (1 - tags)(1 - text)}, and scaled by the need's priority relative to
 * the agency's most pressing need ({@code 0.5 + 0.5 * priority / max}). A pair's relevance is its best
 * offering–need match. All pairs are scored at once through inverted indexes over terms and tags, so pairs that
 * share nothing cost nothing; reasons are worked out only for the pairs someone looks at.
 */
public final class Relevance {

    /**
     * Scales the cosine of two texts: an offering and a need written independently rarely exceed 0.6 even when
     * they describe the same thing, while one shared word gives about 0.05.
     */
    static final double TEXT_GAIN = 1.5;

    private final List<Participant> startups = new ArrayList<>();
    private final List<Participant> agencies = new ArrayList<>();
    /** Ordinal among startups or agencies, by participant index; -1 for other roles. */
    private final int[] ordinal;
    private final List<Offering> offerings = new ArrayList<>();
    private final List<Need> needs = new ArrayList<>();
    private final int[][] offeringsOf;
    private final int[][] needsOf;
    private final int[] agencyOfNeed;
    private final float[] priorityWeight;
    private final int[][] offeringTags;
    private final int[][] needTags;
    private final Map<String, Integer> tagIds = new HashMap<>();
    private final TermVectors vectors;
    /** Per startup ordinal: matched agency ordinals (ascending) and their scores. */
    private final int[][] agencyMatches;
    private final float[][] agencyScores;
    /** Per agency ordinal: matched startup ordinals (ascending) and their scores. */
    private final int[][] startupMatches;
    private final float[][] startupScores;

    private Relevance(Event event) {
        List<Participant> participants = event.participants();
        ordinal = new int[participants.size()];
        Arrays.fill(ordinal, -1);
        for (Participant p : participants) {
            if (p.role() == Role.STARTUP) {
                ordinal[p.index()] = startups.size();
                startups.add(p);
            } else if (p.role() == Role.AGENCY) {
                ordinal[p.index()] = agencies.size();
                agencies.add(p);
            }
        }
        offeringsOf = new int[startups.size()][];
        for (int s = 0; s < startups.size(); s++) {
            offeringsOf[s] = range(offerings.size(), startups.get(s).offerings().size());
            offerings.addAll(startups.get(s).offerings());
        }
        needsOf = new int[agencies.size()][];
        List<Integer> agencyOf = new ArrayList<>();
        List<Float> weights = new ArrayList<>();
        for (int a = 0; a < agencies.size(); a++) {
            List<Need> own = agencies.get(a).needs();
            needsOf[a] = range(needs.size(), own.size());
            needs.addAll(own);
            int top = own.stream().mapToInt(Need::priority).max().orElse(1);
            for (Need need : own) {
                agencyOf.add(a);
                weights.add((float) (0.5 + 0.5 * Math.max(0, need.priority()) / Math.max(1, top)));
            }
        }
        agencyOfNeed = agencyOf.stream().mapToInt(Integer::intValue).toArray();
        priorityWeight = new float[weights.size()];
        for (int i = 0; i < weights.size(); i++) {
            priorityWeight[i] = weights.get(i);
        }
        offeringTags = new int[offerings.size()][];
        for (int o = 0; o < offerings.size(); o++) {
            offeringTags[o] = tagIds(offerings.get(o).tags());
        }
        needTags = new int[needs.size()][];
        for (int n = 0; n < needs.size(); n++) {
            needTags[n] = tagIds(needs.get(n).tags());
        }
        List<String[]> texts = new ArrayList<>(offerings.size() + needs.size());
        offerings.forEach(o -> texts.add(new String[] {o.title(), o.description()}));
        needs.forEach(n -> texts.add(new String[] {n.title(), n.description()}));
        vectors = new TermVectors(texts);
        agencyMatches = new int[startups.size()][];
        agencyScores = new float[startups.size()][];
        startupMatches = new int[agencies.size()][];
        startupScores = new float[agencies.size()][];
        scoreAllPairs(tagIds.size());
    }

    /** Scores every startup–agency pair of the event. */
    public static Relevance of(Event event) {
        return new Relevance(event);
    }

    /** The relevance of a startup–agency pair (in either order); 0 for any other pair. */
    public double score(Participant a, Participant b) {
        Participant startup = a.role() == Role.STARTUP ? a : b;
        Participant agency = startup == a ? b : a;
        if (startup.role() != Role.STARTUP || agency.role() != Role.AGENCY) {
            return 0;
        }
        int s = ordinal[startup.index()];
        int found = Arrays.binarySearch(agencyMatches[s], ordinal[agency.index()]);
        return found < 0 ? 0 : agencyScores[s][found];
    }

    /** The counterparts of a startup (agencies) or an agency (startups) with a relevance above 0, best first. */
    public List<Ranked> ranked(Participant participant) {
        int own = ordinal[participant.index()];
        if (own < 0) {
            return List.of();
        }
        boolean startup = participant.role() == Role.STARTUP;
        int[] others = startup ? agencyMatches[own] : startupMatches[own];
        float[] scores = startup ? agencyScores[own] : startupScores[own];
        List<Ranked> ranked = new ArrayList<>(others.length);
        for (int i = 0; i < others.length; i++) {
            ranked.add(new Ranked(startup ? agencies.get(others[i]) : startups.get(others[i]), scores[i]));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed()
                .thenComparingInt(r -> r.counterpart().index()));
        return ranked;
    }

    /** A counterpart and its relevance. */
    public record Ranked(Participant counterpart, double score) {
    }

    /** The relevance of a pair (in either order) with its reasons. */
    public Match explain(Participant a, Participant b) {
        Participant startup = a.role() == Role.STARTUP ? a : b;
        Participant agency = startup == a ? b : a;
        double score = score(startup, agency);
        if (score == 0) {
            return new Match(startup, agency, 0, List.of());
        }
        Set<String> sharedTags = new LinkedHashSet<>();
        List<TextMatch> textMatches = new ArrayList<>();
        for (int o : offeringsOf[ordinal[startup.index()]]) {
            for (int n : needsOf[ordinal[agency.index()]]) {
                for (String tag : needs.get(n).tags()) {
                    if (contains(offeringTags[o], tagIds.getOrDefault(Folding.fold(tag.trim()), -1))) {
                        sharedTags.add(tag);
                    }
                }
                TextMatch text = textMatch(o, n);
                if (!text.terms().isEmpty()) {
                    textMatches.add(text);
                }
            }
        }
        List<String> reasons = new ArrayList<>();
        if (!sharedTags.isEmpty()) {
            reasons.add("both tagged " + String.join(", ", sharedTags));
        }
        textMatches.sort(Comparator.comparingDouble(TextMatch::similarity).reversed());
        for (TextMatch text : textMatches.subList(0, Math.min(2, textMatches.size()))) {
            reasons.add("offering '" + offerings.get(text.offering()).title() + "' matches need '"
                    + needs.get(text.need()).title() + "' on: " + String.join(", ", text.terms()));
        }
        return new Match(startup, agency, score, reasons);
    }

    private record TextMatch(int offering, int need, double similarity, List<String> terms) {
    }

    /** The terms an offering and a need share, by contribution; words already shown in a bigram are left out. */
    private TextMatch textMatch(int offering, int need) {
        TermVectors.Vector a = vectors.vector(offering);
        TermVectors.Vector b = vectors.vector(offerings.size() + need);
        Map<Integer, Integer> positionInB = new HashMap<>();
        for (int j = 0; j < b.size(); j++) {
            positionInB.put(b.terms()[j], j);
        }
        record Shared(String key, String display, double contribution) {
        }
        List<Shared> shared = new ArrayList<>();
        double similarity = 0;
        for (int i = 0; i < a.size(); i++) {
            Integer j = positionInB.get(a.terms()[i]);
            if (j != null && TermVectors.compatible(a.forms()[i], b.forms()[j])) {
                double c = (double) a.weights()[i] * b.weights()[j];
                similarity += c;
                int term = a.terms()[i];
                shared.add(new Shared(vectors.key(term), vectors.display(term, b.forms()[j], a.forms()[i]), c));
            }
        }
        List<String> terms = Phrases.join(shared.stream()
                .map(x -> new Phrases.Piece(x.key(), x.display(), x.contribution())).toList(), 5);
        return new TextMatch(offering, need, similarity, terms);
    }

    private void scoreAllPairs(int tagCount) {
        int needCount = needs.size();
        int offset = offerings.size();
        // Inverted indexes: term -> needs (with weight and form), tag -> needs.
        int[][] termNeeds = new int[vectors.termCount()][];
        float[][] termWeights = new float[vectors.termCount()][];
        int[][] termForms = new int[vectors.termCount()][];
        int[] postings = new int[vectors.termCount()];
        for (int n = 0; n < needCount; n++) {
            for (int term : vectors.vector(offset + n).terms()) {
                postings[term]++;
            }
        }
        for (int t = 0; t < postings.length; t++) {
            termNeeds[t] = new int[postings[t]];
            termWeights[t] = new float[postings[t]];
            termForms[t] = new int[postings[t]];
            postings[t] = 0;
        }
        for (int n = 0; n < needCount; n++) {
            TermVectors.Vector v = vectors.vector(offset + n);
            for (int i = 0; i < v.size(); i++) {
                int t = v.terms()[i];
                int k = postings[t]++;
                termNeeds[t][k] = n;
                termWeights[t][k] = v.weights()[i];
                termForms[t][k] = v.forms()[i];
            }
        }
        List<List<Integer>> tagNeedLists = new ArrayList<>(tagCount);
        for (int g = 0; g < tagCount; g++) {
            tagNeedLists.add(new ArrayList<>());
        }
        for (int n = 0; n < needCount; n++) {
            for (int g : needTags[n]) {
                tagNeedLists.get(g).add(n);
            }
        }
        int[][] tagNeeds = tagNeedLists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);

        float[] dot = new float[needCount];
        int[] sharedTags = new int[needCount];
        boolean[] needTouched = new boolean[needCount];
        int[] touchedNeeds = new int[needCount];
        float[] best = new float[agencies.size()];
        int[] touchedAgencies = new int[agencies.size()];
        int[] matchesPerAgency = new int[agencies.size()];
        for (int s = 0; s < startups.size(); s++) {
            int agencyCount = 0;
            for (int o : offeringsOf[s]) {
                int touched = 0;
                TermVectors.Vector v = vectors.vector(o);
                for (int i = 0; i < v.size(); i++) {
                    int t = v.terms()[i];
                    float w = v.weights()[i];
                    int form = v.forms()[i];
                    int[] ns = termNeeds[t];
                    for (int k = 0; k < ns.length; k++) {
                        if (TermVectors.compatible(form, termForms[t][k])) {
                            int n = ns[k];
                            if (!needTouched[n]) {
                                needTouched[n] = true;
                                touchedNeeds[touched++] = n;
                            }
                            dot[n] += w * termWeights[t][k];
                        }
                    }
                }
                for (int g : offeringTags[o]) {
                    for (int n : tagNeeds[g]) {
                        if (!needTouched[n]) {
                            needTouched[n] = true;
                            touchedNeeds[touched++] = n;
                        }
                        sharedTags[n]++;
                    }
                }
                for (int k = 0; k < touched; k++) {
                    int n = touchedNeeds[k];
                    double tags = sharedTags[n] == 0 ? 0
                            : 2.0 * sharedTags[n] / (offeringTags[o].length + needTags[n].length);
                    double text = Math.min(1.0, TEXT_GAIN * dot[n]);
                    float score = (float) ((1 - (1 - tags) * (1 - text)) * priorityWeight[n]);
                    int a = agencyOfNeed[n];
                    if (best[a] == 0 && score > 0) {
                        touchedAgencies[agencyCount++] = a;
                    }
                    best[a] = Math.max(best[a], score);
                    dot[n] = 0;
                    sharedTags[n] = 0;
                    needTouched[n] = false;
                }
            }
            Arrays.sort(touchedAgencies, 0, agencyCount);
            agencyMatches[s] = Arrays.copyOf(touchedAgencies, agencyCount);
            agencyScores[s] = new float[agencyCount];
            for (int k = 0; k < agencyCount; k++) {
                int a = touchedAgencies[k];
                agencyScores[s][k] = best[a];
                best[a] = 0;
                matchesPerAgency[a]++;
            }
        }
        for (int a = 0; a < agencies.size(); a++) {
            startupMatches[a] = new int[matchesPerAgency[a]];
            startupScores[a] = new float[matchesPerAgency[a]];
            matchesPerAgency[a] = 0;
        }
        for (int s = 0; s < startups.size(); s++) {
            for (int k = 0; k < agencyMatches[s].length; k++) {
                int a = agencyMatches[s][k];
                int slot = matchesPerAgency[a]++;
                startupMatches[a][slot] = s;
                startupScores[a][slot] = agencyScores[s][k];
            }
        }
    }

    /** Tags are matched exactly after trimming and case folding ("Smart-Traffic" = "smart-traffic"). */
    private int[] tagIds(List<String> tags) {
        return tags.stream()
                .map(tag -> Folding.fold(tag.trim()))
                .filter(tag -> !tag.isEmpty())
                .distinct()
                .mapToInt(tag -> tagIds.computeIfAbsent(tag, x -> tagIds.size()))
                .toArray();
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private static int[] range(int from, int count) {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = from + i;
        }
        return values;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Relevance of %d startups x %d agencies", startups.size(), agencies.size());
    }
}
