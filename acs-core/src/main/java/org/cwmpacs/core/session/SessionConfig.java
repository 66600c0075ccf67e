package org.cwmpacs.core.session;

import java.time.Duration;
import java.util.Objects;
import org.cwmpacs.core.auth.CpeAuthConfig;
import org.cwmpacs.soap.DecodeLimits;
import org.cwmpacs.soap.EncodeOptions;

/**
 * @param sessionTimeout idle time allowed between two POSTs of a session, unless the CPE's SessionTimeout
 *     header says otherwise ({@code GENIEACS_SESSION_TIMEOUT}, 30 s)
 * @param maxSessions sessions in progress at once; beyond it new sessions get 503 with Retry-After
 * @param retryAfter what the 503 tells the CPE
 * @param cpeAuth whether CPEs must authenticate, and how
 * @param linger how long an ended session still answers empty POSTs with 204 (some CPEs send one more)
 * @param maxInformParameters parameters one Inform may carry; more are refused with fault 8004
 *     ({@code ACS_MAX_INFORM_PARAMETERS})
 * @param maxSessionsPerAddress sessions in progress at once from one remote address; beyond it 503
 *     ({@code ACS_MAX_SESSIONS_PER_ADDRESS})
 */
public record SessionConfig(Duration sessionTimeout, int maxSessions, Duration retryAfter, Duration linger,
                            DecodeLimits decodeLimits, EncodeOptions encodeOptions, CpeAuthConfig cpeAuth,
                            int maxInformParameters, int maxSessionsPerAddress) {
    /**
     * {@code ACS_MAX_SESSIONS_PER_ADDRESS}: one address cannot hold more than a tenth of the default session
     * table, yet many CPEs behind one NAT still get in.
     */
    public static final int DEFAULT_MAX_SESSIONS_PER_ADDRESS = 1_000;
    /** {@code ACS_MAX_INFORM_PARAMETERS}: far above a real Inform's dozens, small enough to bound one's work. */
    public static final int DEFAULT_MAX_INFORM_PARAMETERS = 20_000;

    public static final SessionConfig DEFAULT = new SessionConfig(Duration.ofSeconds(30), 10_000,
            Duration.ofSeconds(60), Duration.ofSeconds(5), DecodeLimits.DEFAULT, EncodeOptions.DEFAULT);

    /** Without CPE authentication. */
    public SessionConfig(Duration sessionTimeout, int maxSessions, Duration retryAfter, Duration linger,
                         DecodeLimits decodeLimits, EncodeOptions encodeOptions) {
        this(sessionTimeout, maxSessions, retryAfter, linger, decodeLimits, encodeOptions, CpeAuthConfig.OFF,
                DEFAULT_MAX_INFORM_PARAMETERS, DEFAULT_MAX_SESSIONS_PER_ADDRESS);
    }

    public SessionConfig(Duration sessionTimeout, int maxSessions, Duration retryAfter, Duration linger,
                         DecodeLimits decodeLimits, EncodeOptions encodeOptions, CpeAuthConfig cpeAuth,
                         int maxInformParameters) {
        this(sessionTimeout, maxSessions, retryAfter, linger, decodeLimits, encodeOptions, cpeAuth,
                maxInformParameters, DEFAULT_MAX_SESSIONS_PER_ADDRESS);
    }

    public SessionConfig withMaxSessionsPerAddress(int max) {
        return new SessionConfig(sessionTimeout, maxSessions, retryAfter, linger, decodeLimits, encodeOptions, cpeAuth,
                maxInformParameters, max);
    }

    public SessionConfig {
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1, not " + maxSessions);
        }
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(linger, "linger");
        Objects.requireNonNull(decodeLimits, "decodeLimits");
        Objects.requireNonNull(encodeOptions, "encodeOptions");
        Objects.requireNonNull(cpeAuth, "cpeAuth");
        if (maxInformParameters < 1) {
            throw new IllegalArgumentException("maxInformParameters must be at least 1");
        }
        if (maxSessionsPerAddress < 1) {
            throw new IllegalArgumentException("maxSessionsPerAddress must be at least 1, not " + maxSessionsPerAddress);
        }
    }
}
