package org.cwmpacs.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cwmpacs.soap.message.Cwmp;
import org.cwmpacs.soap.message.CwmpMessage;
import org.cwmpacs.soap.message.Download;
import org.cwmpacs.soap.message.GetParameterNames;
import org.cwmpacs.soap.message.GetParameterValues;
import org.cwmpacs.soap.message.ParameterValueStruct;
import org.cwmpacs.soap.message.SetParameterValues;
import org.cwmpacs.soap.message.UnknownMessage;
import org.cwmpacs.soap.message.XsdType;
import org.junit.jupiter.api.Test;

/** The output rules strict CPEs (RDK-B's positional, prefix-literal parser above all) depend on. */
class EncodingRulesTest {
    private final CwmpCodec codec = new CwmpCodec();

    private String encode(String ns, CwmpMessage message) {
        return encode(ns, message, EncodeOptions.DEFAULT);
    }

    private String encode(String ns, CwmpMessage message, EncodeOptions options) {
        return new String(codec.encode(CwmpEnvelope.of(ns, SoapHeader.withId("17"), message), options),
                StandardCharsets.UTF_8);
    }

    private static List<String> childrenOf(String xml, String element) {
        Matcher body = Pattern.compile("<cwmp:" + element + ">(.*)</cwmp:" + element + ">").matcher(xml);
        assertThat(body.find()).as("element %s in %s", element, xml).isTrue();
        List<String> names = new ArrayList<>();
        Matcher child = Pattern.compile("<([A-Za-z]+)[ >/]").matcher(body.group(1));
        while (child.find()) {
            names.add(child.group(1));
        }
        return names;
    }

    @Test
    void noDeclarationNoBomAndTheEnvelopeComesFirst() {
        byte[] xml = codec.encode(CwmpEnvelope.of(Cwmp.NS_1_0, SoapHeader.withId("1"), new GetParameterNames("Device.", false)));
        assertThat(xml[0]).isEqualTo((byte) '<');
        assertThat(new String(xml, StandardCharsets.UTF_8)).startsWith("<soap-env:Envelope xmlns:soap-env=\""
                + Cwmp.SOAP_ENV + "\"");
    }

    @Test
    void theDeclarationIsAnOption() {
        String xml = encode(Cwmp.NS, new GetParameterNames("Device.", false), new EncodeOptions(true, true));
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<soap-env:Envelope ");
    }

    @Test
    void everyNamespaceIsDeclaredOnceOnTheEnvelope() {
        for (CwmpMessage message : SampleMessages.acsRequests()) {
            String xml = encode(Cwmp.NS_1_0, message);
            String envelopeTag = xml.substring(0, xml.indexOf('>') + 1);
            assertThat(envelopeTag).contains(
                    "xmlns:soap-env=\"" + Cwmp.SOAP_ENV + "\"",
                    "xmlns:soap-enc=\"" + Cwmp.SOAP_ENC + "\"",
                    "xmlns:xsd=\"" + Cwmp.XSD + "\"",
                    "xmlns:xsi=\"" + Cwmp.XSI + "\"",
                    "xmlns:cwmp=\"" + Cwmp.NS_1_0 + "\"");
            assertThat(xml.split("xmlns:", -1)).as(xml).hasSize(6);
            assertThat(xml).doesNotContain("xmlns=").doesNotContain(Cwmp.NS).doesNotContain(Cwmp.TYPE_ATTRIBUTE_NS);
        }
    }

    @Test
    void answersInTheSessionsNamespaceEvenANonStandardOne() {
        String xml = encode("urn:dslforum-org:cwmp-1-4", new GetParameterValues(List.of("Device.")));
        assertThat(xml).contains("xmlns:cwmp=\"urn:dslforum-org:cwmp-1-4\"").contains("<cwmp:GetParameterValues>");
    }

    @Test
    void idCarriesMustUnderstandAsADigit() {
        String xml = encode(Cwmp.NS, new GetParameterNames("Device.", false));
        assertThat(xml).contains("<soap-env:Header><cwmp:ID soap-env:mustUnderstand=\"1\">17</cwmp:ID></soap-env:Header>");
    }

    @Test
    void holdRequestsIsAlwaysADigit() {
        byte[] xml = codec.encode(CwmpEnvelope.of(Cwmp.NS, SoapHeader.withId("1").holdRequests(true),
                new GetParameterNames("Device.", false)), new EncodeOptions(false, false));
        assertThat(new String(xml, StandardCharsets.UTF_8))
                .contains("<cwmp:HoldRequests soap-env:mustUnderstand=\"1\">1</cwmp:HoldRequests>");
    }

    @Test
    void downloadAlwaysCarriesAllTenChildrenInSchemaOrder() {
        String xml = encode(Cwmp.NS_1_0, new Download("fw-1", "1 Firmware Upgrade Image",
                "http://192.0.2.1/fw.bin", "", "", 0, "", 0, "", ""));
        assertThat(childrenOf(xml, "Download")).containsExactly("CommandKey", "FileType", "URL", "Username",
                "Password", "FileSize", "TargetFileName", "DelaySeconds", "SuccessURL", "FailureURL");
        assertThat(xml).contains("<Username></Username>").contains("<FileSize>0</FileSize>")
                .contains("<DelaySeconds>0</DelaySeconds>").contains("<FailureURL></FailureURL>");
    }

    @Test
    void rpcChildrenAreUnqualifiedAndNumbersAreBareDigits() {
        String xml = encode(Cwmp.NS, new Download("k", "1 Firmware Upgrade Image", "http://h/f", "u", "p",
                4294967295L, "f.bin", 30, "", ""));
        assertThat(xml).contains("<cwmp:Download><CommandKey>k</CommandKey>")
                .contains("<FileSize>4294967295</FileSize>").contains("<DelaySeconds>30</DelaySeconds>");
    }

    @Test
    void booleansAreDigitsByDefaultAndWordsByOption() {
        GetParameterNames gpn = new GetParameterNames("Device.", true);
        assertThat(encode(Cwmp.NS, gpn)).contains("<NextLevel>1</NextLevel>");
        assertThat(encode(Cwmp.NS, gpn, new EncodeOptions(false, false))).contains("<NextLevel>true</NextLevel>");

        SetParameterValues spv = new SetParameterValues(List.of(
                new ParameterValueStruct("Device.ManagementServer.PeriodicInformEnable", "true", XsdType.BOOLEAN),
                new ParameterValueStruct("Device.X_Flag", "0", XsdType.BOOLEAN)), "");
        assertThat(encode(Cwmp.NS, spv)).contains("<Value xsi:type=\"xsd:boolean\">1</Value>")
                .contains("<Value xsi:type=\"xsd:boolean\">0</Value>");
        assertThat(encode(Cwmp.NS, spv, new EncodeOptions(false, false)))
                .contains("<Value xsi:type=\"xsd:boolean\">true</Value>")
                .contains("<Value xsi:type=\"xsd:boolean\">false</Value>");
    }

    @Test
    void valueHasXsiTypeAsItsOnlyAttributeAndTextIsEscaped() {
        String xml = encode(Cwmp.NS, new SetParameterValues(List.of(
                ParameterValueStruct.ofString("Device.WiFi.SSID.1.SSID", "caf\u00e9 & <b>"),
                ParameterValueStruct.ofUnsignedInt("Device.ManagementServer.PeriodicInformInterval", 60)), "pk"));
        Matcher values = Pattern.compile("<Value[^>]*>").matcher(xml);
        List<String> tags = new ArrayList<>();
        while (values.find()) {
            tags.add(values.group());
        }
        assertThat(tags).containsExactly("<Value xsi:type=\"xsd:string\">", "<Value xsi:type=\"xsd:unsignedInt\">");
        assertThat(xml).contains(">caf\u00e9 &amp; &lt;b&gt;</Value>").doesNotContain("CDATA");
    }

    @Test
    void arraysCarryTheirTrueCount() {
        String spv = encode(Cwmp.NS, new SetParameterValues(List.of(
                ParameterValueStruct.ofString("A.a", "1"), ParameterValueStruct.ofString("A.b", "2"),
                ParameterValueStruct.ofString("A.c", "3")), ""));
        assertThat(spv).contains("<ParameterList soap-enc:arrayType=\"cwmp:ParameterValueStruct[3]\">");
        String gpv = encode(Cwmp.NS, new GetParameterValues(List.of("Device.DeviceInfo.", "Device.Time.")));
        assertThat(gpv).contains("<ParameterNames soap-enc:arrayType=\"xsd:string[2]\"><string>Device.DeviceInfo.</string>");
    }

    @Test
    void anEmptyAnswerOrAnUnknownMethodIsNotEncoded() {
        assertThatThrownBy(() -> codec.encode(new CwmpEnvelope(Cwmp.NS, SoapHeader.NONE, java.util.Optional.empty(),
                List.of()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("204");
        assertThatThrownBy(() -> codec.encode(CwmpEnvelope.of(Cwmp.NS, SoapHeader.NONE, new UnknownMessage("", "X_Foo"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X_Foo");
    }

    @Test
    void withoutAnIdThereIsNoHeader() {
        String xml = new String(codec.encode(CwmpEnvelope.of(Cwmp.NS, SoapHeader.NONE, new GetParameterNames("", false))),
                StandardCharsets.UTF_8);
        assertThat(xml).doesNotContain("Header").contains("<soap-env:Body><cwmp:GetParameterNames>");
    }
}
