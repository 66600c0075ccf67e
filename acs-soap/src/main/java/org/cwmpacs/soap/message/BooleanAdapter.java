package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/**
 * {@code xsd:boolean}: reads {@code 1}, {@code 0}, {@code true}, {@code false} in any case; writes
 * {@code 1}/{@code 0} (which every CPE parses; RDK-B rejects {@code true} in numeric fields) unless
 * the session asks for words.
 */
public final class BooleanAdapter extends XmlAdapter<String, Boolean> {
    private final boolean numeric;

    /** Writes {@code 1}/{@code 0}. */
    public BooleanAdapter() {
        this(true);
    }

    public BooleanAdapter(boolean numeric) {
        this.numeric = numeric;
    }

    @Override
    public Boolean unmarshal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return parse(text);
    }

    @Override
    public String marshal(Boolean value) {
        return value == null ? null : format(value);
    }

    /** The lexical form this adapter writes. */
    public String format(boolean value) {
        if (numeric) {
            return value ? "1" : "0";
        }
        return value ? "true" : "false";
    }

    static boolean parse(String text) {
        String t = text.strip();
        if (t.equals("1") || t.equalsIgnoreCase("true")) {
            return true;
        }
        if (t.equals("0") || t.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("not a boolean: '" + t + "'");
    }
}
