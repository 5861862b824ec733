package org.b2g.core.io;

/**
 * Bad input: the message is one line that names the file, the field or line, the value and what is expected.
 * The command line prints it without a stack trace and exits with code 2.
 */
public final class InputException extends RuntimeException {

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
