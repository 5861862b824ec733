package org.b2g.core.matching;

/**
 * A unit of matching: one word, or two adjacent words ("giao thông", "traffic camera").
 *
 * @param key the folded text without diacritics: what the index is keyed by
 * @param form the folded text with its diacritics: what reasons show, and what tells "bàn" from "bán"
 * @param factor how much the term weighs before IDF: a lone Vietnamese syllable says less than a word
 */
record Term(String key, String form, double factor) {

    /** True when the text was typed without diacritics, so it may stand for any accented form of its key. */
    boolean plain() {
        return key.equals(form);
    }
}
