package org.b2g.core.sheets;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How spreadsheet text is compared: cells are trimmed and put in Unicode NFC (Vietnamese typed on a Mac arrives in
 * NFD); headers, roles and sheet names are compared folded (no case, no diacritics, {@code đ} as {@code d}).
 */
final class Text {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_KEY = Pattern.compile("[\\s_\\-.]+");
    /** Letters of any script stay (a Russian name gives a Russian id), so only names of symbols fall back. */
    private static final Pattern NOT_SLUG = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[;,]");

    private Text() {
    }

    /** Characters that show nothing and are dropped: zero-width space, word joiner, byte-order mark. */
    private static final String INVISIBLE = "\u200B\u2060\uFEFF";

    /**
     * A cell's text as compared and stored: NFC, every kind of space (non-breaking, narrow non-breaking as in
     * {@code 9:00 AM} written by newer macOS and Java, figure, ideographic) as a plain space, no zero-width space or
     * byte-order mark, no surrounding spaces.
     */
    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String text = raw;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && (Character.getType(c) == Character.SPACE_SEPARATOR || INVISIBLE.indexOf(c) >= 0)) {
                text = plainSpaces(text);
                break;
            }
        }
        text = text.strip();
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static String plainSpaces(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.SPACE_SEPARATOR) {
                plain.append(' ');
            } else if (INVISIBLE.indexOf(c) < 0) {
                plain.append(c);
            }
        }
        return plain.toString();
    }

    /** Lower case, without diacritics, spaces collapsed: "Cơ quan  Nhà nước" is "co quan nha nuoc". */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(clean(text), Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    /** A header as matched: folded, without spaces, underscores, hyphens or dots ("Min meetings" = "minMeetings"). */
    static String key(String header) {
        return NOT_KEY.matcher(fold(header)).replaceAll("");
    }

    /**
     * An id made from a name: lower case, no diacritics, words joined by hyphens ("Sở Y tế" is "so-y-te",
     * "Иван Петров" is "иван-петров").
     */
    static String slug(String name) {
        String slug = NOT_SLUG.matcher(fold(name)).replaceAll("-");
        int start = 0;
        int end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(start, end);
    }

    /** The items of a list cell, separated by {@code ;} or {@code ,}, trimmed, empty items dropped. */
    static List<String> items(String cell) {
        List<String> items = new ArrayList<>();
        for (String part : LIST_SEPARATOR.split(cell)) {
            String item = clean(part);
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return items;
    }

    /** A value quoted for a one-line message, shortened when long. */
    static String quoted(String value) {
        String shown = value.replace("\r", " ").replace("\n", " ");
        return "\"" + (shown.length() <= 60 ? shown : shown.substring(0, 57) + "...") + "\"";
    }
}
