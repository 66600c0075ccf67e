package org.cwmpacs.core.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last CWMP sessions of each device, message by message (what the CPE sent, what it was answered), for
 * the operator to read in the UI; GenieACS only has a debug file for that. Kept in this process's memory
 * within a byte budget: the devices whose sessions are oldest are forgotten first, so on a busy fleet only
 * recent sessions remain. Recording keeps references to the bytes the session already has; nothing is
 * copied or parsed on the session's path.
 */
public final class Transcripts {
    /** Recording nothing. */
    public static final Transcripts OFF = new Transcripts(0);
    static final int SESSIONS_PER_DEVICE = 3;
    static final int MESSAGES_PER_SESSION = 200;
    /** A message longer than this is kept cut, with its length. */
    static final int MAX_MESSAGE_BYTES = 256 * 1024;

    /** One POST and its answer. */
    public record Exchange(long timeMillis, byte[] cpe, int cpeLength, int status, byte[] acs, int acsLength) {
    }

    /** One session: its exchanges in order, and how many more there were than were kept. */
    public record Session(String id, long startedMillis, List<Exchange> exchanges, int dropped) {
    }

    private static final class Recording {
        final String id;
        final long started;
        final List<Exchange> exchanges = new ArrayList<>();
        int dropped;

        Recording(String id, long started) {
            this.id = id;
            this.started = started;
        }
    }

    private final long maxBytes;
    private long bytes;
    /** Access order: the device recorded longest ago comes first, to be forgotten first. */
    private final LinkedHashMap<String, Deque<Recording>> devices = new LinkedHashMap<>(16, 0.75f, true);

    /** @param maxBytes the budget ({@code ACS_TRANSCRIPT_MB}); 0 records nothing */
    public Transcripts(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public boolean enabled() {
        return maxBytes > 0;
    }

    public void record(String deviceId, String sessionId, long timeMillis, byte[] cpe, int status, byte[] acs) {
        if (maxBytes <= 0) {
            return;
        }
        byte[] cpeKept = cut(cpe);
        byte[] acsKept = cut(acs);
        synchronized (this) {
            Deque<Recording> sessions = devices.computeIfAbsent(deviceId, k -> new ArrayDeque<>());
            Recording current = sessions.peekLast();
            if (current == null || !current.id.equals(sessionId)) {
                current = new Recording(sessionId, timeMillis);
                sessions.addLast(current);
                while (sessions.size() > SESSIONS_PER_DEVICE) {
                    bytes -= size(sessions.removeFirst());
                }
            }
            if (current.exchanges.size() >= MESSAGES_PER_SESSION) {
                current.dropped++;
                return;
            }
            current.exchanges.add(new Exchange(timeMillis, cpeKept, cpe.length, status, acsKept, acs.length));
            bytes += cpeKept.length + acsKept.length;
            Iterator<Map.Entry<String, Deque<Recording>>> oldest = devices.entrySet().iterator();
            while (bytes > maxBytes && oldest.hasNext()) {
                Map.Entry<String, Deque<Recording>> e = oldest.next();
                for (Recording r : e.getValue()) {
                    bytes -= size(r);
                }
                oldest.remove();
            }
        }
    }

    /** The device's kept sessions, oldest first. */
    public synchronized List<Session> sessions(String deviceId) {
        Deque<Recording> kept = devices.get(deviceId);
        if (kept == null) {
            return List.of();
        }
        List<Session> out = new ArrayList<>();
        for (Recording r : kept) {
            out.add(new Session(r.id, r.started, List.copyOf(r.exchanges), r.dropped));
        }
        return out;
    }

    synchronized long bytes() {
        return bytes;
    }

    private static byte[] cut(byte[] message) {
        return message.length <= MAX_MESSAGE_BYTES ? message : Arrays.copyOf(message, MAX_MESSAGE_BYTES);
    }

    private static long size(Recording r) {
        long n = 0;
        for (Exchange e : r.exchanges) {
            n += e.cpe().length + e.acs().length;
        }
        return n;
    }
}
