package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

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
 * <p>The same encoding, with every participant held to its own lower bound on breaks plus a number of breaks above
 * those bounds in all ({@link #atBound}), is the search's climb from the lower bound: a schedule found there is optimal
 * once every smaller total was refuted. For it the cardinalities are written as clauses and every participant allowed
 * no break gets a window ({@link #clausal}, {@link #window}), the table limits are written in two forms ({@link
 * #tables}), and both formulas go to {@link ExternalSat} where one is installed (five to ten times faster than Sat4j
 * on these formulas).
 *
 * <p>The solver stops after a fixed number of conflicts, not after a time, so that a run with a move limit stays
 * repeatable.
 */
final class SatPlacement {

    /** Most variables encoded; larger events are left to the annealing (and rarely have such rules). */
    static final int MAX_VARIABLES = 200_000;
    /**
     * Most counter variables for the tables of the slots in {@link #clausal} mode (about two clauses each); beyond it
     * the clauses would take hundreds of megabytes. ticf-14crafa, the largest research original, needs 140,000.
     */
    static final long MAX_COUNTER_VARIABLES = 2_000_000L;

    /**
     * CaDiCaL's options for the seats form ({@link #tables}): its preset for satisfiable formulas, which found
     * forum-13crafb's and ticf-13crafb's optima in 3.1 and 3.8 s instead of 7 and 17, and kept the refutations close
     * to the default. The meetings form keeps the defaults, which refuted faster there.
     */
    private static final List<String> SEATS_OPTIONS = List.of("--sat");

    private final SearchModel model;
    private final ISolver solver = SolverFactory.newDefault();
    private final int[][] atSlot;
    /** Most breaks per participant, negative for none. */
    private final int[] caps;
    /** How many breaks above their caps may fall on the participants, in all ({@link #atBound}); 0 for none. */
    private final int extra;
    /**
     * Cardinalities as clauses (sequential counters) rather than Sat4j's native constraints: the solver learns
     * through them, and on the research originals it found or refuted schedules at the bound in a few seconds where
     * the native form ran out of 300,000 conflicts. Used by {@link #atBound}; {@link #solve} keeps the native form.
     */
    private final boolean clausal;
    /** Per participant, its relaxation literals: the j-th true when it may have j breaks above its cap. */
    private final VecInt relaxations = new VecInt();
    /** The solver that decides the clauses instead of Sat4j; given only in {@link #clausal} mode. */
    private final Optional<Path> external;
    /** Which of the {@link #external} solver's two formulas starts ahead ({@link #tables}). */
    private final RaceLead lead;
    /** Clauses of every formula, kept until the number of variables is known ({@link #flush}, {@link #external}). */
    private final List<int[]> shared = new ArrayList<>();
    /** The table limits as sequential counters over each slot's meetings: the first formula, for an external solver. */
    private final List<int[]> byMeetings = new ArrayList<>();
    /** The table limits as totalizers, with the seats they imply: only in the second formula ({@link #tables}). */
    private final List<int[]> bySeats = new ArrayList<>();
    /** Where the clauses being encoded go: {@link #shared} but while {@link #tables} writes its two forms. */
    private List<int[]> clauses = shared;
    /** Per slot, the busy variables of participants with one seat ({@link #capBreaks}), for {@link #tables}. */
    private final List<List<Integer>> oneSeatBusy = new ArrayList<>();
    /** Sat4j's native cardinalities outside {@link #clausal} mode, with their {@link #limits}. */
    private final List<int[]> cardinalities = new ArrayList<>();
    private final List<Integer> limits = new ArrayList<>();
    private int variables;
    /** The solver proved that no schedule keeps the rules encoded (not merely ran out of conflicts or was stopped). */
    private boolean unsatisfiable;

    /**
     * What {@link #atBound} found: the slots of a schedule at the bound, or null; {@code impossible} when the solver
     * proved that no schedule keeps every participant within its bound.
     */
    record AtBound(int[] slots, boolean impossible) {
    }

    /**
     * What {@link #solve} found: the slots of a valid schedule, or null; {@code impossible} when the solver proved that
     * no schedule keeps the rules encoded, and so (the encoding leaving rules out, never adding one) none keeps every
     * hard rule.
     */
    record Placement(int[] slots, boolean impossible) {
    }

    private SatPlacement(SearchModel model, int[] caps, int extra, boolean clausal, Optional<Path> external,
            RaceLead lead) {
        this.lead = lead;
        this.model = model;
        this.caps = caps;
        this.extra = extra;
        this.clausal = clausal;
        this.external = external;
        this.atSlot = new int[model.meetingCount][];
    }

    /**
     * Slots of a schedule of the required (and fixed) meetings that breaks no hard rule above, others
     * {@link SearchModel#UNSCHEDULED}; none when the solver found none within {@code conflicts} conflicts, when none
     * exists, when the event is too large to encode, or when {@code stop} says so (polled every few hundred
     * conflicts: at a limit of a second, ticf-14crafa's search asked for one and overran by up to 2 s). With
     * {@code asClauses} the cardinalities are written as clauses ({@link #clausal}) unless the event is too large for
     * them, and the {@code external} solver, if given, decides them; otherwise Sat4j, on its native cardinalities,
     * which are quicker to write (ticf-14crafa: 0.4 s for the clauses) but slower to decide: within 20,000 conflicts
     * they gave no schedule for ticf-14crafa and two of its variants with precedences, and the search of one of
     * those variants ended without any, where the clauses gave Sat4j one for each.
     */
    static Placement solve(SearchModel model, int conflicts, BooleanSupplier stop, boolean asClauses,
            Optional<Path> external) {
        return solve(model, conflicts, stop, asClauses, external, true);
    }

    /**
     * As {@link #solve(SearchModel, int, BooleanSupplier, boolean, Optional)} with every rule but the cap on breaks:
     * after a proof that no schedule keeps every rule, whether the cap is what cannot be kept.
     */
    static Placement solveWithoutBreakCap(SearchModel model, int conflicts, BooleanSupplier stop, boolean asClauses,
            Optional<Path> external) {
        return solve(model, conflicts, stop, asClauses, external, false);
    }

    private static Placement solve(SearchModel model, int conflicts, BooleanSupplier stop, boolean asClauses,
            Optional<Path> external, boolean capped) {
        long size = encodedSize(model);
        if (size > MAX_VARIABLES) {
            return new Placement(null, false);
        }
        int[] caps = new int[model.participantCount];
        Arrays.fill(caps, capped ? model.breakCap : -1);
        boolean clausal = asClauses && counterSize(model) <= MAX_COUNTER_VARIABLES;
        SatPlacement sat = new SatPlacement(model, caps, 0, clausal, clausal ? external : Optional.empty(),
                new RaceLead());
        try {
            int[] slots = sat.run(conflicts, stop);
            return new Placement(slots, slots == null && sat.unsatisfiable);
        } catch (ContradictionException e) {
            return new Placement(null, true); // Sat4j met a clause no assignment keeps while taking them in
        }
    }

    /** As the method below, for a question asked alone (not a step of a climb): its forms race evenly. */
    static AtBound atBound(SearchModel model, BreakBound bound, int extra, int conflicts, BooleanSupplier stop,
            Optional<Path> external) {
        return atBound(model, bound, extra, conflicts, stop, external, new RaceLead());
    }

    /**
     * As {@link #solve}, every participant allowed no more breaks than its lower bound in {@code bound}, except that
     * up to {@code extra} breaks above those bounds may fall on any participants: a schedule found has at most the
     * bound's total plus {@code extra} breaks; when the solver proves that there is none, every schedule has at least
     * {@code extra + 1} breaks above the participants' bounds ({@link BreakBound#raise}). Nothing found also when
     * {@code stop} says so (polled every few hundred conflicts). Decided by the {@code external} solver, its two
     * formulas raced as {@code lead} says (a climb keeps one lead for all its steps), or by Sat4j when there is none.
     */
    static AtBound atBound(SearchModel model, BreakBound bound, int extra, int conflicts, BooleanSupplier stop,
            Optional<Path> external, RaceLead lead) {
        long size = encodedSize(model);
        if (size > MAX_VARIABLES || counterSize(model) > MAX_COUNTER_VARIABLES) {
            return new AtBound(null, false);
        }
        int[] caps = new int[model.participantCount];
        for (int p = 0; p < caps.length; p++) {
            caps[p] = model.breakCap < 0 ? bound.of(p) : Math.min(bound.of(p), model.breakCap);
        }
        SatPlacement sat = new SatPlacement(model, caps, extra, true, external, lead);
        try {
            int[] slots = sat.run(conflicts, stop);
            return new AtBound(slots, slots == null && sat.unsatisfiable);
        } catch (ContradictionException e) {
            return new AtBound(null, true); // Sat4j met a clause no assignment keeps while taking them in
        }
    }

    /** Whether {@link #atBound} can encode this event (it leaves optional meetings out, so all must be required). */
    static boolean encodesWhole(SearchModel model) {
        for (int m = 0; m < model.meetingCount; m++) {
            if (!included(model, m)) {
                return false;
            }
        }
        return encodedSize(model) <= MAX_VARIABLES && counterSize(model) <= MAX_COUNTER_VARIABLES;
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

    /** The sequential counters' variables for the tables of every slot: slot variables times tables, roughly. */
    private static long counterSize(SearchModel model) {
        long slotVariables = 0;
        for (int m = 0; m < model.meetingCount; m++) {
            if (included(model, m)) {
                slotVariables += model.domain[m].length;
            }
        }
        return slotVariables * model.tableCount;
    }

    private static boolean included(SearchModel model, int m) {
        return model.required[m] || model.fixed[m];
    }

    private int[] run(int conflicts, BooleanSupplier stop) throws ContradictionException {
        int slots = model.slotCount;
        for (int s = 0; s < slots; s++) {
            oneSeatBusy.add(new ArrayList<>());
        }
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
            add(one);
            if (one.size() > 1) {
                addAtMost(one, 1);
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
                add(clause(-order[m][0]));
                for (int s = 1; s < slots; s++) {
                    add(clause(-order[m][s], order[e][s - 1]));
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
        tables(bySlot);
        for (List<Integer> atTable : byTableSlot.values()) {
            atMost(atTable, 1);
        }
        if (extra > 0) {
            addAtMost(relaxations, extra);
        }
        if (stop.getAsBoolean()) {
            return null;
        }
        if (external.isPresent()) {
            return external(external.get(), conflicts, stop);
        }
        flush();
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
        return slotsWhere(solver::model);
    }

    /**
     * As the end of {@link #run}, with the clauses handed to an {@link ExternalSat} solver instead of Sat4j: both
     * forms of the table limits at once ({@link #tables}), the first answer taken.
     */
    private int[] external(Path executable, int conflicts, BooleanSupplier stop) {
        ExternalSat.Answer answer = ExternalSat.solveFirst(executable, variables,
                List.of(new ExternalSat.Formula(List.of(shared, byMeetings), List.of()),
                        new ExternalSat.Formula(List.of(shared, bySeats), SEATS_OPTIONS)),
                conflicts, stop, lead);
        if (answer.status() != ExternalSat.Status.SATISFIABLE) {
            unsatisfiable = answer.status() == ExternalSat.Status.UNSATISFIABLE;
            return null;
        }
        boolean[] values = answer.model();
        return slotsWhere(variable -> values[variable]);
    }

    /** Each encoded meeting's slot: the one whose variable is true in the solver's model. */
    private int[] slotsWhere(IntPredicate isTrue) {
        int[] slot = new int[model.meetingCount];
        Arrays.fill(slot, UNSCHEDULED);
        for (int m = 0; m < model.meetingCount; m++) {
            if (atSlot[m] == null) {
                continue;
            }
            for (int s = 0; s < model.slotCount; s++) {
                if (atSlot[m][s] != 0 && isTrue.test(atSlot[m][s])) {
                    slot[m] = s;
                }
            }
        }
        return slot;
    }

    /**
     * At most {@code caps[p]} breaks for participant p (more where {@link #extra} lets it): a busy variable per slot
     * (busy exactly when one of its meetings sits there), a start variable where a run of busy slots starts, and per
     * day a variable "busy that day"; the starts, less the days it is busy, are the breaks. In {@link #clausal} mode,
     * a participant with one seat is busy in exactly as many slots as it has meetings, and one allowed no break is
     * also given a window: the block of consecutive slots it is busy in, one start of the block chosen, every slot
     * outside it closed to its meetings at once (see {@link #window}).
     */
    private void capBreaks(int p, List<List<Integer>> meetingsAt) {
        int slots = model.slotCount;
        int[] busy = new int[slots];
        VecInt breaks = new VecInt(); // the run starts, then the negated "busy that day" variables
        VecInt busySlots = new VecInt();
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
            busySlots.push(busy[s]);
            VecInt any = new VecInt();
            any.push(-busy[s]);
            for (int x : here) {
                add(clause(-x, busy[s]));
                any.push(x);
            }
            add(any);
            busyIn[model.dayOfSlot[s]].push(busy[s]);
            if (clausal && model.representatives[p] == 1) {
                oneSeatBusy.get(s).add(busy[s]);
            }
            int start = ++variables;
            breaks.push(start);
            boolean dayStarts = s == 0 || model.dayOfSlot[s - 1] != model.dayOfSlot[s];
            if (dayStarts || busy[s - 1] == 0) {
                add(clause(-busy[s], start));
            } else {
                add(clause(-busy[s], busy[s - 1], start));
            }
        }
        if (placed <= 1) {
            return;
        }
        int meetings = 0;
        boolean whole = true;
        for (int m : model.meetingsOf[p]) {
            if (atSlot[m] != null) {
                meetings++;
            } else {
                whole = false;
            }
        }
        boolean oneSeat = model.representatives[p] == 1;
        if (clausal && oneSeat) {
            addAtLeast(busySlots, meetings);
            addAtMost(busySlots, meetings);
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
            add(any);
            breaks.push(-day);
            days++;
        }
        int above = model.breakCap < 0 ? extra : Math.max(0, Math.min(extra, model.breakCap - caps[p]));
        int relaxed = 0; // its first relaxation literal: true when it has a break above its cap
        for (int j = 0; j < above; j++) {
            int r = ++variables;
            relaxations.push(r);
            breaks.push(-r);
            if (j == 0) {
                relaxed = r;
            } else {
                add(clause(-r, relaxations.get(relaxations.size() - 2)));
            }
        }
        addAtMost(breaks, caps[p] + days + above);
        if (clausal && oneSeat && whole && caps[p] == 0 && model.dayCount == 1 && meetings > 1) {
            window(p, busy, meetings, relaxed);
        }
    }

    /**
     * The block of {@code length} consecutive busy slots of a participant allowed no break (unless {@code relaxed},
     * when non-zero, holds): exactly one start among the slots where such a block fits, each start making its slots
     * busy, each busy slot covered by a chosen start. Deciding the start closes every other slot to all its meetings.
     */
    private void window(int p, int[] busy, int length, int relaxed) {
        int slots = model.slotCount;
        int[] start = new int[slots];
        VecInt starts = new VecInt();
        for (int s = 0; s + length <= slots; s++) {
            boolean fits = true;
            for (int t = s; t < s + length && fits; t++) {
                fits = busy[t] != 0;
            }
            if (!fits || !holds(p, s, length)) {
                continue;
            }
            start[s] = ++variables;
            starts.push(start[s]);
            for (int t = s; t < s + length; t++) {
                add(clause(-start[s], busy[t]));
            }
        }
        addAtMost(starts, 1);
        if (relaxed != 0) {
            starts.push(relaxed);
        }
        add(starts);
        for (int t = 0; t < slots; t++) {
            if (busy[t] == 0) {
                continue;
            }
            VecInt covered = new VecInt();
            covered.push(-busy[t]);
            for (int s = Math.max(0, t - length + 1); s <= t; s++) {
                if (start[s] != 0) {
                    covered.push(start[s]);
                }
            }
            if (relaxed != 0) {
                covered.push(relaxed);
            }
            add(covered);
        }
    }

    /**
     * Whether participant p's meetings fit the block of {@code length} slots from {@code first}, each in a slot it may
     * take (a perfect matching, one meeting a slot). A block that some meeting cannot reach (a morning meeting, a
     * block in the afternoon) gets no start variable: the solver would have to learn that each such start fails,
     * and on the research instances split at lunch about two in five of the blocks that fit the busy slots are such.
     */
    private boolean holds(int p, int first, int length) {
        int[] meetings = model.meetingsOf[p];
        int[] holder = new int[length];
        Arrays.fill(holder, -1);
        for (int m : meetings) {
            if (atSlot[m] != null && !augment(m, first, length, holder, new boolean[length])) {
                return false;
            }
        }
        return true;
    }

    private boolean augment(int m, int first, int length, int[] holder, boolean[] seen) {
        for (int i = 0; i < length; i++) {
            if (seen[i] || atSlot[m][first + i] == 0) {
                continue;
            }
            seen[i] = true;
            if (holder[i] < 0 || augment(holder[i], first, length, holder, seen)) {
                holder[i] = m;
                return true;
            }
        }
        return false;
    }

    /** Variables "meeting m sits at or before slot s", tied to its slot variables. */
    private int[] orderVariables(int m) {
        int slots = model.slotCount;
        int[] upTo = new int[slots];
        for (int s = 0; s < slots; s++) {
            upTo[s] = ++variables;
        }
        for (int s = 0; s < slots; s++) {
            int x = atSlot[m][s];
            if (s + 1 < slots) {
                add(clause(-upTo[s], upTo[s + 1]));
            }
            if (x != 0) {
                add(clause(-x, upTo[s]));
                if (s > 0) {
                    add(clause(-x, -upTo[s - 1]));
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
            add(c);
        }
        add(clause(upTo[slots - 1]));
        return upTo;
    }

    /**
     * At most as many meetings per slot as there are tables. Outside {@link #clausal} mode, one native cardinality per
     * slot. In it, two forms, each in its own formula, because neither decides every event fast:
     * <ul>
     * <li>{@link #byMeetings}: a sequential counter over the slot's meetings;
     * <li>{@link #bySeats}: a totalizer over them, and also one over the busy variables of the participants with one
     *     seat, at most twice the tables (each meeting seats two people). The count of seats is implied, but the
     *     solver can rarely derive it, and it is what tells it early that too many participants' blocks cross the same
     *     slots: with it CaDiCaL found forum-13crafb's optimum in 6 to 9 s instead of 84 to 127, and refuted
     *     tic-14crafc.prec50 at its bound in 0.4 s instead of over a minute; but where the tables of a whole session
     *     are full (forum-13crafc, ticf-13crafc) it took ten times as long as the counter alone.
     * </ul>
     * {@link ExternalSat} runs both formulas at once and takes the first answer; Sat4j gets the second, which decided
     * the precedence events it climbs on several times faster.
     */
    private void tables(List<List<Integer>> bySlot) {
        if (!clausal) {
            for (List<Integer> meetings : bySlot) {
                atMost(meetings, model.tableCount);
            }
            return;
        }
        if (external.isPresent()) {
            clauses = byMeetings;
            for (List<Integer> meetings : bySlot) {
                atMost(meetings, model.tableCount);
            }
        }
        clauses = bySeats;
        for (int s = 0; s < bySlot.size(); s++) {
            totalizerAtMost(bySlot.get(s), model.tableCount);
            totalizerAtMost(oneSeatBusy.get(s), 2 * model.tableCount);
        }
        clauses = shared;
    }

    /** At most {@code limit} of {@code literals}, as a totalizer ({@link #countUp}) whose output limit + 1 is false. */
    private void totalizerAtMost(List<Integer> literals, int limit) {
        if (literals.size() <= limit) {
            return;
        }
        int[] l = literals.stream().mapToInt(Integer::intValue).toArray();
        int[] atLeast = countUp(l, 0, l.length, limit + 1);
        clauses.add(new int[] {-atLeast[limit]});
    }

    /**
     * A totalizer (Bailleux and Boufkhad) over {@code literals[from, to)}: variables whose j-th says that at least
     * j + 1 of them hold, forced true by the literals (the direction an upper limit needs), {@code cap} of them at
     * most. Built as a balanced tree of such counts.
     */
    private int[] countUp(int[] literals, int from, int to, int cap) {
        if (to - from == 1) {
            return new int[] {literals[from]};
        }
        int middle = (from + to) >>> 1;
        int[] left = countUp(literals, from, middle, cap);
        int[] right = countUp(literals, middle, to, cap);
        int[] sum = new int[Math.min(cap, left.length + right.length)];
        for (int j = 0; j < sum.length; j++) {
            sum[j] = ++variables;
        }
        for (int i = 0; i <= left.length; i++) {
            for (int j = 0; j <= right.length; j++) {
                if (i + j == 0) {
                    continue;
                }
                int at = sum[Math.min(i + j, sum.length) - 1];
                if (i == 0) {
                    clauses.add(new int[] {-right[j - 1], at});
                } else if (j == 0) {
                    clauses.add(new int[] {-left[i - 1], at});
                } else {
                    clauses.add(new int[] {-left[i - 1], -right[j - 1], at});
                }
            }
        }
        return sum;
    }

    private void atMost(List<Integer> literals, int limit) {
        if (literals.size() <= limit) {
            return;
        }
        VecInt v = new VecInt(literals.size());
        for (int literal : literals) {
            v.push(literal);
        }
        addAtMost(v, limit);
    }

    private void add(VecInt clause) {
        clauses.add(Arrays.copyOf(clause.toArray(), clause.size()));
    }

    /**
     * At most {@code limit} of {@code literals}: natively, or in {@link #clausal} mode as a sequential counter (Sinz),
     * whose variable {@code count[i][j]} says that at least j + 1 of the first i + 1 literals hold.
     */
    private void addAtMost(VecInt literals, int limit) {
        int n = literals.size();
        if (n <= limit) {
            return;
        }
        if (limit < 0) {
            clauses.add(new int[0]); // at least more than there are (addAtLeast): the empty clause, which nothing keeps
            return;
        }
        int[] l = Arrays.copyOf(literals.toArray(), n);
        if (!clausal) {
            cardinalities.add(l);
            limits.add(limit);
            return;
        }
        if (limit == 0) {
            for (int literal : l) {
                clauses.add(new int[] {-literal});
            }
            return;
        }
        int[][] count = new int[n][limit];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < limit; j++) {
                count[i][j] = ++variables;
            }
        }
        clauses.add(new int[] {-l[0], count[0][0]});
        for (int j = 1; j < limit; j++) {
            clauses.add(new int[] {-count[0][j]});
        }
        for (int i = 1; i < n; i++) {
            clauses.add(new int[] {-l[i], count[i][0]});
            clauses.add(new int[] {-count[i - 1][0], count[i][0]});
            for (int j = 1; j < limit; j++) {
                clauses.add(new int[] {-l[i], -count[i - 1][j - 1], count[i][j]});
                clauses.add(new int[] {-count[i - 1][j], count[i][j]});
            }
            clauses.add(new int[] {-l[i], -count[i - 1][limit - 1]});
        }
    }

    /** At least {@code limit} of {@code literals}: at most all but that many of their negations. */
    private void addAtLeast(VecInt literals, int limit) {
        VecInt negated = new VecInt(literals.size());
        for (int i = 0; i < literals.size(); i++) {
            negated.push(-literals.get(i));
        }
        addAtMost(negated, literals.size() - limit);
    }

    /**
     * Declares the variables and hands the shared clauses, the seats form of the table limits (empty outside
     * {@link #clausal} mode) and the native cardinalities to Sat4j.
     */
    private void flush() throws ContradictionException {
        solver.newVar(variables);
        for (List<int[]> part : List.of(shared, bySeats)) {
            for (int[] c : part) {
                solver.addClause(new VecInt(c));
            }
        }
        for (int i = 0; i < cardinalities.size(); i++) {
            solver.addAtMost(new VecInt(cardinalities.get(i)), limits.get(i));
        }
        shared.clear();
        cardinalities.clear();
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
