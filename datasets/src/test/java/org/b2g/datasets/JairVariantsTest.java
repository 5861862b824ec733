package org.b2g.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.RequiredMeeting;
import org.b2g.core.io.DznReader;
import org.b2g.core.solver.FeasibilityCheck;
import org.junit.jupiter.api.Test;

class JairVariantsTest {

    /** Four participants meeting each other once, in four slots: a round robin fits in slots 1-3. */
    private static final String ROUND_ROBIN = """
            nBusiness = 4;
            nMeetings = 6;
            nTables = 2;
            nTotalSlots = 4;
            nMorningSlots = 4;
            requested = [|1, 2,3, |1, 3,3, |1, 4,3, |2, 3,3, |2, 4,3, |3, 4,3, |];
            forbidden = [{0},{0},{0},{0}];
            fixed = [0,0,0,0,0,0];
            precedences = [{},{},{},{},{},{}];
            """;
    private static final int[] WITNESS = {1, 2, 3, 3, 2, 1};

    private final Event original = DznReader.read(ROUND_ROBIN, "round-robin");

    @Test
    void theWitnessStaysAScheduleOfEveryFeasibleVariant() {
        for (long seed = 1; seed <= 20; seed++) {
            JairVariants variants = new JairVariants(original, "round-robin", WITNESS, seed);
            for (JairVariants.Family family : JairVariants.Family.values()) {
                if (!family.feasible) {
                    continue;
                }
                Event event = variants.variant(family).event();
                assertTrue(FeasibilityCheck.problems(event).isEmpty(), family.id + " seed " + seed);
                Map<String, Integer> slot = new HashMap<>();
                for (int m = 0; m < WITNESS.length; m++) {
                    slot.put(event.meetings().get(m).id(), WITNESS[m]);
                }
                for (int m = 0; m < WITNESS.length; m++) {
                    RequiredMeeting meeting = event.meetings().get(m);
                    assertTrue(meeting.fixedSlot() == 0 || meeting.fixedSlot() == WITNESS[m], family.id);
                    for (String earlier : meeting.after()) {
                        assertTrue(slot.get(earlier) < WITNESS[m], family.id + ": " + earlier + " before " + m);
                    }
                    for (String p : List.of(meeting.first(), meeting.second())) {
                        assertTrue(event.participant(p).isAvailable(WITNESS[m]), family.id + ": " + p);
                    }
                }
            }
        }
    }

    @Test
    void theFamiliesAddWhatTheyName() {
        JairVariants variants = new JairVariants(original, "round-robin", WITNESS, 7);
        Event forbidden = variants.variant(JairVariants.Family.FORBIDDEN).event();
        assertTrue(forbidden.participants().stream().anyMatch(p -> !p.unavailableSlots().isEmpty()));
        Event fixed = variants.variant(JairVariants.Family.FIXED20).event();
        assertEquals(1, fixed.meetings().stream().filter(m -> m.fixedSlot() > 0).count()); // 20% of 6, rounded
        Event ordered = variants.variant(JairVariants.Family.PREC50).event();
        assertTrue(ordered.meetings().stream().anyMatch(m -> !m.after().isEmpty()));
    }

    @Test
    void theInfeasibleFamiliesAreDiagnosedBeforeSolving() {
        JairVariants variants = new JairVariants(original, "round-robin", WITNESS, 3);
        for (JairVariants.Family family : List.of(JairVariants.Family.CYCLE, JairVariants.Family.CHAIN,
                JairVariants.Family.SQUEEZE)) {
            assertFalse(FeasibilityCheck.problems(variants.variant(family).event()).isEmpty(), family.id);
        }
    }

    @Test
    void aWrittenVariantReadsBackTheSame() {
        Event variant = new JairVariants(original, "round-robin", WITNESS, 5).variant(JairVariants.Family.MIXED)
                .event();
        Event read = DznReader.read(DznWriter.write(variant, List.of("b2g-variant family=mixed")), "again");
        assertEquals(variant.meetings(), read.meetings());
        for (int p = 0; p < 4; p++) {
            Participant a = variant.participants().get(p);
            assertEquals(a.unavailableSlots(), read.participants().get(p).unavailableSlots());
        }
        assertEquals(variant.slotCount(), read.slotCount());
    }
}
