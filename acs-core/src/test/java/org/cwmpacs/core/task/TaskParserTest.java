package org.cwmpacs.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tasks as GenieACS's NBI documents them are read; invalid ones are refused naming the field. */
class TaskParserTest {
    @Test
    void genieAcsDocumentedTasksAreRead() throws Exception {
        assertThat(TaskParser.parse(Map.of("name", "getParameterValues", "parameterNames",
                List.of("InternetGatewayDevice.Time.NTPServer1")))).isEqualTo(new TaskSpec.GetParameterValues(
                List.of("InternetGatewayDevice.Time.NTPServer1")));
        TaskSpec spv = TaskParser.parse(Map.of("name", "setParameterValues", "parameterValues", List.of(
                List.of("InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.SSID", "GenieACS", "xsd:string"),
                List.of("InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.Enable", false),
                List.of("InternetGatewayDevice.ManagementServer.PeriodicInformInterval", 300))));
        assertThat(((TaskSpec.SetParameterValues) spv).parameterValues()).containsExactly(
                new TaskSpec.ParameterValue("InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.SSID", "GenieACS",
                        Optional.of("xsd:string")),
                new TaskSpec.ParameterValue("InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.Enable", false,
                        Optional.empty()),
                new TaskSpec.ParameterValue("InternetGatewayDevice.ManagementServer.PeriodicInformInterval", 300L,
                        Optional.empty()));
        assertThat(TaskParser.parse(Map.of("name", "refreshObject", "objectName", ""))).isEqualTo(
                new TaskSpec.RefreshObject(""));
        assertThat(TaskParser.parse(Map.of("name", "deleteObject", "objectName", "A.B.1."))).isEqualTo(
                new TaskSpec.DeleteObject("A.B.1"));
        assertThat(TaskParser.parse(Map.of("name", "reboot"))).isInstanceOf(TaskSpec.Reboot.class);
        assertThat(TaskParser.parse(Map.of("name", "factoryReset"))).isInstanceOf(TaskSpec.FactoryReset.class);
        assertThat(TaskParser.parse(Map.of("name", "download", "file", "mipsbe-6-42-lite.xml")))
                .isInstanceOf(TaskSpec.Download.class);
        TaskSpec.Download d = (TaskSpec.Download) TaskParser.parse(Map.of("name", "download", "fileType",
                "1 Firmware Upgrade Image", "fileName", "fw.bin", "targetFileName", ""));
        assertThat(d.fileName()).contains("fw.bin");
    }

    @Test
    void invalidTasksNameTheirBadField() {
        assertThatThrownBy(() -> TaskParser.parse(Map.of("name", "rebot"))).isInstanceOf(InvalidTaskException.class)
                .hasMessageContaining("Invalid task name \"rebot\"");
        assertThatThrownBy(() -> TaskParser.parse(Map.of("name", "getParameterValues", "parameterNames", List.of())))
                .hasMessageContaining("\"parameterNames\"");
        assertThatThrownBy(() -> TaskParser.parse(Map.of("name", "setParameterValues", "parameterValues",
                List.of(List.of("A.B", Map.of()))))).hasMessageContaining("\"parameterValues[0]\"");
        assertThatThrownBy(() -> TaskParser.parse(Map.of("name", "setParameterValues", "parameterValues",
                List.of(List.of("A.B", 1, "int"))))).hasMessageContaining("xsd type");
        assertThatThrownBy(() -> TaskParser.parse(Map.of("name", "refreshObject"))).hasMessageContaining("\"objectName\"");
        assertThatThrownBy(() -> TaskParser.parse(Map.of("name", "download", "fileName", "x.bin")))
                .hasMessageContaining("\"fileType\"");
        assertThatThrownBy(() -> TaskParser.parse(Map.of("name", "download", "url", "http://x/", "fileType", "1",
                "delaySeconds", -1))).hasMessageContaining("\"delaySeconds\"");
        assertThatThrownBy(() -> TaskParser.parse(Map.of("name", "setParameterAttributes", "parameterAttributes",
                List.of(Map.of("name", "A.B", "notification", 9))))).hasMessageContaining("notification");
        assertThatThrownBy(() -> TaskParser.parse(Map.of("name", 7))).hasMessageContaining("\"name\"");
    }

    @Test
    void provisionsTasksNameProvisionsWithScalarArguments() throws Exception {
        TaskSpec p = TaskParser.parse(Map.of("name", "provisions", "provisions", List.of(
                List.of("refresh", "Device.DeviceInfo"), java.util.Arrays.asList("mine", "a", 2, true, null))));
        assertThat(((TaskSpec.Provisions) p).provisions()).containsExactly(List.of("refresh", "Device.DeviceInfo"),
                java.util.Arrays.asList("mine", "a", 2.0, true, null));
        assertThat(TaskProvisions.of(p)).hasSize(2);
        assertThatThrownBy(() -> TaskParser.parse(Map.of("name", "provisions"))).hasMessageContaining("\"provisions\"");
        assertThatThrownBy(() -> TaskParser.parse(Map.of("name", "provisions", "provisions", List.of(List.of()))))
                .hasMessageContaining("starting with its name");
        assertThatThrownBy(() -> TaskParser.parse(Map.of("name", "provisions", "provisions",
                List.of(List.of("x", Map.of("a", 1)))))).hasMessageContaining("texts, numbers, booleans or null");
    }

    @Test
    void expiryIsSecondsAfterTheTimestampOrADate() throws Exception {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(TaskParser.expiry(Map.of("expiry", 60), t)).contains(t.plusSeconds(60));
        assertThat(TaskParser.expiry(Map.of("expiry", "2026-02-01T00:00:00Z"), t))
                .contains(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(TaskParser.expiry(Map.of(), t)).isEmpty();
        assertThatThrownBy(() -> TaskParser.expiry(Map.of("expiry", "soon"), t)).hasMessageContaining("\"expiry\"");
    }
}
