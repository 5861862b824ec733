package org.b2g.core.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text normal forms used for matching, for the words of a text and for tags alike. Two forms per word: {@link #fold}
 * keeps the diacritics (so that "bàn" and "bán" stay different words when both are written in full) and
 * {@link #strip} drops them (so that text typed without diacritics, "giao thong", still finds "giao thông").
 * {@link #of} gives both, and {@link Forms} decides which written forms of one key match.
 */
final class Folding {

    private Folding() {
    }

    /**
     * A word or tag as matching reads it.
     *
     * @param key the folded text without diacritics: what indexes are keyed by
     * @param form the folded text as written, with its diacritics: what people are shown
     * @param accented true when the form carries Vietnamese diacritics: it then matches only the same form, or one
     *        typed without them
     */
    record Folded(String key, String form, boolean accented) {
    }

    /** The key, form and accent of a word or tag as typed (trim it first). */
    static Folded of(String typed) {
        String form = fold(typed);
        return new Folded(strip(form), form, looksVietnamese(form));
    }

    /** Case-folded NFC: the same word typed in any case and any Unicode composition gives the same string. */
    static String fold(String word) {
        String composed = Normalizer.normalize(word, Normalizer.Form.NFC);
        // Upper then lower case folds what lower case alone misses (e.g. final sigma, dotted/dotless forms).
        return composed.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /**
     * The folded word without diacritics: NFD minus combining marks, plus the letters whose stroke is not a
     * combining mark ("đ" is a letter of its own in Unicode, not "d" with a mark). Russian "ё" becomes "е", as
     * Russians type it, but "й" stays: it is a letter of its own, not "и" with a mark ("мой" is not "мои").
     */
    static String strip(String folded) {
        String decomposed = Normalizer.normalize(folded, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                if (c == '\u0306' && i > 0 && (decomposed.charAt(i - 1) == 'и' || decomposed.charAt(i - 1) == 'И')) {
                    out.append(c); // й
                }
                continue;
            }
            out.append(switch (c) {
                case 'đ' -> 'd';
                case 'Đ' -> 'D';
                case 'ø' -> 'o';
                case 'ł' -> 'l';
                case 'ħ' -> 'h';
                default -> c;
            });
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** True when the folded word carries a letter that only Vietnamese uses among our three languages. */
    static boolean looksVietnamese(String folded) {
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == 'đ' || c == 'ơ' || c == 'ư' || c == 'ă' || (c >= '\u1EA0' && c <= '\u1EF9')
                    || "àáảãạâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộùúủũụỳýỷỹỵ".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The written forms of one collection of words or tags, interned to ints: {@code >= 0} for a form with Vietnamese
     * diacritics, which matches only itself and plain forms, and {@code < 0} for a plain form, which matches every
     * form of its key. Texts and tags match by this one rule: "giao thong" finds "giao thông", "bàn" is not "bán".
     */
    static final class Forms {

        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> texts = new ArrayList<>();

        /** The id of a folded word or tag's form. */
        int id(Folded folded) {
            int id = ids.computeIfAbsent(folded.form(), text -> {
                texts.add(text);
                return texts.size() - 1;
            });
            return folded.accented() ? id : plain(id);
        }

        /** The form one text uses for a key it wrote twice: the same form, else as if typed plain (lenient). */
        static int merge(int a, int b) {
            return a == b ? a : a < 0 ? a : plain(a);
        }

        static boolean compatible(int formA, int formB) {
            return formA < 0 || formB < 0 || formA == formB;
        }

        /** A key matched between two texts as people read it: with the diacritics one of them wrote, else A's. */
        String display(int formA, int formB) {
            if (formA >= 0) {
                return texts.get(formA);
            }
            return formB >= 0 ? texts.get(formB) : texts.get(plain(formA));
        }

        private static int plain(int form) {
            return -form - 1;
        }
    }
}
