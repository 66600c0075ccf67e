package org.cwmpacs.sim;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A CPE behind a NAT, as TR-069 Annex G and TR-111 describe it: from one UDP port it tells the ACS's STUN
 * server its binding (a classic STUN Binding Request with USERNAME and CONNECTION-REQUEST-BINDING), and on
 * that port it takes UDP connection requests: a signed {@code GET http://…?ts&id&un&cn&sig} with the right
 * username and HMAC-SHA1 signature, a fresh timestamp and a new id starts a session with
 * {@code 6 CONNECTION REQUEST}; anything else is ignored, as a CPE ignores it. {@link #natMoves} gives it a new
 * port, as a NAT does when a binding expires, and tells the STUN server with BINDING-CHANGE. The STUN
 * messages are built here by hand, apart from the ACS's codec.
 */
public final class UdpConnectionRequestListener implements AutoCloseable {
    private static final Pattern REQUEST = Pattern.compile("^GET http://[^?\\s]+\\?ts=(\\d+)&id=(\\d+)&un=([^&]*)"
            + "&cn=([^&]*)&sig=([0-9a-fA-F]{40}) HTTP/1\\.1\r\n");

    private final SimulatedCpe cpe;
    private final String username;
    private final String password;
    private final String stunUsername;
    private final InetSocketAddress stun;
    private final ExecutorService sessions = Executors.newSingleThreadExecutor();
    private final Set<String> seenIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger ignored = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();
    private volatile DatagramSocket socket;
    private volatile Thread reader;

    private UdpConnectionRequestListener(SimulatedCpe cpe, String username, String password, String stunUsername,
                                         InetSocketAddress stun) {
        this.cpe = cpe;
        this.username = username;
        this.password = password;
        this.stunUsername = stunUsername;
        this.stun = stun;
    }

    /** Opens the CPE's UDP port and tells the STUN server its binding. */
    public static UdpConnectionRequestListener start(SimulatedCpe cpe, String username, String password,
                                                     String stunUsername, InetSocketAddress stun) throws IOException {
        UdpConnectionRequestListener listener = new UdpConnectionRequestListener(cpe, username, password, stunUsername,
                stun);
        listener.open(false);
        return listener;
    }

    /**
     * As a CPE applies its own {@code ManagementServer.STUN*} parameters: with {@code STUNEnable} true it
     * tells {@code STUNServerAddress}:{@code STUNServerPort} its binding as {@code STUNUsername}, and takes
     * UDP connection requests signed with its {@code ConnectionRequestUsername}/{@code Password}.
     *
     * @throws IllegalStateException when its STUN client is not enabled or has no server
     */
    public static UdpConnectionRequestListener fromTree(SimulatedCpe cpe) throws IOException {
        DataModel tree = cpe.model();
        String ms = tree.root() + "ManagementServer.";
        java.util.function.Function<String, String> value = name -> tree.get(ms + name).map(SimParameter::value)
                .orElse("");
        if (!"true".equals(value.apply("STUNEnable")) && !"1".equals(value.apply("STUNEnable"))) {
            throw new IllegalStateException("the CPE's STUNEnable is not true");
        }
        if (value.apply("STUNServerAddress").isEmpty()) {
            throw new IllegalStateException("the CPE has no STUNServerAddress");
        }
        int port = value.apply("STUNServerPort").isEmpty() ? 3478 : Integer.parseInt(value.apply("STUNServerPort"));
        return start(cpe, value.apply("ConnectionRequestUsername"), value.apply("ConnectionRequestPassword"),
                value.apply("STUNUsername"), new InetSocketAddress(value.apply("STUNServerAddress"), port));
    }

    /** The NAT moved the CPE to another port: it tells the STUN server, with BINDING-CHANGE. */
    public void natMoves() throws IOException {
        DatagramSocket old = socket;
        open(true);
        old.close();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Connection requests that started a session. */
    public int accepted() {
        return accepted.get();
    }

    /** Datagrams ignored: bad signature, wrong user, stale, repeated. */
    public int ignored() {
        return ignored.get();
    }

    private void open(boolean changed) throws IOException {
        DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        byte[] request = bindingRequest(changed);
        s.setSoTimeout(3000);
        s.send(new DatagramPacket(request, request.length, stun));
        DatagramPacket answer = new DatagramPacket(new byte[1024], 1024);
        s.receive(answer);
        if (answer.getLength() < 20 || answer.getData()[0] != 0x01 || answer.getData()[1] != 0x01) {
            s.close();
            throw new IOException("the STUN server did not answer with a Binding Success");
        }
        s.setSoTimeout(0);
        socket = s;
        Thread t = new Thread(() -> read(s), "sim-udp-cr-" + s.getLocalPort());
        t.setDaemon(true);
        t.start();
        reader = t;
    }

    /** A classic (RFC 3489) Binding Request: 16-byte transaction id, USERNAME, CONNECTION-REQUEST-BINDING. */
    private byte[] bindingRequest(boolean changed) {
        byte[] user = stunUsername.getBytes(StandardCharsets.UTF_8);
        byte[] tr111 = "dslforum.org/TR-111 ".getBytes(StandardCharsets.US_ASCII);
        int userPadded = (user.length + 3) & ~3;
        int length = 4 + userPadded + 4 + tr111.length + (changed ? 4 : 0);
        ByteBuffer b = ByteBuffer.allocate(20 + length);
        b.putShort((short) 0x0001).putShort((short) length);
        byte[] transaction = new byte[16];
        random.nextBytes(transaction);
        transaction[0] = 0x01; // never the magic cookie's first byte
        b.put(transaction);
        b.putShort((short) 0x0006).putShort((short) user.length).put(user).put(new byte[userPadded - user.length]);
        b.putShort((short) 0xC001).putShort((short) tr111.length).put(tr111);
        if (changed) {
            b.putShort((short) 0xC002).putShort((short) 0);
        }
        return b.array();
    }

    private void read(DatagramSocket s) {
        byte[] buffer = new byte[2048];
        while (!s.isClosed()) {
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                s.receive(p);
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                continue;
            }
            if (valid(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8))) {
                accepted.incrementAndGet();
                sessions.execute(() -> cpe.runSession("6 CONNECTION REQUEST"));
            } else {
                ignored.incrementAndGet();
            }
        }
    }

    private boolean valid(String datagram) {
        Matcher m = REQUEST.matcher(datagram);
        if (!m.find() || !m.group(3).equals(username)) {
            return false;
        }
        long ts = Long.parseLong(m.group(1));
        if (Math.abs(System.currentTimeMillis() / 1000 - ts) > 120 || !seenIds.add(m.group(2))) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            byte[] key = password.getBytes(StandardCharsets.UTF_8);
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA1"));
            byte[] expected = mac.doFinal((m.group(1) + m.group(2) + m.group(3) + m.group(4))
                    .getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, java.util.HexFormat.of().parseHex(m.group(5).toLowerCase()));
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.close();
        }
        sessions.shutdownNow();
    }
}
