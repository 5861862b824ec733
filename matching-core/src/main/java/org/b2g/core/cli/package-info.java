/**
 * The core verbs of {@code ./b2g} ({@code docs/command-line.md}): solve, repair, validate, match, bench, import,
 * export, template, and what every verb shares: one option parser ({@code Arguments}), one duration format
 * ({@code Durations}), one way to write output files ({@code OutputFile}) and one {@code main}
 * ({@code CommandLine}). May depend on every other package of the library; nothing depends on it but the
 * launchers of the other modules.
 */
package org.b2g.core.cli;
