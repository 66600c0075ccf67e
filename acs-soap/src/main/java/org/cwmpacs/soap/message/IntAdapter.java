package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/** {@code xsd:int}: read leniently (surrounding blanks, a leading {@code +}), written as bare digits. */
public final class IntAdapter extends XmlAdapter<String, Integer> {
    @Override
    public Integer unmarshal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        return Integer.parseInt(t.startsWith("+") ? t.substring(1) : t);
    }

    @Override
    public String marshal(Integer value) {
        return value == null ? null : Integer.toString(value);
    }
}
