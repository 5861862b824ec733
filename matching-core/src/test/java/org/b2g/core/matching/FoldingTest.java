package org.b2g.core.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class FoldingTest {

    @Test
    void keysDropVietnameseDiacriticsAndTheStrokeOfD() {
        assertEquals("giao thong", Folding.of("Giao Thông").key());
        assertEquals("do thi", Folding.of("ĐÔ THỊ").key());
        assertEquals("đô thị", Folding.of("ĐÔ THỊ").form());
        assertEquals("D", Folding.strip("Đ"));
    }

    @Test
    void decomposedTextFoldsLikeComposedText() {
        String nfd = Normalizer.normalize("Nông nghiệp", Normalizer.Form.NFD);
        assertEquals(Folding.of("nông nghiệp"), Folding.of(nfd));
    }

    @Test
    void russianYoFoldsToYeButShortIStaysALetter() {
        assertEquals("учет", Folding.of("Учёт").key());
        assertEquals("район", Folding.of("РАЙОН").key());
        assertEquals("район", Folding.strip(Normalizer.normalize("район", Normalizer.Form.NFD)));
    }

    @Test
    void onlyVietnameseDiacriticsMakeAFormAccented() {
        assertTrue(Folding.of("giao thông").accented());
        assertFalse(Folding.of("giao thong").accented());
        assertFalse(Folding.of("учёт").accented());
    }

    @Test
    void anAccentedFormMatchesItselfAndPlainFormsOnly() {
        Folding.Forms forms = new Folding.Forms();
        int ban = forms.id(Folding.of("bàn"));
        int sell = forms.id(Folding.of("bán"));
        int plain = forms.id(Folding.of("ban"));
        assertTrue(Folding.Forms.compatible(ban, forms.id(Folding.of("BÀN"))));
        assertTrue(Folding.Forms.compatible(ban, plain));
        assertFalse(Folding.Forms.compatible(ban, sell));
        assertEquals("bàn", forms.display(plain, ban));
    }

    @Test
    void tagsThatDifferOnlyInSeparatorsShareAKeyAndAForm() {
        Folding.Folded smartTraffic = Folding.tag("smart-traffic");
        assertEquals("smart traffic", smartTraffic.key());
        for (String typed : new String[] {"Smart Traffic", "smart_traffic", "smart  traffic", "SMART\u2013TRAFFIC",
                "smart\u00A0traffic", " -smart - traffic_ ", "smart\ttraffic"}) {
            assertEquals(smartTraffic.key(), Folding.tag(typed).key(), typed);
            assertEquals(smartTraffic.form(), Folding.tag(typed).form(), typed);
        }
        assertEquals("giao thong", Folding.tag("Giao-Thông").key());
        assertEquals("giao thông", Folding.tag("Giao-Thông").form());
        assertEquals("умный город", Folding.tag("Умный_город").key());
    }

    @Test
    void aSeparatorStillSeparatesTheWordsOfATag() {
        assertEquals("e government", Folding.tag("e-government").key());
        assertNotEquals(Folding.tag("government").key(), Folding.tag("e-government").key());
        assertNotEquals(Folding.tag("egovernment").key(), Folding.tag("e-government").key());
    }

    @Test
    void slashesAndDotsAreNotSeparators() {
        assertEquals("ai/ml", Folding.tag("AI/ML").key());
        assertEquals(".net", Folding.tag(".NET").key());
        assertEquals("industry 4.0", Folding.tag("Industry-4.0").key());
    }

    @Test
    void wordsKeepTheirSeparatorsOnlyTagsFoldThem() {
        assertEquals("smart-traffic", Folding.of("smart-traffic").key());
    }

    @Test
    void aTagIsShownWithTheDashesItWasWrittenWith() {
        assertEquals("smart-traffic", Folding.tag("Smart\u2014Traffic").shown());
        assertEquals("smart traffic", Folding.tag("smart__traffic").shown());
        assertEquals("giao thông", Folding.tag(" Giao  Thông ").shown());
        assertEquals("nông-nghiệp", Folding.tag("nông-nghiệp").shown());
    }

    @Test
    void accentedTagsThatDifferOnlyInSeparatorsAreOneForm() {
        Folding.Forms forms = new Folding.Forms();
        int dashed = forms.id(Folding.tag("giao-thông"));
        assertEquals(dashed, forms.id(Folding.tag("Giao Thông")));
        assertFalse(Folding.Forms.compatible(dashed, forms.id(Folding.tag("giao thống"))));
        assertEquals("giao-thông", forms.display(forms.id(Folding.tag("giao_thong")), dashed));
    }
}
