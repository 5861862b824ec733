package org.b2g.core.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;

class TokenizerTest {

    /** Words and bigrams only, as typed (no lexicon, no stemming). */
    private static List<Term> literal(String text) {
        return new Tokenizer(Lexicon.NONE, false).tokenize(text);
    }

    private static List<String> keys(String text) {
        return literal(text).stream().map(Term::key).toList();
    }

    private static List<String> forms(String text) {
        return literal(text).stream().map(Term::form).toList();
    }

    @Test
    void foldsCaseAndKeepsDiacriticsInTheForm() {
        assertEquals(List.of("giao", "thông", "giao thông"), forms("GIAO THÔNG"));
        assertEquals(List.of("giao", "thong", "giao thong"), keys("Giao Thông"));
    }

    @Test
    void composedAndDecomposedTextGiveTheSameTerms() {
        String text = "Chuyển đổi số";
        assertEquals(forms(Normalizer.normalize(text, Normalizer.Form.NFC)),
                forms(Normalizer.normalize(text, Normalizer.Form.NFD)));
    }

    @Test
    void stripsTheStrokeOfDWhichIsNoCombiningMark() {
        assertEquals("dat dai", keys("Đất đai").get(2));
        assertEquals("đất đai", forms("Đất đai").get(2));
    }

    @Test
    void dropsVietnameseStopWordsWithAndWithoutDiacritics() {
        assertEquals(List.of("hồ", "sơ", "hồ sơ", "dân"), forms("hồ sơ của dân"));
        assertFalse(keys("quản lý của các phường").contains("cua"));
        assertFalse(keys("quan ly cua cac phuong").contains("cua"));
        assertFalse(keys("quan ly cua cac phuong").contains("cac"));
    }

    @Test
    void dropsEnglishAndRussianStopWordsAfterCaseFolding() {
        assertEquals(List.of("flood", "sensors", "flood sensors"), forms("The flood sensors"));
        assertEquals(List.of("датчики", "паводков"), forms("ДАТЧИКИ для ПАВОДКОВ"));
    }

    @Test
    void stopWordsAndPunctuationEndAPhrase() {
        assertFalse(keys("camera, traffic").contains("camera traffic"));
        assertFalse(keys("hệ thống của giao thông").contains("thong giao"));
        assertTrue(keys("hệ thống giao thông").contains("thong giao"));
    }

    @Test
    void keepsHyphenatedWordsWhole() {
        assertEquals(List.of("e-government", "portal", "e-government portal"), forms("E-Government portal"));
    }

    @Test
    void aLoneVietnameseSyllableWeighsLessThanAWord() {
        assertEquals(1.0, literal("traffic camera").get(1).factor());
        List<Term> terms = literal("giao thông camera");
        assertEquals(Tokenizer.SYLLABLE,
                terms.stream().filter(t -> t.form().equals("thông")).findFirst().orElseThrow().factor());
        assertEquals(Tokenizer.SYLLABLE, terms.stream().filter(t -> t.form().equals("camera")).findFirst()
                .orElseThrow().factor(), "a plain word of a Vietnamese text may be a syllable too");
    }

    @Test
    void stemsEnglishAndRussianButNotVietnamese() {
        Tokenizer tokenizer = new Tokenizer(Lexicon.NONE, true);
        assertEquals(List.of("flood", "sensor", "flood sensor", "затоплен", "sensor затоплен", "датчик",
                "затоплен датчик"), keys(tokenizer.tokenize("flooding sensors затопления датчиков")));
        assertEquals(List.of("ngap", "lut", "ngap lut", "sensors", "lut sensors"),
                keys(tokenizer.tokenize("ngập lụt sensors")), "words of a Vietnamese text are syllables");
    }

    @Test
    void namesTheConceptsOfTheLexiconInAnyOfTheThreeLanguages() {
        assertTrue(keys(Tokenizer.terms("Early-warning flood sensors")).containsAll(List.of("@flood", "@sensor")));
        assertTrue(keys(Tokenizer.terms("Cảnh báo sớm ngập lụt")).containsAll(List.of("@flood", "@early-warning")));
        assertTrue(keys(Tokenizer.terms("Canh bao som ngap lut")).containsAll(List.of("@flood", "@early-warning")));
        assertTrue(keys(Tokenizer.terms("Оповещение о подтоплениях")).containsAll(List.of("@flood",
                "@early-warning")));
    }

    @Test
    void aConceptNeedsItsPhraseWithinOneClauseAndWithItsDiacritics() {
        assertTrue(keys(Tokenizer.terms("đèn đường hư")).contains("@street-lighting"));
        assertTrue(keys(Tokenizer.terms("đèn của đường")).contains("@street-lighting"), "stop words do not break");
        assertFalse(keys(Tokenizer.terms("đèn. Đường")).contains("@street-lighting"), "punctuation does");
        assertFalse(keys(Tokenizer.terms("bàn đồ")).contains("@map"), "'bàn đồ' is not 'bản đồ'");
        assertTrue(keys(Tokenizer.terms("chu ky so")).contains("@digital-signature"), "typed without diacritics");
    }

    @Test
    void genericWordsWeighLess() {
        Term system = Tokenizer.terms("hệ thống").stream().filter(t -> t.key().equals("he thong")).findFirst()
                .orElseThrow();
        assertEquals(Tokenizer.GENERIC, system.factor());
    }

    private static List<String> keys(List<Term> terms) {
        return terms.stream().map(Term::key).toList();
    }
}
