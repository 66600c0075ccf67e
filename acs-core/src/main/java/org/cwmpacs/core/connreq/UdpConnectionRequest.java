package org.cwmpacs.core.connreq;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The UDP connection request of TR-069 Annex G: one datagram holding
 * {@code GET http://host:port?ts=..&id=..&un=..&cn=..&sig=.. HTTP/1.1}, signed with HMAC-SHA1 keyed by the
 * connection request password over {@code ts id un cn} concatenated. The CPE drops a stale {@code ts} and a
 * repeated {@code id}, so the same datagram is sent a few times (UDP may lose one).
 */
public final class UdpConnectionRequest {
    /** Copies of each datagram sent, as GenieACS sends them. */
    public static final int COPIES = 3;

    private UdpConnectionRequest() {
    }

    /** Sends datagrams: from the STUN server's port when it runs, so that they pass the CPE's NAT binding. */
    public interface Sender {
        void send(byte[] datagram, InetSocketAddress to) throws java.io.IOException;
    }

    /**
     * @param ts seconds since 1970
     * @param id the message id (the CPE drops repeats of one)
     * @param cnonce random hex
     */
    public static byte[] message(InetSocketAddress to, String username, String password, long ts, long id,
                                 String cnonce) {
        String hostPort = host(to) + ":" + to.getPort();
        String sig = signature(password, ts + "" + id + username + cnonce);
        String uri = "http://" + hostPort + "?ts=" + ts + "&id=" + id + "&un=" + username + "&cn=" + cnonce + "&sig=" + sig;
        return ("GET " + uri + " HTTP/1.1\r\nHost: " + hostPort + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static String signature(String password, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            byte[] key = password.getBytes(StandardCharsets.UTF_8);
            // an empty key is HMAC's all-zero key, which one zero byte also pads to
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA1"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored {@code UDPConnectionRequestAddress}: {@code host:port} or {@code [v6]:port}. */
    public static Optional<InetSocketAddress> address(String stored) {
        String s = stored.strip();
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            return Optional.empty();
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(s.substring(colon + 1));
            if (port < 1 || port > 65535 || host.isEmpty()) {
                return Optional.empty();
            }
            // a name is resolved when the request is sent, on a sender thread, never where the device is read
            boolean literal = host.contains(":") || host.matches("[0-9.]+");
            return Optional.of(literal ? new InetSocketAddress(host, port) : InetSocketAddress.createUnresolved(host, port));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String host(InetSocketAddress to) {
        String host = to.getAddress() != null ? to.getAddress().getHostAddress() : to.getHostString();
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
