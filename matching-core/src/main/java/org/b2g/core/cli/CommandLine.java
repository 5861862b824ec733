package org.b2g.core.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.b2g.core.io.InputException;

/**
 * The one {@code main} of every verb of {@code ./b2g}: standard output and error as UTF-8 whatever the platform's
 * default, bad input as one line and exit code 2, any other failure with its trace and exit code 1.
 */
public final class CommandLine {

    /** Exit code for bad input or bad arguments: the message names the file, the field and the value. */
    public static final int BAD_INPUT = 2;
    /** Returned by a verb that started a server: the process keeps running instead of exiting. */
    public static final int KEEP_RUNNING = -1;

    /** A verb's body: reads its arguments, writes to {@code out} and {@code err}, returns the exit code. */
    @FunctionalInterface
    public interface Verb {
        int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
    }

    private CommandLine() {
    }

    /** Runs {@code verb} on {@code args} and exits with its code (unless it keeps running). */
    public static void main(String name, String[] args, Verb verb) {
        PrintStream out = utf8(FileDescriptor.out);
        PrintStream err = utf8(FileDescriptor.err);
        int code = run(name, List.of(args), verb, out, err);
        if (code != KEEP_RUNNING) {
            out.flush();
            System.exit(code);
        }
    }

    /** Runs {@code verb}, turning bad input into one line on {@code err} and exit code 2. */
    public static int run(String name, List<String> args, Verb verb, PrintStream out, PrintStream err) {
        try {
            return verb.run(args, out, err);
        } catch (InputException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } catch (Exception e) {
            err.println("b2g " + name + " failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    private static PrintStream utf8(FileDescriptor descriptor) {
        return new PrintStream(new FileOutputStream(descriptor), true, StandardCharsets.UTF_8);
    }
}
