package org.cwmpacs.soap;

/**
 * A body that cannot be read as a CWMP SOAP envelope: not well-formed, not in its declared charset,
 * a DTD, or beyond a {@link DecodeLimits} bound. The message says what and where; an HTTP server
 * answers it with 400.
 */
public final class CwmpDecodeException extends Exception {
    private final int line;
    private final int column;

    public CwmpDecodeException(String message, int line, int column) {
        super(format(message, line, column));
        this.line = line;
        this.column = column;
    }

    public CwmpDecodeException(String message, int line, int column, Throwable cause) {
        super(format(message, line, column), cause);
        this.line = line;
        this.column = column;
    }

    /** 1-based line of the problem, or -1 when it has no position (e.g. the body is too large). */
    public int line() {
        return line;
    }

    /** 1-based column of the problem, or -1. */
    public int column() {
        return column;
    }

    private static String format(String message, int line, int column) {
        return line > 0 ? message + " (line " + line + ", column " + column + ")" : message;
    }
}
