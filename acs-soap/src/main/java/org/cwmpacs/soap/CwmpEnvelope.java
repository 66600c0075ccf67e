package org.cwmpacs.soap;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cwmpacs.soap.message.Cwmp;
import org.cwmpacs.soap.message.CwmpMessage;

/**
 * One SOAP envelope of a CWMP session.
 *
 * @param cwmpNamespace the {@code urn:dslforum-org:cwmp-1-N} the message uses; a session answers in the
 *     namespace of its Inform. Decoding falls back to {@code cwmp-1-0} when the envelope names none.
 * @param header the SOAP header elements
 * @param message the Body's content; empty for an empty Body (the CPE has no more requests)
 * @param warnings what decoding tolerated (an unreadable CurrentTime, a bad number, ...), for the log
 */
public record CwmpEnvelope(String cwmpNamespace, SoapHeader header, Optional<CwmpMessage> message,
                           List<String> warnings) {
    public CwmpEnvelope {
        if (!Cwmp.isCwmpNamespace(cwmpNamespace)) {
            throw new IllegalArgumentException("not a CWMP namespace: " + cwmpNamespace);
        }
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(message, "message");
        warnings = List.copyOf(warnings);
    }

    /** An envelope to send. */
    public static CwmpEnvelope of(String cwmpNamespace, SoapHeader header, CwmpMessage message) {
        return new CwmpEnvelope(cwmpNamespace, header, Optional.of(message), List.of());
    }

    /** The message if it is of the given type. */
    public <T extends CwmpMessage> Optional<T> message(Class<T> type) {
        return message.filter(type::isInstance).map(type::cast);
    }
}
