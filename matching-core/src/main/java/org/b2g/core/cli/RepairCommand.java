package org.b2g.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.io.ChangesJson;
import org.b2g.core.io.EventFiles;
import org.b2g.core.io.InputException;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.repair.ChangeReport;
import org.b2g.core.repair.Changes;
import org.b2g.core.repair.PublishedMeeting.Status;
import org.b2g.core.repair.Repair;
import org.b2g.core.repair.RepairMode;
import org.b2g.core.repair.RepairPlan;
import org.b2g.core.solver.FeasibilityCheck;
import org.b2g.core.solver.Progress;
import org.b2g.core.solver.ScoreBreakdown;
import org.b2g.core.solver.Scheduler;
import org.b2g.core.solver.SolveOptions;

/**
 * {@code ./b2g repair EVENT --published SCHEDULE [--mode minimal|freeze] [--time-limit 30s] [--out FILE]
 * [--changes FILE]}: the event as it is now, re-solved from its published schedule so that as little as possible
 * moves; writes the new {@code b2g-schedule/1} and, with {@code --changes}, the {@code b2g-changes/1} report.
 * Exit codes as {@code solve}.
 */
final class RepairCommand implements Command {

    private static final String USAGE = "usage: b2g repair EVENT.json --published SCHEDULE.json [--mode minimal|freeze]"
            + " [--time-limit 30s] [--unimproved 5s] [--out FILE] [--changes FILE] [--seed N] [--move-limit N]"
            + " [--max-breaks D] [--now 2024-10-10T11:00+07:00]";

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        long begun = System.nanoTime();
        Arguments arguments = Arguments.parse("repair", args, Set.of("published", "mode", "out", "changes",
                "time-limit", "unimproved", "seed", "move-limit", "max-breaks", "now"));
        if (arguments.positional().size() != 1) {
            throw new InputException("b2g repair: expected one EVENT file but got " + arguments.positional().size()
                    + " arguments; " + USAGE + ".");
        }
        if (!arguments.has("published")) {
            throw new InputException("b2g repair: --published is missing; it names the schedule people were given. "
                    + USAGE + ".");
        }
        RepairMode mode = RepairMode.parse(arguments.option("mode", "minimal"), "--mode");
        SolveOptions options = SolveCommand.options(arguments);
        Integer maxBreaks = arguments.has("max-breaks")
                ? arguments.intOption("max-breaks", 0, 0, Integer.MAX_VALUE) : null;
        String output = arguments.option("out", null);
        String changesOutput = arguments.option("changes", null);
        // Both targets before the solve: a bad --changes found after --out was written would leave half the result.
        if (output != null) {
            OutputFile.check("--out", output);
        }
        if (changesOutput != null) {
            OutputFile.check("--changes", changesOutput);
            OutputFile.checkApart("--changes", changesOutput, "--out", output);
        }
        for (String target : new String[] {output, changesOutput}) {
            if (target != null) {
                String option = target == output ? "--out" : "--changes";
                OutputFile.checkApart(option, target, "the EVENT file", arguments.positional().get(0));
                OutputFile.checkApart(option, target, "--published", arguments.option("published", null));
            }
        }

        Event event = EventFiles.read(Path.of(arguments.positional().get(0)), maxBreaks);
        EventSummary.warn(err, arguments.positional().get(0), event);
        Path publishedPath = Path.of(arguments.option("published", null));
        ScheduleFile published = ScheduleJson.read(publishedPath);
        When when = at(arguments, event, "repaired");
        RepairPlan plan = Repair.plan(event, published, mode, publishedPath.toString(), when.now());
        plan.warnings().forEach(warning -> err.println("warning: " + warning));
        List<String> problems = FeasibilityCheck.problems(plan.event(), plan.started());
        if (!problems.isEmpty()) {
            err.println(event.id() + ": the required meetings cannot all be scheduled:");
            problems.forEach(problem -> err.println("  - " + problem));
        }

        AtomicReference<Progress> lastBest = new AtomicReference<>();
        long started = System.nanoTime();
        Duration before = Duration.ofNanos(started - begun);
        MeetingSchedule solved = Scheduler.create(options.afterPreparation(before))
                .solve(plan.problem(), lastBest::set);
        Duration spent = Duration.ofNanos(System.nanoTime() - started);
        Changes changes = ChangeReport.of(plan, solved);

        boolean feasible = solved.getScore() != null && solved.getScore().hardScore() == 0;
        List<String> violations = feasible ? List.of() : ScoreBreakdown.of(solved).violations();
        String json = ScheduleJson.write(solved, violations);
        // Both written beside their targets before either is put in place: a full disk or a folder gone read-only
        // while the repair ran leaves neither, not a new schedule without the report of what it changed.
        try (OutputFile.Staged schedule = OutputFile.stage("--out", output == null ? "-" : output, json, out);
                OutputFile.Staged report = changesOutput == null ? null
                        : OutputFile.stage("--changes", changesOutput, ChangesJson.write(changes), out)) {
            OutputFile.commit(schedule, report);
        }
        SolveCommand.printSummary(err, event, solved, lastBest.get(), before, spent, violations, output);
        err.printf(Locale.ROOT, "Published    %d meetings: %d unaffected, %d affected, %d no longer wanted%n",
                plan.published().size(), plan.count(Status.UNAFFECTED), plan.count(Status.AFFECTED),
                plan.count(Status.GONE));
        err.printf(Locale.ROOT, "Changes      %d kept, %d moved, %d cancelled, %d added (mode %s); %d people affected%n",
                changes.kept(), changes.moved().size(), changes.cancelled().size(), changes.added().size(),
                mode.code(), changes.peopleAffected());
        if (when.note() != null) {
            err.println("Note         " + when.note());
        }
        plan.notes().forEach(note -> err.println("Note         " + note));
        if (changesOutput != null) {
            err.println("Written      " + changesOutput);
        }
        return feasible ? OK : INFEASIBLE;
    }

    /** When a repair (or {@code open-slots}) is made: null when no slot has started; and a note, or null. */
    record When(Instant now, String note) {
    }

    /**
     * When the repair (or {@code open-slots}) is made: {@code --now}, else the clock, except for an event the clock
     * finds over. Rerunning changes to such an event (an archive, or the formats' own example dated 2024) is a replay:
     * with the clock every slot would have started and nothing could move, so it is done as if no slot had started,
     * as the service does, and the note says so.
     */
    static When at(Arguments arguments, Event event, String done) {
        if (arguments.has("now")) {
            return new When(now(arguments.option("now", null), event), null);
        }
        Instant clock = Instant.now();
        if (!Repair.isOver(event, clock)) {
            return new When(clock, null);
        }
        return new When(null, "the event is over by the clock (its last slot began on "
                + event.slot(event.slotCount()).start().toLocalDate() + "): " + done + " as if no slot had started;"
                + " give --now (e.g. " + event.slot(1).start().toLocalDate() + "T11:00) to "
                + (done.equals("repaired") ? "repair" : "answer") + " as of a moment of the event");
    }

    /**
     * The time the repair is made at: an instant with its offset ({@code 2024-10-10T11:00+07:00}, {@code ...Z}), or
     * a date and time in the event's time zone ({@code 2024-10-10T11:00}).
     */
    static Instant now(String text, Event event) {
        // ISO's +999999999-12-31T23:59Z parses, but no time zone can tell its date: a four-digit year only
        if (text.matches("\\d{4}-.*")) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                // a date and time without an offset, perhaps
            }
            try {
                LocalDateTime local = LocalDateTime.parse(text);
                return local.atZone(event.timeZone() == null ? ZoneOffset.UTC : event.timeZone()).toInstant();
            } catch (DateTimeParseException e) {
                // neither
            }
        }
        throw new InputException("--now (" + text + ") is not a time; expected e.g. 2024-10-10T11:00+07:00,"
                + " 2024-10-10T04:00Z or 2024-10-10T11:00 (in the event's time zone).");
    }
}
