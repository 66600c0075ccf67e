package org.cwmpacs.core.connreq;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.cwmpacs.core.device.Device;
import org.cwmpacs.core.stun.UdpBindings;

/**
 * Where and how a UDP connection request goes (TR-069 Annex G): to the binding the ACS's STUN server learned
 * for the device's {@code STUNUsername}, else to the {@code UDPConnectionRequestAddress} the device reported;
 * not when the device says {@code STUNEnable} is false. Sent from the STUN server's port when it runs (the
 * NAT lets in what comes from where the CPE's STUN requests went), else from a passing port.
 */
public final class UdpPath {
    private final UdpBindings bindings;
    private volatile UdpConnectionRequest.Sender sender = UdpPath::fromAnyPort;
    private final SecureRandom random = new SecureRandom();

    public UdpPath(UdpBindings bindings) {
        this.bindings = bindings;
    }

    /** Datagrams go out through {@code stun} from now on. */
    public void sendFrom(UdpConnectionRequest.Sender stun) {
        this.sender = stun;
    }

    /** Where a UDP connection request reaches the device, if anywhere. */
    public Optional<InetSocketAddress> target(Device device) {
        Optional<String> enabled = ConnectionRequester.parameter(device, "STUNEnable");
        if (enabled.isPresent() && List.of("false", "0").contains(enabled.get().strip().toLowerCase())) {
            return Optional.empty();
        }
        Optional<InetSocketAddress> learned = ConnectionRequester.parameter(device, "STUNUsername")
                .flatMap(bindings::binding).map(UdpBindings.Binding::address);
        return learned.or(() -> ConnectionRequester.parameter(device, "UDPConnectionRequestAddress")
                .flatMap(UdpConnectionRequest::address));
    }

    /**
     * Sends the request signed with each of {@code credentials} (UDP has no answer to tell which the CPE
     * takes), each {@link UdpConnectionRequest#COPIES} times; the outcome says it went by UDP.
     */
    public ConnectionRequestResult send(InetSocketAddress target, List<org.cwmpacs.core.auth.CpeCredentials> credentials) {
        InetSocketAddress to = target.isUnresolved() ? new InetSocketAddress(target.getHostString(), target.getPort())
                : target;
        if (to.isUnresolved()) {
            return new ConnectionRequestResult(false, "UDP connection request: cannot resolve "
                    + target.getHostString()).via("UDP");
        }
        try {
            for (org.cwmpacs.core.auth.CpeCredentials c : credentials) {
                byte[] cnonce = new byte[8];
                random.nextBytes(cnonce);
                byte[] message = UdpConnectionRequest.message(to, c.username(), c.password(),
                        System.currentTimeMillis() / 1000, random.nextLong() & 0xFFFFFFFFL,
                        HexFormat.of().formatHex(cnonce));
                for (int i = 0; i < UdpConnectionRequest.COPIES; i++) {
                    sender.send(message, to);
                }
            }
            return new ConnectionRequestResult(true, "UDP connection request sent to " + to.getAddress().getHostAddress()
                    + ":" + to.getPort()).via("UDP");
        } catch (IOException | RuntimeException e) {
            return new ConnectionRequestResult(false, "UDP connection request failed: " + e.getMessage()).via("UDP");
        }
    }

    private static void fromAnyPort(byte[] datagram, InetSocketAddress to) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(datagram, datagram.length, to));
        }
    }
}
