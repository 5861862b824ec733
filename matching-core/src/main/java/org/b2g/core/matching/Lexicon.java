package org.b2g.core.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The concepts of the field (flooding, building permits, digital signatures...) with the words and phrases that
 * name each in English, Vietnamese and Russian, read from {@code lexicon.txt} beside this class (format in
 * docs/matching.md). A text that names a concept in any of the languages gets the concept as a term of its own,
 * so an English offering and a Vietnamese need meet on it. The lexicon also lists generic words, which weigh
 * little and are never cited as a reason on their own.
 */
final class Lexicon {

    /** No concepts and no generic words: words match only as written. */
    static final Lexicon NONE = new Lexicon(List.of(), Set.of());

    /** Weight of a concept term before IDF, relative to a word; {@link #BROAD} for broad concepts. */
    static final double CONCEPT = 1.5;
    static final double BROAD = 0.3;

    static final List<String> LANGUAGES = List.of("en", "vi", "ru");

    private static volatile Lexicon standard;

    /** A concept: its id, its label per language, and whether it says little on its own. */
    record Concept(String id, Map<String, String> labels, boolean broad) {
        String key() {
            return "@" + id;
        }
    }

    /** One way of naming a concept: its words' keys and forms, as the tokeniser makes them. */
    private record Phrase(int concept, String[] keys, String[] forms, boolean[] accented) {
    }

    private final List<Concept> concepts;
    private final Map<String, Integer> conceptIndex = new HashMap<>();
    private final Map<String, List<Phrase>> phrasesByFirstKey = new HashMap<>();
    private final Set<String> generic;

    private Lexicon(List<Concept> concepts, Set<String> generic) {
        this.concepts = List.copyOf(concepts);
        this.generic = Set.copyOf(generic);
        for (int i = 0; i < concepts.size(); i++) {
            conceptIndex.put(concepts.get(i).key(), i);
        }
    }

    /** The project's lexicon, read once. */
    static Lexicon standard() {
        Lexicon lexicon = standard;
        if (lexicon == null) {
            synchronized (Lexicon.class) {
                if (standard == null) {
                    try (InputStream in = Lexicon.class.getResourceAsStream("lexicon.txt")) {
                        if (in == null) {
                            throw new IllegalStateException("lexicon.txt is missing beside " + Lexicon.class);
                        }
                        standard = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "lexicon.txt");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                lexicon = standard;
            }
        }
        return lexicon;
    }

    /**
     * Reads a lexicon text.
     *
     * @throws IllegalArgumentException naming the source and line of the first malformed line
     */
    static Lexicon parse(String text, String source) {
        Tokenizer words = new Tokenizer(NONE, true);
        List<Concept> concepts = new ArrayList<>();
        Map<Integer, Map<String, List<String>>> namings = new LinkedHashMap<>();
        Set<String> generic = new HashSet<>();
        Set<String> ids = new HashSet<>();
        String section = null;
        Map<String, String> labels = null;
        String[] lines = text.split("\n", -1);
        for (int number = 1; number <= lines.length; number++) {
            String line = lines[number - 1].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + number + ": ";
            if (line.startsWith("[")) {
                int close = line.indexOf(']');
                String rest = close < 0 ? "" : line.substring(close + 1).strip();
                section = close < 0 ? "" : line.substring(1, close).strip();
                if (!section.matches("[a-z0-9][a-z0-9-]*") || !(rest.isEmpty() || rest.equals("broad"))) {
                    throw new IllegalArgumentException(where + "'" + line
                            + "' is no section header; expected [concept-id] (lower-case letters, digits, hyphens),"
                            + " optionally followed by 'broad'");
                }
                if (!ids.add(section)) {
                    throw new IllegalArgumentException(where + "concept '" + section + "' is defined twice");
                }
                if (!section.equals("generic")) {
                    labels = new LinkedHashMap<>();
                    concepts.add(new Concept(section, labels, rest.equals("broad")));
                    namings.put(concepts.size() - 1, new LinkedHashMap<>());
                }
                continue;
            }
            int colon = line.indexOf(':');
            String language = colon < 0 ? "" : line.substring(0, colon).strip();
            if (section == null || !LANGUAGES.contains(language)) {
                throw new IllegalArgumentException(where + "'" + line + "' should read 'en: phrase, phrase...'"
                        + " (or vi:, ru:) inside a [concept] section");
            }
            List<String> phrases = new ArrayList<>();
            for (String phrase : line.substring(colon + 1).split(",")) {
                if (!phrase.isBlank()) {
                    phrases.add(phrase.strip());
                }
            }
            if (phrases.isEmpty()) {
                throw new IllegalArgumentException(where + "no phrase after '" + language + ":'");
            }
            if (section.equals("generic")) {
                for (String phrase : phrases) {
                    List<Tokenizer.Word> sequence = words.words(phrase);
                    generic.add(String.join(" ", sequence.stream().map(w -> w.term().key()).toList()));
                }
                continue;
            }
            labels.putIfAbsent(language, phrases.get(0));
            namings.get(concepts.size() - 1).computeIfAbsent(language, k -> new ArrayList<>()).addAll(phrases);
        }
        for (Concept concept : concepts) {
            for (String language : LANGUAGES) {
                if (!concept.labels().containsKey(language)) {
                    throw new IllegalArgumentException(source + ": concept '" + concept.id() + "' has no '"
                            + language + ":' line; every concept needs English, Vietnamese and Russian names");
                }
            }
        }
        Lexicon lexicon = new Lexicon(concepts.stream()
                .map(c -> new Concept(c.id(), Map.copyOf(c.labels()), c.broad())).toList(), generic);
        for (Map.Entry<Integer, Map<String, List<String>>> naming : namings.entrySet()) {
            for (List<String> phrases : naming.getValue().values()) {
                for (String phrase : phrases) {
                    lexicon.add(naming.getKey(), words.words(phrase), source, phrase);
                }
            }
        }
        return lexicon;
    }

    private void add(int concept, List<Tokenizer.Word> sequence, String source, String phrase) {
        if (sequence.isEmpty()) {
            throw new IllegalArgumentException(source + ": the phrase '" + phrase + "' of concept '"
                    + concepts.get(concept).id() + "' has only stop words");
        }
        String[] keys = new String[sequence.size()];
        String[] forms = new String[sequence.size()];
        boolean[] accented = new boolean[sequence.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = sequence.get(i).term().key();
            forms[i] = sequence.get(i).term().form();
            accented[i] = sequence.get(i).term().accented();
        }
        List<Phrase> list = phrasesByFirstKey.computeIfAbsent(keys[0], k -> new ArrayList<>());
        list.add(new Phrase(concept, keys, forms, accented));
        list.sort((a, b) -> b.keys().length - a.keys().length); // longest first
    }

    /** True when the key of a word or bigram is listed as generic. */
    boolean generic(String key) {
        return !generic.isEmpty() && generic.contains(key);
    }

    /** The concept of a term key ({@code @flood}), or null. */
    Concept concept(String key) {
        Integer index = conceptIndex.get(key);
        return index == null ? null : concepts.get(index);
    }

    int size() {
        return concepts.size();
    }

    /**
     * Adds a concept term for every naming of a concept in the word sequence (overlapping namings of one concept
     * count once).
     *
     * @param covered when not null, receives per concept key the word keys that named it
     */
    void concepts(List<Tokenizer.Word> words, List<Term> terms, Map<String, Set<String>> covered) {
        if (phrasesByFirstKey.isEmpty()) {
            return;
        }
        Map<Integer, Integer> coveredUntil = null;
        for (int i = 0; i < words.size(); i++) {
            List<Phrase> candidates = phrasesByFirstKey.get(words.get(i).term().key());
            if (candidates == null) {
                continue;
            }
            for (Phrase phrase : candidates) {
                if (!matches(phrase, words, i)) {
                    continue;
                }
                if (coveredUntil == null) {
                    coveredUntil = new HashMap<>();
                }
                Integer until = coveredUntil.get(phrase.concept());
                if (until != null && i < until) {
                    continue;
                }
                coveredUntil.put(phrase.concept(), i + phrase.keys().length);
                Concept concept = concepts.get(phrase.concept());
                terms.add(new Term(concept.key(), concept.key(), false, concept.broad() ? BROAD : CONCEPT));
                if (covered != null) {
                    Set<String> keys = covered.computeIfAbsent(concept.key(), k -> new HashSet<>());
                    for (int j = 0; j < phrase.keys().length; j++) {
                        keys.add(phrase.keys()[j]);
                    }
                }
            }
        }
    }

    /** The phrase's words at position {@code start}: same keys, within one clause, diacritics compatible. */
    private static boolean matches(Phrase phrase, List<Tokenizer.Word> words, int start) {
        if (start + phrase.keys().length > words.size()) {
            return false;
        }
        for (int j = 0; j < phrase.keys().length; j++) {
            Tokenizer.Word word = words.get(start + j);
            if (j > 0 && (!word.sameClause() || !word.term().key().equals(phrase.keys()[j]))) {
                return false;
            }
            if (word.term().accented() && phrase.accented()[j] && !word.term().form().equals(phrase.forms()[j])) {
                return false; // "bán" is not "bàn"
            }
        }
        return true;
    }
}
