package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import org.b2g.core.solver.ScoreWeights;

/**
 * Gives each scheduled meeting a table once the slots are known: fixed tables first, then slot by slot the seats of
 * the participants that sit (an agency's meetings of one slot at distinct seats), then the table a participant that
 * walks already sits at, then a hill climb that moves or swaps tables within a slot to save walks. Tables are the last
 * score level, so they never trade against slots.
 */
final class TableAssigner {

    /** A seat outranks any walker's wish (at most two votes: its own and its counterpart's). */
    private static final long SEAT_VOTES = 3;
    /** What a meeting away from a seat costs, in walks (the unit of {@link #walks}). */
    private static final long AWAY_IN_WALKS = ScoreWeights.AWAY_FROM_SEAT / ScoreWeights.TABLE_CHANGE;

    static {
        if (AWAY_IN_WALKS * ScoreWeights.TABLE_CHANGE != ScoreWeights.AWAY_FROM_SEAT) {
            throw new IllegalStateException("AWAY_FROM_SEAT must be a multiple of TABLE_CHANGE.");
        }
    }

    private final SearchModel model;
    private final int[] slot;
    private final int[] table;
    /** Meeting at (slot, table), at {@code s * tableCount + t}, or -1. */
    /** The meeting at each table, per slot: a row of tables allocated for the slots that hold meetings only. */
    private final int[][] occupant;
    /** Each participant's scheduled meetings in time order. */
    private final int[][] agenda;
    private final SplittableRandom random;

    private TableAssigner(SearchModel model, int[] slot, long seed) {
        this.model = model;
        this.slot = slot;
        this.table = new int[model.meetingCount];
        this.occupant = new int[model.slotCount][];
        this.random = new SplittableRandom(seed);
        agenda = new int[model.participantCount][];
        for (int p = 0; p < model.participantCount; p++) {
            agenda[p] = Arrays.stream(model.meetingsOf[p]).filter(m -> slot[m] != UNSCHEDULED).boxed()
                    .sorted((x, y) -> Integer.compare(slot[x], slot[y])).mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * @param current tables already held (e.g. pinned), -1 where none; kept for fixed and pinned meetings
     * @return the table of every meeting; unscheduled meetings keep {@code current} or get table 0
     */
    static int[] assign(SearchModel model, int[] slot, int[] current, long seed, long effort, BooleanSupplier stop) {
        TableAssigner assigner = new TableAssigner(model, slot, seed);
        assigner.construct(current);
        assigner.improve(effort, stop);
        return assigner.table;
    }

    private void construct(int[] current) {
        int tables = model.tableCount;
        Arrays.fill(table, -1);
        List<List<Integer>> bySlot = new ArrayList<>(model.slotCount);
        for (int s = 0; s < model.slotCount; s++) {
            bySlot.add(new ArrayList<>());
        }
        for (int m = 0; m < model.meetingCount; m++) {
            if (slot[m] == UNSCHEDULED) {
                table[m] = current[m] >= 0 ? current[m] : 0;
            } else {
                bySlot.get(slot[m]).add(m);
            }
        }
        int[] lastTable = new int[model.participantCount];
        int[] lastDay = new int[model.participantCount];
        Arrays.fill(lastTable, -1);
        Arrays.fill(lastDay, -1);
        for (int s = 0; s < model.slotCount; s++) {
            List<Integer> here = bySlot.get(s);
            int day = model.dayOfSlot[s];
            for (int m : here) {
                int fixedTable = model.fixed[m] && current[m] >= 0 ? current[m] : model.fixedTable[m];
                if (fixedTable >= 0) {
                    place(m, s, fixedTable);
                }
            }
            // A published meeting kept in its slot keeps its table too: people were told where to sit.
            for (int m : here) {
                if (table[m] < 0 && keepsPublishedTable(m) && occupant(s, model.publishedTable[m]) < 0) {
                    place(m, s, model.publishedTable[m]);
                }
            }
            // Seats first (an agency with three meetings here takes three of its seats), then where a participant
            // that walks sat last, most wanted first.
            List<long[]> wishes = new ArrayList<>();
            for (int m : here) {
                if (table[m] >= 0) {
                    continue;
                }
                for (int side = 0; side < 2; side++) {
                    int p = side == 0 ? model.first[m] : model.second[m];
                    for (int seat : model.seatTables[p]) {
                        wishes.add(new long[] {SEAT_VOTES, m, seat});
                    }
                    int t = lastTableOfWalker(p, day, lastTable, lastDay);
                    if (t >= 0) {
                        int other = side == 0 ? model.second[m] : model.first[m];
                        int votes = 1 + (t == lastTableOfWalker(other, day, lastTable, lastDay) ? 1 : 0);
                        wishes.add(new long[] {votes, m, t});
                    }
                }
            }
            wishes.sort((x, y) -> Long.compare(y[0], x[0]));
            for (long[] wish : wishes) {
                int m = (int) wish[1];
                int t = (int) wish[2];
                if (table[m] < 0 && occupant(s, t) < 0) {
                    place(m, s, t);
                }
            }
            int next = 0;
            for (int m : here) {
                if (table[m] >= 0) {
                    continue;
                }
                while (next < tables && occupant(s, next) >= 0) {
                    next++;
                }
                place(m, s, next < tables ? next : random.nextInt(Math.max(1, tables)));
            }
            for (int m : here) {
                for (int side = 0; side < 2; side++) {
                    int p = side == 0 ? model.first[m] : model.second[m];
                    lastTable[p] = table[m];
                    lastDay[p] = day;
                }
            }
        }
    }

    /** The meeting at table t in slot s, -1 when none. */
    private int occupant(int s, int t) {
        return occupant[s] == null ? -1 : occupant[s][t];
    }

    /** A published meeting in its published slot, whose published table still exists. */
    private boolean keepsPublishedTable(int m) {
        return model.publishedTable[m] >= 0 && slot[m] == model.publishedSlot[m];
    }

    /** The table a participant that walks sat at last today, or -1 (also for those that sit). */
    private int lastTableOfWalker(int p, int day, int[] lastTable, int[] lastDay) {
        if (model.representatives[p] != 1 || model.seatTables[p].length > 0) {
            return -1;
        }
        return lastDay[p] == day ? lastTable[p] : -1;
    }

    private void place(int m, int s, int t) {
        table[m] = t;
        if (occupant[s] == null) {
            occupant[s] = new int[Math.max(1, model.tableCount)];
            Arrays.fill(occupant[s], -1);
        }
        if (occupant[s][t] < 0) {
            occupant[s][t] = m;
        }
    }

    /** Random table moves and swaps within a slot, kept when they do not add walks. */
    private void improve(long effort, BooleanSupplier stop) {
        int tables = model.tableCount;
        int[] scheduled = java.util.stream.IntStream.range(0, model.meetingCount)
                .filter(m -> slot[m] != UNSCHEDULED && model.fixedTable[m] < 0 && !model.fixed[m]
                        && !keepsPublishedTable(m)).toArray();
        if (scheduled.length == 0 || tables < 2) {
            return;
        }
        for (long i = 0; i < effort; i++) {
            if ((i & 1023) == 0 && stop.getAsBoolean()) {
                return;
            }
            int m = scheduled[random.nextInt(scheduled.length)];
            int s = slot[m];
            int from = table[m];
            int to = random.nextInt(tables);
            if (to == from || occupant(s, from) != m) {
                continue;
            }
            int other = occupant(s, to);
            if (other >= 0 && (model.fixedTable[other] >= 0 || model.fixed[other] || keepsPublishedTable(other))) {
                continue;
            }
            long before = walks(m) + (other >= 0 ? walks(other) : 0);
            table[m] = to;
            if (other >= 0) {
                table[other] = from;
            }
            long after = walks(m) + (other >= 0 ? walks(other) : 0);
            if (after <= before) {
                occupant[s][to] = m;
                occupant[s][from] = other;
            } else {
                table[m] = from;
                if (other >= 0) {
                    table[other] = to;
                }
            }
        }
    }

    /** Walks of the participants of meeting m (a superset of what a table change of m can alter). */
    private long walks(int m) {
        return walksOf(model.first[m]) + walksOf(model.second[m]);
    }

    private long walksOf(int p) {
        return walks(model, p, agenda[p], slot, table);
    }

    /**
     * What participant p's tables cost over its agenda (time order), in units of {@link ScoreWeights#TABLE_CHANGE}:
     * for one that sits, its meetings away from its seats ({@link ScoreWeights#AWAY_FROM_SEAT} each); for one that
     * walks with one representative, its table changes within a day. The constraint provider's "Away from seat" and
     * "Table change" count the same.
     */
    static long walks(SearchModel model, int p, int[] agenda, int[] slot, int[] table) {
        if (model.seatTables[p].length > 0) {
            long away = 0;
            for (int m : agenda) {
                if (table[m] >= 0 && !model.isSeat(p, table[m])) {
                    away++;
                }
            }
            return AWAY_IN_WALKS * away;
        }
        if (model.representatives[p] != 1) {
            return 0;
        }
        long walks = 0;
        for (int i = 1; i < agenda.length; i++) {
            int m = agenda[i];
            int previous = agenda[i - 1];
            if (model.dayOfSlot[slot[previous]] == model.dayOfSlot[slot[m]] && table[previous] != table[m]) {
                walks++;
            }
        }
        return walks;
    }
}
