package org.cwmpacs.core.stun;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The public UDP bindings CPEs showed the STUN server (TR-111 Part 2): for each STUN username (the CPE's
 * {@code ManagementServer.STUNUsername}), the address and port its connection-request binding maps to, and
 * when it was last seen. Bounded: the binding seen longest ago is forgotten first.
 */
public final class UdpBindings {
    /** What is known of one CPE's binding. */
    public record Binding(InetSocketAddress address, Instant seen, boolean changed) {
    }

    /**
     * Anyone can send STUN requests: at most this many bindings are kept (about 60 MB at worst), the ones seen
     * longest ago forgotten first; a CPE tells its binding again at its next STUN keep-alive.
     */
    static final int MAX_BINDINGS = 250_000;

    private final LinkedHashMap<String, Binding> bindings = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Binding> eldest) {
            return size() > MAX_BINDINGS;
        }
    };

    /** Records a binding; whether it differs from the one known before. */
    public synchronized boolean seen(String username, InetSocketAddress address, Instant when) {
        Binding before = bindings.get(username);
        boolean changed = before != null && !before.address().equals(address);
        bindings.put(username, new Binding(address, when, changed));
        return changed;
    }

    public synchronized Optional<Binding> binding(String username) {
        return Optional.ofNullable(bindings.get(username));
    }

    public synchronized int size() {
        return bindings.size();
    }
}
