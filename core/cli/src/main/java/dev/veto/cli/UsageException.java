package dev.veto.cli;

/** Bad input to a command (a missing file, no text); the message says what to do. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
