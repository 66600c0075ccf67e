package org.cwmpacs.core.expression;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A tag as a parameter name ({@code Tags.<name>}), as GenieACS encodes it: the tag's URI-component
 * encoding with {@code !~*'().} encoded too and {@code %} written {@code 0x} (so {@code "my tag"} is
 * {@code Tags.my0x20tag}).
 */
public final class TagNames {
    private TagNames() {
    }

    public static String encode(String tag) {
        StringBuilder percent = new StringBuilder();
        for (byte b : tag.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                percent.append((char) c);
            } else {
                percent.append(String.format("%%%02X", c));
            }
        }
        // a literal "0x" before two digits or capitals would read as an escape: its x is escaped
        return percent.toString().replaceAll("0x(?=[0-9A-Z]{2})", "0%78").replace("%", "0x");
    }

    /** The tag a {@code Tags.<name>} names. */
    public static String decode(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '0' && i + 3 < name.length() && name.charAt(i + 1) == 'x' && isHex(name.charAt(i + 2))
                    && isHex(name.charAt(i + 3))) {
                out.write(Integer.parseInt(name.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }
}
