package org.b2g.core.solver.bound;

/**
 * The answer of {@link PairGraph#best()}.
 *
 * @param chosen per pair, in the order they were added, whether it is in the best set
 * @param value what the best set is worth, bonuses included: no set of pairs within the capacities is worth more
 * @param exact true when {@code chosen} is itself a best set (the pairs join two sides); false when the value is the
 *        fractional bound of a graph with odd cycles and {@code chosen} only the pairs taken whole
 */
public record Pairing(boolean[] chosen, long value, boolean exact) {

    public Pairing {
        chosen = chosen.clone();
    }

    @Override
    public boolean[] chosen() {
        return chosen.clone();
    }

    public boolean isChosen(int pair) {
        return chosen[pair];
    }
}
