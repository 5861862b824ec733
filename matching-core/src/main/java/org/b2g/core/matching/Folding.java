package org.b2g.core.matching;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text normal forms used for matching. Two forms per word: {@link #fold} keeps the diacritics (so that "bàn" and
 * "bán" stay different words when both are written in full) and {@link #strip} drops them (so that text typed
 * without diacritics, "giao thong", still finds "giao thông").
 */
final class Folding {

    private Folding() {
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
}
