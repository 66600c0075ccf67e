package org.cwmpacs.ui.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cwmpacs.core.session.Transcripts;

/**
 * A device's recorded CWMP sessions as the device page shows them, secrets hidden: whoever may read a device
 * must not read the passwords sent to it (Download and Upload credentials, password and key parameters).
 */
final class TranscriptView {
    /** A credential element: {@code <Password>…</Password>} (Download, Upload) and the like. */
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(<(?:[A-Za-z0-9_-]+:)?(Password|ConnectionRequestPassword)\\b[^>]*>)[^<]*(</)");
    /** A parameter whose name says it holds a secret, in a ParameterValueStruct. */
    private static final Pattern SECRET_VALUE = Pattern.compile("(<Name>[^<]*(?:Password|Passphrase|PreSharedKey|"
            + "WEPKey|Secret|PSK)[^<]*</Name>\\s*<Value\\b[^>]*>)[^<]*(</)", Pattern.CASE_INSENSITIVE);
    static final String HIDDEN = "(hidden)";

    private TranscriptView() {
    }

    static List<Map<String, Object>> of(List<Transcripts.Session> sessions) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Transcripts.Session s : sessions) {
            List<Map<String, Object>> exchanges = new ArrayList<>();
            for (Transcripts.Exchange e : s.exchanges()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("time", e.timeMillis());
                x.put("cpe", masked(e.cpe()));
                x.put("cpeLength", e.cpeLength());
                x.put("status", e.status());
                x.put("acs", masked(e.acs()));
                x.put("acsLength", e.acsLength());
                exchanges.add(x);
            }
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("id", s.id());
            session.put("started", s.startedMillis());
            session.put("dropped", s.dropped());
            session.put("exchanges", exchanges);
            out.add(session);
        }
        return out;
    }

    static String masked(byte[] message) {
        String text = new String(message, StandardCharsets.UTF_8);
        text = CREDENTIAL.matcher(text).replaceAll("$1" + HIDDEN + "$3");
        return SECRET_VALUE.matcher(text).replaceAll("$1" + HIDDEN + "$2");
    }
}
