package org.cwmpacs.core.device;

import java.util.Optional;

/**
 * The limits on a parameter name a CPE sends, checked before anything reaches the store: TR-069's 256
 * characters, and a depth far beyond any real data model (the deepest of the shared real trees has 15
 * levels) that keeps a stored device document well inside the store's nesting limit.
 */
public final class ParameterNames {
    /** TR-069: {@code string(256)}. */
    public static final int MAX_LENGTH = 256;
    /** Levels of a name ({@code Device.WiFi.SSID.1.SSID} has 5). */
    public static final int MAX_DEPTH = 32;

    private ParameterNames() {
    }

    /** What is wrong with the name, or empty when it is within the limits. */
    public static Optional<String> problem(String name) {
        if (name.length() > MAX_LENGTH) {
            return Optional.of("the parameter name " + abbreviate(name) + " is " + name.length()
                    + " characters long; TR-069 allows " + MAX_LENGTH);
        }
        int depth = 1;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == '.' && i < name.length() - 1) {
                depth++;
            }
        }
        if (depth > MAX_DEPTH) {
            return Optional.of("the parameter name " + abbreviate(name) + " is " + depth + " levels deep; the ACS "
                    + "allows " + MAX_DEPTH);
        }
        return Optional.empty();
    }

    static String abbreviate(String name) {
        return "\"" + (name.length() <= 60 ? name : name.substring(0, 40) + "…" + name.substring(name.length() - 15))
                + "\"";
    }
}
