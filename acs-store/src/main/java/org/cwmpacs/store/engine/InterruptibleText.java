package org.cwmpacs.store.engine;

import org.cwmpacs.core.store.QueryControl;

/**
 * Text whose reading checks the query's control now and then: a regular expression that backtracks
 * for minutes ends at the time limit, or as soon as its client has gone.
 */
final class InterruptibleText implements CharSequence {
    private final String text;
    private final QueryControl control;
    private int reads;

    InterruptibleText(String text, QueryControl control) {
        this.text = text;
        this.control = control;
    }

    @Override
    public char charAt(int index) {
        if ((++reads & 0x3FF) == 0) {
            control.check();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new InterruptibleText(text.substring(start, end), control);
    }

    @Override
    public String toString() {
        return text;
    }
}
