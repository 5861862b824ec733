package org.b2g.core.matching;

/**
 * A unit of matching: one word, two adjacent words ("giao thông", "traffic camera"), or a concept of the
 * {@link Lexicon} that the text names ({@code @flood}).
 *
 * @param key what the index is keyed by: the folded text without diacritics, English and Russian words stemmed
 *        ("flooding" → "flood"), or {@code @} and a concept id
 * @param form the folded text as written, with its diacritics: what reasons show, and what tells "bàn" from "bán"
 * @param accented true when the form carries Vietnamese diacritics: it then matches only the same form, or one
 *        typed without diacritics
 * @param factor how much the term weighs before IDF: a lone Vietnamese syllable or a generic word says less
 */
record Term(String key, String form, boolean accented, double factor) {

    /** True when the text was typed without diacritics, so it may stand for any accented form of its key. */
    boolean plain() {
        return !accented;
    }

    boolean concept() {
        return key.startsWith("@");
    }
}
