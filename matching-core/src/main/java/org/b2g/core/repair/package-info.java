/**
 * Living schedules ({@code docs/living-schedules.md}): which published meetings a change affects, the repair plan
 * that re-solves an event from its published schedule, the change report, and the openings for one new meeting.
 * Depends on {@code domain}, {@code io}, {@code matching} and {@code solver}.
 */
package org.b2g.core.repair;
