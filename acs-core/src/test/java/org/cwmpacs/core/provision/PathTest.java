package org.cwmpacs.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathTest {
    @Test
    void namesWildcardsAndAliasesAsGenieAcsWritesThem() {
        Path p = Path.parse("Device.WiFi.SSID.*.SSID");
        assertThat(p.length()).isEqualTo(5);
        assertThat(p.get(3)).isInstanceOf(Path.Wildcard.class);
        assertThat(p.concrete()).isFalse();
        assertThat(p.toString()).isEqualTo("Device.WiFi.SSID.*.SSID");

        Path alias = Path.parse("Downloads.[FileType:\"1 Firmware Upgrade Image\",FileName:fw.bin,TargetFileName:]");
        Path.Alias a = (Path.Alias) alias.get(1);
        assertThat(a.keys()).containsExactly(new Path.Key("FileName", "fw.bin"),
                new Path.Key("FileType", "1 Firmware Upgrade Image"), new Path.Key("TargetFileName", ""));
        // keys sorted, values quoted: one spelling per alias
        assertThat(alias.toString()).isEqualTo(
                "Downloads.[FileName:\"fw.bin\",FileType:\"1 Firmware Upgrade Image\",TargetFileName:\"\"]");
        assertThat(Path.parse("A.[ Sub.Key : \"x\\\"y\" ].B").get(1)).isEqualTo(
                new Path.Alias(List.of(new Path.Key("Sub.Key", "x\"y"))));
        assertThat(Path.parse("").length()).isZero();
        assertThat(Path.parse("Device.X").concrete()).isTrue();
    }

    @Test
    void aMistakeNamesItsPosition() {
        assertThatThrownBy(() -> Path.parse("Device..X")).hasMessageContaining("position 8");
        assertThatThrownBy(() -> Path.parse("Device.X Y")).hasMessageContaining("unexpected ' '");
        assertThatThrownBy(() -> Path.parse("A.[Key\"v\"]")).hasMessageContaining("expected ':'");
        assertThatThrownBy(() -> Path.parse("A.[K:\"v]")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> Path.parse("A.".repeat(100) + "B")).hasMessageContaining("more than 64 segments");
    }

    @Test
    void instancesSortAsNumbers() {
        List<String> paths = new java.util.ArrayList<>(List.of("A.10.B", "A.2.B", "A.1.B", "A.x"));
        paths.sort(Resolver.INSTANCE_ORDER);
        assertThat(paths).containsExactly("A.1.B", "A.2.B", "A.10.B", "A.x");
    }
}
