package org.cwmpacs.ui.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TranscriptViewTest {
    private static String masked(String xml) {
        return TranscriptView.masked(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void credentialsAndSecretParametersAreHidden() {
        assertThat(masked("<cwmp:Download><URL>http://fs/x</URL><Username>u</Username><Password>s3cret</Password>"
                + "</cwmp:Download>")).contains("<Username>u</Username>").contains("<Password>(hidden)</Password>")
                .doesNotContain("s3cret");
        assertThat(masked("<ParameterValueStruct><Name>InternetGatewayDevice.LANDevice.1.WLANConfiguration.1."
                + "KeyPassphrase</Name><Value xsi:type=\"xsd:string\">wifi-key</Value></ParameterValueStruct>"
                + "<ParameterValueStruct><Name>InternetGatewayDevice.Time.NTPServer1</Name>"
                + "<Value xsi:type=\"xsd:string\">ntp.example</Value></ParameterValueStruct>"))
                .doesNotContain("wifi-key").contains("(hidden)").contains("ntp.example");
        assertThat(masked("<Name>X.ManagementServer.ConnectionRequestPassword</Name>\n<Value>pw</Value>"))
                .doesNotContain(">pw<");
    }
}
