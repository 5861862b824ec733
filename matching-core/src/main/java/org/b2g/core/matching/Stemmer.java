package org.b2g.core.matching;

import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Reduces English and Russian words to their stem (Snowball, as shipped in Lucene's analyzers), so that
 * "sensor" meets "sensors" and "освещение" meets "освещения". Vietnamese does not inflect and is left alone.
 * One instance per thread: the Snowball programs keep state.
 */
final class Stemmer {

    private final SnowballStemmer english = new EnglishStemmer();
    private final SnowballStemmer russian = new RussianStemmer();

    /** @param folded a case-folded word; returned as is when it is neither English nor Russian */
    String stem(String folded) {
        SnowballStemmer stemmer = cyrillic(folded) ? russian : latin(folded) ? english : null;
        if (stemmer == null || folded.length() < 4) {
            return folded;
        }
        stemmer.setCurrent(folded);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private static boolean cyrillic(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.UnicodeBlock.of(word.charAt(i)) != Character.UnicodeBlock.CYRILLIC
                    && Character.isLetter(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Plain ASCII letters (and hyphens, digits): English, or Vietnamese typed without diacritics. */
    private static boolean latin(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c) && (c < 'a' || c > 'z')) {
                return false;
            }
        }
        return true;
    }
}
