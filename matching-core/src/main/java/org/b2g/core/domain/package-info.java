/**
 * The event and its schedule as the solver sees them: immutable facts (an {@code Event} with its participants,
 * slots, tables, offerings, needs, requests and exclusions), the {@code Meeting} planning entity and the
 * {@code MeetingSchedule} planning solution, and the one definition of a break. Depends on nothing of the project;
 * of OptaPlanner only on its annotations and score types.
 */
package org.b2g.core.domain;
