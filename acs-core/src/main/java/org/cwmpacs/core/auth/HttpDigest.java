package org.cwmpacs.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP Digest authentication as CWMP uses it (RFC 2617, MD5, {@code qop="auth"} or none): reading the
 * parameters of a header, computing the expected response, and answering a challenge. Written separately
 * from the simulator's, so that each checks the other.
 */
public final class HttpDigest {
    private static final Pattern PARAM = Pattern.compile("([A-Za-z-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))");

    private HttpDigest() {
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this Java runtime", e);
        }
    }

    /** The parameters of a {@code Digest ...} header, names in lower case. */
    public static Map<String, String> params(String header) {
        Map<String, String> out = new HashMap<>();
        Matcher m = PARAM.matcher(header.replaceFirst("(?i)^\\s*digest\\s+", ""));
        while (m.find()) {
            out.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1")
                    : m.group(3));
        }
        return out;
    }

    /** The {@code response} a client with these credentials computes for this request. */
    public static String response(String username, String password, String realm, String method, String uri,
                                  String nonce, String nc, String cnonce, String qop) {
        String ha1 = md5(username + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        return qop == null || qop.isEmpty() ? md5(ha1 + ":" + nonce + ":" + ha2)
                : md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    /** An {@code Authorization} header answering a {@code WWW-Authenticate: Digest ...} challenge. */
    public static String authorization(String challenge, String username, String password, String method, String uri,
                                       String cnonce) {
        Map<String, String> c = params(challenge);
        String offered = c.getOrDefault("qop", "");
        String qop = offered.isEmpty() ? "" : "auth";
        String nc = "00000001";
        String realm = c.getOrDefault("realm", "");
        String nonce = c.getOrDefault("nonce", "");
        String response = response(username, password, realm, method, uri, nonce, nc, cnonce, qop);
        StringBuilder h = new StringBuilder("Digest username=\"").append(quote(username)).append("\", realm=\"")
                .append(quote(realm)).append("\", nonce=\"").append(quote(nonce)).append("\", uri=\"").append(uri)
                .append("\", response=\"").append(response).append('"');
        if (c.containsKey("algorithm")) {
            h.append(", algorithm=").append(c.get("algorithm"));
        }
        if (c.containsKey("opaque")) {
            h.append(", opaque=\"").append(quote(c.get("opaque"))).append('"');
        }
        if (!qop.isEmpty()) {
            h.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        return h.toString();
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
