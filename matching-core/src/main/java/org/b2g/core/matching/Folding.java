package org.b2g.core.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Text normal forms used for matching, for the words of a text and for tags alike. Two forms per word: {@link #fold}
 * keeps the diacritics (so that "bàn" and "bán" stay different words when both are written in full) and
 * {@link #strip} drops them (so that text typed without diacritics, "giao thong", still finds "giao thông").
 * {@link #of} gives both, and {@link Forms} decides which written forms of one key match. A tag is read as a word
 * is, and its word separators are folded too ({@link #tag}).
 */
final class Folding {

    /** What separates the words of a tag: a dash of any kind, a space of any kind, an underscore. */
    private static final String SEPARATOR = "\\p{Pd}\\p{Z}\\s_";
    private static final Pattern SEPARATORS = Pattern.compile("[" + SEPARATOR + "]+");
    private static final Pattern EDGES = Pattern.compile("^[" + SEPARATOR + "]+|[" + SEPARATOR + "]+$");
    private static final Pattern DASH = Pattern.compile("\\p{Pd}");
    private static final Pattern SPACES = Pattern.compile("[\\p{Z}\\s_]+");

    private Folding() {
    }

    /**
     * A word or tag as matching reads it.
     *
     * @param key the folded text without diacritics: what indexes are keyed by
     * @param form the folded text as written, with its diacritics: what tells "bàn" from "bán"
     * @param accented true when the form carries Vietnamese diacritics: it then matches only the same form, or one
     *        typed without them
     * @param shown what people are shown: the form, or for a tag the form with the separators it was written with
     */
    record Folded(String key, String form, boolean accented, String shown) {

        Folded(String key, String form, boolean accented) {
            this(key, form, accented, form);
        }
    }

    /** The key, form and accent of a word as typed (trim it first). */
    static Folded of(String typed) {
        String form = fold(typed);
        return new Folded(strip(form), form, looksVietnamese(form));
    }

    /**
     * A tag as matching reads it: as {@link #of}, and every run of word separators (dashes of any kind, underscores,
     * spaces of any kind) is one space, so that "Smart-Traffic", "smart_traffic" and "smart  traffic" are one tag,
     * as are "giao-thông" and "giao thông". Tags are typed by hand in spreadsheets, where these vary by habit and
     * not by meaning. A separator still separates: "e-government" is not "egovernment", nor "government".
     *
     * <p>"/" and "." are kept: "AI/ML" names two things, so reading it as the phrase "ai ml" would not make it meet
     * "AI" (two tags would, and that is the organizer's call); and a dot is part of the name in ".NET", "Node.js"
     * and "Industry 4.0", where folding it would make ".NET" the word "net" and "4.0" the same as "4 0".
     *
     * <p>What people are shown keeps a dash where one was written ("smart-traffic"), and spaces and underscores
     * as one space.
     */
    static Folded tag(String typed) {
        String folded = EDGES.matcher(fold(typed)).replaceAll("");
        String form = SEPARATORS.matcher(folded).replaceAll(" ");
        String shown = SPACES.matcher(DASH.matcher(folded).replaceAll("-")).replaceAll(" ");
        return new Folded(strip(form), form, looksVietnamese(form), shown);
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

        /** The id of a folded word or tag's form; the form is shown as it was first written. */
        int id(Folded folded) {
            int id = ids.computeIfAbsent(folded.form(), text -> {
                texts.add(folded.shown());
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
