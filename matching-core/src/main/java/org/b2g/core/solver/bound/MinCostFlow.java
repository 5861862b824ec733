package org.b2g.core.solver.bound;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * A flow of least cost from a source to a sink, of whatever size makes the cost least: arcs may cost less than zero
 * (a gain), and flow is pushed only while a path still gains. Successive shortest paths with node potentials
 * (Dijkstra on reduced costs), and after each Dijkstra every path of the same length at once (a blocking flow on
 * the arcs of zero reduced cost), so a pair graph of a few thousand people needs one Dijkstra per distinct path
 * length rather than one per unit of flow.
 *
 * <p>The arcs as added must form no cycle of negative cost (the pair graphs are layered: source, one side, the
 * other side, sink), so that Bellman-Ford gives the first potentials.
 */
final class MinCostFlow {

    private static final long INFINITE = Long.MAX_VALUE / 4;

    private final int nodes;
    private int arcCount;
    private int[] head;
    private int[] next;
    private int[] to;
    private int[] residual;
    private long[] cost;
    private final int[] firstArc;
    private final int[] pathArcs;

    MinCostFlow(int nodes) {
        if (nodes < 2) {
            throw new IllegalArgumentException("A flow needs at least 2 nodes, not " + nodes + ".");
        }
        this.nodes = nodes;
        firstArc = new int[nodes];
        Arrays.fill(firstArc, -1);
        pathArcs = new int[nodes];
        int initial = 16;
        head = new int[initial];
        next = new int[initial];
        to = new int[initial];
        residual = new int[initial];
        cost = new long[initial];
    }

    /** Adds an arc and its reverse; returns the arc's id, whose flow {@link #flow(int)} reads after solving. */
    int addArc(int from, int target, int capacity, long arcCost) {
        if (from < 0 || from >= nodes || target < 0 || target >= nodes) {
            throw new IllegalArgumentException("The arc (" + from + " -> " + target + ") is outside 0.." + (nodes - 1)
                    + ".");
        }
        if (capacity < 0) {
            throw new IllegalArgumentException("The capacity (" + capacity + ") is negative.");
        }
        int id = arcCount;
        add(from, target, capacity, arcCost);
        add(target, from, 0, -arcCost);
        return id;
    }

    private void add(int from, int target, int capacity, long arcCost) {
        if (arcCount == to.length) {
            int size = arcCount * 2;
            head = Arrays.copyOf(head, size);
            next = Arrays.copyOf(next, size);
            to = Arrays.copyOf(to, size);
            residual = Arrays.copyOf(residual, size);
            cost = Arrays.copyOf(cost, size);
        }
        head[arcCount] = from;
        to[arcCount] = target;
        residual[arcCount] = capacity;
        cost[arcCount] = arcCost;
        next[arcCount] = firstArc[from];
        firstArc[from] = arcCount++;
    }

    /** Units of flow on an arc returned by {@link #addArc}. */
    int flow(int arc) {
        return residual[arc ^ 1];
    }

    /**
     * Pushes flow from source to sink while a path costs less than zero; returns the total cost (at most 0), or 1 when
     * {@code stop} turned true between two rounds (the flow is then not the cheapest).
     */
    long minimise(int source, int sink, BooleanSupplier stop) {
        long[] potential = bellmanFord(source);
        long[] distance = new long[nodes];
        int[] level = new int[nodes];
        int[] current = new int[nodes];
        int[] queue = new int[nodes];
        long total = 0;
        while (true) {
            if (stop.getAsBoolean()) {
                return 1;
            }
            dijkstra(source, sink, potential, distance);
            if (distance[sink] >= INFINITE) {
                return total;
            }
            long reach = distance[sink];
            for (int v = 0; v < nodes; v++) {
                if (potential[v] < INFINITE) {
                    potential[v] += Math.min(distance[v], reach);
                }
            }
            long pathCost = potential[sink] - potential[source];
            if (pathCost >= 0) {
                return total;
            }
            // Every path of zero reduced cost now costs pathCost: push as many as fit.
            while (levels(source, sink, potential, level, queue)) {
                System.arraycopy(firstArc, 0, current, 0, nodes);
                int pushed;
                while ((pushed = push(source, sink, Integer.MAX_VALUE, potential, level, current)) > 0) {
                    total += pathCost * pushed;
                }
            }
        }
    }

    private boolean admissible(int arc, long[] potential) {
        return residual[arc] > 0 && cost[arc] + potential[head[arc]] - potential[to[arc]] == 0;
    }

    /** Breadth-first levels over the arcs of zero reduced cost; whether the sink is reached. */
    private boolean levels(int source, int sink, long[] potential, int[] level, int[] queue) {
        Arrays.fill(level, -1);
        level[source] = 0;
        int first = 0;
        int last = 0;
        queue[last++] = source;
        while (first < last) {
            int u = queue[first++];
            for (int a = firstArc[u]; a >= 0; a = next[a]) {
                int v = to[a];
                if (level[v] < 0 && admissible(a, potential)) {
                    level[v] = level[u] + 1;
                    queue[last++] = v;
                }
            }
        }
        return level[sink] >= 0;
    }

    /** One augmenting path along increasing levels (Dinic), iterative to stay clear of deep recursion. */
    private int push(int source, int sink, int limit, long[] potential, int[] level, int[] current) {
        int depth = 0;
        int u = source;
        while (true) {
            if (u == sink) {
                int amount = limit;
                for (int i = 0; i < depth; i++) {
                    amount = Math.min(amount, residual[pathArcs[i]]);
                }
                for (int i = 0; i < depth; i++) {
                    residual[pathArcs[i]] -= amount;
                    residual[pathArcs[i] ^ 1] += amount;
                }
                return amount;
            }
            int a = current[u];
            while (a >= 0 && !(level[to[a]] == level[u] + 1 && admissible(a, potential))) {
                a = next[a];
            }
            current[u] = a;
            if (a >= 0) {
                pathArcs[depth++] = a;
                u = to[a];
            } else {
                level[u] = -1; // a dead end for this phase
                if (depth == 0) {
                    return 0;
                }
                u = head[pathArcs[--depth]];
                current[u] = next[current[u]];
            }
        }
    }

    private long[] bellmanFord(int source) {
        long[] potential = new long[nodes];
        Arrays.fill(potential, INFINITE);
        potential[source] = 0;
        for (int round = 0; round < nodes; round++) {
            boolean changed = false;
            for (int u = 0; u < nodes; u++) {
                if (potential[u] >= INFINITE) {
                    continue;
                }
                for (int a = firstArc[u]; a >= 0; a = next[a]) {
                    if (residual[a] > 0 && potential[u] + cost[a] < potential[to[a]]) {
                        potential[to[a]] = potential[u] + cost[a];
                        changed = true;
                    }
                }
            }
            if (!changed) {
                return potential;
            }
        }
        throw new IllegalStateException("The arcs form a cycle of negative cost.");
    }

    /**
     * Distances in reduced costs from the source, exact up to the sink's; it stops there, as nodes farther away only
     * need to know they are at least that far.
     */
    private void dijkstra(int source, int sink, long[] potential, long[] distance) {
        Arrays.fill(distance, INFINITE);
        distance[source] = 0;
        // A binary heap of (distance, node) with lazy deletion.
        long[] keys = new long[Math.max(16, nodes)];
        int[] values = new int[keys.length];
        int size = 0;
        keys[size] = 0;
        values[size++] = source;
        while (size > 0) {
            long d = keys[0];
            int u = values[0];
            size--;
            if (size > 0) {
                siftDown(keys, values, size, keys[size], values[size]);
            }
            if (d > distance[u]) {
                continue;
            }
            if (u == sink) {
                return;
            }
            for (int a = firstArc[u]; a >= 0; a = next[a]) {
                if (residual[a] <= 0) {
                    continue;
                }
                int v = to[a];
                if (potential[v] >= INFINITE) {
                    continue; // never reached before: no path from the source gains through it
                }
                long candidate = d + cost[a] + potential[u] - potential[v];
                if (candidate < distance[v]) {
                    distance[v] = candidate;
                    if (size == keys.length) {
                        keys = Arrays.copyOf(keys, size * 2);
                        values = Arrays.copyOf(values, size * 2);
                    }
                    int i = size++;
                    while (i > 0 && keys[(i - 1) >> 1] > candidate) {
                        keys[i] = keys[(i - 1) >> 1];
                        values[i] = values[(i - 1) >> 1];
                        i = (i - 1) >> 1;
                    }
                    keys[i] = candidate;
                    values[i] = v;
                }
            }
        }
    }

    private static void siftDown(long[] keys, int[] values, int size, long key, int value) {
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && keys[child + 1] < keys[child]) {
                child++;
            }
            if (keys[child] >= key) {
                break;
            }
            keys[i] = keys[child];
            values[i] = values[child];
            i = child;
        }
        keys[i] = key;
        values[i] = value;
    }
}
