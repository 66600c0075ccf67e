package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcsConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreGenieAcsOnes() throws Exception {
        AcsConfig c = AcsConfig.load(Map.of("ACS_CONFIG_FILE", write("{}").toString()));
        assertThat(c.cwmpPort()).isEqualTo(7547);
        assertThat(c.cwmpInterface()).isEqualTo("::");
        assertThat(c.mongoUrl()).isEmpty();
        assertThat(c.sessionTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
    }

    @Test
    void genieAcsConfigJsonAndEnvironmentOverrideIt() throws Exception {
        Path file = write("{\"CWMP_PORT\": 17547, \"MONGODB_CONNECTION_URL\": \"mongodb://db/genieacs\","
                + " \"SESSION_TIMEOUT\": 45, \"ACS_DATA_DIR\": \"/var/lib/acs\"}");
        AcsConfig fromFile = AcsConfig.load(Map.of("ACS_CONFIG_FILE", file.toString()));
        assertThat(fromFile.cwmpPort()).isEqualTo(17547);
        assertThat(fromFile.mongoUrl()).contains("mongodb://db/genieacs");
        assertThat(fromFile.sessionTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(fromFile.dataDir()).isEqualTo(Path.of("/var/lib/acs"));
        AcsConfig env = AcsConfig.load(Map.of("ACS_CONFIG_FILE", file.toString(), "GENIEACS_CWMP_PORT", "7000"));
        assertThat(env.cwmpPort()).isEqualTo(7000);
    }

    @Test
    void badValuesSayWhatIsExpected() throws Exception {
        String file = write("{}").toString();
        assertThatThrownBy(() -> AcsConfig.load(Map.of("ACS_CONFIG_FILE", file, "GENIEACS_CWMP_PORT", "http")))
                .isInstanceOf(AcsConfig.ConfigException.class).hasMessageContaining("GENIEACS_CWMP_PORT")
                .hasMessageContaining("0 to 65535").hasMessageContaining("'http'");
        assertThatThrownBy(() -> AcsConfig.load(Map.of("ACS_CONFIG_FILE", file, "GENIEACS_BOOLEAN_LITERAL", "maybe")))
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> AcsConfig.load(Map.of("GENIEACS_UI_SSL_KEY", "k.pem")))
                .isInstanceOf(AcsConfig.ConfigException.class).hasMessageContaining("GENIEACS_UI_SSL_CERT");
        assertThatThrownBy(() -> AcsConfig.load(Map.of("ACS_CONFIG_FILE", file, "GENIEACS_CWMP_SSL_CERT", "c.pem")))
                .hasMessageContaining("GENIEACS_CWMP_SSL_KEY");
        assertThatThrownBy(() -> AcsConfig.load(Map.of("ACS_CONFIG_FILE", dir.resolve("missing.json").toString())))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> AcsConfig.load(Map.of("ACS_CONFIG_FILE", write("[1,2]").toString())))
                .hasMessageContaining("JSON object");
    }

    @Test
    void engineAndAuthenticationOptions() throws Exception {
        String file = write("{\"FS_URL_PREFIX\": \"http://files.example.net:7567/\"}").toString();
        AcsConfig c = AcsConfig.load(Map.of("ACS_CONFIG_FILE", file));
        assertThat(c.engine().discovery()).isEqualTo(org.cwmpacs.core.engine.EngineConfig.Discovery.FIRST_CONTACT);
        assertThat(c.engine().maxSetEntries()).isEqualTo(127);
        assertThat(c.engine().retryDelay()).isEqualTo(Duration.ofSeconds(300));
        assertThat(c.engine().downloadTimeout()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(c.engine().fsUrlPrefix()).contains("http://files.example.net:7567/");
        assertThat(c.cpeAuth().enabled()).isFalse();
        assertThat(c.connectionRequestTimeout()).isEqualTo(Duration.ofSeconds(2));
        AcsConfig set = AcsConfig.load(Map.of("ACS_CONFIG_FILE", file, "ACS_DISCOVERY", "off", "ACS_CWMP_AUTH", "true",
                "ACS_CWMP_USERNAME", "cpe", "ACS_CWMP_PASSWORD", "pw"));
        assertThat(set.engine().discovery()).isEqualTo(org.cwmpacs.core.engine.EngineConfig.Discovery.OFF);
        assertThat(set.cpeAuth().credentials()).hasValueSatisfying(cr -> assertThat(cr.username()).isEqualTo("cpe"));
        assertThatThrownBy(() -> AcsConfig.load(Map.of("ACS_CONFIG_FILE", file, "ACS_DISCOVERY", "sometimes")))
                .hasMessageContaining("ACS_DISCOVERY").hasMessageContaining("first-contact");
        assertThatThrownBy(() -> AcsConfig.load(Map.of("ACS_CONFIG_FILE", file, "ACS_CWMP_USERNAME", "cpe")))
                .hasMessageContaining("ACS_CWMP_PASSWORD");
        assertThatThrownBy(() -> AcsConfig.load(Map.of("ACS_CONFIG_FILE", file, "ACS_SPV_BATCH_SIZE", "0")))
                .hasMessageContaining("ACS_SPV_BATCH_SIZE");
        assertThat(c.engine().kickedNextUrl()).as("unset: the CPE's own Next").isEmpty();
        assertThat(AcsConfig.load(Map.of("ACS_CONFIG_FILE", file, "ACS_KICKED_NEXT_URL",
                "https://portal.example.net/welcome")).engine().kickedNextUrl())
                .isEqualTo("https://portal.example.net/welcome");
        assertThatThrownBy(() -> AcsConfig.load(Map.of("ACS_CONFIG_FILE", file, "ACS_KICKED_NEXT_URL", "portal")))
                .hasMessageContaining("ACS_KICKED_NEXT_URL").hasMessageContaining("http");
    }

    @Test
    void genieAcsNamesOfOurOptionsAreRead() throws Exception {
        String file = write("{\"CONNECTION_REQUEST_ALLOW_BASIC_AUTH\": true}").toString();
        AcsConfig c = AcsConfig.load(Map.of("ACS_CONFIG_FILE", file, "GENIEACS_RETRY_DELAY", "60",
                "GENIEACS_CONNECTION_REQUEST_TIMEOUT", "5000", "GENIEACS_DEVICE_ONLINE_THRESHOLD", "9000"));
        assertThat(c.engine().retryDelay()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.connectionRequestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.connectionRequestAllowBasic()).isTrue();
        assertThat(c.nbi().onlineThreshold()).isEqualTo(Duration.ofSeconds(9));
        AcsConfig ours = AcsConfig.load(Map.of("ACS_CONFIG_FILE", file, "GENIEACS_RETRY_DELAY", "60",
                "ACS_FAULT_RETRY_DELAY", "10"));
        assertThat(ours.engine().retryDelay()).as("ours wins").isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void hostileClientLimits() throws Exception {
        String file = write("{}").toString();
        AcsConfig c = AcsConfig.load(Map.of("ACS_CONFIG_FILE", file));
        assertThat(c.cwmp().requestTimeout()).as("GenieACS's requestTimeout").isEqualTo(Duration.ofSeconds(10));
        assertThat(c.cwmp().maxSessionsPerAddress()).isEqualTo(1000);
        assertThat(c.cwmp().partialPaths()).isTrue();
        assertThat(c.nbi().requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.nbi().maxFileBytes()).isEqualTo(1024L * 1024 * 1024);
        AcsConfig set = AcsConfig.load(Map.of("ACS_CONFIG_FILE", write("{\"ACS_CWMP_REQUEST_TIMEOUT\": 3}").toString(),
                "ACS_PARTIAL_PATHS", "off", "ACS_MAX_SESSIONS_PER_ADDRESS", "7", "ACS_MAX_FILE_MB", "5"));
        assertThat(set.cwmp().requestTimeout()).as("from the file").isEqualTo(Duration.ofSeconds(3));
        assertThat(set.cwmp().partialPaths()).isFalse();
        assertThat(set.cwmp().maxSessionsPerAddress()).isEqualTo(7);
        assertThat(set.nbi().maxFileBytes()).isEqualTo(5L * 1024 * 1024);
        assertThatThrownBy(() -> AcsConfig.load(Map.of("ACS_CONFIG_FILE", file, "ACS_PARTIAL_PATHS", "sometimes")))
                .hasMessageContaining("ACS_PARTIAL_PATHS").hasMessageContaining("auto").hasMessageContaining("off");
        assertThatThrownBy(() -> AcsConfig.load(Map.of("ACS_CONFIG_FILE", file, "ACS_CWMP_REQUEST_TIMEOUT", "0")))
                .hasMessageContaining("ACS_CWMP_REQUEST_TIMEOUT");
    }

    private Path write(String json) throws Exception {
        Path file = Files.createTempFile(dir, "config", ".json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void nbiCredentialsFromTheFileAsAListOrHashed() throws Exception {
        String key = "0123456789abcdef-from-the-file";
        Path file = write("{\"ACS_NBI_API_KEYS\": [\"" + org.cwmpacs.nbi.auth.NbiAuth.hashKey(key) + "\"], "
                + "\"ACS_NBI_USERS\": [\"ops:with,comma\"], \"NBI_PORT\": 17557, \"ACS_DEVICE_ONLINE_THRESHOLD\": 9000}");
        AcsConfig c = AcsConfig.load(Map.of("ACS_CONFIG_FILE", file.toString()));
        assertThat(c.nbi().port()).isEqualTo(17557);
        assertThat(c.nbi().host()).as("credentials: every address").isEqualTo("::");
        assertThat(c.nbi().onlineThreshold()).isEqualTo(Duration.ofMillis(9000));
        assertThat(c.nbi().auth().check(java.util.Optional.empty(), java.util.Optional.of(key)))
                .isEqualTo(org.cwmpacs.nbi.auth.NbiAuth.Caller.AUTHORISED);
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("ops:with,comma".getBytes());
        assertThat(c.nbi().auth().check(java.util.Optional.of(basic), java.util.Optional.empty()))
                .isEqualTo(org.cwmpacs.nbi.auth.NbiAuth.Caller.AUTHORISED);
        assertThat(AcsConfig.load(Map.of("ACS_CONFIG_FILE", file.toString(), "ACS_NBI_API_KEYS",
                "another-key-from-the-environment")).nbi().auth().check(java.util.Optional.empty(),
                java.util.Optional.of(key))).as("the environment wins over the file")
                .isEqualTo(org.cwmpacs.nbi.auth.NbiAuth.Caller.REFUSED);
    }
}
