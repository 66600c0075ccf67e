package org.cwmpacs.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cwmpacs.core.device.ParameterAttributes;
import org.cwmpacs.core.device.TreeSource;
import org.cwmpacs.core.engine.DeviceTree;
import org.junit.jupiter.api.Test;

/** A tree read from its source as it is used answers exactly as the same tree read whole. */
class LazyTreeTest {
    private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");

    private static TreeMap<String, ParameterAttributes> stored() {
        TreeMap<String, ParameterAttributes> m = new TreeMap<>();
        m.put("Device", ParameterAttributes.NONE.withObject(true).withTimestamp(T));
        for (String leaf : List.of("Device.DeviceInfo.SerialNumber", "Device.WiFi.SSID.1.SSID", "Device.WiFi.SSID.2.SSID",
                "Device.WiFi.SSID.10.SSID", "Device.WiFi.SSID-x.Name", "Device.WiFi.SSIDNumberOfEntries",
                "Device.ManagementServer.PeriodicInformInterval")) {
            m.put(leaf, ParameterAttributes.leaf("v-" + leaf, "xsd:string", T).withWritable(true));
        }
        // an object stored with attributes, and parents implied only by their children
        m.put("Device.WiFi.SSID.1", ParameterAttributes.NONE.withObject(true).withWritable(true));
        return m;
    }

    /** The nested-document view a store gives: nodes by path, children by listing. */
    private static TreeSource source(TreeMap<String, ParameterAttributes> m) {
        return new TreeSource() {
            @Override
            public Optional<ParameterAttributes> attributes(String path) {
                return Optional.ofNullable(m.get(path));
            }

            @Override
            public List<String> children(String path) {
                List<String> out = new ArrayList<>();
                String prefix = path.isEmpty() ? "" : path + ".";
                for (String k : m.keySet()) {
                    if (k.startsWith(prefix) && !k.equals(path)) {
                        int dot = k.indexOf('.', prefix.length());
                        String child = dot < 0 ? k : k.substring(0, dot);
                        if (!out.contains(child)) {
                            out.add(child);
                        }
                    }
                }
                return out;
            }
        };
    }

    @Test
    void everyQueryAnswersAsTheWholeTreeDoes() {
        List<String> paths = List.of("", "Device", "Device.WiFi", "Device.WiFi.SSID", "Device.WiFi.SSID.1",
                "Device.WiFi.SSID.1.SSID", "Device.WiFi.SSID-x", "Device.Nope", "Device.WiFi.SSID.3",
                "Device.DeviceInfo.SerialNumber", "Tags", "Tags.a");
        Map<String, ParameterAttributes> tags = Map.of("Tags.a", ParameterAttributes.leaf(true, "xsd:boolean", T));
        TreeMap<String, ParameterAttributes> whole = stored();
        whole.putAll(tags);
        DeviceTree eager = new DeviceTree(whole);
        for (String p : paths) {
            DeviceTree lazy = new DeviceTree(source(stored()), tags);
            assertThat(lazy.get(p)).as("get %s", p).isEqualTo(eager.get(p));
            assertThat(lazy.exists(p)).as("exists %s", p).isEqualTo(eager.exists(p));
            assertThat(lazy.isObject(p)).as("isObject %s", p).isEqualTo(eager.isObject(p));
            assertThat(new DeviceTree(source(stored()), tags).children(p)).as("children %s", p)
                    .isEqualTo(eager.children(p));
            assertThat(new DeviceTree(source(stored()), tags).leaves(p)).as("leaves %s", p).isEqualTo(eager.leaves(p));
        }
        assertThat(new DeviceTree(source(stored()), tags).roots()).isEqualTo(eager.roots()).containsExactly("Device");
    }

    @Test
    void changesAreTheSessionsOnlyAndARemovedSubtreeStaysRemoved() {
        DeviceTree lazy = new DeviceTree(source(stored()), Map.of());
        assertThat(lazy.drainChanges().isEmpty()).isTrue();
        lazy.removeSubtree("Device.WiFi.SSID");
        assertThat(lazy.exists("Device.WiFi.SSID.1.SSID")).isFalse();
        assertThat(lazy.children("Device.WiFi")).containsExactly("Device.WiFi.SSID-x", "Device.WiFi.SSIDNumberOfEntries");
        lazy.put("Device.WiFi.SSID.5.SSID", ParameterAttributes.leaf("new", "xsd:string", T));
        assertThat(lazy.children("Device.WiFi.SSID")).containsExactly("Device.WiFi.SSID.5");
        long before = lazy.modifications();
        // the same value read again: not a modification
        lazy.put("Device.DeviceInfo.SerialNumber", ParameterAttributes.leaf("v-Device.DeviceInfo.SerialNumber",
                "xsd:string", T.plusSeconds(60)).withWritable(true));
        assertThat(lazy.modifications()).isEqualTo(before);
        var changes = lazy.drainChanges();
        assertThat(changes.removed()).containsExactly("Device.WiFi.SSID");
        assertThat(changes.set()).containsOnlyKeys("Device.WiFi.SSID.5.SSID", "Device.DeviceInfo.SerialNumber");
    }
}
