package org.cwmpacs.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cwmpacs.core.auth.CpeAuthConfig;
import org.cwmpacs.core.auth.CpeCredentials;
import org.cwmpacs.core.engine.EngineConfig;
import org.cwmpacs.core.session.SessionConfig;
import org.cwmpacs.nbi.auth.NbiAuth;

/**
 * The server's configuration: environment variables first (GenieACS's {@code GENIEACS_*} names where
 * GenieACS has the option, {@code ACS_*} for the rest), then a JSON configuration file in GenieACS's
 * {@code config.json} form (keys without the {@code GENIEACS_} prefix, e.g. {@code "CWMP_PORT": 7547}),
 * then the defaults. Every option is listed in docs/configuration.md.
 */
public record AcsConfig(String cwmpInterface, int cwmpPort, Optional<String> mongoUrl, Path dataDir,
                        Duration sessionTimeout, int maxSessions, int maxBodyBytes, int maxInformParameters,
                        boolean booleanLiteral, boolean xmlDeclaration, Optional<String> sslCert,
                        Optional<String> sslKey, Duration timestampRefresh, EngineConfig engine, CpeAuthConfig cpeAuth,
                        Duration connectionRequestTimeout, Optional<CpeCredentials> connectionRequestCredentials,
                        boolean connectionRequestAllowBasic, NbiOptions nbi, CwmpOptions cwmp, UiOptions ui) {

    /**
     * The web UI's listener.
     *
     * @param host {@code GENIEACS_UI_INTERFACE} (all interfaces)
     * @param port {@code GENIEACS_UI_PORT} (3000)
     * @param sessionIdle a login ends after this long without a request ({@code ACS_UI_SESSION_IDLE})
     * @param setupToken what first-run setup asks for ({@code ACS_UI_SETUP_TOKEN}); else a random one, logged
     * @param sslCert {@code GENIEACS_UI_SSL_CERT}: with {@code sslKey}, the UI speaks HTTPS only
     * @param sslKey {@code GENIEACS_UI_SSL_KEY}
     * @param transcriptBytes memory for the last CWMP sessions the device page shows ({@code ACS_TRANSCRIPT_MB})
     */
    public record UiOptions(String host, int port, Duration sessionIdle, Optional<String> setupToken,
                            Optional<String> sslCert, Optional<String> sslKey, long transcriptBytes) {
    }

    /**
     * How the CWMP listener guards itself against clients that are not well-behaved CPEs.
     *
     * @param requestTimeout a request must arrive whole within this from its first byte ({@code ACS_CWMP_REQUEST_TIMEOUT})
     * @param maxSessionsPerAddress sessions at once from one address ({@code ACS_MAX_SESSIONS_PER_ADDRESS})
     * @param partialPaths whether GetParameterValues may name partial paths ({@code ACS_PARTIAL_PATHS})
     * @param scriptLimits what one run of a provision script may use ({@code ACS_SCRIPT_MAX_*})
     * @param presetsRefresh how old the presets and scripts a session uses may be ({@code ACS_PRESETS_REFRESH})
     * @param extDir where GenieACS extensions are ({@code GENIEACS_EXT_DIR})
     * @param extTimeout how long an extension call may take ({@code GENIEACS_EXT_TIMEOUT})
     */
    public record CwmpOptions(Duration requestTimeout, int maxSessionsPerAddress, boolean partialPaths,
                              org.cwmpacs.core.script.ScriptLimits scriptLimits, Duration presetsRefresh,
                              Path extDir, Duration extTimeout, StunOptions stun,
                              Optional<org.cwmpacs.core.connreq.XmppConnectionRequester.Settings> xmpp) {
    }

    /**
     * The built-in STUN server (TR-111 Part 2).
     *
     * @param enabled {@code ACS_STUN_ENABLED} (false)
     * @param host {@code ACS_STUN_INTERFACE} (all addresses)
     * @param port {@code ACS_STUN_PORT} (3478, STUN's port)
     */
    public record StunOptions(boolean enabled, String host, int port) {
    }

    /**
     * The NBI's and the file server's listeners.
     *
     * @param host the NBI's interface: when not configured, all interfaces if credentials are configured or
     *     anonymous access is allowed, else loopback only
     */
    public record NbiOptions(String host, int port, String fsHost, int fsPort, NbiAuth auth,
                             boolean allowAnonymous, int maxBodyBytes, Duration onlineThreshold, Duration sessionWait,
                             Duration lockWait, Duration queryTimeout, int queryConcurrency, Duration requestTimeout,
                             long maxFileBytes) {
    }

    /** A configuration value that cannot be used; the message says which and what is expected. */
    public static final class ConfigException extends Exception {
        public ConfigException(String message) {
            super(message);
        }
    }

    public static AcsConfig load(Map<String, String> env) throws ConfigException {
        Map<String, String> file = readFile(env);
        Values v = new Values(env, file);
        Optional<String> cert = v.optional("GENIEACS_CWMP_SSL_CERT");
        Optional<String> key = v.optional("GENIEACS_CWMP_SSL_KEY");
        if (cert.isPresent() != key.isPresent()) {
            throw new ConfigException("CWMP over TLS needs both GENIEACS_CWMP_SSL_CERT and GENIEACS_CWMP_SSL_KEY "
                    + "(a PEM file path or the PEM text itself); only one is set");
        }
        Optional<String> uiCert = v.optional("GENIEACS_UI_SSL_CERT");
        Optional<String> uiKey = v.optional("GENIEACS_UI_SSL_KEY");
        if (uiCert.isPresent() != uiKey.isPresent()) {
            throw new ConfigException("the UI over TLS needs both GENIEACS_UI_SSL_CERT and GENIEACS_UI_SSL_KEY "
                    + "(a PEM file path or the PEM text itself); only one is set");
        }
        return new AcsConfig(
                v.string("GENIEACS_CWMP_INTERFACE", "::"),
                v.integer("GENIEACS_CWMP_PORT", 7547, 0, 65535),
                v.optional("GENIEACS_MONGODB_CONNECTION_URL"),
                Path.of(v.string("ACS_DATA_DIR", "./data")),
                Duration.ofSeconds(v.integer("GENIEACS_SESSION_TIMEOUT", 30, 1, 86_400)),
                v.integer("GENIEACS_MAX_CONCURRENT_REQUESTS", 10_000, 1, 10_000_000),
                v.integer("ACS_MAX_BODY_BYTES", 32 * 1024 * 1024, 1024, Integer.MAX_VALUE),
                v.integer("ACS_MAX_INFORM_PARAMETERS", SessionConfig.DEFAULT_MAX_INFORM_PARAMETERS, 1, 10_000_000),
                v.bool("GENIEACS_BOOLEAN_LITERAL", false),
                v.bool("ACS_XML_DECLARATION", false),
                cert, key,
                Duration.ofSeconds(v.integer("ACS_TIMESTAMP_REFRESH", 60, 0, 86_400)),
                new EngineConfig(discovery(v.string("ACS_DISCOVERY", "first-contact")),
                        v.integer("ACS_MAX_RPCS_PER_SESSION", 255, 1, 100_000),
                        v.integer("ACS_SPV_BATCH_SIZE", 127, 1, 100_000),
                        Duration.ofSeconds(v.integer("ACS_FAULT_RETRY_DELAY", 300, 0, 86_400 * 30)),
                        Duration.ofSeconds(v.integer("GENIEACS_DOWNLOAD_TIMEOUT", 3600, 1, 86_400 * 30)),
                        v.optional("GENIEACS_FS_URL_PREFIX"),
                        v.integer("GENIEACS_FS_PORT", 7567, 0, 65535),
                        v.integer("ACS_MAX_RESPONSE_PARAMETERS", EngineConfig.DEFAULT_MAX_RESPONSE_PARAMETERS, 1,
                                10_000_000),
                        kickedNextUrl(v.optional("ACS_KICKED_NEXT_URL"))),
                cpeAuth(v),
                Duration.ofMillis(v.integer("ACS_CONNECTION_REQUEST_TIMEOUT", 2000, 100, 600_000)),
                v.optional("ACS_CONNECTION_REQUEST_USERNAME").map(u -> new CpeCredentials(u,
                        v.optional("ACS_CONNECTION_REQUEST_PASSWORD").orElse(""))),
                v.bool("ACS_CONNECTION_REQUEST_ALLOW_BASIC", false),
                nbi(v),
                new CwmpOptions(Duration.ofSeconds(v.integer("ACS_CWMP_REQUEST_TIMEOUT", 10, 1, 3600)),
                        v.integer("ACS_MAX_SESSIONS_PER_ADDRESS", SessionConfig.DEFAULT_MAX_SESSIONS_PER_ADDRESS, 1,
                                10_000_000),
                        partialPaths(v.string("ACS_PARTIAL_PATHS", "auto")),
                        new org.cwmpacs.core.script.ScriptLimits(
                                v.integer("ACS_SCRIPT_MAX_STATEMENTS", 1_000_000, 1000, Integer.MAX_VALUE),
                                v.integer("ACS_SCRIPT_MAX_CPU_MS", 1000, 10, 600_000),
                                v.integer("ACS_SCRIPT_MAX_MEMORY_MB", 256, 1, 65_536) * 1024L * 1024L),
                        Duration.ofSeconds(v.integer("ACS_PRESETS_REFRESH", 5, 0, 86_400)),
                        Path.of(v.string("GENIEACS_EXT_DIR", "config/ext")),
                        Duration.ofMillis(v.integer("GENIEACS_EXT_TIMEOUT", 3000, 1, 600_000)),
                        new StunOptions(v.bool("ACS_STUN_ENABLED", false), v.string("ACS_STUN_INTERFACE", "::"),
                                v.integer("ACS_STUN_PORT", 3478, 0, 65535)),
                        xmpp(v)),
                new UiOptions(v.string("GENIEACS_UI_INTERFACE", "::"), v.integer("GENIEACS_UI_PORT", 3000, 0, 65535),
                        Duration.ofSeconds(v.integer("ACS_UI_SESSION_IDLE", 3600, 60, 30 * 86_400)),
                        setupToken(v.optional("ACS_UI_SETUP_TOKEN")), uiCert, uiKey,
                        v.integer("ACS_TRANSCRIPT_MB", 64, 0, 16_384) * 1024L * 1024L));
    }

    /** GenieACS's XMPP options, and ours for where the server is and whether TLS is required. */
    private static Optional<org.cwmpacs.core.connreq.XmppConnectionRequester.Settings> xmpp(Values v)
            throws ConfigException {
        Optional<String> jid = v.optional("GENIEACS_XMPP_JID");
        if (jid.isEmpty()) {
            return Optional.empty();
        }
        if (!jid.get().matches("[^@/\\s]+@[^@/\\s]+")) {
            throw new ConfigException("GENIEACS_XMPP_JID must read user@domain, not '" + jid.get() + "'");
        }
        return Optional.of(new org.cwmpacs.core.connreq.XmppConnectionRequester.Settings(jid.get(),
                v.optional("GENIEACS_XMPP_PASSWORD").orElse(""), v.optional("ACS_XMPP_HOST"),
                v.integer("ACS_XMPP_PORT", 5222, 1, 65535), v.bool("ACS_XMPP_REQUIRE_TLS", true),
                Duration.ofMillis(v.integer("ACS_CONNECTION_REQUEST_TIMEOUT", 2000, 100, 600_000)).multipliedBy(2)));
    }

    private static NbiOptions nbi(Values v) throws ConfigException {
        NbiAuth auth;
        try {
            auth = NbiAuth.of(v.list("ACS_NBI_API_KEYS"), v.list("ACS_NBI_USERS"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("ACS_NBI_API_KEYS / ACS_NBI_USERS: " + e.getMessage());
        }
        boolean anonymous = v.bool("ACS_NBI_ALLOW_ANONYMOUS", false);
        boolean open = auth.hasCredentials() || anonymous;
        Optional<String> host = v.optional("GENIEACS_NBI_INTERFACE");
        if (host.isPresent() && !open && !isLoopback(host.get())) {
            throw new ConfigException("GENIEACS_NBI_INTERFACE is " + host.get() + ", but no NBI credentials are "
                    + "configured: set ACS_NBI_API_KEYS (make a key with: openssl rand -hex 32) or ACS_NBI_USERS, "
                    + "or ACS_NBI_ALLOW_ANONYMOUS=true to let anyone who reaches that address use the NBI");
        }
        // "localhost": 127.0.0.1 and ::1
        return new NbiOptions(host.orElse(open ? "::" : "localhost"),
                        v.integer("GENIEACS_NBI_PORT", 7557, 0, 65535),
                        v.string("GENIEACS_FS_INTERFACE", "::"),
                        v.integer("GENIEACS_FS_PORT", 7567, 0, 65535),
                        auth,
                        anonymous,
                        v.integer("ACS_NBI_MAX_BODY_BYTES", 16 * 1024 * 1024, 1024, Integer.MAX_VALUE),
                        Duration.ofMillis(v.integer("ACS_DEVICE_ONLINE_THRESHOLD", 4000, 0, 600_000)),
                        Duration.ofSeconds(v.integer("ACS_NBI_SESSION_WAIT", 120, 1, 3600)),
                        Duration.ofSeconds(v.integer("ACS_NBI_LOCK_WAIT", 30, 0, 3600)),
                        Duration.ofSeconds(v.integer("ACS_NBI_QUERY_TIMEOUT", 30, 1, 86_400)),
                        v.integer("ACS_NBI_QUERY_CONCURRENCY", 0, 0, 1024),
                        Duration.ofSeconds(v.integer("ACS_NBI_REQUEST_TIMEOUT", 30, 1, 3600)),
                        v.integer("ACS_MAX_FILE_MB", 1024, 1, 1024 * 1024) * 1024L * 1024L);
    }

    static boolean isLoopback(String host) {
        String h = host.strip();
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]");
    }

    private static CpeAuthConfig cpeAuth(Values v) throws ConfigException {
        boolean enabled = v.bool("ACS_CWMP_AUTH", false);
        Optional<String> user = v.optional("ACS_CWMP_USERNAME");
        Optional<String> pass = v.optional("ACS_CWMP_PASSWORD");
        if (user.isPresent() != pass.isPresent()) {
            throw new ConfigException("ACS_CWMP_USERNAME and ACS_CWMP_PASSWORD go together; only one is set");
        }
        return new CpeAuthConfig(enabled, user.map(u -> new CpeCredentials(u, pass.get())));
    }

    private static Optional<String> setupToken(Optional<String> token) throws ConfigException {
        if (token.isPresent() && token.get().length() < 16) {
            throw new ConfigException("ACS_UI_SETUP_TOKEN must be at least 16 characters (make one with: openssl rand "
                    + "-hex 16)");
        }
        return token;
    }

    private static boolean partialPaths(String text) throws ConfigException {
        switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "auto":
                return true;
            case "off":
                return false;
            default:
                throw new ConfigException("ACS_PARTIAL_PATHS must be auto (partial paths until a kind of CPE refuses "
                        + "them) or off (parameters by name only), not \"" + text + "\"");
        }
    }

    private static String kickedNextUrl(Optional<String> url) throws ConfigException {
        if (url.isEmpty()) {
            return "";
        }
        try {
            java.net.URI uri = new java.net.URI(url.get().strip());
            if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
                throw new java.net.URISyntaxException(url.get(), "not an http(s) URL with a host");
            }
            return uri.toString();
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException("ACS_KICKED_NEXT_URL must be an http:// or https:// URL such as "
                    + "https://portal.example.net/welcome, not '" + url.get() + "'");
        }
    }

    private static EngineConfig.Discovery discovery(String text) throws ConfigException {
        try {
            return EngineConfig.Discovery.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static Map<String, String> readFile(Map<String, String> env) throws ConfigException {
        String configured = env.get("ACS_CONFIG_FILE");
        Path path = Path.of(configured != null ? configured : "config/config.json");
        if (!Files.exists(path)) {
            if (configured != null) {
                throw new ConfigException("ACS_CONFIG_FILE names " + path.toAbsolutePath() + ", which does not exist");
            }
            return Map.of();
        }
        try {
            JsonNode root = new ObjectMapper().readTree(path.toFile());
            if (root == null || !root.isObject()) {
                throw new ConfigException(path + " must hold a JSON object such as {\"CWMP_PORT\": 7547}");
            }
            Map<String, String> values = new HashMap<>();
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                values.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString());
            }
            return values;
        } catch (IOException e) {
            throw new ConfigException("cannot read the configuration file " + path + ": " + e.getMessage());
        }
    }

    private static final class Values {
        /** Our options GenieACS has under another name: its name is read when ours is not set. */
        private static final Map<String, String> GENIEACS_NAMES = Map.of(
                "ACS_FAULT_RETRY_DELAY", "GENIEACS_RETRY_DELAY",
                "ACS_CONNECTION_REQUEST_TIMEOUT", "GENIEACS_CONNECTION_REQUEST_TIMEOUT",
                "ACS_CONNECTION_REQUEST_ALLOW_BASIC", "GENIEACS_CONNECTION_REQUEST_ALLOW_BASIC_AUTH",
                "ACS_DEVICE_ONLINE_THRESHOLD", "GENIEACS_DEVICE_ONLINE_THRESHOLD");

        private final Map<String, String> env;
        private final Map<String, String> file;

        Values(Map<String, String> env, Map<String, String> file) {
            this.env = env;
            this.file = file;
        }

        Optional<String> optional(String name) {
            Optional<String> ours = own(name);
            return ours.isPresent() || !GENIEACS_NAMES.containsKey(name) ? ours : own(GENIEACS_NAMES.get(name));
        }

        private Optional<String> own(String name) {
            String value = env.get(name);
            if (value == null && name.startsWith("GENIEACS_")) {
                value = file.get(name.substring("GENIEACS_".length()));
            }
            if (value == null) {
                value = file.get(name);
            }
            return Optional.ofNullable(value).map(String::strip).filter(s -> !s.isEmpty());
        }

        /** Comma-separated, or a JSON array in the configuration file. */
        List<String> list(String name) throws ConfigException {
            Optional<String> raw = optional(name);
            if (raw.isEmpty()) {
                return List.of();
            }
            List<String> items = new ArrayList<>();
            if (raw.get().startsWith("[")) {
                try {
                    for (JsonNode item : new ObjectMapper().readTree(raw.get())) {
                        items.add(item.asText().strip());
                    }
                } catch (IOException e) {
                    throw new ConfigException(name + " must be a list of strings: " + e.getMessage());
                }
            } else {
                for (String item : raw.get().split(",")) {
                    items.add(item.strip());
                }
            }
            items.removeIf(String::isEmpty);
            return List.copyOf(items);
        }

        String string(String name, String dflt) {
            return optional(name).orElse(dflt);
        }

        int integer(String name, int dflt, int min, int max) throws ConfigException {
            Optional<String> raw = optional(name);
            if (raw.isEmpty()) {
                return dflt;
            }
            try {
                int value = Integer.parseInt(raw.get());
                if (value < min || value > max) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                throw new ConfigException(name + " must be a whole number from " + min + " to " + max + ", not '"
                        + raw.get() + "'");
            }
        }

        boolean bool(String name, boolean dflt) throws ConfigException {
            Optional<String> raw = optional(name);
            if (raw.isEmpty()) {
                return dflt;
            }
            switch (raw.get().toLowerCase(java.util.Locale.ROOT)) {
                case "true":
                case "1":
                case "yes":
                    return true;
                case "false":
                case "0":
                case "no":
                    return false;
                default:
                    throw new ConfigException(name + " must be true or false, not '" + raw.get() + "'");
            }
        }
    }
}
