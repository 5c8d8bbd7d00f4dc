package org.resnetexplorer.cli;

/** The user asked for something that cannot be done as asked; the message says what and how to fix it. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
