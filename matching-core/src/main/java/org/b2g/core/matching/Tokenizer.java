package org.b2g.core.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Splits free text (Vietnamese, English, Russian, mixed) into {@link Term terms}: content words, the bigrams of
 * adjacent content words, and the {@link Lexicon} concepts the text names. Vietnamese writes a word as several
 * syllables separated by spaces ("giao thông" is traffic, "thông tin" is information), so the bigram is what
 * carries the meaning and a lone Vietnamese syllable counts for less; English and Russian words are stemmed.
 * Stop words and punctuation end a bigram; only punctuation ends a lexicon phrase.
 */
final class Tokenizer {

    /** Weight of a lone syllable of a Vietnamese word relative to a bigram or an English/Russian word. */
    static final double SYLLABLE = 0.4;
    /** Weight of a word or bigram the lexicon lists as generic ("system", "quản lý"). */
    static final double GENERIC = 0.25;

    /** One content word of a text and whether it continues a bigram or a lexicon phrase from the word before. */
    record Word(Term term, boolean joined, boolean sameClause) {
    }

    private final Lexicon lexicon;
    private final Stemmer stemmer;
    /** A word as typed, folded once: events repeat a few thousand words many times. */
    private final Map<String, Term> words = new HashMap<>();
    /** The same, for words of a Vietnamese text (where "sinh" is a syllable, not an English word). */
    private final Map<String, Term> vietnameseWords = new HashMap<>();

    /** A tokeniser with the project's lexicon and stemming. */
    Tokenizer() {
        this(Lexicon.standard(), true);
    }

    /** @param lexicon concepts to recognise, or {@link Lexicon#NONE}; {@code stemming} off keeps words as typed */
    Tokenizer(Lexicon lexicon, boolean stemming) {
        this.lexicon = lexicon;
        this.stemmer = stemming ? new Stemmer() : null;
    }

    /** The terms of one text, with a throw-away cache; use an instance to tokenise many texts. */
    static List<Term> terms(String text) {
        return new Tokenizer().tokenize(text);
    }

    List<Term> tokenize(String text) {
        return tokenize(text, null);
    }

    /**
     * @param covered when not null, receives for each concept term the keys of the words that named it
     */
    List<Term> tokenize(String text, Map<String, Set<String>> covered) {
        List<Word> sequence = words(text);
        List<Term> terms = new ArrayList<>(sequence.size() * 2 + 4);
        Term previous = null;
        for (Word word : sequence) {
            Term unigram = word.term();
            terms.add(unigram);
            if (word.joined() && previous != null) {
                String key = previous.key() + ' ' + unigram.key();
                terms.add(new Term(key, previous.form() + ' ' + unigram.form(),
                        previous.accented() || unigram.accented(), lexicon.generic(key) ? GENERIC : 1.0));
            }
            previous = unigram;
        }
        lexicon.concepts(sequence, terms, covered);
        return terms;
    }

    /** The content words of a text in order; stop words and punctuation leave their mark on the next word. */
    List<Word> words(String text) {
        List<Word> sequence = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return sequence;
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        boolean vietnamese = vietnamese(normalized);
        boolean joined = false;
        boolean sameClause = false;
        int i = 0;
        int n = normalized.length();
        while (i < n) {
            int start = i;
            while (i < n && isWordChar(normalized, i)) {
                i += Character.charCount(normalized.codePointAt(i));
            }
            if (i == start) {
                char c = normalized.charAt(i);
                if (!Character.isWhitespace(c)) {
                    joined = false; // punctuation ends a phrase
                    sameClause = false;
                }
                i += Character.charCount(normalized.codePointAt(i));
                continue;
            }
            String typed = normalized.substring(start, i);
            Term word = vietnamese ? vietnameseWords.computeIfAbsent(typed, w -> word(w, true))
                    : words.computeIfAbsent(typed, w -> word(w, false));
            if (word == STOP) {
                joined = false; // a stop word
                continue;
            }
            sequence.add(new Word(word, joined, sameClause));
            joined = true;
            sameClause = true;
        }
        return sequence;
    }

    /** Stands for a word that is no term (a stop word, a lone letter), so that the cache remembers it too. */
    private static final Term STOP = new Term("", "", false, 0);

    /** True when the text carries Vietnamese letters: its plain words are then syllables too. */
    static boolean vietnamese(String text) {
        return Folding.looksVietnamese(text.toLowerCase(Locale.ROOT));
    }

    /**
     * The term of one word, or {@link #STOP} when it is a stop word or too short to mean anything.
     *
     * @param inVietnamese the word is part of a Vietnamese text: a word without diacritics is a syllable as well
     */
    private Term word(String typed, boolean inVietnamese) {
        Folding.Folded folded = Folding.of(trimHyphens(typed));
        String form = folded.form();
        String stripped = folded.key();
        boolean accented = folded.accented();
        boolean vietnamese = accented || inVietnamese && !Character.isDigit(form.codePointAt(0))
                && Character.UnicodeBlock.of(form.codePointAt(0)) == Character.UnicodeBlock.BASIC_LATIN;
        boolean tooShort = form.codePointCount(0, form.length()) < 2 && !Character.isDigit(form.codePointAt(0))
                && !vietnamese; // "ý" (as in "ý kiến") is a syllable, "a" is not
        if (tooShort || StopWords.contains(form, stripped)) {
            return STOP;
        }
        String key = vietnamese || stemmer == null ? stripped : Folding.strip(stemmer.stem(form));
        double factor = lexicon.generic(key) ? GENERIC : vietnamese ? SYLLABLE : 1.0;
        return new Term(key, form, accented, factor);
    }

    /** Letters, digits, combining marks, and a hyphen or apostrophe inside a word ("e-government"). */
    private static boolean isWordChar(String text, int i) {
        int c = text.codePointAt(i);
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) {
            return true;
        }
        return (c == '-' || c == '\'' || c == '’') && i > 0 && i + 1 < text.length()
                && Character.isLetterOrDigit(text.codePointBefore(i))
                && Character.isLetterOrDigit(text.codePointAt(i + 1));
    }

    private static String trimHyphens(String word) {
        int end = word.length();
        while (end > 0 && "-'’".indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        return word.substring(0, end);
    }
}
