package org.cwmpacs.core.device;

import java.nio.charset.StandardCharsets;

/**
 * GenieACS's device id: {@code OUI-ProductClass-SerialNumber}, or {@code OUI-SerialNumber} without a
 * product class, every character outside {@code [A-Za-z0-9_]} written as {@code %XX} of its UTF-8 bytes.
 * The OUI is used as the CPE sent it, as GenieACS does, so that an existing GenieACS database keeps
 * matching its devices.
 */
public final class DeviceId {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private DeviceId() {
    }

    public static String of(String oui, String productClass, String serialNumber) {
        return productClass.isEmpty() ? escape(oui) + "-" + escape(serialNumber)
                : escape(oui) + "-" + escape(productClass) + "-" + escape(serialNumber);
    }

    static String escape(String part) {
        StringBuilder sb = new StringBuilder(part.length() + 8);
        for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
                sb.append(c);
            } else {
                sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return sb.toString();
    }
}
