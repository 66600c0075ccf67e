package org.cwmpacs.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataModelTest {
    static Path models() {
        return Path.of(System.getProperty("acs.fixtures.dir", "src/main/resources/fixtures")).resolve("datamodels");
    }

    @ParameterizedTest
    @CsvSource({"igd-broadcom-bm632w.csv, InternetGatewayDevice., 202BC1, BM632w, 8KA8WA1151100043",
        "igd-huawei-eg8145v5.csv, InternetGatewayDevice., 00259E, EG8145V5, 48575443A94196A5",
        "tr181-tplink-ec220-g5v3.csv, Device., 9CA2F4, EC220-G5, 22275K2000315",
        "tr181-tplink-ex220.csv, Device., 1C61B4, Device2, 2226469000523"})
    void loadsTheSharedDataModels(String file, String root, String oui, String productClass, String serial) {
        DataModel model = DataModel.fromCsv(models().resolve(file));
        assertThat(model.root()).isEqualTo(root);
        assertThat(model.identity("OUI")).isEqualTo(oui);
        assertThat(model.identity("ProductClass")).isEqualTo(productClass);
        assertThat(model.identity("SerialNumber")).isEqualTo(serial);
        assertThat(model.get(root + "DeviceInfo.SoftwareVersion")).isPresent();
        assertThat(model.leafCount()).isGreaterThan(300);
        assertThat(model.nodes().keySet()).allMatch(p -> p.startsWith(root));
    }
}
