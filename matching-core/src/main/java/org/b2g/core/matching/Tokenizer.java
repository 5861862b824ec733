package org.b2g.core.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits free text (Vietnamese, English, Russian, mixed) into {@link Term terms}: content words and the bigrams of
 * adjacent content words. Vietnamese writes a word as several syllables separated by spaces ("giao thông" is
 * traffic, "thông tin" is information), so the bigram is what carries the meaning and a lone Vietnamese syllable
 * counts for less. Stop words and punctuation end a phrase: no bigram spans them.
 */
final class Tokenizer {

    /** Weight of a lone syllable of a Vietnamese word relative to a bigram or an English/Russian word. */
    static final double SYLLABLE = 0.4;

    private Tokenizer() {
    }

    static List<Term> terms(String text) {
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
            String word = trimHyphens(normalized.substring(start, i));
            String form = Folding.fold(word);
            String key = Folding.strip(form);
            if (form.codePointCount(0, form.length()) < 2 && !Character.isDigit(form.codePointAt(0))
                    || StopWords.contains(form, key)) {
                previous = null;
                continue;
            }
            Term unigram = new Term(key, form, Folding.looksVietnamese(form) ? SYLLABLE : 1.0);
            terms.add(unigram);
            if (previous != null) {
                terms.add(new Term(previous.key() + ' ' + key, previous.form() + ' ' + form, 1.0));
            }
            previous = unigram;
        }
        return terms;
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
