package org.b2g.core.matching;

import static org.b2g.core.matching.EventBuilder.need;
import static org.b2g.core.matching.EventBuilder.offering;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.b2g.core.domain.Event;
import org.junit.jupiter.api.Test;

class RelevanceTest {

    private static double score(Event event, String a, String b) {
        return Relevance.of(event).score(event.participant(a), event.participant(b));
    }

    private static Match explain(Event event, String a, String b) {
        return Relevance.of(event).explain(event.participant(a), event.participant(b));
    }

    /** A startup, the agency under test, and unrelated filler so that IDF has something to compare with. */
    private static EventBuilder withFiller() {
        return EventBuilder.slots(4)
                .startup("s-filler", offering("Tourism booking app", "Tour guides and hotels for visitors", "tourism"))
                .agency("a-filler", need("School enrolment", "Online school admission for pupils", 1, "education"));
    }

    @Test
    void sharedTagsMatchAfterCaseFolding() {
        Event event = withFiller()
                .startup("s-1", offering("Alpha", "", "Flooding", "iot"))
                .agency("a-1", need("Beta", "", 1, "flooding", "gis"))
                .build();
        double score = score(event, "s-1", "a-1");
        assertEquals(0.5, score, 1e-6); // Dice: 2 x 1 shared / (2 + 2), no text in common
        assertEquals(List.of("both tagged flooding"), explain(event, "a-1", "s-1").reasons());
    }

    /** One startup and one agency per pair of tags, titles unrelated ("o1", "n1"): only the tags can make them meet. */
    private static Event tagPairs(String[][] pairs) {
        EventBuilder builder = withFiller();
        for (int i = 0; i < pairs.length; i++) {
            builder.startup("s-" + i, offering("Offering o" + i, "", pairs[i][0]))
                    .agency("a-" + i, need("Need n" + i, "", 1, pairs[i][1]));
        }
        return builder.build();
    }

    @Test
    void tagsMatchWithAndWithoutDiacritics() {
        String[][] pairs = {{"giao thông", "Giao Thong"}, {"nông nghiệp", "nong nghiep"}, {"Đô thị", "do thi"},
                {"lâm-nghiệp", "LAM-NGHIEP"}, {"Y TẾ", "y tế"}};
        assertEachPairMatchesFully(pairs);
    }

    /** Each pair of tags, the first on startup s-i's offering and the second on agency a-i's need, matches fully. */
    private static void assertEachPairMatchesFully(String[][] pairs) {
        Event event = tagPairs(pairs);
        for (int i = 0; i < pairs.length; i++) {
            assertEquals(1.0, score(event, "s-" + i, "a-" + i), 1e-6, pairs[i][0] + " / " + pairs[i][1]);
        }
    }

    @Test
    void aSharedTagIsShownWithTheDiacriticsEitherSideWrote() {
        Event event = tagPairs(new String[][] {{"giao thông", "Giao Thong"}, {"do thi", "Đô Thị"}});
        assertEquals(List.of("both tagged giao thông"), explain(event, "s-0", "a-0").reasons());
        assertEquals(List.of("both tagged đô thị"), explain(event, "s-1", "a-1").reasons());
    }

    @Test
    void differentlyAccentedTagsDoNotMatch() {
        Event event = withFiller()
                .startup("s-1", offering("Offering", "", "bàn"))
                .agency("a-1", need("Need one", "", 1, "bán"))
                .agency("a-2", need("Need two", "", 1, "ban"))
                .build();
        assertEquals(0.0, score(event, "s-1", "a-1"));
        assertTrue(score(event, "s-1", "a-2") > 0);
    }

    @Test
    void russianTagsMatchWithYoOrYeAndKeepShortI() {
        Event event = tagPairs(new String[][] {{"Учёт", "учет"}, {"ДОРОГИ", "дороги"}, {"мой район", "мои раион"}});
        assertEquals(1.0, score(event, "s-0", "a-0"), 1e-6);
        assertEquals(1.0, score(event, "s-1", "a-1"), 1e-6);
        assertEquals(0.0, score(event, "s-2", "a-2"), "й is a letter of its own, not и with a mark");
    }

    @Test
    void englishTagsMatchInAnyCaseAndAccentedLoanWordsWithout() {
        Event event = tagPairs(new String[][] {{"Smart-Traffic", "smart-traffic"}, {"café", "Cafe"}});
        assertEquals(1.0, score(event, "s-0", "a-0"), 1e-6);
        assertEquals(1.0, score(event, "s-1", "a-1"), 1e-6);
    }

    @Test
    void tagsThatDifferOnlyInSeparatorsMatch() {
        // One tag per pair: a tag that two pairs carry would count less than fully.
        String[][] pairs = {{"smart-traffic", "Smart Traffic"}, {"smart_city", "smart  city"},
                {"giao-thông", "giao thông"}, {"Đô_Thị", "do\u2013thi"}, {"умный-город", "Умный город"}};
        assertEachPairMatchesFully(pairs);
    }

    @Test
    void tagsThatDifferInMoreThanSeparatorsDoNotMatch() {
        String[][] pairs = {{"e-government", "government"}, {"e-government", "egovernment"}, {"AI/ML", "ai ml"},
                {"smart-traffic", "smart-city"}, {"bàn-ghế", "bán ghế"}, {"умный-город", "умный-дом"}};
        Event event = tagPairs(pairs);
        for (int i = 0; i < pairs.length; i++) {
            assertEquals(0.0, score(event, "s-" + i, "a-" + i), pairs[i][0] + " / " + pairs[i][1]);
        }
    }

    @Test
    void aTagOfSeparatorsOnlyIsNoTag() {
        Event event = tagPairs(new String[][] {{"-", "-"}, {"_", "\u2013"}});
        assertEquals(0.0, score(event, "s-0", "a-0"));
        assertEquals(0.0, score(event, "s-1", "a-1"));
    }

    @Test
    void aSharedTagIsShownAsFirstWrittenWithItsDashes() {
        Event event = tagPairs(new String[][] {{"Smart-Traffic", "smart traffic"}, {"giao_thông", "Giao-Thong"}});
        assertEquals(List.of("both tagged smart-traffic"), explain(event, "s-0", "a-0").reasons());
        assertEquals(List.of("both tagged giao thông"), explain(event, "s-1", "a-1").reasons());
    }

    @Test
    void aTagWrittenTwiceInTwoFormsCountsOnce() {
        Event event = withFiller()
                .startup("s-1", offering("Offering", "", "giao thông", "Giao Thong", "iot"))
                .agency("a-1", need("Need", "", 1, "giao thong", "gis"))
                .build();
        assertEquals(0.5, score(event, "s-1", "a-1"), 1e-6); // Dice: 2 x 1 shared / (2 + 2)
    }

    @Test
    void tagsAndTextFoldAlike() {
        String[][] pairs = {{"giao thông", "Giao Thong"}, {"nông nghiệp", "nong nghiep"}, {"bàn", "bán"},
                {"bàn", "ban"}, {"учёт", "Учет"}, {"район", "раион"}, {"Đường", "duong"}, {"café", "cafe"}};
        Event byTag = tagPairs(pairs);
        EventBuilder builder = withFiller();
        for (int i = 0; i < pairs.length; i++) {
            builder.startup("s-" + i, offering(pairs[i][0], "")).agency("a-" + i, need(pairs[i][1], "", 1));
        }
        Event byText = builder.build();
        for (int i = 0; i < pairs.length; i++) {
            assertEquals(score(byText, "s-" + i, "a-" + i) > 0, score(byTag, "s-" + i, "a-" + i) > 0,
                    pairs[i][0] + " / " + pairs[i][1]);
        }
    }

    @Test
    void unrelatedPairsScoreZero() {
        Event event = withFiller()
                .startup("s-1", offering("Flood sensors", "Water level sensors", "iot"))
                .build();
        assertEquals(0.0, score(event, "s-1", "a-filler"));
        assertTrue(explain(event, "s-1", "a-filler").reasons().isEmpty());
    }

    @Test
    void textMatchesAcrossLanguagesOnSharedTerms() {
        Event event = withFiller()
                .startup("s-1", offering("Traffic camera analytics",
                        "Phân tích camera giao thông bằng AI để phát hiện ùn tắc"))
                .agency("a-1", need("Giảm ùn tắc giao thông", "Cần hệ thống camera theo dõi giao thông", 1))
                .build();
        Match match = explain(event, "s-1", "a-1");
        assertTrue(match.score() > 0.3, "score " + match.score());
        assertEquals(1, match.reasons().size());
        String reason = match.reasons().get(0);
        assertEquals("offering 'Traffic camera analytics' answers need 'Giảm ùn tắc giao thông'"
                + " (traffic, video surveillance, congestion)", reason);
    }

    @Test
    void vietnameseTypedWithoutDiacriticsMatchesTheAccentedForm() {
        Event event = withFiller()
                .startup("s-1", offering("He thong canh bao ngap", "Cam bien muc nuoc va canh bao ngap"))
                .agency("a-1", need("Cảnh báo ngập", "Hệ thống cảnh báo ngập lụt đô thị", 1))
                .build();
        Match match = explain(event, "s-1", "a-1");
        assertTrue(match.score() > 0.3, "score " + match.score());
        assertTrue(match.reasons().get(0).contains("cảnh báo ngập") || match.reasons().get(0).contains("cảnh báo"),
                "the accented form is shown: " + match.reasons());
    }

    @Test
    void differentlyAccentedSyllablesDoNotMatch() {
        Event event = withFiller()
                .startup("s-1", offering("bàn", ""))
                .agency("a-1", need("bán", "", 1))
                .agency("a-2", need("ban", "", 1))
                .build();
        assertEquals(0.0, score(event, "s-1", "a-1"));
        assertTrue(score(event, "s-1", "a-2") > 0);
    }

    @Test
    void russianTextMatchesInAnyCase() {
        Event event = withFiller()
                .startup("s-1", offering("ДАТЧИКИ ПАВОДКОВ", "Мониторинг уровня воды"))
                .agency("a-1", need("Мониторинг паводков", "Нужны датчики уровня воды для города", 1))
                .build();
        assertTrue(score(event, "s-1", "a-1") > 0.3);
        assertTrue(explain(event, "s-1", "a-1").reasons().get(0).contains("уровня воды"));
    }

    @Test
    void stopWordsAloneMakeNoMatch() {
        Event event = withFiller()
                .startup("s-1", offering("The and of", "của các và для и"))
                .agency("a-1", need("of the and", "và của các и для", 1))
                .build();
        assertEquals(0.0, score(event, "s-1", "a-1"));
    }

    @Test
    void aPressingNeedWeighsMoreThanAMinorOne() {
        Event event = withFiller()
                .startup("s-1", offering("Flood sensors", "", "flooding"))
                .startup("s-2", offering("Parking app", "", "parking"))
                .agency("a-1", need("Flood warning", "", 4, "flooding"), need("Parking", "", 1, "parking"))
                .build();
        double pressing = score(event, "s-1", "a-1");
        double minor = score(event, "s-2", "a-1");
        assertTrue(pressing > minor, pressing + " vs " + minor);
        assertTrue(pressing <= 1.0 && minor > 0);
    }

    @Test
    void ranksCounterpartsBestFirst() {
        Event event = withFiller()
                .startup("s-1", offering("Flood sensors", "", "flooding", "iot"))
                .agency("a-1", need("Flood warning", "", 1, "flooding", "iot"))
                .agency("a-2", need("Mapping", "", 1, "iot", "gis", "ai"))
                .build();
        List<Relevance.Ranked> ranked = Relevance.of(event).ranked(event.participant("s-1"));
        assertEquals(List.of("a-1", "a-2"), ranked.stream().map(r -> r.counterpart().id()).toList());
    }

    @Test
    void ranksEqualScoresInTheOrderTheParticipantsWereGiven() {
        Event event = withFiller()
                .agency("a-3", need("Gamma", "", 1, "flooding", "iot"))
                .startup("s-2", offering("Two", "", "flooding", "iot"))
                .agency("a-1", need("Alpha", "", 1, "flooding", "iot", "gis"))
                .startup("s-1", offering("One", "", "flooding", "iot", "gis"))
                .agency("a-2", need("Beta", "", 1, "flooding", "iot"))
                .build();
        Relevance relevance = Relevance.of(event);
        // s-1 shares everything with a-1 and two of three tags with a-3 and a-2, which tie: given first, a-3 comes first.
        assertEquals(List.of("a-1", "a-3", "a-2"),
                relevance.ranked(event.participant("s-1")).stream().map(r -> r.counterpart().id()).toList());
        assertEquals(List.of("s-2", "s-1"),
                relevance.ranked(event.participant("a-3")).stream().map(r -> r.counterpart().id()).toList());
        List<Relevance.Ranked> ofA2 = relevance.ranked(event.participant("a-2"));
        assertTrue(ofA2.get(0).score() >= ofA2.get(1).score(), "best first: " + ofA2);
    }

    @Test
    void anEnglishOfferingFindsTheVietnameseNeedItAnswers() {
        Event event = withFiller()
                .startup("s-1", offering("Early-warning flood sensors with SMS alerts",
                        "Water level sensors in canals send flood warnings to residents"))
                .startup("s-2", offering("School management platform", "Timetables and grades for schools"))
                .agency("a-1", need("Cảnh báo sớm ngập lụt cho người dân",
                        "Đo mực nước tại các điểm ngập và gửi tin nhắn cảnh báo", 1))
                .build();
        List<Relevance.Ranked> ranked = Relevance.of(event).ranked(event.participant("a-1"));
        assertEquals("s-1", ranked.get(0).counterpart().id());
        assertTrue(ranked.get(0).score() > 0.3, "score " + ranked.get(0).score());
        String reason = explain(event, "s-1", "a-1").reasons().get(0);
        assertTrue(reason.startsWith("offering 'Early-warning flood sensors with SMS alerts' answers need"
                + " 'Cảnh báo sớm ngập lụt cho người dân' (") && reason.contains("flood")
                && reason.contains("water level"), reason);
    }

    @Test
    void aTagMostParticipantsCarryTellsLittle() {
        EventBuilder builder = withFiller();
        for (int i = 1; i <= 8; i++) {
            builder.startup("s-" + i, offering("Product " + i, "", "ai"));
        }
        Event event = builder
                .startup("s-rare", offering("Product rare", "", "flood-gauges"))
                .agency("a-1", need("Need one", "", 1, "ai"))
                .agency("a-2", need("Need two", "", 1, "flood-gauges"))
                .build();
        double common = score(event, "s-1", "a-1");
        double rare = score(event, "s-rare", "a-2");
        assertTrue(common < 0.2 && rare == 1.0, common + " vs " + rare);
    }

    @Test
    void reasonsCiteNoLoneSyllablesOrGenericWords() {
        Event event = withFiller()
                .startup("s-1", offering("Hệ thống quản lý học sinh", "Ứng dụng quản lý điểm danh cho nhà trường"))
                .agency("a-1", need("Quản lý thu gom rác thải", "Hệ thống giám sát vệ sinh môi trường", 1))
                .build();
        Match match = explain(event, "s-1", "a-1");
        assertTrue(match.score() < 0.2, "score " + match.score());
        assertTrue(match.reasons().isEmpty(), "generic words and syllables only: " + match.reasons());
    }
}
