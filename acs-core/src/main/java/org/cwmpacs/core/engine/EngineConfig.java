package org.cwmpacs.core.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the ACS drives CPEs.
 *
 * @param discovery when the whole tree is learned without any task ({@code ACS_DISCOVERY})
 * @param maxRpcsPerSession RPCs the ACS sends in one session at most; past it the running work faults
 *     {@code too_many_rpcs} ({@code ACS_MAX_RPCS_PER_SESSION})
 * @param maxSetEntries entries per SetParameterValues / SetParameterAttributes until a CPE shows it takes
 *     fewer ({@code ACS_SPV_BATCH_SIZE}, 127: RDK-B's limit)
 * @param retryDelay a faulted task runs again after {@code retryDelay × 2^retries} ({@code ACS_FAULT_RETRY_DELAY})
 * @param downloadTimeout a transfer without TransferComplete after this faults {@code timeout}
 *     ({@code GENIEACS_DOWNLOAD_TIMEOUT})
 * @param fsUrlPrefix where the file server is reached by CPEs ({@code GENIEACS_FS_URL_PREFIX}); empty: the
 *     host the CPE used to reach the ACS, port {@code fsPort}
 * @param maxResponseParameters parameters one GetParameterNames/Values/Attributes answer may carry; a larger
 *     one faults the work it answers ({@code ACS_MAX_RESPONSE_PARAMETERS})
 * @param kickedNextUrl the {@code NextURL} a Kicked is answered with ({@code ACS_KICKED_NEXT_URL}); empty: the
 *     {@code Next} the CPE sent
 */
public record EngineConfig(Discovery discovery, int maxRpcsPerSession, int maxSetEntries, Duration retryDelay,
                           Duration downloadTimeout, Optional<String> fsUrlPrefix, int fsPort,
                           int maxResponseParameters, String kickedNextUrl) {
    /** {@code ACS_MAX_RESPONSE_PARAMETERS}: a whole tree ten times the largest real one in one answer. */
    public static final int DEFAULT_MAX_RESPONSE_PARAMETERS = 200_000;

    /** {@code ACS_DISCOVERY}. */
    public enum Discovery {
        /** Never: only tasks read the tree. */
        OFF,
        /** Whenever the stored tree has not been learned whole: a new device, after 0 BOOTSTRAP, after an interrupted discovery. */
        FIRST_CONTACT,
        /** In every session whose Inform carries 0 BOOTSTRAP. */
        BOOTSTRAP;

        public static Discovery parse(String text) {
            switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "off":
                    return OFF;
                case "first-contact":
                    return FIRST_CONTACT;
                case "bootstrap":
                    return BOOTSTRAP;
                default:
                    throw new IllegalArgumentException("ACS_DISCOVERY must be off, first-contact or bootstrap, not \""
                            + text + "\"");
            }
        }
    }

    public static final EngineConfig DEFAULT = new EngineConfig(Discovery.FIRST_CONTACT, 255, 127,
            Duration.ofSeconds(300), Duration.ofSeconds(3600), Optional.empty(), 7567, DEFAULT_MAX_RESPONSE_PARAMETERS, "");

    public EngineConfig {
        Objects.requireNonNull(discovery, "discovery");
        if (maxRpcsPerSession < 1) {
            throw new IllegalArgumentException("the RPC limit per session must be at least 1");
        }
        if (maxSetEntries < 1) {
            throw new IllegalArgumentException("the SetParameterValues batch size must be at least 1");
        }
        Objects.requireNonNull(retryDelay, "retryDelay");
        Objects.requireNonNull(downloadTimeout, "downloadTimeout");
        Objects.requireNonNull(fsUrlPrefix, "fsUrlPrefix");
        if (maxResponseParameters < 1) {
            throw new IllegalArgumentException("the parameter limit per response must be at least 1");
        }
        Objects.requireNonNull(kickedNextUrl, "kickedNextUrl");
    }

    /** With the port the file server actually listens on (it may have been configured as 0: any). */
    public EngineConfig withFsPort(int port) {
        return new EngineConfig(discovery, maxRpcsPerSession, maxSetEntries, retryDelay, downloadTimeout, fsUrlPrefix,
                port, maxResponseParameters, kickedNextUrl);
    }

    public EngineConfig withDiscovery(Discovery mode) {
        return new EngineConfig(mode, maxRpcsPerSession, maxSetEntries, retryDelay, downloadTimeout, fsUrlPrefix, fsPort,
                maxResponseParameters, kickedNextUrl);
    }

    public EngineConfig withKickedNextUrl(String url) {
        return new EngineConfig(discovery, maxRpcsPerSession, maxSetEntries, retryDelay, downloadTimeout, fsUrlPrefix,
                fsPort, maxResponseParameters, url);
    }
}
