/**
 * Documents in and out ({@code docs/formats.md}): the {@code b2g-event/1} reader, the benchmark's {@code .dzn}
 * reader, the {@code b2g-schedule/1} and {@code b2g-changes/1} writers and readers. Readers check everything and
 * report bad input as one {@code InputException} line naming the file, the field and the value. Builds on
 * {@code domain}; the writers use {@code matching} and {@code solver} for reasons and metrics, {@code repair} for
 * change reports.
 */
package org.b2g.core.io;
