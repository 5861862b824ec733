package org.b2g.core.domain;

import java.util.List;
import java.util.Map;

/**
 * Why two participants should meet, as a code plus its values, so that a page can say it in its reader's
 * language; {@link #text()} is the default English sentence that tools and logs show.
 */
public sealed interface Reason {

    /** The stable code of this kind of reason, e.g. {@code shared-tags}. */
    String code();

    /** The reason as one English sentence without a final period. */
    String text();

    /** Both sides carry these tags (case-folded; with diacritics where either side wrote them, the need first). */
    record SharedTags(List<String> tags) implements Reason {
        public SharedTags {
            tags = List.copyOf(tags);
        }

        @Override
        public String code() {
            return "shared-tags";
        }

        @Override
        public String text() {
            return "both tagged " + String.join(", ", tags);
        }
    }

    /** An offering whose text answers a need's text, on the phrases listed (strongest first). */
    record TextMatch(String offering, String need, List<Phrase> phrases) implements Reason {
        public TextMatch {
            phrases = List.copyOf(phrases);
        }

        @Override
        public String code() {
            return "text-match";
        }

        @Override
        public String text() {
            return "offering '" + offering + "' answers need '" + need + "' ("
                    + String.join(", ", phrases.stream().map(Phrase::text).toList()) + ")";
        }
    }

    /**
     * A phrase cited as evidence: either words both texts share, as written ({@code labels} empty), or a concept
     * of the matching lexicon that both texts name, perhaps in different languages, with its label per language
     * ({@code en}, {@code vi}, {@code ru}).
     *
     * @param text what the default sentence shows: the words as written, or the English label
     * @param concept the lexicon concept's id, or null for shared words
     */
    record Phrase(String text, String concept, Map<String, String> labels) {
        public Phrase {
            labels = Map.copyOf(labels);
        }

        public static Phrase words(String text) {
            return new Phrase(text, null, Map.of());
        }
    }

    /** Both sides asked to meet each other, with the priority each gave. */
    record MutualRequest(String first, String firstName, Priority firstPriority, String second, String secondName,
            Priority secondPriority) implements Reason {
        @Override
        public String code() {
            return "mutual-request";
        }

        @Override
        public String text() {
            return "both asked to meet (" + firstName + ": " + firstPriority.code() + ", " + secondName + ": "
                    + secondPriority.code() + ")";
        }
    }

    /** One side asked to meet the other. */
    record OneSidedRequest(String from, String fromName, Priority priority) implements Reason {
        @Override
        public String code() {
            return "request";
        }

        @Override
        public String text() {
            return "requested by " + fromName + " (" + priority.code() + ")";
        }
    }

    /**
     * A backup recommendation: {@code needy}'s own candidates are booked up (or it has none), and
     * {@code counterpart} has room.
     */
    record Backup(String needy, String needyName, String counterpart, String counterpartName,
            boolean hadCandidates) implements Reason {
        @Override
        public String code() {
            return "backup";
        }

        @Override
        public String text() {
            return "backup for " + needyName + (hadCandidates ? ", whose other candidates are booked up: "
                    : ", who has no other candidate: ") + counterpartName + " has free capacity";
        }
    }

    /** A reason known only as text (e.g. from a tool that wrote sentences): shown as it is in every language. */
    record Note(String text) implements Reason {
        @Override
        public String code() {
            return "note";
        }
    }
}
