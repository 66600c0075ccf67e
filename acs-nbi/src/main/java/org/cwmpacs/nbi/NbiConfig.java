package org.cwmpacs.nbi;

import java.time.Duration;
import java.util.Objects;
import org.cwmpacs.nbi.auth.NbiAuth;

/**
 * The NBI's settings.
 *
 * @param maxBodyBytes the largest request body other than a file upload
 * @param onlineThreshold how long {@code ?connection_request} waits for the woken device's session to start
 *     when the request gives no {@code timeout} (GenieACS's {@code cwmp.deviceOnlineThreshold})
 * @param sessionWait how long it then waits for that session to end
 * @param lockWait how long such a request waits for a session in progress to let go of the device before it
 *     queues the task anyway
 * @param pollInterval how often it looks while waiting
 * @param queryTimeout how long a collection query may examine documents ({@code ACS_NBI_QUERY_TIMEOUT}); time
 *     spent waiting for the client to read the answer does not count
 * @param requestTimeout a request (a file upload: its headers) must arrive within this ({@code ACS_NBI_REQUEST_TIMEOUT})
 * @param maxFileBytes the largest file an upload may store ({@code ACS_MAX_FILE_MB}, in MiB there)
 */
public record NbiConfig(String host, int port, NbiAuth auth, int maxBodyBytes, Duration onlineThreshold,
                        Duration sessionWait, Duration lockWait, Duration pollInterval, Duration queryTimeout,
                        Duration requestTimeout, long maxFileBytes) {
    public NbiConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(onlineThreshold, "onlineThreshold");
        Objects.requireNonNull(sessionWait, "sessionWait");
        Objects.requireNonNull(lockWait, "lockWait");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(queryTimeout, "queryTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("maxFileBytes must be at least 1");
        }
    }

    public NbiConfig withHost(String newHost) {
        return new NbiConfig(newHost, port, auth, maxBodyBytes, onlineThreshold, sessionWait, lockWait,
                pollInterval, queryTimeout, requestTimeout, maxFileBytes);
    }
}
