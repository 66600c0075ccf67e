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

    /** TR-069's lengths of the DeviceId fields. */
    public static final int MAX_OUI = 6;
    public static final int MAX_FIELD = 64;

    /**
     * What makes an Inform's DeviceId unusable, or empty: the OUI and serial number identify the device and
     * must be there; every field is within TR-069's length.
     */
    public static java.util.Optional<String> problem(org.cwmpacs.soap.message.DeviceIdStruct id) {
        if (id.oui().isBlank() || id.serialNumber().isBlank()) {
            return java.util.Optional.of("the Inform's DeviceId lacks its " + (id.oui().isBlank() ? "OUI" : "SerialNumber")
                    + "; the ACS identifies a device by OUI, ProductClass and SerialNumber");
        }
        if (id.oui().strip().length() > MAX_OUI) {
            return java.util.Optional.of("the DeviceId's OUI is " + id.oui().strip().length() + " characters long; "
                    + "TR-069 allows " + MAX_OUI);
        }
        String[][] fields = {{"Manufacturer", id.manufacturer()}, {"ProductClass", id.productClass()},
            {"SerialNumber", id.serialNumber()}};
        for (String[] field : fields) {
            if (field[1].strip().length() > MAX_FIELD) {
                return java.util.Optional.of("the DeviceId's " + field[0] + " is " + field[1].strip().length()
                        + " characters long; TR-069 allows " + MAX_FIELD);
            }
        }
        return java.util.Optional.empty();
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
