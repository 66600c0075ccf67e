package org.cwmpacs.core.stun;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * STUN's wire format (RFC 5389 §6 and §15): the 20-byte header, attributes padded to 4 bytes,
 * MESSAGE-INTEGRITY (HMAC-SHA1) and FINGERPRINT (CRC-32 xor 0x5354554E), (XOR-)MAPPED-ADDRESS. Datagrams are
 * bounded before they are read: at most {@link #MAX_BYTES} bytes and {@link #MAX_ATTRIBUTES} attributes.
 */
public final class StunCodec {
    public static final int MAX_BYTES = 1500;
    public static final int MAX_ATTRIBUTES = 32;
    private static final int HEADER = 20;
    private static final int FINGERPRINT_XOR = 0x5354554E;

    private StunCodec() {
    }

    public static StunMessage decode(byte[] datagram) throws StunException {
        if (datagram.length < HEADER || datagram.length > MAX_BYTES) {
            throw new StunException("a STUN message has 20 to " + MAX_BYTES + " bytes, not " + datagram.length);
        }
        ByteBuffer b = ByteBuffer.wrap(datagram);
        int type = b.getShort() & 0xFFFF;
        int length = b.getShort() & 0xFFFF;
        if ((type & 0xC000) != 0) {
            throw new StunException("not a STUN message: its first two bits are not zero");
        }
        if (length != datagram.length - HEADER || length % 4 != 0) {
            throw new StunException("the length field (" + length + ") does not match the " + (datagram.length - HEADER)
                    + " bytes after the header, or is not a multiple of 4");
        }
        boolean cookie = b.getInt(4) == StunMessage.MAGIC_COOKIE;
        byte[] transaction = Arrays.copyOfRange(datagram, cookie ? 8 : 4, HEADER);
        b.position(HEADER);
        List<StunMessage.Attribute> attributes = new ArrayList<>();
        while (b.remaining() > 0) {
            if (b.remaining() < 4 || attributes.size() >= MAX_ATTRIBUTES) {
                throw new StunException(attributes.size() >= MAX_ATTRIBUTES ? "more than " + MAX_ATTRIBUTES
                        + " attributes" : "a truncated attribute");
            }
            int attributeType = b.getShort() & 0xFFFF;
            int attributeLength = b.getShort() & 0xFFFF;
            int padded = (attributeLength + 3) & ~3;
            if (padded > b.remaining()) {
                throw new StunException("attribute 0x" + Integer.toHexString(attributeType) + " runs past the message");
            }
            byte[] value = new byte[attributeLength];
            b.get(value);
            b.position(b.position() + padded - attributeLength);
            attributes.add(new StunMessage.Attribute(attributeType, value));
        }
        return new StunMessage(type, transaction, attributes);
    }

    /**
     * The message's bytes, with MESSAGE-INTEGRITY (when a key is given) and FINGERPRINT (when asked) appended
     * after its attributes.
     *
     * @param padding the byte attributes are padded with (any value is allowed; 0 normally)
     */
    public static byte[] encode(StunMessage message, Optional<byte[]> integrityKey, boolean fingerprint, byte padding) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (StunMessage.Attribute a : message.attributes()) {
            attribute(body, a.type(), a.value(), padding);
        }
        byte[] out = header(message, body.toByteArray(), 0);
        if (integrityKey.isPresent()) {
            byte[] withRoom = header(message, body.toByteArray(), 24);
            attribute(body, StunMessage.MESSAGE_INTEGRITY, hmac(integrityKey.get(), withRoom), padding);
            out = header(message, body.toByteArray(), 0);
        }
        if (fingerprint) {
            byte[] withRoom = header(message, body.toByteArray(), 8);
            attribute(body, StunMessage.FINGERPRINT, ByteBuffer.allocate(4).putInt(crc(withRoom)).array(), padding);
            out = header(message, body.toByteArray(), 0);
        }
        return out;
    }

    /** Whether the message's MESSAGE-INTEGRITY is right for {@code key} (RFC 5389 §15.4); false if it has none. */
    public static boolean integrityHolds(byte[] datagram, byte[] key) {
        int at = attributeOffset(datagram, StunMessage.MESSAGE_INTEGRITY);
        if (at < 0 || at + 24 > datagram.length) {
            return false;
        }
        byte[] covered = Arrays.copyOf(datagram, at);
        ByteBuffer.wrap(covered).putShort(2, (short) (at + 24 - HEADER));
        return MessageDigest.isEqual(hmac(key, covered), Arrays.copyOfRange(datagram, at + 4, at + 24));
    }

    /** Whether the message's FINGERPRINT is right; false if it has none. */
    public static boolean fingerprintHolds(byte[] datagram) {
        int at = attributeOffset(datagram, StunMessage.FINGERPRINT);
        if (at < 0 || at + 8 != datagram.length) {
            return false;
        }
        return ByteBuffer.wrap(datagram).getInt(at + 4) == crc(Arrays.copyOf(datagram, at));
    }

    /** XOR-MAPPED-ADDRESS's value for an address (RFC 5389 §15.2). */
    public static byte[] xorAddress(InetSocketAddress address, byte[] transactionId) {
        byte[] ip = address.getAddress().getAddress();
        ByteBuffer b = ByteBuffer.allocate(4 + ip.length);
        b.put((byte) 0).put((byte) (ip.length == 4 ? 1 : 2)).putShort((short) (address.getPort()
                ^ (StunMessage.MAGIC_COOKIE >>> 16)));
        byte[] mask = mask(transactionId);
        for (int i = 0; i < ip.length; i++) {
            b.put((byte) (ip[i] ^ mask[i]));
        }
        return b.array();
    }

    /** The address in an XOR-MAPPED-ADDRESS value. */
    public static InetSocketAddress xorAddress(byte[] value, byte[] transactionId) throws StunException {
        InetSocketAddress plain = address(value);
        byte[] ip = plain.getAddress().getAddress();
        byte[] mask = mask(transactionId);
        for (int i = 0; i < ip.length; i++) {
            ip[i] ^= mask[i];
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), plain.getPort() ^ (StunMessage.MAGIC_COOKIE >>> 16));
        } catch (UnknownHostException e) {
            throw new StunException("a bad address: " + e.getMessage());
        }
    }

    /** MAPPED-ADDRESS's value (RFC 3489 §11.2.1). */
    public static byte[] address(InetSocketAddress address) {
        byte[] ip = address.getAddress().getAddress();
        return ByteBuffer.allocate(4 + ip.length).put((byte) 0).put((byte) (address.getAddress() instanceof Inet4Address
                ? 1 : 2)).putShort((short) address.getPort()).put(ip).array();
    }

    public static InetSocketAddress address(byte[] value) throws StunException {
        if (value.length != 8 && value.length != 20 || value[1] != (value.length == 8 ? 1 : 2)) {
            throw new StunException("an address attribute holds a family 1 (IPv4) or 2 (IPv6) address");
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(Arrays.copyOfRange(value, 4, value.length)),
                    ((value[2] & 0xFF) << 8) | (value[3] & 0xFF));
        } catch (UnknownHostException e) {
            throw new StunException("a bad address: " + e.getMessage());
        }
    }

    private static byte[] mask(byte[] transactionId) {
        return ByteBuffer.allocate(16).putInt(StunMessage.MAGIC_COOKIE).put(transactionId, 0, 12).array();
    }

    private static byte[] header(StunMessage message, byte[] body, int extra) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + body.length);
        b.putShort((short) message.type()).putShort((short) (body.length + extra));
        if (!message.classic()) {
            b.putInt(StunMessage.MAGIC_COOKIE);
        }
        b.put(message.transactionId()).put(body);
        return b.array();
    }

    private static void attribute(ByteArrayOutputStream out, int type, byte[] value, byte padding) {
        out.write(type >>> 8);
        out.write(type);
        out.write(value.length >>> 8);
        out.write(value.length);
        out.writeBytes(value);
        for (int i = value.length; i % 4 != 0; i++) {
            out.write(padding);
        }
    }

    private static int attributeOffset(byte[] datagram, int wanted) {
        int at = HEADER;
        while (at + 4 <= datagram.length) {
            int type = ((datagram[at] & 0xFF) << 8) | (datagram[at + 1] & 0xFF);
            int length = ((datagram[at + 2] & 0xFF) << 8) | (datagram[at + 3] & 0xFF);
            if (type == wanted) {
                return at;
            }
            at += 4 + ((length + 3) & ~3);
        }
        return -1;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA1"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return (int) crc.getValue() ^ FINGERPRINT_XOR;
    }
}
