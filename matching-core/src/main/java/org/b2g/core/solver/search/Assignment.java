package org.b2g.core.solver.search;

import java.util.Arrays;

/** Minimum-cost perfect assignment of n rows to n columns (Hungarian method with potentials, O(n³)). */
final class Assignment {

    private double[] u = new double[0];
    private double[] v = new double[0];
    private double[] minv = new double[0];
    private int[] p = new int[0];
    private int[] way = new int[0];
    private boolean[] used = new boolean[0];

    /**
     * @param cost {@code cost[row * n + column]}
     * @param rowOfColumn filled with the row assigned to each column
     * @return the total cost
     */
    double solve(double[] cost, int n, int[] columnOfRow) {
        ensure(n + 1);
        Arrays.fill(u, 0, n + 1, 0);
        Arrays.fill(v, 0, n + 1, 0);
        Arrays.fill(p, 0, n + 1, 0);
        Arrays.fill(way, 0, n + 1, 0);
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            Arrays.fill(minv, 0, n + 1, Double.MAX_VALUE);
            Arrays.fill(used, 0, n + 1, false);
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.MAX_VALUE;
                int j1 = 0;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        double cur = cost[(i0 - 1) * n + (j - 1)] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        double total = 0;
        for (int j = 1; j <= n; j++) {
            columnOfRow[p[j] - 1] = j - 1;
            total += cost[(p[j] - 1) * n + (j - 1)];
        }
        return total;
    }

    private void ensure(int size) {
        if (u.length < size) {
            u = new double[size];
            v = new double[size];
            minv = new double[size];
            p = new int[size];
            way = new int[size];
            used = new boolean[size];
        }
    }
}
