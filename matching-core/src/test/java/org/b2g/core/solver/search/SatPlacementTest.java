package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.io.DznReader;
import org.b2g.core.matching.Candidates;
import org.junit.jupiter.api.Assumptions;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.reader.DimacsReader;
import org.sat4j.specs.ISolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Valid schedules from the SAT solver, for the events whose rules the construction and the annealing get stuck on. */
class SatPlacementTest {

    @Test
    void findsAScheduleThatBreaksNoRuleWhereTheConstructionBreaksOne() {
        int constructionFailures = 0;
        for (long seed = 1; seed <= 10; seed++) {
            SearchModel model = ResearchEvent.tight(seed);
            constructionFailures += constructed(model, seed).hard > 0 ? 1 : 0;
            for (boolean asClauses : new boolean[] {false, true}) {
                int[] slot = SatPlacement.solve(model, 100_000, () -> false, asClauses, Optional.empty()).slots();
                assertNotNull(slot, "seed " + seed + (asClauses ? ", as clauses" : ", native"));
                Rules.assertNoRuleBroken(model, slot);
            }
        }
        assertTrue(constructionFailures > 0, "these events are meant to be hard for the construction");
    }

    @Test
    void findsAValidScheduleForTheLargestResearchInstanceWithinTwentyThousandConflicts() {
        // Sat4j's native cardinalities ran out of these conflicts here (and on two of its variants with precedences,
        // one of whose searches then ended without a valid schedule); the same limits as clauses do not.
        SearchModel model = ResearchEvent.original("ticf-14crafa");
        int[] slot = SatPlacement.solve(model, 20_000, () -> false, true, Optional.empty()).slots();
        assertNotNull(slot);
        Rules.assertNoRuleBroken(model, slot);
    }

    @Test
    void keepsEveryParticipantWithinTheBreakCap() {
        // Participant 1 meets four others, each of whom can come in one slot only: slots 1, 3, 5 and 6 are two breaks,
        // which the cap (the research format's default) allows; slots 1, 3, 5 and 7 are three, which it does not.
        SearchModel twoBreaks = oneSlotEach(1, 3, 5, 6);
        assertEquals(2, twoBreaks.breakCap);
        for (boolean asClauses : new boolean[] {false, true}) {
            int[] slot = SatPlacement.solve(twoBreaks, 100_000, () -> false, asClauses, Optional.empty()).slots();
            assertNotNull(slot);
            Rules.assertNoRuleBroken(twoBreaks, slot);
            SatPlacement.Placement threeBreaks = SatPlacement.solve(oneSlotEach(1, 3, 5, 7), 100_000, () -> false,
                    asClauses, Optional.empty());
            assertNull(threeBreaks.slots());
            assertTrue(threeBreaks.impossible(), "refuted, not merely out of conflicts");
        }
    }

    /** Participant 1 meets participants 2, 3, ..., the k-th of whom can only come in slot {@code slots[k]} of eight. */
    private static SearchModel oneSlotEach(int... slots) {
        ResearchEvent event = ResearchEvent.of(8, 4);
        for (int k = 0; k < slots.length; k++) {
            int only = slots[k];
            event.meeting(1, k + 2);
            event.forbidden(k + 2, IntStream.rangeClosed(1, 8).filter(s -> s != only).toArray());
        }
        return event.model();
    }

    @Test
    void aScheduleAtTheLowerBoundHasNoMoreBreaksThanTheBoundAndKeepsEveryRule() {
        int found = 0;
        for (long seed = 1; seed <= 10; seed++) {
            SearchModel model = ResearchEvent.tight(seed);
            BreakBound bound = BreakBound.of(model);
            int[] slot = SatPlacement.atBound(model, bound, 0, 100_000, () -> false, Optional.empty()).slots();
            if (slot == null) {
                continue;
            }
            found++;
            Rules.assertNoRuleBroken(model, slot);
            SlotState state = new SlotState(model);
            state.load(slot);
            assertTrue(state.breaks <= bound.total(), "seed " + seed + ": " + state.breaks + " > " + bound.total());
        }
        assertTrue(found > 0, "at least one of these events has a schedule at its bound");
    }

    @Test
    void provesThatTheParticipantsBoundsCannotAllHoldAndTheBoundRises() {
        // Three participants meeting each other in three slots at one table: whichever meetings sit in slots 1 and 3
        // share a participant, who has a break, although each alone could meet in two slots in a row.
        SearchModel triangle = ResearchEvent.of(3, 1).meeting(1, 2).meeting(2, 3).meeting(1, 3).model();
        BreakBound bound = BreakBound.of(triangle);
        assertEquals(0, bound.total());
        SatPlacement.AtBound found = SatPlacement.atBound(triangle, bound, 0, 100_000, () -> false, Optional.empty());
        assertNull(found.slots());
        assertTrue(found.impossible());
        bound.raise(0);
        assertEquals(1, bound.total());
    }

    @Test
    void oneBreakAboveTheBoundsFindsTheTrianglesScheduleThatTheBoundsAloneRefuse() {
        SearchModel triangle = ResearchEvent.of(3, 1).meeting(1, 2).meeting(2, 3).meeting(1, 3).model();
        BreakBound bound = BreakBound.of(triangle);
        int[] slot = SatPlacement.atBound(triangle, bound, 1, 100_000, () -> false, Optional.empty()).slots();
        assertNotNull(slot);
        Rules.assertNoRuleBroken(triangle, slot);
        SlotState state = new SlotState(triangle);
        state.load(slot);
        assertEquals(1, state.breaks);
    }

    @Test
    void aParticipantAllowedNoBreakMeetsInOneBlockEvenWithRoomToSpreadOut() {
        // Participant 1 meets four others in eight slots with four tables; each other can come in any slot.
        ResearchEvent event = ResearchEvent.of(8, 4);
        for (int k = 2; k <= 5; k++) {
            event.meeting(1, k);
        }
        SearchModel model = event.model();
        for (int extra = 0; extra <= 1; extra++) {
            int[] slot = SatPlacement.atBound(model, BreakBound.of(model), extra, 100_000, () -> false,
                    Optional.empty()).slots();
            assertNotNull(slot);
            SlotState state = new SlotState(model);
            state.load(slot);
            assertTrue(state.breaks <= extra, state.breaks + " breaks with " + extra + " allowed");
        }
    }

    @Test
    void aParticipantAllowedNoBreakGetsTheOnlyBlockThatHoldsEachOfItsMeetings() {
        // Four slots, one table. Participant 1 meets 2 (who can come in slots 1-2 only) and 3 (slots 3-4 only): of
        // its blocks of two, 1-2 and 3-4 each miss a meeting, so only 2-3 holds both.
        ResearchEvent event = ResearchEvent.of(4, 1).meeting(1, 2).meeting(1, 3).forbidden(2, 3, 4)
                .forbidden(3, 1, 2);
        SearchModel model = event.model();
        int[] slot = SatPlacement.atBound(model, BreakBound.of(model), 0, 100_000, () -> false, Optional.empty())
                .slots();
        assertNotNull(slot);
        assertEquals(List.of(1, 2), List.of(slot[0], slot[1]), "slots 2 and 3, counted from 0");
        Rules.assertNoRuleBroken(model, slot);
    }

    @Test
    void anExternalSolversAnswersAreReadAndItsRefutationRaisesTheBound(@TempDir Path dir) throws IOException {
        SearchModel triangle = ResearchEvent.of(3, 1).meeting(1, 2).meeting(2, 3).meeting(1, 3).model();
        Path refuting = script(dir, "refuting", "cat > /dev/null; echo 's UNSATISFIABLE'; exit 20");
        SatPlacement.AtBound refuted = SatPlacement.atBound(triangle, BreakBound.of(triangle), 0, 100_000,
                () -> false, Optional.of(refuting));
        assertNull(refuted.slots());
        assertTrue(refuted.impossible());
        Path silent = script(dir, "silent", "cat > /dev/null; echo 's UNKNOWN'; exit 0");
        SatPlacement.AtBound unknown = SatPlacement.atBound(triangle, BreakBound.of(triangle), 0, 100_000,
                () -> false, Optional.of(silent));
        assertNull(unknown.slots());
        assertFalse(unknown.impossible(), "running out of conflicts proves nothing");
        SatPlacement.AtBound missing = SatPlacement.atBound(triangle, BreakBound.of(triangle), 0, 100_000,
                () -> false, Optional.of(dir.resolve("no-such-solver")));
        assertFalse(missing.impossible(), "a solver that cannot be run proves nothing");
    }

    @Test
    void anExternalSolverThatRunsPastTheStopIsKilled(@TempDir Path dir) throws IOException {
        SearchModel triangle = ResearchEvent.of(3, 1).meeting(1, 2).meeting(2, 3).meeting(1, 3).model();
        Path slow = script(dir, "slow", "cat > /dev/null; sleep 30; echo 's UNSATISFIABLE'; exit 20");
        long start = System.nanoTime();
        long[] polls = {0};
        SatPlacement.AtBound found = SatPlacement.atBound(triangle, BreakBound.of(triangle), 0, 100_000,
                () -> ++polls[0] > 5, Optional.of(slow));
        assertNull(found.slots());
        assertFalse(found.impossible());
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "stopped within a few polls, not after the sleep");
    }

    @Test
    void cadicalWhereInstalledFindsAndRefutesLikeSat4j() {
        Optional<Path> cadical = ExternalSat.locate("cadical", System.getenv("PATH"));
        Assumptions.assumeTrue(cadical.isPresent(), "cadical is not installed");
        SearchModel triangle = ResearchEvent.of(3, 1).meeting(1, 2).meeting(2, 3).meeting(1, 3).model();
        assertTrue(SatPlacement.atBound(triangle, BreakBound.of(triangle), 0, 100_000, () -> false, cadical)
                .impossible());
        int[] slot = SatPlacement.atBound(triangle, BreakBound.of(triangle), 1, 100_000, () -> false, cadical)
                .slots();
        assertNotNull(slot);
        Rules.assertNoRuleBroken(triangle, slot);
        for (long seed = 1; seed <= 5; seed++) {
            SearchModel model = ResearchEvent.tight(seed);
            BreakBound bound = BreakBound.of(model);
            SatPlacement.AtBound bySat4j = SatPlacement.atBound(model, bound, 0, 1_000_000, () -> false,
                    Optional.empty());
            SatPlacement.AtBound byCadical = SatPlacement.atBound(model, bound, 0, 1_000_000, () -> false, cadical);
            assertEquals(bySat4j.slots() == null, byCadical.slots() == null, "seed " + seed);
            assertEquals(bySat4j.impossible(), byCadical.impossible(), "seed " + seed);
            if (byCadical.slots() != null) {
                Rules.assertNoRuleBroken(model, byCadical.slots());
            }
        }
    }

    @Test
    void bothFormsOfTheTableLimitAreDecidedAlike(@TempDir Path dir) throws Exception {
        // A stand-in solver that keeps every formula it is given and decides none.
        Path keeping = script(dir, "keeping", "cat > \"$(mktemp '" + dir + "/formula.XXXXXX')\"; echo 's UNKNOWN'");
        SearchModel triangle = ResearchEvent.of(3, 1).meeting(1, 2).meeting(2, 3).meeting(1, 3).model();
        assertFormsAgree(dir, keeping, triangle, 0, false);
        assertFormsAgree(dir, keeping, triangle, 1, true);
        for (long seed = 1; seed <= 5; seed++) {
            SearchModel model = ResearchEvent.tight(seed);
            boolean satisfiable = SatPlacement.atBound(model, BreakBound.of(model), 0, 1_000_000, () -> false,
                    Optional.empty()).slots() != null;
            assertFormsAgree(dir, keeping, model, 0, satisfiable);
        }
    }

    /** Runs the climb's step with the keeping solver, then decides each formula it kept with Sat4j. */
    private static void assertFormsAgree(Path dir, Path keeping, SearchModel model, int extra, boolean satisfiable)
            throws Exception {
        SatPlacement.atBound(model, BreakBound.of(model), extra, 1_000, () -> false, Optional.of(keeping));
        List<Path> formulas;
        try (Stream<Path> files = Files.list(dir)) {
            formulas = files.filter(f -> f.getFileName().toString().startsWith("formula.")).toList();
        }
        assertEquals(2, formulas.size(), "one formula per form of the table limit");
        for (Path formula : formulas) {
            ISolver sat4j = SolverFactory.newDefault();
            new DimacsReader(sat4j).parseInstance(formula.toString());
            assertEquals(satisfiable, sat4j.isSatisfiable(), formula + " at " + extra + " above the bound");
            Files.delete(formula);
        }
    }

    @Test
    void anEventWhoseTableCountersWouldTakeMillionsOfVariablesDoesNotClimb() {
        // 600 meetings in 40 slots at 100 tables: 2.4 million counter variables, beyond MAX_COUNTER_VARIABLES.
        ResearchEvent event = ResearchEvent.of(40, 100);
        for (int i = 0; i < 600; i++) {
            event.meeting(1 + i % 120, 121 + i / 120 * 7 + i % 7);
        }
        SearchModel model = event.model();
        assertFalse(SatPlacement.encodesWhole(model));
        SatPlacement.AtBound found = SatPlacement.atBound(model, BreakBound.of(model), 0, 100_000, () -> false,
                Optional.empty());
        assertNull(found.slots());
        assertFalse(found.impossible());
    }

    private static Path script(Path dir, String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        file.toFile().setExecutable(true);
        return file;
    }

    @Test
    void aSearchStopsAsOptimalOnceTheSatSolverProvesItsBestIsOneAboveTheBound() {
        SearchModel triangle = ResearchEvent.of(3, 1).meeting(1, 2).meeting(2, 3).meeting(1, 3).chain(1, 2).model();
        Termination termination = Termination.afterMoves(3_000_000, BreakBound.of(triangle), () -> false);
        SlotSearch search = new SlotSearch(triangle, 1, termination, (state, moves) -> { });
        search.run(unscheduled(triangle));
        assertEquals(1, search.state().breaks);
        assertTrue(search.reachedLowerBound(), "proved by the SAT solver");
        assertTrue(search.moves() < 3_000_000, "stopped at the proof, not at the move limit: " + search.moves());
    }

    @Test
    void noValidScheduleIsSoughtOnceTheSearchIsToStop() {
        SearchModel model = ResearchEvent.tight(1);
        assertNotNull(SatPlacement.solve(model, 100_000, () -> false, true, Optional.empty()).slots());
        SatPlacement.Placement stopped = SatPlacement.solve(model, 100_000, () -> true, true, Optional.empty());
        assertNull(stopped.slots(), "the time limit is kept, not the conflicts");
        assertFalse(stopped.impossible(), "a search stopped proves nothing");
    }

    @Test
    void noScheduleAtTheLowerBoundIsSoughtOnceTheSearchIsToStop() {
        SearchModel model = ResearchEvent.tight(1);
        int[] asked = {0};
        assertNull(SatPlacement.atBound(model, BreakBound.of(model), 0, 100_000, () -> ++asked[0] > 0,
                Optional.empty()).slots());
    }

    @Test
    void findsNothingRatherThanFailingWhenAParticipantHasMoreMeetingsThanSlotsItCanBeBusyIn() {
        // Participant 1's three counterparts can come in slots 1, 2 and 2 only: three meetings, two slots. (Counting
        // "at least three of two" made a counter of size -1: a freeze repair failed with NegativeArraySizeException.)
        for (boolean asClauses : new boolean[] {false, true}) {
            assertNull(SatPlacement.solve(oneSlotEach(1, 2, 2), 100_000, () -> false, asClauses, Optional.empty())
                    .slots());
        }
    }

    @Test
    void findsNothingWhenNoScheduleKeepsEveryRule() {
        // Three slots and a chain of four meetings; without the chain the same meetings fit.
        for (boolean asClauses : new boolean[] {false, true}) {
            SatPlacement.Placement chained = SatPlacement.solve(fourMeetings().chain(1, 2, 3, 4).model(), 100_000,
                    () -> false, asClauses, Optional.empty());
            assertNull(chained.slots());
            assertTrue(chained.impossible());
            assertNotNull(SatPlacement.solve(fourMeetings().model(), 100_000, () -> false, asClauses,
                    Optional.empty()).slots());
        }
    }

    @Test
    void theSearchFindsAValidScheduleOnTheEventsTheConstructionFails() {
        for (long seed = 1; seed <= 10; seed++) {
            SearchModel model = ResearchEvent.tight(seed);
            SlotSearch search = new SlotSearch(model, seed,
                    Termination.afterMoves(400_000, BreakBound.of(model), () -> false), (state, moves) -> { });
            Rules.assertNoRuleBroken(model, search.run(unscheduled(model)));
        }
    }

    @Test
    void aCopyThatDoesNotAskTheSatSolverStartsFromTheValidScheduleTheCopyThatAskedGot() {
        int invalidAlone = 0;
        for (long seed = 1; seed <= 10; seed++) {
            SearchModel model = ResearchEvent.tight(seed);
            int[] valid = SatPlacement.solve(model, 100_000, () -> false, false, Optional.empty()).slots();
            assertNotNull(valid);
            // Fewer moves than a copy waits before asking the SAT solver itself.
            int[] alone = new SlotSearch(model, seed, Termination.afterMoves(100_000, BreakBound.of(model), () -> false),
                    (state, moves) -> { }, false, new AtomicReference<>()).run(unscheduled(model));
            SlotState state = new SlotState(model);
            state.load(alone);
            invalidAlone += state.hard > 0 ? 1 : 0;
            int[] adopted = new SlotSearch(model, seed, Termination.afterMoves(100_000, BreakBound.of(model),
                    () -> false), (found, moves) -> { }, false, new AtomicReference<>(valid)).run(unscheduled(model));
            Rules.assertNoRuleBroken(model, adopted);
        }
        assertTrue(invalidAlone > 0, "the annealing alone leaves some of these events with a broken rule");
    }

    private static int[] unscheduled(SearchModel model) {
        int[] empty = new int[model.meetingCount];
        Arrays.fill(empty, UNSCHEDULED);
        return empty;
    }

    private static ResearchEvent fourMeetings() {
        return ResearchEvent.of(3, 4).meeting(1, 2).meeting(3, 4).meeting(5, 6).meeting(7, 8);
    }

    private static SlotState constructed(SearchModel model, long seed) {
        SlotState state = new SlotState(model);
        state.load(unscheduled(model));
        int[] movable = IntStream.range(0, model.meetingCount)
                .filter(m -> !model.fixed[m] && model.domain[m].length > 0).toArray();
        Construction.complete(model, state, movable, new SplittableRandom(seed),
                () -> state.hard * 1_000.0 + state.medium + state.breaks);
        return state;
    }
}
