package org.cwmpacs.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cwmpacs.soap.message.Cwmp;
import org.cwmpacs.soap.message.CwmpMessage;
import org.cwmpacs.soap.message.EventStruct;
import org.cwmpacs.soap.message.GetParameterValuesResponse;
import org.cwmpacs.soap.message.GetRPCMethodsResponse;
import org.cwmpacs.soap.message.Inform;
import org.cwmpacs.soap.message.ParameterValueStruct;
import org.cwmpacs.soap.message.SetParameterValuesResponse;
import org.cwmpacs.soap.message.SoapFault;
import org.cwmpacs.soap.message.TransferComplete;
import org.cwmpacs.soap.message.XsdType;
import org.junit.jupiter.api.Test;

/** Every shared SOAP fixture (see its SOURCES.md) decodes to the right message, or fails as it should. */
class FixtureDecodingTest {
    private final CwmpCodec codec = new CwmpCodec();

    private CwmpEnvelope decode(String fixture) throws CwmpDecodeException {
        return codec.decode(Fixtures.bytes(fixture));
    }

    private static <T extends CwmpMessage> T message(CwmpEnvelope envelope, Class<T> type) {
        return envelope.message(type).orElseThrow(() ->
                new AssertionError("expected " + type.getSimpleName() + ", got " + envelope.message()));
    }

    private static List<String> eventCodes(Inform inform) {
        return inform.event().stream().map(EventStruct::eventCode).collect(Collectors.toList());
    }

    private static ParameterValueStruct param(List<ParameterValueStruct> list, String name) {
        return list.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no parameter " + name + " in " + list));
    }

    @Test
    void everyFixtureHasATestHere() throws IOException {
        Set<String> tested = Set.of(
                "quirk-body-encodingstyle-nonnumeric-id.synthetic.xml",
                "quirk-bom-iso8859-1-crlf.synthetic.xml",
                "quirk-cdata-and-char-refs.synthetic.xml",
                "quirk-chunked-basic-auth-empty-soapaction.synthetic.http",
                "quirk-control-char-in-value.synthetic.invalid.xml",
                "quirk-cwmp-1-4-namespace-default-ns.synthetic.xml",
                "quirk-cwmp14-supportedversions-header.synthetic.xml",
                "quirk-easycwmp-leading-space-cwmp12.synthetic.xml",
                "quirk-gpvresponse-missing-value.synthetic.xml",
                "quirk-latin1-bytes-in-utf8.synthetic.invalid.xml",
                "quirk-nonstandard-xsi-types.synthetic.xml",
                "quirk-soap-prefix-is-encoding-ns-arraytype-mismatch.synthetic.xml",
                "quirk-utf8-bom.synthetic.xml",
                "quirk-value-without-xsi-type.synthetic.xml",
                "rdkb-ccsptr069pa-empty-post.synthetic.http",
                "rdkb-ccsptr069pa-getrpcmethodsresponse.synthetic.xml",
                "rdkb-ccsptr069pa-inform.synthetic.http",
                "rdkb-ccsptr069pa-inform.synthetic.xml",
                "rdkb-ccsptr069pa-spv-fault.synthetic.xml",
                "rdkb-ccsptr069pa-transfercomplete.synthetic.xml",
                "zyxel-p2601hn-inform.xml",
                "zyxel-vmg8924-inform.xml");
        try (Stream<Path> files = Files.list(Fixtures.soapDir())) {
            Set<String> present = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".xml") || n.endsWith(".http")).collect(Collectors.toSet());
            assertThat(present).containsExactlyInAnyOrderElementsOf(tested);
        }
    }

    @Test
    void zyxelP2601hnInform() throws Exception {
        CwmpEnvelope env = decode("zyxel-p2601hn-inform.xml");
        Inform inform = message(env, Inform.class);
        assertThat(env.cwmpNamespace()).isEqualTo(Cwmp.NS_1_0);
        assertThat(env.header().id()).contains("100");
        assertThat(inform.deviceId().manufacturer()).isEqualTo("ZyXEL");
        assertThat(inform.deviceId().oui()).isEqualTo("EC43F6");
        assertThat(inform.deviceId().productClass()).isEqualTo("P-2601HN-F1");
        assertThat(inform.deviceId().serialNumber()).isEqualTo("EC43F69AF408");
        assertThat(eventCodes(inform)).containsExactly("2 PERIODIC");
        assertThat(inform.maxEnvelopes()).isEqualTo(1);
        assertThat(inform.retryCount()).isZero();
        // no time zone: kept as sent, read as UTC
        assertThat(inform.currentTime()).isEqualTo("2015-01-19T23:08:24");
        assertThat(org.cwmpacs.soap.message.CwmpDateTime.parse(inform.currentTime()))
                .contains(Instant.parse("2015-01-19T23:08:24Z"));
        assertThat(inform.parameterList()).hasSize(8);
        assertThat(param(inform.parameterList(), "InternetGatewayDevice.DeviceInfo.SoftwareVersion").value())
                .isEqualTo("V1.00(AACB.3)");
        ParameterValueStruct code = param(inform.parameterList(), "InternetGatewayDevice.DeviceInfo.ProvisioningCode");
        assertThat(code.value()).isEmpty();
        assertThat(code.type()).isEqualTo("xsd:string");
        assertThat(param(inform.parameterList(), "InternetGatewayDevice.ManagementServer.ConnectionRequestURL").value())
                .isEqualTo("http://2.110.157.83:7676/CWMP/ConnectionRequest");
        assertThat(env.warnings()).isEmpty();
    }

    @Test
    void zyxelVmg8924InformWithZeroPaddedArrayCount() throws Exception {
        CwmpEnvelope env = decode("zyxel-vmg8924-inform.xml");
        Inform inform = message(env, Inform.class);
        assertThat(env.header().id()).contains("844317904");
        assertThat(inform.deviceId().oui()).isEqualTo("4C9EFF");
        assertThat(inform.deviceId().productClass()).isEqualTo("VMG8924-B10A");
        assertThat(inform.deviceId().serialNumber()).isEqualTo("S140Y24025829");
        assertThat(eventCodes(inform)).containsExactly("6 CONNECTION REQUEST");
        assertThat(CwmpDateTimeOf(inform)).contains(Instant.parse("2016-01-30T12:20:27Z"));
        // arrayType says [0008]: the children are counted, not the attribute
        assertThat(inform.parameterList()).hasSize(8);
        assertThat(param(inform.parameterList(), "InternetGatewayDevice.ManagementServer.ConnectionRequestURL").value())
                .isEqualTo("http://[2a02:980:1400::1ff]:30005/78DF621FFD24F339452C341BEFE0E8A8");
        assertThat(param(inform.parameterList(), "InternetGatewayDevice.DeviceInfo.ProvisioningCode").value())
                .isEqualTo("31755,n");
    }

    private static Optional<Instant> CwmpDateTimeOf(Inform inform) {
        return org.cwmpacs.soap.message.CwmpDateTime.parse(inform.currentTime());
    }

    @Test
    void rdkbInform() throws Exception {
        CwmpEnvelope env = decode("rdkb-ccsptr069pa-inform.synthetic.xml");
        assertRdkbInform(env);
    }

    static void assertRdkbInform(CwmpEnvelope env) {
        Inform inform = message(env, Inform.class);
        assertThat(env.cwmpNamespace()).isEqualTo(Cwmp.NS_1_0);
        assertThat(env.header().id()).contains("1");
        assertThat(inform.deviceId().manufacturer()).isEqualTo("ExampleVendor");
        assertThat(inform.deviceId().oui()).isEqualTo("0000CA");
        assertThat(inform.deviceId().productClass()).isEqualTo("XB3");
        assertThat(inform.deviceId().serialNumber()).isEqualTo("SYNTH0000000001");
        assertThat(inform.event()).extracting(EventStruct::eventCode, EventStruct::commandKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1 BOOT", ""),
                        org.assertj.core.groups.Tuple.tuple("M Reboot", "acs-reboot-42"));
        assertThat(inform.parameterList()).hasSize(10);
        assertThat(param(inform.parameterList(), "Device.DeviceInfo.SoftwareVersion").value())
                .isEqualTo("EXAMPLE_6.2p30s1_PROD_sey");
        assertThat(param(inform.parameterList(), "Device.DeviceInfo.HardwareVersion").value()).isEqualTo("1.0");
        ParameterValueStruct empty = param(inform.parameterList(), "Device.DeviceInfo.ProvisioningCode");
        assertThat(empty.hasValue()).isTrue();
        assertThat(empty.value()).isEmpty();
        assertThat(empty.xsdType()).isEqualTo(XsdType.STRING);
        assertThat(param(inform.parameterList(), "Device.ManagementServer.ConnectionRequestURL").value())
                .isEqualTo("http://192.0.2.10:7547/0123456789abcdef");
        assertThat(param(inform.parameterList(), "Device.ManagementServer.ParameterKey").value()).isEmpty();
    }

    @Test
    void rdkbInformOverHttp() throws Exception {
        Fixtures.HttpRequest request = Fixtures.http("rdkb-ccsptr069pa-inform.synthetic.http");
        assertThat(request.headers()).containsEntry("soapaction", "\"Inform\"");
        assertRdkbInform(codec.decode(request.body(), request.charset()));
    }

    @Test
    void rdkbEmptyPostHasNoMessage() throws Exception {
        Fixtures.HttpRequest request = Fixtures.http("rdkb-ccsptr069pa-empty-post.synthetic.http");
        assertThat(request.headers()).containsEntry("cookie", "session=abc123");
        CwmpEnvelope env = codec.decode(request.body(), request.charset());
        assertThat(env.message()).isEmpty();
        assertThat(env.header().id()).isEmpty();
    }

    @Test
    void rdkbTransferCompleteWithoutTimeZone() throws Exception {
        CwmpEnvelope env = decode("rdkb-ccsptr069pa-transfercomplete.synthetic.xml");
        TransferComplete tc = message(env, TransferComplete.class);
        assertThat(env.header().id()).contains("2");
        assertThat(tc.commandKey()).isEqualTo("fw-upgrade-7");
        assertThat(tc.faultStruct().faultCode()).isZero();
        assertThat(tc.faultStruct().faultString()).isEmpty();
        assertThat(tc.startTime()).isEqualTo("2024-01-01T11:50:02");
        assertThat(org.cwmpacs.soap.message.CwmpDateTime.parse(tc.completeTime()))
                .contains(Instant.parse("2024-01-01T11:55:40Z"));
    }

    @Test
    void rdkbSetParameterValuesFault() throws Exception {
        CwmpEnvelope env = decode("rdkb-ccsptr069pa-spv-fault.synthetic.xml");
        SoapFault fault = message(env, SoapFault.class);
        assertThat(env.header().id()).contains("ACS-REQ-17");
        assertThat(fault.faultcode()).isEqualTo("Client");
        assertThat(fault.faultstring()).isEqualTo("CWMP fault");
        assertThat(fault.fault().faultCode()).isEqualTo(9003);
        assertThat(fault.fault().faultString()).isEqualTo("Invalid arguments");
        assertThat(fault.fault().setParameterValuesFaults()).singleElement().satisfies(f -> {
            assertThat(f.parameterName()).isEqualTo("Device.WiFi.SSID.1.SSID");
            assertThat(f.faultCode()).isEqualTo(9007);
            assertThat(f.faultString()).isEqualTo("Invalid parameter value");
        });
    }

    @Test
    void rdkbGetRpcMethodsResponse() throws Exception {
        CwmpEnvelope env = decode("rdkb-ccsptr069pa-getrpcmethodsresponse.synthetic.xml");
        GetRPCMethodsResponse response = message(env, GetRPCMethodsResponse.class);
        assertThat(env.header().id()).contains("ACS-REQ-1");
        assertThat(response.methodList()).hasSize(12)
                .startsWith("GetRPCMethods", "SetParameterValues")
                .contains("Download", "ChangeDUState")
                .endsWith("FactoryReset");
    }

    @Test
    void easycwmpLeadingWhitespaceAndCwmp12() throws Exception {
        CwmpEnvelope env = decode("quirk-easycwmp-leading-space-cwmp12.synthetic.xml");
        Inform inform = message(env, Inform.class);
        assertThat(env.cwmpNamespace()).isEqualTo("urn:dslforum-org:cwmp-1-2");
        assertThat(env.header().id()).contains("1");
        assertThat(eventCodes(inform)).containsExactly("2 PERIODIC");
        assertThat(inform.event().get(0).commandKey()).isEmpty();
        assertThat(param(inform.parameterList(), "InternetGatewayDevice.DeviceInfo.HardwareVersion").value())
                .isEqualTo("1.0");
    }

    @Test
    void bodyEncodingStyleAndNonNumericId() throws Exception {
        CwmpEnvelope env = decode("quirk-body-encodingstyle-nonnumeric-id.synthetic.xml");
        Inform inform = message(env, Inform.class);
        assertThat(env.header().id()).contains("inform");
        assertThat(eventCodes(inform)).containsExactly("0 BOOTSTRAP");
        assertThat(inform.deviceId().serialNumber()).isEqualTo("SYNTH0001");
        ParameterValueStruct sw = param(inform.parameterList(), "InternetGatewayDevice.DeviceInfo.SoftwareVersion");
        assertThat(sw.value()).isEqualTo("1.2.3");
        assertThat(sw.type()).isEqualTo("xsd:string");
    }

    @Test
    void valueWithoutXsiTypeIsAString() throws Exception {
        Inform inform = message(decode("quirk-value-without-xsi-type.synthetic.xml"), Inform.class);
        ParameterValueStruct sw = param(inform.parameterList(), "InternetGatewayDevice.DeviceInfo.SoftwareVersion");
        assertThat(sw.value()).isEqualTo("2.0.1");
        assertThat(sw.type()).isEmpty();
        assertThat(sw.xsdType()).isEqualTo(XsdType.STRING);
        assertThat(param(inform.parameterList(), "InternetGatewayDevice.ManagementServer.ConnectionRequestURL").value())
                .isEqualTo("http://192.0.2.20:7547/");
    }

    @Test
    void missingValueElement() throws Exception {
        CwmpEnvelope env = decode("quirk-gpvresponse-missing-value.synthetic.xml");
        GetParameterValuesResponse response = message(env, GetParameterValuesResponse.class);
        assertThat(env.header().id()).contains("166f77013830000");
        ParameterValueStruct log = response.parameterList().get(0);
        assertThat(log.name()).isEqualTo("Device.DeviceInfo.DeviceLog");
        assertThat(log.hasValue()).isFalse();
        assertThat(log.value()).isEmpty();
    }

    @Test
    void utf8BomThenIso88591DeclarationReadsAsLatin1() throws Exception {
        CwmpEnvelope env = decode("quirk-bom-iso8859-1-crlf.synthetic.xml");
        GetParameterValuesResponse response = message(env, GetParameterValuesResponse.class);
        assertThat(env.header().id()).contains("42");
        assertThat(response.parameterList()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.SSID");
            assertThat(p.value()).isEqualTo("Caf\u00e9-WLAN");
        });
    }

    @Test
    void utf8Bom() throws Exception {
        CwmpEnvelope env = decode("quirk-utf8-bom.synthetic.xml");
        assertThat(message(env, SetParameterValuesResponse.class).status()).isZero();
        assertThat(env.header().id()).contains("3");
    }

    @Test
    void cdataAndCharacterReferencesAndSpacesKept() throws Exception {
        GetParameterValuesResponse response = message(decode("quirk-cdata-and-char-refs.synthetic.xml"),
                GetParameterValuesResponse.class);
        assertThat(param(response.parameterList(), "Device.DeviceInfo.Description").value())
                .isEqualTo("Gateway <rev B> & friends");
        assertThat(param(response.parameterList(), "Device.DeviceInfo.ModelName").value())
                .isEqualTo("A&B AB caf\u00e9");
        assertThat(param(response.parameterList(), "Device.WiFi.SSID.1.SSID").value()).isEqualTo("  padded-ssid  ");
    }

    @Test
    void nonStandardXsiTypesAreKeptAndReadable() throws Exception {
        GetParameterValuesResponse response = message(decode("quirk-nonstandard-xsi-types.synthetic.xml"),
                GetParameterValuesResponse.class);
        List<ParameterValueStruct> list = response.parameterList();
        assertThat(list).hasSize(6);
        ParameterValueStruct sent = param(list, "Device.Ethernet.Interface.1.Stats.BytesSent");
        assertThat(sent.xsdType()).isEqualTo(XsdType.UNSIGNED_LONG);
        assertThat(sent.integerValue()).isEqualTo(new BigInteger("18446744073709551615"));
        ParameterValueStruct received = param(list, "Device.Ethernet.Interface.1.Stats.BytesReceived");
        assertThat(received.xsdType()).isEqualTo(XsdType.STRING);
        assertThat(received.longValue()).isEqualTo(4294967296L);
        ParameterValueStruct json = param(list, "Device.X_EXAMPLE_Config");
        assertThat(json.type()).isEqualTo("xsd:json");
        assertThat(json.xsdType()).isEqualTo(XsdType.OTHER);
        assertThat(json.value()).isEqualTo("{\"a\":1}");
        ParameterValueStruct upTime = param(list, "Device.DeviceInfo.UpTime");
        assertThat(upTime.type()).isEqualTo("unsignedInt");
        assertThat(upTime.xsdType()).isEqualTo(XsdType.UNSIGNED_INT);
        assertThat(upTime.intValue()).isEqualTo(3600);
        ParameterValueStruct time = param(list, "Device.Time.CurrentLocalTime");
        assertThat(time.xsdType()).isEqualTo(XsdType.DATE_TIME);
        assertThat(time.dateTimeValue()).contains(Instant.parse("0001-01-01T00:00:00Z"));
        ParameterValueStruct enable = param(list, "Device.ManagementServer.PeriodicInformEnable");
        assertThat(enable.xsdType()).isEqualTo(XsdType.BOOLEAN);
        assertThat(enable.value()).isEqualTo("true");
        assertThat(enable.booleanValue()).isTrue();
    }

    @Test
    void soapPrefixBoundToEncodingNamespaceAndWrongArrayCount() throws Exception {
        CwmpEnvelope env = decode("quirk-soap-prefix-is-encoding-ns-arraytype-mismatch.synthetic.xml");
        Inform inform = message(env, Inform.class);
        assertThat(env.header().id()).contains("1234");
        assertThat(eventCodes(inform)).containsExactly("6 CONNECTION REQUEST");
        // arrayType claims 5, two are there
        assertThat(inform.parameterList()).extracting(ParameterValueStruct::name).containsExactly(
                "InternetGatewayDevice.DeviceInfo.SoftwareVersion", "InternetGatewayDevice.ManagementServer.ParameterKey");
        assertThat(inform.parameterList().get(0).value()).isEqualTo("6.2.35.0");
        assertThat(inform.parameterList().get(1).value()).isEmpty();
    }

    @Test
    void cwmp14NamespaceAsDefaultNamespace() throws Exception {
        CwmpEnvelope env = decode("quirk-cwmp-1-4-namespace-default-ns.synthetic.xml");
        Inform inform = message(env, Inform.class);
        // the non-standard URI is remembered so that the session answers in it
        assertThat(env.cwmpNamespace()).isEqualTo("urn:dslforum-org:cwmp-1-4");
        assertThat(env.header().id()).contains("9");
        assertThat(inform.deviceId().productClass()).isEqualTo("ONT");
        assertThat(inform.deviceId().serialNumber()).isEqualTo("SYNTH0002");
        assertThat(eventCodes(inform)).containsExactly("2 PERIODIC");
        assertThat(CwmpDateTimeOf(inform)).contains(Instant.parse("2024-05-01T04:30:00Z"));
        assertThat(param(inform.parameterList(), "Device.DeviceInfo.SoftwareVersion").value()).isEqualTo("V1");
    }

    @Test
    void cwmp14HeadersAndEmptyParameterList() throws Exception {
        CwmpEnvelope env = decode("quirk-cwmp14-supportedversions-header.synthetic.xml");
        Inform inform = message(env, Inform.class);
        assertThat(env.cwmpNamespace()).isEqualTo("urn:dslforum-org:cwmp-1-2");
        assertThat(env.header().id()).contains("1001");
        assertThat(env.header().sessionTimeout()).contains(60);
        assertThat(env.header().supportedCwmpVersions()).contains("1.0,1.1,1.2,1.3,1.4");
        assertThat(eventCodes(inform)).containsExactly("0 BOOTSTRAP", "1 BOOT");
        assertThat(inform.parameterList()).isEmpty();
    }

    @Test
    void chunkedIso88591BodyOverHttp() throws Exception {
        Fixtures.HttpRequest request = Fixtures.http("quirk-chunked-basic-auth-empty-soapaction.synthetic.http");
        assertThat(request.charset()).contains("ISO-8859-1");
        assertThat(request.headers()).containsEntry("soapaction", "");
        CwmpEnvelope env = codec.decode(request.body(), request.charset());
        GetParameterValuesResponse response = message(env, GetParameterValuesResponse.class);
        assertThat(env.header().id()).contains("77");
        ParameterValueStruct upTime = response.parameterList().get(0);
        assertThat(upTime.name()).isEqualTo("InternetGatewayDevice.DeviceInfo.UpTime");
        assertThat(upTime.xsdType()).isEqualTo(XsdType.UNSIGNED_INT);
        assertThat(upTime.longValue()).isEqualTo(123L);
    }

    @Test
    void rawControlCharacterIsADecodeErrorWithPosition() {
        assertThatThrownBy(() -> decode("quirk-control-char-in-value.synthetic.invalid.xml"))
                .isInstanceOfSatisfying(CwmpDecodeException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.column()).isPositive();
                    assertThat(e.getMessage()).startsWith("malformed XML").contains("line 4");
                });
    }

    @Test
    void latin1ByteInUtf8DocumentIsADecodeErrorWithPosition() {
        assertThatThrownBy(() -> decode("quirk-latin1-bytes-in-utf8.synthetic.invalid.xml"))
                .isInstanceOfSatisfying(CwmpDecodeException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.getMessage()).contains("0xE9").contains("UTF-8").contains("line 5");
                });
    }
}
