package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/** {@code xsd:unsignedInt}: read leniently (surrounding blanks, a leading {@code +}), written as bare digits. */
public final class UnsignedIntAdapter extends XmlAdapter<String, Long> {
    @Override
    public Long unmarshal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        long value = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new NumberFormatException("unsignedInt out of range: " + t);
        }
        return value;
    }

    @Override
    public String marshal(Long value) {
        return value == null ? null : Long.toString(value);
    }
}
