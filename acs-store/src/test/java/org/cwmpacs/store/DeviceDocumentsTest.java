package org.cwmpacs.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.cwmpacs.core.device.Device;
import org.cwmpacs.core.device.ParameterAttributes;
import org.junit.jupiter.api.Test;

/** GenieACS's device document shape, read into our model and written back unchanged. */
class DeviceDocumentsTest {
    private static final Set<String> DATE_FIELDS = Set.of("_timestamp", "_lastInform", "_lastBoot", "_lastBootstrap",
            "_registered", "_attributesTimestamp");

    /** The §3.3 document as MongoDB holds it: the NBI's ISO strings turned back into dates. */
    static Document genieAcsDocument() throws IOException {
        try (InputStream in = DeviceDocumentsTest.class.getResourceAsStream("/genieacs-device-3.3.json")) {
            Document doc = Document.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            datesBack(doc);
            return doc;
        }
    }

    private static void datesBack(Document node) {
        boolean dateValue = "xsd:dateTime".equals(node.get("_type"));
        for (Map.Entry<String, Object> e : node.entrySet()) {
            if (e.getValue() instanceof Document) {
                datesBack((Document) e.getValue());
            } else if (e.getValue() instanceof String
                    && (DATE_FIELDS.contains(e.getKey()) || (dateValue && e.getKey().equals("_value")))) {
                e.setValue(Date.from(Instant.parse((String) e.getValue())));
            }
        }
    }

    @Test
    void readsGenieAcsDocument() throws IOException {
        Device device = DeviceDocuments.fromDocument(genieAcsDocument());
        assertThat(device.id()).isEqualTo("202BC1-BM632w-000000");
        assertThat(device.identity()).isEqualTo(new Device.DeviceIdentity("Broadcom", "202BC1", "BM632w", "000000"));
        assertThat(device.registered()).contains(Instant.parse("2026-11-25T11:21:54.276Z"));
        assertThat(device.lastInform()).contains(Instant.parse("2026-11-25T11:21:54.289Z"));
        assertThat(device.lastBoot()).contains(Instant.parse("2026-11-25T11:21:54.276Z"));
        assertThat(device.lastBootstrap()).contains(Instant.parse("2026-11-25T11:21:54.276Z"));
        assertThat(device.tags()).containsExactly("test");
        ParameterAttributes ssid = device.parameter("InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.SSID").orElseThrow();
        assertThat(ssid.value()).contains("NewSSID");
        assertThat(ssid.type()).contains("xsd:string");
        assertThat(ssid.writable()).contains(true);
        assertThat(ssid.object()).contains(false);
        assertThat(ssid.timestamp()).contains(Instant.parse("2026-11-25T11:21:54.290Z"));
        assertThat(device.value("InternetGatewayDevice.DeviceInfo.UpTime")).contains(3600);
        assertThat(device.value("InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.Enable")).contains(true);
        assertThat(device.value("Reboot")).contains(Instant.parse("2026-11-25T11:21:54.289Z"));
        ParameterAttributes instance = device.parameter("InternetGatewayDevice.LANDevice.1.WLANConfiguration.1").orElseThrow();
        assertThat(instance.object()).contains(true);
        assertThat(instance.writable()).contains(true);
        assertThat(instance.value()).isEmpty();
        assertThat(device.parameter("InternetGatewayDevice").orElseThrow().timestamp())
                .contains(Instant.parse("2026-11-25T11:21:54.276Z"));
        // LANDevice.1 has a timestamp and no _object: kept as it is
        assertThat(device.parameter("InternetGatewayDevice.LANDevice.1").orElseThrow().object()).contains(true);
        assertThat(device.parameters()).hasSize(16);
    }

    @Test
    void writesItBackUnchanged() throws IOException {
        Document original = genieAcsDocument();
        Document written = DeviceDocuments.toDocument(DeviceDocuments.fromDocument(original));
        assertThat(written).isEqualTo(original);
    }

    @Test
    void onlyTr069PathsAreStored() {
        for (String ok : List.of("Device.DeviceInfo.SoftwareVersion", "InternetGatewayDevice.LANDevice.1.X_ACME-Flag",
                "Device.X_00AABB_Thing_2")) {
            assertThat(DeviceDocuments.isStorablePath(ok)).as(ok).isTrue();
        }
        for (String bad : List.of("", "Device.", ".Device", "Device..X", "Device.$where", "Device._value", "_id",
                "Device.Info Name", "Device.Ünicode")) {
            assertThat(DeviceDocuments.isStorablePath(bad)).as(bad).isFalse();
        }
    }

    @Test
    void ourDeviceSurvivesTheDocumentShape() {
        Device device = new Device("00259E-EG8145V5-X", new Device.DeviceIdentity("Huawei", "00259E", "EG8145V5", "X"),
                java.util.Optional.of(Instant.parse("2024-01-01T00:00:00Z")), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), List.of("a", "b"),
                new java.util.TreeMap<>(Map.of("Device.DeviceInfo.SoftwareVersion",
                        ParameterAttributes.leaf("V1", "xsd:string", Instant.parse("2024-01-01T00:00:01Z")))));
        assertThat(DeviceDocuments.fromDocument(DeviceDocuments.toDocument(device))).isEqualTo(device);
    }
}
