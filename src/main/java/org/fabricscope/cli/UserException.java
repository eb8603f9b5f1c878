package org.fabricscope.cli;

/** A problem the user can fix (a file exists, an option is inconsistent); shown as its message. */
final class UserException extends RuntimeException implements org.fabricscope.present.OperatingError {
    private static final long serialVersionUID = 1L;

    UserException(String message) {
        super(message);
    }
}
