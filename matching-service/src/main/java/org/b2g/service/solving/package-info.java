/**
 * Solve jobs (at most one per event, on a bounded pool of solver threads, their outcome stored only into the event
 * they solved) and the bounded pool of the other CPU-heavy reads. Depends on {@code persistence} and the library's
 * solver; knows nothing of HTTP.
 */
package org.b2g.service.solving;
