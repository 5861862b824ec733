/**
 * Selecting and scheduling meetings: the constraint provider and its weights ({@code docs/scoring.md}), the
 * feasibility pre-check, score breakdowns and justifications, metrics, and {@code Scheduler}, the entry point that
 * runs the search kernel ({@code solver.search}) inside OptaPlanner. Depends on {@code domain} and OptaPlanner.
 */
package org.b2g.core.solver;
