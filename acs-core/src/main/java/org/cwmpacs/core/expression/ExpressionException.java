package org.cwmpacs.core.expression;

/** An expression that cannot be parsed (the message names the position and what was expected) or used. */
public final class ExpressionException extends IllegalArgumentException {
    private final int position;

    public ExpressionException(String message, int position) {
        super(position >= 0 ? message + " at position " + (position + 1) : message);
        this.position = position;
    }

    public ExpressionException(String message) {
        this(message, -1);
    }

    /** 0-based character position of the problem, or -1. */
    public int position() {
        return position;
    }
}
