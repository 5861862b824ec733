package org.b2g.core.io;

import java.text.Normalizer;
import java.util.Map;
import java.util.TreeMap;

/**
 * What to say after "unknown participant": the known id that an unknown one was most likely meant to be. Ids are
 * matched exactly (they are written back unchanged), so an id whose accents are composed differently (a tool that
 * writes Vietnamese in decomposed form), in another case or with spaces around it is unknown, and the message would
 * otherwise show two ids that look the same.
 */
final class IdLookalikes {

    private IdLookalikes() {
    }

    /**
     * @param known the known ids, each with the path where it is defined ({@code participants[3]})
     * @return {@code ""} when no known id looks like {@code id}, else a hint starting with {@code "; "}
     */
    static String hint(String id, Map<String, String> known) {
        String composed = Normalizer.normalize(id, Normalizer.Form.NFC);
        Map<String, String> sorted = new TreeMap<>(known);
        for (Map.Entry<String, String> entry : sorted.entrySet()) {
            String other = entry.getKey();
            if (Normalizer.normalize(other, Normalizer.Form.NFC).equals(composed)) {
                return "; " + entry.getValue() + ".id is \"" + other + "\", the same letters with their accents encoded"
                        + " differently (Unicode " + form(id) + " and " + form(other) + "); write both the same way";
            }
        }
        for (Map.Entry<String, String> entry : sorted.entrySet()) {
            String other = entry.getKey();
            if (Normalizer.normalize(other, Normalizer.Form.NFC).strip().equalsIgnoreCase(composed.strip())) {
                return "; did you mean \"" + other + "\" (" + entry.getValue() + ".id)? Ids are matched exactly, case"
                        + " and spaces included";
            }
        }
        return "";
    }

    private static String form(String text) {
        if (Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            return "NFC";
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFD) ? "NFD" : "mixed";
    }
}
