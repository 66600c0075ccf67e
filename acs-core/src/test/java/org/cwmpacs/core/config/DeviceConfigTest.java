package org.cwmpacs.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cwmpacs.core.expression.Evaluator;
import org.cwmpacs.core.expression.Parser;
import org.cwmpacs.core.expression.Values;
import org.junit.jupiter.api.Test;

class DeviceConfigTest {
    private static final Map<String, Object> DEVICE = Map.of("DeviceID.ID", "202BC1-BM632w-000001",
            "DeviceID.SerialNumber", "000001", "DeviceID.ProductClass", "BM632w", "DeviceID.OUI", "202BC1",
            "InternetGatewayDevice.ManagementServer.PeriodicInformInterval", 300.0);

    private static ConfigScope scope() {
        return ConfigScope.of(p -> DEVICE.getOrDefault(p, Values.NULL), "192.0.2.7", Optional.empty(), 1_000);
    }

    private static ConfigEntries entries(Map<String, Object> values) {
        return ConfigEntries.read(values.entrySet().stream().map(e -> Map.<String, Object>of("_id", e.getKey(),
                "value", e.getValue())).toList());
    }

    @Test
    void valuesAreExpressionsOfTheDevice() {
        DeviceConfig config = new DeviceConfig(entries(Map.of(
                "cwmp.sessionTimeout", "CASE WHEN productClass = \"BM632w\" THEN 90 ELSE 30 END",
                "cwmp.retryDelay", "InternetGatewayDevice.ManagementServer.PeriodicInformInterval * 2",
                "cwmp.connectionRequestTimeout", "5000",
                "cwmp.booleanLiteral", "oui <> \"202BC1\"",
                "cwmp.debug", "REMOTE_ADDRESS() = \"192.0.2.7\" AND remoteAddress LIKE \"192.%\"",
                "cwmp.downloadTimeout", "NOW() / 10")), scope());
        assertThat(config.seconds(DeviceConfig.SESSION_TIMEOUT, Duration.ofSeconds(30))).hasSeconds(90);
        assertThat(config.seconds(DeviceConfig.RETRY_DELAY, Duration.ZERO)).hasSeconds(600);
        assertThat(config.millis(DeviceConfig.CONNECTION_REQUEST_TIMEOUT, Duration.ZERO)).hasMillis(5000);
        assertThat(config.flag(DeviceConfig.BOOLEAN_LITERAL, true)).isFalse();
        assertThat(config.flag("cwmp.debug", false)).isTrue();
        assertThat(config.seconds(DeviceConfig.DOWNLOAD_TIMEOUT, Duration.ZERO)).hasSeconds(100);
    }

    @Test
    void absentOrUnusableValuesFallBackToTheEnvironment() {
        DeviceConfig config = new DeviceConfig(entries(Map.of(
                "cwmp.sessionTimeout", "Some.Unknown.Parameter",
                "cwmp.retryDelay", "\"soon\"",
                "cwmp.downloadTimeout", "-5",
                "cwmp.gpvBatchSize", "0",
                "cwmp.connectionRequestTimeout", "AUTH(\"a\", \"b\")")), scope());
        assertThat(config.seconds(DeviceConfig.SESSION_TIMEOUT, Duration.ofSeconds(30))).hasSeconds(30);
        assertThat(config.seconds(DeviceConfig.RETRY_DELAY, Duration.ofSeconds(300))).hasSeconds(300);
        assertThat(config.seconds(DeviceConfig.DOWNLOAD_TIMEOUT, Duration.ofSeconds(3600))).hasSeconds(3600);
        assertThat(config.integer("cwmp.gpvBatchSize", 32)).isZero();
        assertThat(config.millis(DeviceConfig.CONNECTION_REQUEST_TIMEOUT, Duration.ofMillis(2000))).hasMillis(2000);
        assertThat(config.flag("cwmp.absent", true)).isTrue();
    }

    @Test
    void aValueThatDoesNotParseIsReportedAndLeftOut() {
        ConfigEntries read = ConfigEntries.read(List.of(
                Map.of("_id", "cwmp.sessionTimeout", "value", "30 +"),
                Map.of("_id", "cwmp.booleanLiteral", "value", false),
                Map.of("_id", "cwmp.gpvBatchSize", "value", 16),
                Map.of("_id", "ui.pageSize", "value", List.of(1))));
        assertThat(read.has("cwmp.sessionTimeout")).isFalse();
        assertThat(read.problems()).containsOnlyKeys("cwmp.sessionTimeout", "ui.pageSize");
        assertThat(read.problems().get("cwmp.sessionTimeout")).contains("position");
        DeviceConfig config = new DeviceConfig(read, scope());
        assertThat(config.flag(DeviceConfig.BOOLEAN_LITERAL, true)).isFalse();
        assertThat(config.integer("cwmp.gpvBatchSize", 32)).isEqualTo(16);
    }

    @Test
    void authIsTheCallersAndUsernameIsAConnectionRequestsName() {
        ConfigScope cr = scope().with("username", "cr-user").with("password", "");
        Object v = cr.evaluate(Parser.parse("AUTH(username, PASSWORD()) AND USERNAME() = \"cr-user\""),
                (name, args, evaluator) -> name.equals("AUTH")
                        ? Optional.of(evaluator.evaluate(args.get(0)).equals("cr-user")
                        && evaluator.evaluate(args.get(1)).equals(""))
                        : Optional.empty());
        assertThat(v).isEqualTo(Boolean.TRUE);
        // elsewhere AUTH() is unknown: NULL, which no condition accepts
        assertThat(scope().evaluate(Parser.parse("AUTH(\"a\", \"b\")"), Evaluator.Functions.NONE)).isSameAs(Values.NULL);
        assertThat(scope().evaluate(Parser.parse("EXT(\"file\", \"fn\")"), Evaluator.Functions.NONE))
                .as("no extensions configured").isSameAs(Values.NULL);
    }

    @Test
    void theNamesAnExpressionReadsAreKnownUnlessComputed() {
        assertThat(ConfigScope.parameterNames(Parser.parse("AUTH(serialNumber, Device.X.Password) OR id = \"a\"")))
                .contains(java.util.Set.of("DeviceID.SerialNumber", "Device.X.Password", "DeviceID.ID"));
        assertThat(ConfigScope.parameterNames(Parser.parse("Device.{productClass}.X = 1"))).isEmpty();
    }

    @Test
    void extensionResultsAreJsonScalars() {
        assertThat(ConfigScope.scalar("\"p\\u00e4ss\"")).isEqualTo("päss");
        assertThat(ConfigScope.scalar("42")).isEqualTo(42.0);
        assertThat(ConfigScope.scalar("true")).isEqualTo(Boolean.TRUE);
        assertThat(ConfigScope.scalar("{\"a\":1}")).isSameAs(Values.NULL);
        assertThat(ConfigScope.scalar("null")).isSameAs(Values.NULL);
    }
}
