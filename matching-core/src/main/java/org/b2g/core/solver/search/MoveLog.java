package org.b2g.core.solver.search;

import java.util.Arrays;

/**
 * The moves applied to a {@link SlotState} since the last {@link #clear()}, so that a compound move the search
 * rejects can be taken back exactly, newest first.
 */
final class MoveLog {

    private final SlotState state;
    private int[] meetings = new int[64];
    private int[] slots = new int[64];
    private int size;

    MoveLog(SlotState state) {
        this.state = state;
    }

    /** Moves meeting {@code m} to {@code to} (a slot or UNSCHEDULED), remembering where it was. */
    void apply(int m, int to) {
        if (size == meetings.length) {
            meetings = Arrays.copyOf(meetings, size * 2);
            slots = Arrays.copyOf(slots, size * 2);
        }
        meetings[size] = m;
        slots[size++] = state.slot[m];
        state.move(m, to);
    }

    /** The number of moves logged: the meetings {@code meeting(0)} to {@code meeting(size() - 1)} moved, in order. */
    int size() {
        return size;
    }

    /** The meeting of the {@code i}-th logged move. */
    int meeting(int i) {
        return meetings[i];
    }

    /** Keeps the logged moves: they can no longer be taken back. */
    void clear() {
        size = 0;
    }

    /** A point to {@link #rollbackTo} later: the moves logged so far. */
    int mark() {
        return size;
    }

    /** Takes back the moves logged since {@code mark}, newest first. */
    void rollbackTo(int mark) {
        while (size > mark) {
            size--;
            state.move(meetings[size], slots[size]);
        }
    }

    /** Takes back every logged move. */
    void rollback() {
        while (size > 0) {
            size--;
            state.move(meetings[size], slots[size]);
        }
    }

    /** Takes the logged moves back, runs {@code before} on the state as it was, then makes the moves again. */
    void revisit(Runnable before) {
        int[] moved = Arrays.copyOf(meetings, size);
        int[] targets = new int[size];
        for (int i = 0; i < size; i++) {
            targets[i] = state.slot[moved[i]];
        }
        rollback();
        before.run();
        for (int i = 0; i < moved.length; i++) {
            apply(moved[i], targets[i]);
        }
    }
}
