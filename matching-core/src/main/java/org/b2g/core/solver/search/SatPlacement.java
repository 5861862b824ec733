package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.IConstr;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.ISolverService;
import org.sat4j.specs.SearchListenerAdapter;
import org.sat4j.specs.TimeoutException;

/**
 * Slots for the required meetings that break no hard rule, found by a SAT solver (Sat4j). The annealing moves one
 * meeting or one chain at a time; where precedence chains are tight and participants are busy in every slot, each such
 * move breaks something, and it can stay stuck a few hard points short of a schedule that exists. A SAT solver
 * learns from its conflicts instead, and on those events finds a valid schedule in a fraction of a second. Breaks are
 * left to the annealing, which starts from this schedule.
 *
 * <p>The encoding: one variable per meeting and allowed slot, exactly one per required meeting; at most as many
 * meetings per participant and slot as it has representatives, at most one per fixed table and slot, at most as many
 * per slot as there are tables; and for precedences an order variable per meeting and slot ("at or before this slot"),
 * a later meeting at or before slot s putting the earlier one at or before s - 1. Optional meetings are left out (the
 * annealing adds them). A break cap is encoded with a busy variable per participant and slot (see {@link #capBreaks}).
 *
 * <p>The same encoding, with every participant held to its own lower bound on breaks ({@link #atBound}), looks for a
 * schedule that is optimal outright: where precedences bind half the meetings the annealing stops one or two breaks
 * short of it, while the SAT solver finds it in a second or a few (or proves quickly that the bounds cannot all hold).
 *
 * <p>The solver stops after a fixed number of conflicts, not after a time, so that a run with a move limit stays
 * repeatable.
 */
final class SatPlacement {

    /** Most variables encoded; larger events are left to the annealing (and rarely have such rules). */
    static final int MAX_VARIABLES = 200_000;

    private final SearchModel model;
    private final ISolver solver = SolverFactory.newDefault();
    private final int[][] atSlot;
    /** Most breaks per participant, negative for none. */
    private final int[] caps;
    private int variables;
    /** The solver proved that no schedule keeps the rules encoded (not merely ran out of conflicts or was stopped). */
    private boolean unsatisfiable;

    /**
     * What {@link #atBound} found: the slots of a schedule at the bound, or null; {@code impossible} when the solver
     * proved that no schedule keeps every participant within its bound.
     */
    record AtBound(int[] slots, boolean impossible) {
    }

    private SatPlacement(SearchModel model, int[] caps) {
        this.model = model;
        this.caps = caps;
        this.atSlot = new int[model.meetingCount][];
    }

    /**
     * Slots of a schedule of the required (and fixed) meetings that breaks no hard rule above, others
     * {@link SearchModel#UNSCHEDULED}; null when the solver found none within {@code conflicts} conflicts, when none
     * exists, or when the event is too large to encode.
     */
    static int[] solve(SearchModel model, int conflicts) {
        long size = encodedSize(model);
        if (size > MAX_VARIABLES) {
            return null;
        }
        int[] caps = new int[model.participantCount];
        Arrays.fill(caps, model.breakCap);
        try {
            return new SatPlacement(model, caps).run(conflicts, (int) size, () -> false);
        } catch (ContradictionException e) {
            return null; // a rule no schedule can keep, found while encoding
        }
    }

    /**
     * As {@link #solve}, every participant allowed no more breaks than its lower bound in {@code bound}: a schedule
     * found is optimal; when the solver proves that there is none, the bound can be raised ({@link BreakBound#raise}).
     * Nothing found also when {@code stop} says so (polled every few hundred conflicts).
     */
    static AtBound atBound(SearchModel model, BreakBound bound, int conflicts, BooleanSupplier stop) {
        long size = encodedSize(model);
        if (size > MAX_VARIABLES) {
            return new AtBound(null, false);
        }
        int[] caps = new int[model.participantCount];
        for (int p = 0; p < caps.length; p++) {
            caps[p] = model.breakCap < 0 ? bound.of(p) : Math.min(bound.of(p), model.breakCap);
        }
        SatPlacement sat = new SatPlacement(model, caps);
        try {
            int[] slots = sat.run(conflicts, (int) size, stop);
            return new AtBound(slots, slots == null && sat.unsatisfiable);
        } catch (ContradictionException e) {
            return new AtBound(null, false); // found while encoding: left as unproved, to be safe
        }
    }

    /** Whether {@link #atBound} can encode this event (it leaves optional meetings out, so all must be required). */
    static boolean encodesWhole(SearchModel model) {
        for (int m = 0; m < model.meetingCount; m++) {
            if (!included(model, m)) {
                return false;
            }
        }
        return encodedSize(model) <= MAX_VARIABLES;
    }

    private static long encodedSize(SearchModel model) {
        long size = 0;
        for (int m = 0; m < model.meetingCount; m++) {
            if (included(model, m)) {
                size += model.domain[m].length;
                if (model.before[m].length + model.later[m].length > 0) {
                    size += model.slotCount;
                }
                // at most: its participants' busy, start and day variables
                size += 4L * model.slotCount + 2L * model.dayCount;
            }
        }
        return size;
    }

    private static boolean included(SearchModel model, int m) {
        return model.required[m] || model.fixed[m];
    }

    private int[] run(int conflicts, int size, BooleanSupplier stop) throws ContradictionException {
        solver.newVar(size);
        int slots = model.slotCount;
        List<List<Integer>> byParticipantSlot = new ArrayList<>(model.participantCount * slots);
        for (int i = 0; i < model.participantCount * slots; i++) {
            byParticipantSlot.add(new ArrayList<>(2));
        }
        List<List<Integer>> bySlot = new ArrayList<>(slots);
        Map<Long, List<Integer>> byTableSlot = new TreeMap<>(); // only cells a fixed table names
        for (int s = 0; s < slots; s++) {
            bySlot.add(new ArrayList<>());
        }
        boolean fixedTables = model.tableCount > 1;
        int[][] order = new int[model.meetingCount][];
        for (int m = 0; m < model.meetingCount; m++) {
            if (!included(model, m)) {
                continue;
            }
            atSlot[m] = new int[slots];
            VecInt one = new VecInt();
            for (int s : model.domain[m]) {
                if (!model.fixed[m] && model.placementPenalty(m, s) > 0) {
                    continue;
                }
                int x = ++variables;
                atSlot[m][s] = x;
                one.push(x);
                byParticipantSlot.get(model.first[m] * slots + s).add(x);
                byParticipantSlot.get(model.second[m] * slots + s).add(x);
                bySlot.get(s).add(x);
                if (fixedTables && model.fixedTable[m] >= 0) {
                    byTableSlot.computeIfAbsent((long) model.fixedTable[m] * slots + s, k -> new ArrayList<>(2)).add(x);
                }
            }
            if (one.isEmpty()) {
                atSlot[m] = null; // no slot at all: a hard point that no schedule avoids, the others still count
                continue;
            }
            solver.addClause(one);
            if (one.size() > 1) {
                solver.addAtMost(one, 1);
            }
            if (model.before[m].length + model.later[m].length > 0) {
                order[m] = orderVariables(m);
            }
        }
        for (int m = 0; m < model.meetingCount; m++) {
            if (order[m] == null) {
                continue;
            }
            for (int e : model.before[m]) {
                if (order[e] == null) {
                    continue; // an optional predecessor: the annealing keeps the order once it places it
                }
                solver.addClause(clause(-order[m][0]));
                for (int s = 1; s < slots; s++) {
                    solver.addClause(clause(-order[m][s], order[e][s - 1]));
                }
            }
        }
        for (int p = 0; p < model.participantCount; p++) {
            for (int s = 0; s < slots; s++) {
                atMost(byParticipantSlot.get(p * slots + s), model.representatives[p]);
            }
            if (caps[p] >= 0) {
                capBreaks(p, byParticipantSlot.subList(p * slots, (p + 1) * slots));
            }
        }
        for (int s = 0; s < slots; s++) {
            atMost(bySlot.get(s), model.tableCount);
        }
        for (List<Integer> atTable : byTableSlot.values()) {
            atMost(atTable, 1);
        }
        if (stop.getAsBoolean()) {
            return null;
        }
        solver.setTimeoutOnConflicts(conflicts);
        solver.setSearchListener(new StopOnRequest(stop));
        try {
            if (!solver.isSatisfiable()) {
                unsatisfiable = true;
                return null;
            }
        } catch (TimeoutException | Stopped e) {
            return null;
        }
        int[] slot = new int[model.meetingCount];
        Arrays.fill(slot, UNSCHEDULED);
        for (int m = 0; m < model.meetingCount; m++) {
            if (atSlot[m] == null) {
                continue;
            }
            for (int s = 0; s < slots; s++) {
                if (atSlot[m][s] != 0 && solver.model(atSlot[m][s])) {
                    slot[m] = s;
                }
            }
        }
        return slot;
    }

    /**
     * At most {@code caps[p]} breaks for participant p: a busy variable per slot (busy exactly when one
     * of its meetings sits there), a start variable where a run of busy slots starts, and per day a variable "busy
     * that day"; the starts, less the days it is busy, are the breaks.
     */
    private void capBreaks(int p, List<List<Integer>> meetingsAt) throws ContradictionException {
        int slots = model.slotCount;
        int[] busy = new int[slots];
        VecInt breaks = new VecInt(); // the run starts, then the negated "busy that day" variables
        VecInt[] busyIn = new VecInt[model.dayCount];
        for (int d = 0; d < model.dayCount; d++) {
            busyIn[d] = new VecInt();
        }
        int placed = 0;
        for (int s = 0; s < slots; s++) {
            List<Integer> here = meetingsAt.get(s);
            if (here.isEmpty()) {
                continue;
            }
            placed++;
            busy[s] = ++variables;
            VecInt any = new VecInt();
            any.push(-busy[s]);
            for (int x : here) {
                solver.addClause(clause(-x, busy[s]));
                any.push(x);
            }
            solver.addClause(any);
            busyIn[model.dayOfSlot[s]].push(busy[s]);
            int start = ++variables;
            breaks.push(start);
            boolean dayStarts = s == 0 || model.dayOfSlot[s - 1] != model.dayOfSlot[s];
            if (dayStarts || busy[s - 1] == 0) {
                solver.addClause(clause(-busy[s], start));
            } else {
                solver.addClause(clause(-busy[s], busy[s - 1], start));
            }
        }
        if (placed <= 1) {
            return;
        }
        int days = 0;
        for (int d = 0; d < model.dayCount; d++) {
            if (busyIn[d].isEmpty()) {
                continue;
            }
            int day = ++variables;
            VecInt any = new VecInt();
            any.push(-day);
            for (int i = 0; i < busyIn[d].size(); i++) {
                any.push(busyIn[d].get(i));
            }
            solver.addClause(any);
            breaks.push(-day);
            days++;
        }
        solver.addAtMost(breaks, caps[p] + days);
    }

    /** Variables "meeting m sits at or before slot s", tied to its slot variables. */
    private int[] orderVariables(int m) throws ContradictionException {
        int slots = model.slotCount;
        int[] upTo = new int[slots];
        for (int s = 0; s < slots; s++) {
            upTo[s] = ++variables;
        }
        for (int s = 0; s < slots; s++) {
            int x = atSlot[m][s];
            if (s + 1 < slots) {
                solver.addClause(clause(-upTo[s], upTo[s + 1]));
            }
            if (x != 0) {
                solver.addClause(clause(-x, upTo[s]));
                if (s > 0) {
                    solver.addClause(clause(-x, -upTo[s - 1]));
                }
            }
            // at or before s, but not at s: at or before s - 1
            VecInt c = new VecInt();
            c.push(-upTo[s]);
            if (s > 0) {
                c.push(upTo[s - 1]);
            }
            if (x != 0) {
                c.push(x);
            }
            solver.addClause(c);
        }
        solver.addClause(clause(upTo[slots - 1]));
        return upTo;
    }

    private void atMost(List<Integer> literals, int limit) throws ContradictionException {
        if (literals.size() <= limit) {
            return;
        }
        VecInt v = new VecInt(literals.size());
        for (int literal : literals) {
            v.push(literal);
        }
        solver.addAtMost(v, limit);
    }

    /** Thrown out of the solver's search when the caller asks it to stop. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** Polls the caller's stop request every 256 conflicts (a few milliseconds at most). */
    private static final class StopOnRequest extends SearchListenerAdapter<ISolverService> {
        private final BooleanSupplier stop;
        private int conflicts;

        StopOnRequest(BooleanSupplier stop) {
            this.stop = stop;
        }

        @Override
        public void conflictFound(IConstr confl, int dlevel, int trailLevel) {
            check();
        }

        @Override
        public void conflictFound(int p) {
            check();
        }

        private void check() {
            if ((++conflicts & 255) == 0 && stop.getAsBoolean()) {
                throw new Stopped();
            }
        }
    }

    private static VecInt clause(int... literals) {
        return new VecInt(literals);
    }
}
