package org.b2g.core.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Need;
import org.b2g.core.domain.Offering;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Reason;
import org.b2g.core.domain.Role;

/**
 * Relevance of every startup–agency pair of an event, in [0, 1].
 *
 * <p>An offering and a need match on their tags (after case folding, with and without diacritics by the same rule as
 * words: "Giao Thong" is "giao thông", "bàn" is not "bán"; and whatever separates their words: "smart-traffic" is
 * "Smart Traffic"; Dice overlap in which each shared tag counts by how much it tells: a tag on few offerings and needs
 * counts fully, one that half of them carry little) and on their text (title and description; cosine of TF-IDF vectors
 * times {@link #TEXT_GAIN}, capped at 1). Text terms are words (English and Russian stemmed, Vietnamese matched with
 * and without diacritics), bigrams, and the {@link Lexicon} concepts the text names in any of English, Vietnamese and
 * Russian, so that an English offering finds the Vietnamese need it answers. The two are combined as independent
 * evidence, {@code 1 - (1 - tags)(1 - text)}, and scaled by the need's priority relative to the agency's most pressing
 * need ({@code 0.5 + 0.5 * priority / max}). A pair's relevance is its best offering–need match. All pairs are scored
 * at once through inverted indexes over terms and tags, so pairs that share nothing cost nothing; reasons are worked
 * out only for the pairs someone looks at (docs/matching.md).
 */
public final class Relevance {

    /**
     * Scales the cosine of two texts: an offering and a need written independently rarely exceed 0.6 even when
     * they describe the same thing, while one shared word gives about 0.05.
     */
    static final double TEXT_GAIN = 1.5;

    /** A tag carried by at most this share of all offerings and needs counts fully as evidence. */
    static final double TAG_FULL_SHARE = 0.05;

    /** How relevance reads text: the lexicon, stemming, and whether tags count by how much they tell. */
    record Settings(Lexicon lexicon, boolean stemming, boolean tagSpecificity) {
        /** What the project uses. */
        static Settings standard() {
            return new Settings(Lexicon.standard(), true, true);
        }

        /** Words as typed and every tag alike: relevance before the lexicon, kept for the evaluation. */
        static final Settings LITERAL = new Settings(Lexicon.NONE, false, false);
    }

    private final Lexicon lexicon;
    private final Tokenizer tokenizer;
    /** Per tag id: how much sharing it tells, in (0, 1]. */
    private final float[] tagWeight;

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
    /** Per offering and per need: its tag ids (by key, without diacritics), and in parallel their written forms. */
    private final int[][] offeringTags;
    private final int[][] offeringTagForms;
    private final int[][] needTags;
    private final int[][] needTagForms;
    private final Map<String, Integer> tagIds = new HashMap<>();
    /** Each tag case-folded as first written, with its diacritics: what reasons show, whoever wrote it in capitals. */
    private final Folding.Forms tagForms = new Folding.Forms();
    private final TermVectors vectors;
    /** Per startup ordinal: matched agency ordinals (ascending) and their scores. */
    private final int[][] agencyMatches;
    private final float[][] agencyScores;
    /** Per agency ordinal: matched startup ordinals (ascending) and their scores. */
    private final int[][] startupMatches;
    private final float[][] startupScores;

    private Relevance(Event event, Settings settings) {
        lexicon = settings.lexicon();
        tokenizer = new Tokenizer(settings.lexicon(), settings.stemming());
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
        offeringTagForms = new int[offerings.size()][];
        for (int o = 0; o < offerings.size(); o++) {
            int[][] tags = tags(offerings.get(o).tags());
            offeringTags[o] = tags[0];
            offeringTagForms[o] = tags[1];
        }
        needTags = new int[needs.size()][];
        needTagForms = new int[needs.size()][];
        for (int n = 0; n < needs.size(); n++) {
            int[][] tags = tags(needs.get(n).tags());
            needTags[n] = tags[0];
            needTagForms[n] = tags[1];
        }
        List<String[]> texts = new ArrayList<>(offerings.size() + needs.size());
        offerings.forEach(o -> texts.add(new String[] {o.title(), o.description()}));
        needs.forEach(n -> texts.add(new String[] {n.title(), n.description()}));
        vectors = new TermVectors(texts, tokenizer);
        tagWeight = tagWeights(settings.tagSpecificity());
        agencyMatches = new int[startups.size()][];
        agencyScores = new float[startups.size()][];
        startupMatches = new int[agencies.size()][];
        startupScores = new float[agencies.size()][];
        scoreAllPairs(tagIds.size());
    }

    /** Scores every startup–agency pair of the event. */
    public static Relevance of(Event event) {
        return new Relevance(event, Settings.standard());
    }

    static Relevance of(Event event, Settings settings) {
        return new Relevance(event, settings);
    }

    /**
     * {@code ln(D / df) / ln(min(D / 2, 1 / TAG_FULL_SHARE))} clamped to [0.05, 1], over the D offerings and needs:
     * a tag that only two of them carry (the fewest that can match) or one in twenty counts fully.
     */
    private float[] tagWeights(boolean specific) {
        float[] weights = new float[tagIds.size()];
        int[] frequency = new int[tagIds.size()];
        for (int[] tags : offeringTags) {
            for (int tag : tags) {
                frequency[tag]++;
            }
        }
        for (int[] tags : needTags) {
            for (int tag : tags) {
                frequency[tag]++;
            }
        }
        double documents = Math.max(3, offeringTags.length + needTags.length);
        double full = Math.log(Math.min(documents / 2, 1 / TAG_FULL_SHARE));
        for (int t = 0; t < weights.length; t++) {
            double weight = Math.log(documents / Math.max(1, frequency[t])) / full;
            weights[t] = specific ? (float) Math.max(0.05, Math.min(1, weight)) : 1f;
        }
        return weights;
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
        List<Participant> side = startup ? agencies : startups;
        // Best first, ties by the counterpart's index, sorted as primitive keys: the bits of a positive float order
        // as its value, and others is in the order of the participants' indexes, so the key is (the score's bits
        // reversed, the position in others). Candidates and backups rank every participant, and sorting boxed
        // records by a comparator took a fifth of choosing the candidates of a 4,354-participant event.
        long[] keys = new long[others.length];
        for (int i = 0; i < others.length; i++) {
            keys[i] = (long) (Integer.MAX_VALUE - Float.floatToIntBits(scores[i])) << 32 | i;
        }
        Arrays.sort(keys);
        List<Ranked> ranked = new ArrayList<>(others.length);
        for (long key : keys) {
            int i = (int) key;
            ranked.add(new Ranked(side.get(others[i]), scores[i]));
        }
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
        List<double[]> textMatches = new ArrayList<>(); // {offering, need, similarity}
        for (int o : offeringsOf[ordinal[startup.index()]]) {
            for (int n : needsOf[ordinal[agency.index()]]) {
                for (int i = 0; i < needTags[n].length; i++) {
                    int shared = indexOf(offeringTags[o], needTags[n][i]);
                    if (shared >= 0 && Folding.Forms.compatible(needTagForms[n][i], offeringTagForms[o][shared])) {
                        sharedTags.add(tagForms.display(needTagForms[n][i], offeringTagForms[o][shared]));
                    }
                }
                double similarity = similarity(o, n);
                if (similarity > 0) {
                    textMatches.add(new double[] {o, n, similarity});
                }
            }
        }
        List<Reason> reasons = new ArrayList<>();
        if (!sharedTags.isEmpty()) {
            reasons.add(new Reason.SharedTags(List.copyOf(sharedTags)));
        }
        textMatches.sort(Comparator.comparingDouble((double[] m) -> m[2]).reversed());
        for (double[] text : textMatches) {
            int o = (int) text[0];
            int n = (int) text[1];
            List<Reason.Phrase> phrases = evidence(o, n);
            if (!phrases.isEmpty()) {
                reasons.add(new Reason.TextMatch(offerings.get(o).title(), needs.get(n).title(), phrases));
            }
            if (reasons.size() >= (sharedTags.isEmpty() ? 2 : 3)) {
                break;
            }
        }
        return new Match(startup, agency, score, reasons);
    }

    /** Cosine of an offering and a need over the terms they share in compatible forms (vectors sorted by term). */
    private double similarity(int offering, int need) {
        TermVectors.Vector a = vectors.vector(offering);
        TermVectors.Vector b = vectors.vector(offerings.size() + need);
        double similarity = 0;
        for (int i = 0, j = 0; i < a.size() && j < b.size();) {
            int ta = a.terms()[i];
            int tb = b.terms()[j];
            if (ta < tb) {
                i++;
            } else if (ta > tb) {
                j++;
            } else {
                if (TermVectors.compatible(a.forms()[i], b.forms()[j])) {
                    similarity += (double) a.weights()[i] * b.weights()[j];
                }
                i++;
                j++;
            }
        }
        return similarity;
    }

    /** Per text (offerings, then needs): the word keys that named each concept; filled as reasons need them. */
    private final Map<Integer, Map<String, Set<String>>> coverage = new HashMap<>();

    /** The words of a text that named each of its concepts (the tokeniser keeps state: one caller at a time). */
    private synchronized Map<String, Set<String>> coverage(int document) {
        return coverage.computeIfAbsent(document, d -> {
            Map<String, Set<String>> covered = new HashMap<>();
            String[] text = d < offerings.size()
                    ? new String[] {offerings.get(d).title(), offerings.get(d).description()}
                    : new String[] {needs.get(d - offerings.size()).title(),
                            needs.get(d - offerings.size()).description()};
            tokenizer.tokenize(text[0], covered);
            tokenizer.tokenize(text[1], covered);
            return covered;
        });
    }

    private static boolean vietnamese(String title, String description) {
        return title != null && Tokenizer.vietnamese(title) || description != null && Tokenizer.vietnamese(description);
    }

    /** At most this many phrases back a text match. */
    static final int PHRASES = 4;

    /**
     * What an offering and a need share that a person would accept as evidence, strongest first: the concepts both
     * name (with their labels in each language), then shared phrases as the need (or else the offering) wrote them
     * that no shared concept already covers. Broad concepts, generic words and lone Vietnamese syllables or short
     * words are never cited.
     */
    private List<Reason.Phrase> evidence(int offering, int need) {
        TermVectors.Vector a = vectors.vector(offering);
        TermVectors.Vector b = vectors.vector(offerings.size() + need);
        List<Phrases.Piece> words = new ArrayList<>();
        List<Phrases.Piece> concepts = new ArrayList<>();
        for (int i = 0, j = 0; i < a.size() && j < b.size();) {
            int ta = a.terms()[i];
            int tb = b.terms()[j];
            if (ta < tb) {
                i++;
            } else if (ta > tb) {
                j++;
            } else {
                if (TermVectors.compatible(a.forms()[i], b.forms()[j])) {
                    String key = vectors.key(ta);
                    Phrases.Piece piece = new Phrases.Piece(key, vectors.display(b.forms()[j], a.forms()[i]),
                            (double) a.weights()[i] * b.weights()[j]);
                    (key.startsWith("@") ? concepts : words).add(piece);
                }
                i++;
                j++;
            }
        }
        Set<String> covered = new HashSet<>();
        List<Reason.Phrase> cited = new ArrayList<>();
        // A lone word of a Vietnamese text is a syllable ("sinh" of "học sinh" and of "vệ sinh"): never cited.
        boolean vietnamese = vietnamese(offerings.get(offering).title(), offerings.get(offering).description())
                || vietnamese(needs.get(need).title(), needs.get(need).description());
        if (!concepts.isEmpty()) {
            Map<String, Set<String>> offeringCover = coverage(offering);
            Map<String, Set<String>> needCover = coverage(offerings.size() + need);
            concepts.sort(Comparator.comparingDouble(Phrases.Piece::contribution).reversed());
            for (Phrases.Piece piece : concepts) {
                covered.addAll(offeringCover.getOrDefault(piece.key(), Set.of()));
                covered.addAll(needCover.getOrDefault(piece.key(), Set.of()));
                Lexicon.Concept concept = lexicon.concept(piece.key());
                if (concept != null && !concept.broad()) {
                    cited.add(new Reason.Phrase(concept.labels().get("en"), concept.id(), concept.labels()));
                }
            }
        }
        for (Phrases.Piece piece : Phrases.pieces(words)) {
            String[] keys = piece.keys();
            boolean new_ = false;
            for (String key : keys) {
                new_ |= !covered.contains(key);
            }
            boolean telling = keys.length > 1 ? !lexicon.generic(piece.key())
                    : !lexicon.generic(piece.key()) && !vietnamese
                            && piece.display().codePointCount(0, piece.display().length()) >= 4;
            if (new_ && telling) {
                cited.add(Reason.Phrase.words(piece.display()));
            }
        }
        return cited.subList(0, Math.min(PHRASES, cited.size()));
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
        int[][] tagNeeds = new int[tagCount][];
        int[][] tagNeedForms = new int[tagCount][];
        int[] tagPostings = new int[tagCount];
        for (int n = 0; n < needCount; n++) {
            for (int g : needTags[n]) {
                tagPostings[g]++;
            }
        }
        for (int g = 0; g < tagCount; g++) {
            tagNeeds[g] = new int[tagPostings[g]];
            tagNeedForms[g] = new int[tagPostings[g]];
            tagPostings[g] = 0;
        }
        for (int n = 0; n < needCount; n++) {
            for (int i = 0; i < needTags[n].length; i++) {
                int g = needTags[n][i];
                int k = tagPostings[g]++;
                tagNeeds[g][k] = n;
                tagNeedForms[g][k] = needTagForms[n][i];
            }
        }

        float[] dot = new float[needCount];
        float[] sharedTags = new float[needCount];
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
                for (int i = 0; i < offeringTags[o].length; i++) {
                    int g = offeringTags[o][i];
                    int form = offeringTagForms[o][i];
                    for (int k = 0; k < tagNeeds[g].length; k++) {
                        if (!Folding.Forms.compatible(form, tagNeedForms[g][k])) {
                            continue;
                        }
                        int n = tagNeeds[g][k];
                        if (!needTouched[n]) {
                            needTouched[n] = true;
                            touchedNeeds[touched++] = n;
                        }
                        sharedTags[n] += tagWeight[g];
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

    /**
     * The tag ids of one offering or need, and in parallel their written forms. Tags are folded by
     * {@link Folding#tag}: "Smart Traffic" and "smart_traffic" are "smart traffic", "Giao Thong" and "giao thông"
     * share a key and match, "bàn" and "bán" share one and do not. A tag given twice in two forms counts once, as if
     * typed plain; one of separators only ("-") is no tag.
     */
    private int[][] tags(List<String> tags) {
        Map<Integer, Integer> formOf = new LinkedHashMap<>();
        for (String tag : tags) {
            Folding.Folded folded = Folding.tag(tag);
            if (folded.key().isEmpty()) {
                continue;
            }
            int id = tagIds.computeIfAbsent(folded.key(), key -> tagIds.size());
            formOf.merge(id, tagForms.id(folded), Folding.Forms::merge);
        }
        int[][] idsAndForms = new int[2][formOf.size()];
        int k = 0;
        for (Map.Entry<Integer, Integer> e : formOf.entrySet()) {
            idsAndForms[0][k] = e.getKey();
            idsAndForms[1][k++] = e.getValue();
        }
        return idsAndForms;
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
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
