/**
 * The scheduling kernel, run inside OptaPlanner as a custom phase: the schedule flattened into int arrays
 * ({@code SearchModel}), slots scored incrementally under the same contract as the constraint provider
 * ({@code SlotState}, {@code KernelScore}), a construction, demand insertion, simulated annealing over several moves on
 * both cores, a SAT solver (Sat4j) for valid schedules the annealing cannot untangle, a lower bound on breaks,
 * termination, and table assignment. Depends on {@code domain} and on
 * {@code solver} for the score weights and the progress it reports; nothing outside {@code solver} depends on it.
 */
package org.b2g.core.solver.search;
