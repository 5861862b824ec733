package org.b2g.core.matching;

import java.util.HashSet;
import java.util.Set;

/**
 * Function words of Vietnamese, English and Russian: frequent in every description and telling nothing about a
 * match. Vietnamese ones are also recognised when typed without diacritics ("cua" for "của"). English words that
 * are also Vietnamese syllables are left out: "an" begins "an toàn" (safety), "an ninh" (security), "an sinh"
 * (welfare), "so" is "số" typed plain.
 */
final class StopWords {

    private static final String VIETNAMESE = """
            và của cho các những là có được trong với để một này đó khi thì mà cũng như từ theo tại về đến
            trên dưới nhiều rất đã đang sẽ bị do vì nên nếu hay hoặc việc nhằm qua ra vào lại không chưa hơn
            phải cần còn đều sự nhưng vẫn chỉ mỗi cùng bằng giúp nhất hiện đây ấy nào gì ai
            """;
    private static final String ENGLISH = """
            a the and or of to in on for with by from at as is are was were be been being this that these those
            it its we our us you your they their them will would can could should may might must into over under
            about more most all any each per via than not no such which who whom what when where why how also
            up out has have had do does did new using use based help helps our very other own same both between
            within across through while after before during without
            """;
    private static final String RUSSIAN = """
            и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее её мне было
            вот от меня еще ещё нет о об из ему для при это этот эта эти или мы они их быть был была были есть
            также до после под над между через без который которая которое которые чтобы где когда ли уже
            """;

    private static final Set<String> WORDS = new HashSet<>();
    private static final Set<String> VIETNAMESE_STRIPPED = new HashSet<>();

    static {
        for (String list : new String[] {VIETNAMESE, ENGLISH, RUSSIAN}) {
            for (String word : list.trim().split("\\s+")) {
                WORDS.add(Folding.fold(word));
            }
        }
        for (String word : VIETNAMESE.trim().split("\\s+")) {
            VIETNAMESE_STRIPPED.add(Folding.strip(Folding.fold(word)));
        }
    }

    private StopWords() {
    }

    /** @param form a folded word; {@code key} the same word stripped of diacritics */
    static boolean contains(String form, String key) {
        return WORDS.contains(form) || (form.equals(key) && VIETNAMESE_STRIPPED.contains(key));
    }
}
