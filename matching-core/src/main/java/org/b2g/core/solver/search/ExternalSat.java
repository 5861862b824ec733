package org.b2g.core.solver.search;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.BooleanSupplier;

/**
 * CaDiCaL, run as a separate process where it is installed (Debian's package {@code cadical}), in place of Sat4j for
 * the climb from the lower bound ({@link SatPlacement#atBound}). On the research originals it decides the same
 * formulas five to ten times faster than Sat4j (forum-14 at its bound in 4.6 s, where Sat4j ran out of a minute), and
 * at a ten-second limit that is the difference between a proof and none. Several formulas of one question can be
 * raced, one process each ({@link #solveFirst}), the one that last won clearly ahead ({@link RaceLead}). Without it
 * everything runs on Sat4j, in process; the results only come later.
 *
 * <p>{@code B2G_SAT_SOLVER} chooses: unset, {@code cadical} on the {@code PATH} if there is one; {@code sat4j}, never
 * an external solver; a path, that executable (any solver that reads DIMACS on its standard input and answers in the
 * SAT competition's format, with CaDiCaL's {@code -q}, {@code -c} and {@code --sat} options).
 */
final class ExternalSat {

    enum Status { SATISFIABLE, UNSATISFIABLE, UNKNOWN }

    /** One formula to race: the concatenation of its parts, and the solver's options for it (CaDiCaL's names). */
    record Formula(List<List<int[]>> parts, List<String> options) {
    }

    /** The solver's answer; {@code model[v]} is variable v's value when satisfiable. */
    record Answer(Status status, boolean[] model) {
    }

    private static final String CHOSEN = System.getenv("B2G_SAT_SOLVER");
    private static final Optional<Path> EXECUTABLE = locate(CHOSEN, System.getenv("PATH"));
    /** Coreutils' {@code nice}, which starts the formulas a {@link RaceLead} puts behind at low priority. */
    private static final Optional<Path> NICE = onPath("nice", System.getenv("PATH"));

    private ExternalSat() {
    }

    /** The external solver this process uses, if any. */
    static Optional<Path> executable() {
        return EXECUTABLE;
    }

    /** Which SAT solver the climb from the bound uses, for reports. */
    static String description() {
        return describe(CHOSEN, EXECUTABLE);
    }

    /** Says which solver is used, and why not the one chosen when that could not be found. */
    static String describe(String chosen, Optional<Path> found) {
        if (found.isPresent()) {
            return "CaDiCaL-compatible " + found.get();
        }
        if (chosen != null && !chosen.isBlank() && !chosen.equalsIgnoreCase("sat4j")) {
            return "Sat4j (in process): B2G_SAT_SOLVER (" + chosen + ") is no executable file or command on the PATH;"
                    + " give sat4j, a solver's path, or a command such as cadical";
        }
        return "Sat4j (in process)";
    }

    static Optional<Path> locate(String chosen, String path) {
        if (chosen != null && !chosen.isBlank()) {
            if (chosen.equalsIgnoreCase("sat4j")) {
                return Optional.empty();
            }
            Path given = Path.of(chosen);
            if (!given.isAbsolute() && given.getNameCount() == 1) {
                return onPath(chosen, path);
            }
            return Files.isExecutable(given) ? Optional.of(given) : Optional.empty();
        }
        return onPath("cadical", path);
    }

    private static Optional<Path> onPath(String name, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Decides the formulas over variables 1..{@code variables}, one solver process each, all at once: the first
     * satisfiable or unsatisfiable answer is taken and the other processes are killed. The formulas must be
     * equisatisfiable over the variables the caller reads (two encodings of the same rules). Unknown when every
     * process reached {@code conflicts} conflicts, when {@code stop} says so (polled every 20 ms, and every 4,096
     * clauses while a formula is written: ticf-14crafa's take the solver's parser about half a second; the processes
     * are killed) or when the solver cannot be run.
     */
    static Answer solveFirst(Path executable, int variables, List<Formula> formulas, int conflicts,
            BooleanSupplier stop) {
        return solveFirst(executable, variables, formulas, conflicts, stop, new RaceLead());
    }

    /**
     * As {@link #solveFirst(Path, int, List, int, BooleanSupplier)}, the formulas that {@code lead} puts behind
     * started at the lowest priority ({@code nice -n 19}, where there is a {@code nice} on the {@code PATH}); the
     * answer is recorded in {@code lead} for the next race.
     */
    static Answer solveFirst(Path executable, int variables, List<Formula> formulas, int conflicts,
            BooleanSupplier stop, RaceLead lead) {
        List<Process> processes = new ArrayList<>();
        List<FutureTask<String>> outputs = new ArrayList<>();
        long[] written = new long[formulas.size()]; // when each formula was whole in its solver's input, 0 until then
        try {
            for (int f = 0; f < formulas.size(); f++) {
                Formula formula = formulas.get(f);
                List<String> command = new ArrayList<>();
                if (formulas.size() > 1 && lead.behind(f) && NICE.isPresent()) {
                    command.addAll(List.of(NICE.get().toString(), "-n", "19"));
                }
                command.addAll(List.of(executable.toString(), "-q", "-c", Integer.toString(conflicts)));
                command.addAll(formula.options());
                Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                processes.add(process);
                FutureTask<String> output = new FutureTask<>(() -> readAll(process.getInputStream()));
                Thread.ofPlatform().daemon().name("b2g-sat-output").start(output);
                outputs.add(output);
                if (!write(process, variables, formula.parts(), stop)) {
                    return new Answer(Status.UNKNOWN, null);
                }
                written[f] = System.nanoTime();
            }
            boolean[] done = new boolean[processes.size()];
            while (true) {
                boolean running = false;
                for (int i = 0; i < processes.size(); i++) {
                    if (done[i]) {
                        continue;
                    }
                    if (processes.get(i).isAlive()) {
                        running = true;
                        continue;
                    }
                    done[i] = true;
                    Answer answer = parse(outputs.get(i).get(), variables);
                    if (answer.status() != Status.UNKNOWN) {
                        recordWin(lead, i, written);
                        return answer;
                    }
                }
                if (!running || stop.getAsBoolean()) {
                    return new Answer(Status.UNKNOWN, null);
                }
                Thread.sleep(20);
            }
        } catch (IOException | ExecutionException e) {
            return new Answer(Status.UNKNOWN, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Status.UNKNOWN, null);
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    /** Tells {@code lead} that formula {@code winner} answered now, and whether the others had solved as long. */
    private static void recordWin(RaceLead lead, int winner, long[] written) {
        if (written.length < 2) {
            return;
        }
        long now = System.nanoTime();
        long solving = now - written[winner];
        boolean othersAsLong = true;
        for (int j = 0; j < written.length; j++) {
            if (j != winner && (written[j] == 0 || now - written[j] < solving)) {
                othersAsLong = false;
            }
        }
        lead.record(winner, solving, othersAsLong);
    }

    /**
     * Writes one formula in DIMACS to the solver's standard input and closes it.
     *
     * @return false when {@code stop} said so before the formula was whole
     */
    private static boolean write(Process process, int variables, List<List<int[]>> parts, BooleanSupplier stop)
            throws IOException {
        int count = 0;
        for (List<int[]> part : parts) {
            count += part.size();
        }
        try (BufferedWriter in = new BufferedWriter(
                new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII), 1 << 16)) {
            in.write("p cnf " + variables + " " + count + "\n");
            StringBuilder line = new StringBuilder(64);
            int written = 0;
            for (List<int[]> part : parts) {
                for (int[] clause : part) {
                    if ((++written & 4095) == 0 && stop.getAsBoolean()) {
                        return false;
                    }
                    line.setLength(0);
                    for (int literal : clause) {
                        line.append(literal).append(' ');
                    }
                    in.append(line).append("0\n");
                }
            }
        } catch (IOException e) {
            // A solver that exits before reading everything (a usage error, say) answers unknown when it is parsed.
            if (process.isAlive()) {
                throw e;
            }
        }
        return true;
    }

    /** Reads the competition format: an {@code s} line with the status, {@code v} lines with the model. */
    static Answer parse(String output, int variables) {
        Status status = Status.UNKNOWN;
        boolean[] model = new boolean[variables + 1];
        for (String line : output.split("\n")) {
            if (line.startsWith("s ")) {
                String word = line.substring(2).trim();
                status = word.equals("SATISFIABLE") ? Status.SATISFIABLE
                        : word.equals("UNSATISFIABLE") ? Status.UNSATISFIABLE : Status.UNKNOWN;
            } else if (line.startsWith("v ")) {
                for (String token : line.substring(2).trim().split("\\s+")) {
                    if (token.isEmpty()) {
                        continue;
                    }
                    int literal = Integer.parseInt(token);
                    if (literal > 0 && literal <= variables) {
                        model[literal] = true;
                    }
                }
            }
        }
        return new Answer(status, status == Status.SATISFIABLE ? model : null);
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
