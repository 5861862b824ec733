/**
 * The HTTP service's process: {@code Main} ({@code serve}, {@code demo}), its settings, the credentials (organizer
 * token, secret of personal links), the {@code Backend} that the resources share, and how personal links are
 * written. Wires {@code http}, {@code persistence} and {@code solving} together; the library is used through them.
 */
package org.b2g.service;
