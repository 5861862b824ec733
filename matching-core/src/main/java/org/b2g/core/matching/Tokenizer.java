package org.b2g.core.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits free text (Vietnamese, English, Russian, mixed) into {@link Term terms}: content words and the bigrams of
 * adjacent content words. Vietnamese writes a word as several syllables separated by spaces ("giao thông" is
 * traffic, "thông tin" is information), so the bigram is what carries the meaning and a lone Vietnamese syllable
 * counts for less. Stop words and punctuation end a phrase: no bigram spans them.
 */
final class Tokenizer {

    /** Weight of a lone syllable of a Vietnamese word relative to a bigram or an English/Russian word. */
    static final double SYLLABLE = 0.4;

    /** A word as typed, folded once: events repeat a few thousand words many times. */
    private final Map<String, Term> words = new HashMap<>();

    /** The terms of one text, with a throw-away cache; use an instance to tokenise many texts. */
    static List<Term> terms(String text) {
        return new Tokenizer().tokenize(text);
    }

    List<Term> tokenize(String text) {
        List<Term> terms = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return terms;
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        Term previous = null;
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
                    previous = null; // punctuation ends a phrase
                }
                i += Character.charCount(normalized.codePointAt(i));
                continue;
            }
            Term unigram = words.computeIfAbsent(normalized.substring(start, i), Tokenizer::word);
            if (unigram == STOP) {
                previous = null; // a stop word
                continue;
            }
            terms.add(unigram);
            if (previous != null) {
                terms.add(new Term(previous.key() + ' ' + unigram.key(), previous.form() + ' ' + unigram.form(), 1.0));
            }
            previous = unigram;
        }
        return terms;
    }

    /** Stands for a word that is no term (a stop word, a lone letter), so that the cache remembers it too. */
    private static final Term STOP = new Term("", "", 0);

    /** The term of one word, or {@link #STOP} when it is a stop word or too short to mean anything. */
    private static Term word(String typed) {
        String form = Folding.fold(trimHyphens(typed));
        String key = Folding.strip(form);
        boolean vietnamese = Folding.looksVietnamese(form);
        boolean tooShort = form.codePointCount(0, form.length()) < 2 && !Character.isDigit(form.codePointAt(0))
                && !vietnamese; // "ý" (as in "ý kiến") is a syllable, "a" is not
        if (tooShort || StopWords.contains(form, key)) {
            return STOP;
        }
        return new Term(key, form, vietnamese ? SYLLABLE : 1.0);
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
