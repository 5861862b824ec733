package org.b2g.service;

/**
 * A setting the service cannot start with (a too short organizer token, a secret that is not base64url): the
 * operator fixes the value, so the start says it in one line and exits with code 2, without a stack trace.
 */
final class BadConfigurationException extends IllegalStateException {

    BadConfigurationException(String message) {
        super(message);
    }
}
