/**
 * Sample events and what makes them: the shipped HCMC sample, the seeded event generator and its vocabulary, and
 * the benchmark verbs that run the library on generated events ({@code bench-events}, {@code bench-repair},
 * {@code bench-sheets}). Depends on the library only; the service uses the samples for its demo.
 */
package org.b2g.datasets;
