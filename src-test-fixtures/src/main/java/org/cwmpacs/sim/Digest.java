package org.cwmpacs.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTTP Digest authentication (RFC 2617, MD5, qop=auth), both sides. */
public final class Digest {
    private static final Pattern PARAM = Pattern.compile("(\\w+)\\s*=\\s*(?:\"([^\"]*)\"|([^,\\s]*))");

    private Digest() {
    }

    public static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The parameters of a {@code Digest ...} challenge or authorization header. */
    public static Map<String, String> params(String header) {
        Map<String, String> out = new HashMap<>();
        Matcher m = PARAM.matcher(header.replaceFirst("(?i)^\\s*digest\\s+", ""));
        while (m.find()) {
            out.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return out;
    }

    /** The expected {@code response} for these credentials and request. */
    public static String response(String username, String password, String realm, String method, String uri,
                                  String nonce, String nc, String cnonce, String qop) {
        String ha1 = md5(username + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        return qop == null || qop.isEmpty() ? md5(ha1 + ":" + nonce + ":" + ha2)
                : md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    /** An {@code Authorization} header answering a {@code WWW-Authenticate: Digest ...} challenge. */
    public static String authorization(String challenge, String username, String password, String method, String uri) {
        Map<String, String> c = params(challenge);
        String qop = c.containsKey("qop") ? "auth" : "";
        String nc = "00000001";
        String cnonce = md5(Long.toString(System.nanoTime())).substring(0, 16);
        String response = response(username, password, c.get("realm"), method, uri, c.get("nonce"), nc, cnonce, qop);
        return "Digest username=\"" + username + "\", realm=\"" + c.get("realm") + "\", nonce=\"" + c.get("nonce")
                + "\", uri=\"" + uri + "\", algorithm=MD5, response=\"" + response + "\""
                + (qop.isEmpty() ? "" : ", qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\"");
    }
}
