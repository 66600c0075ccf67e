package org.cwmpacs.core.stun;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A STUN message (RFC 5389, or RFC 3489 "classic" STUN as TR-111 CPEs often send it: no magic cookie, a
 * 16-byte transaction id). Attributes keep their order and raw values.
 *
 * @param type the message type (0x0001 Binding Request, 0x0101 Binding Success, 0x0111 Binding Error)
 * @param transactionId 12 bytes (RFC 5389), or 16 bytes (classic)
 */
public record StunMessage(int type, byte[] transactionId, List<Attribute> attributes) {
    public static final int BINDING_REQUEST = 0x0001;
    public static final int BINDING_SUCCESS = 0x0101;
    public static final int BINDING_ERROR = 0x0111;
    public static final int MAGIC_COOKIE = 0x2112A442;

    public static final int MAPPED_ADDRESS = 0x0001;
    public static final int USERNAME = 0x0006;
    public static final int MESSAGE_INTEGRITY = 0x0008;
    public static final int ERROR_CODE = 0x0009;
    public static final int XOR_MAPPED_ADDRESS = 0x0020;
    public static final int SOFTWARE = 0x8022;
    public static final int FINGERPRINT = 0x8028;
    /** TR-111: the request is sent from the CPE's connection request binding. */
    public static final int CONNECTION_REQUEST_BINDING = 0xC001;
    /** TR-111: the CPE's binding changed since its last request. */
    public static final int BINDING_CHANGE = 0xC002;
    /** TR-111's value of CONNECTION-REQUEST-BINDING. */
    public static final String TR111_BINDING = "dslforum.org/TR-111 ";

    /** One attribute: its type and its value (without padding). */
    public record Attribute(int type, byte[] value) {
        public Attribute {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Attribute a && a.type == type && Arrays.equals(a.value, value);
        }

        @Override
        public int hashCode() {
            return 31 * type + Arrays.hashCode(value);
        }
    }

    public StunMessage {
        Objects.requireNonNull(transactionId, "transactionId");
        if (transactionId.length != 12 && transactionId.length != 16) {
            throw new IllegalArgumentException("a transaction id has 12 bytes (16 in classic STUN)");
        }
        attributes = List.copyOf(attributes);
    }

    /** RFC 3489 STUN: no magic cookie. */
    public boolean classic() {
        return transactionId.length == 16;
    }

    public Optional<Attribute> attribute(int attributeType) {
        return attributes.stream().filter(a -> a.type() == attributeType).findFirst();
    }

    public boolean has(int attributeType) {
        return attribute(attributeType).isPresent();
    }

    public Optional<String> text(int attributeType) {
        return attribute(attributeType).map(a -> new String(a.value(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
