package org.cwmpacs.soap;

/**
 * How envelopes are written for one session.
 *
 * @param xmlDeclaration start with {@code <?xml version="1.0" encoding="UTF-8"?>}; off by default
 *     because UTF-8 needs none and some CPE agents reject a body that does not start with the Envelope
 * @param numericBooleans write booleans as {@code 1}/{@code 0} (default, read by every CPE) rather than
 *     {@code true}/{@code false}
 */
public record EncodeOptions(boolean xmlDeclaration, boolean numericBooleans) {
    public static final EncodeOptions DEFAULT = new EncodeOptions(false, true);
}
