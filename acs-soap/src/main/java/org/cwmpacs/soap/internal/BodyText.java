package org.cwmpacs.soap.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cwmpacs.soap.CwmpDecodeException;

/**
 * Turns a body's bytes into text the way sloppy CPEs need: a byte-order mark is dropped, the charset is
 * the HTTP header's, else the XML declaration's, else UTF-8 (a UTF-8 BOM in front of an ISO-8859-1
 * declaration loses to the declaration, since the bytes that follow are Latin-1), and leading blanks
 * are dropped. Bytes that are not valid in the chosen charset are an error with their position.
 */
public final class BodyText {
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    /**
     * Where the document starts in the body and how to read it.
     *
     * @param start the offset after any BOM and leading blanks
     * @param linesDropped the line breaks skipped before {@code start}, to report positions in the original body
     * @param declarationAgrees false when an XML declaration names another charset than {@code charset}
     */
    public record Located(byte[] body, int start, Charset charset, int linesDropped, boolean declarationAgrees) {
        /** True for an empty POST (nothing but blanks). */
        public boolean isEmpty() {
            return start >= body.length;
        }

        /** True when a parser may read the bytes themselves: UTF-8 with no declaration saying otherwise. */
        public boolean isPlainUtf8() {
            return charset.equals(StandardCharsets.UTF_8) && declarationAgrees;
        }
    }

    private BodyText() {
    }

    public static Located locate(byte[] body, Optional<String> headerCharset, List<String> warnings)
            throws CwmpDecodeException {
        int start = 0;
        Charset bomCharset = null;
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            start = 3;
            bomCharset = StandardCharsets.UTF_8;
        } else if (body.length >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
            start = 2;
            bomCharset = StandardCharsets.UTF_16BE;
        } else if (body.length >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
            start = 2;
            bomCharset = StandardCharsets.UTF_16LE;
        }
        if (bomCharset != null && bomCharset != StandardCharsets.UTF_8) {
            // blanks are two bytes wide here: they are dropped after decoding
            return new Located(body, start, bomCharset, 0, true);
        }
        int lines = 0;
        while (start < body.length && isBlank((char) body[start])) {
            if (body[start] == '\n') {
                lines++;
            }
            start++;
        }
        Optional<Charset> declared = declaredEncoding(body, start).flatMap(name -> lookup(name, "XML declaration", warnings));
        Charset charset = headerCharset.flatMap(name -> lookup(name, "Content-Type", warnings))
                .or(() -> declared)
                .orElse(StandardCharsets.UTF_8);
        return new Located(body, start, charset, lines, declared.map(charset::equals).orElse(true));
    }

    /** The document as text, decoded strictly: a byte not valid in the charset is an error with its position. */
    public static String text(Located located) throws CwmpDecodeException {
        String text = strictDecode(located.body(), located.start(), located.charset());
        int i = 0;
        while (i < text.length() && isBlank(text.charAt(i))) {
            i++;
        }
        return i == 0 ? text : text.substring(i);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static Optional<Charset> lookup(String name, String where, List<String> warnings) {
        String n = name.strip().replace("\"", "");
        try {
            return Optional.of(Charset.forName(n));
        } catch (IllegalArgumentException unknown) {
            warnings.add("unknown charset '" + n + "' in the " + where + ", ignored");
            return Optional.empty();
        }
    }

    private static Optional<String> declaredEncoding(byte[] body, int start) {
        int i = start;
        while (i < body.length && isBlank((char) body[i])) {
            i++;
        }
        int end = Math.min(body.length, i + 200);
        // the declaration is ASCII in every charset a CPE uses, except UTF-16, which has a BOM
        String head = new String(body, i, end - i, StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED_ENCODING.matcher(head);
        return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static String strictDecode(byte[] body, int start, Charset charset) throws CwmpDecodeException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body, start, body.length - start);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil((body.length - start) * (double) decoder.maxCharsPerByte()) + 1);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            int line = 1;
            int column = 1;
            for (int i = 0; i < bad; i++) {
                if (body[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((body[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            throw new CwmpDecodeException(String.format("byte 0x%02X is not valid %s; the body is read as %s "
                    + "(from the Content-Type charset, the XML declaration, or the UTF-8 default)",
                    body[bad] & 0xFF, charset.name(), charset.name()), line, column);
        }
        try {
            var flush = decoder.flush(out);
            if (flush.isError()) {
                flush.throwException();
            }
        } catch (CharacterCodingException e) {
            throw new CwmpDecodeException("body ends inside a " + charset.name() + " character", -1, -1, e);
        }
        out.flip();
        return out.toString();
    }
}
