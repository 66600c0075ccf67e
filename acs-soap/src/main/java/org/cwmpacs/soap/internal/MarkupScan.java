package org.cwmpacs.soap.internal;

import org.cwmpacs.soap.CwmpDecodeException;

/**
 * One linear pass over a body's bytes before the XML parser sees them. The parser's cost per start tag
 * grows with the square of its attributes and namespace declarations (30,000 declarations on one element
 * took seconds), so an element carrying more than the limit is refused here, before it is parsed. The same
 * pass refuses UTF-8 sequences the parser lets through but UTF-8 forbids: overlong forms ({@code C0 80}
 * would become a NUL in a stored value) and bytes that start no character.
 */
public final class MarkupScan {
    private MarkupScan() {
    }

    /**
     * @param body UTF-8 bytes (a body in another charset is checked after transcoding)
     * @param start where the document starts
     * @param maxAttributes attributes plus namespace declarations allowed on one element
     * @param linesDropped line breaks before {@code start}, to report positions in the original body
     */
    public static void check(byte[] body, int start, int maxAttributes, int linesDropped) throws CwmpDecodeException {
        int n = body.length;
        int line = 1 + linesDropped;
        int lineStart = start;
        int i = start;
        while (i < n) {
            int c = body[i] & 0xFF;
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (c >= 0x80) {
                checkUtf8(body, i, line, i - lineStart + 1);
            } else if (c == '<' && i + 1 < n) {
                int next = body[i + 1];
                if (next == '!' || next == '?') {
                    // comments, CDATA, processing instructions and declarations carry no attributes; the
                    // parser reads (or refuses) them
                    i++;
                    continue;
                }
                if (next != '/') {
                    int tagLine = line;
                    int tagColumn = i - lineStart + 1;
                    int attributes = 0;
                    i++;
                    while (i < n && body[i] != '>') {
                        int b = body[i];
                        if (b == '=') {
                            if (++attributes > maxAttributes) {
                                throw new CwmpDecodeException("an element carries more than " + maxAttributes
                                        + " attributes and namespace declarations, the limit per element", tagLine,
                                        tagColumn);
                            }
                        } else if (b == '"' || b == '\'') {
                            i++;
                            while (i < n && body[i] != b) {
                                if (body[i] == '\n') {
                                    line++;
                                    lineStart = i + 1;
                                } else if ((body[i] & 0xFF) >= 0x80) {
                                    checkUtf8(body, i, line, i - lineStart + 1);
                                }
                                i++;
                            }
                        } else if (b == '\n') {
                            line++;
                            lineStart = i + 1;
                        }
                        i++;
                    }
                    continue;
                }
            }
            i++;
        }
    }

    /** The lead byte at {@code i} and the one after it; the parser checks the rest of the sequence. */
    private static void checkUtf8(byte[] body, int i, int line, int column) throws CwmpDecodeException {
        int c = body[i] & 0xFF;
        int next = i + 1 < body.length ? body[i + 1] & 0xFF : 0x80;
        boolean overlong = c == 0xC0 || c == 0xC1 || (c == 0xE0 && next < 0xA0) || (c == 0xF0 && next < 0x90);
        if (overlong) {
            throw new CwmpDecodeException(String.format("bytes %02X %02X are an overlong UTF-8 sequence, which UTF-8 "
                    + "forbids", c, next), line, column);
        }
        if (c >= 0xF5) {
            throw new CwmpDecodeException(String.format("byte 0x%02X is not valid UTF-8", c), line, column);
        }
    }
}
