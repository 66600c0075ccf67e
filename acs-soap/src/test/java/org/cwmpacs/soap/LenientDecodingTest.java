package org.cwmpacs.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.cwmpacs.soap.message.Cwmp;
import org.cwmpacs.soap.message.Inform;
import org.cwmpacs.soap.message.UnknownMessage;
import org.junit.jupiter.api.Test;

/** Sloppy-but-readable input is read, and what was tolerated is reported as a warning. */
class LenientDecodingTest {
    private final CwmpCodec codec = new CwmpCodec();

    private static String inform(String oui, String currentTime, String retryCount) {
        return "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\"><SOAP-ENV:Body><cwmp:Inform>"
                + "<DeviceId><Manufacturer>Cytco</Manufacturer><OUI>" + oui + "</OUI><ProductClass>P</ProductClass>"
                + "<SerialNumber>S1</SerialNumber></DeviceId><Event><EventStruct><EventCode>2 PERIODIC</EventCode>"
                + "<CommandKey></CommandKey></EventStruct></Event><MaxEnvelopes>2</MaxEnvelopes>"
                + "<CurrentTime>" + currentTime + "</CurrentTime><RetryCount>" + retryCount + "</RetryCount>"
                + "<ParameterList></ParameterList></cwmp:Inform></SOAP-ENV:Body></SOAP-ENV:Envelope>";
    }

    private CwmpEnvelope decode(String xml) throws CwmpDecodeException {
        return codec.decode(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anyCwmp1NNamespaceAndNothingElse() {
        assertThat(Cwmp.isCwmpNamespace("urn:dslforum-org:cwmp-1-0")).isTrue();
        assertThat(Cwmp.isCwmpNamespace("urn:dslforum-org:cwmp-1-14")).isTrue();
        assertThat(Cwmp.isCwmpNamespace("urn:dslforum-org:cwmp-1-")).isFalse();
        assertThat(Cwmp.isCwmpNamespace("urn:dslforum-org:cwmp-1-2x")).isFalse();
        assertThat(Cwmp.isCwmpNamespace("urn:dslforum-org:cwmp-2-0")).isFalse();
        assertThat(Cwmp.isCwmpNamespace(null)).isFalse();
    }

    @Test
    void noHeaderMeansNoId() throws Exception {
        CwmpEnvelope env = decode(inform("00A859", "2024-01-01T00:00:00Z", "0"));
        assertThat(env.header()).isEqualTo(SoapHeader.NONE);
        assertThat(env.message(Inform.class)).isPresent();
    }

    @Test
    void lowerCaseOuiIsNormalisedForTheDeviceId() throws Exception {
        Inform inform = decode(inform("00a859", "2024-01-01T00:00:00Z", "0")).message(Inform.class).orElseThrow();
        assertThat(inform.deviceId().oui()).isEqualTo("00a859");
        assertThat(inform.deviceId().normalizedOui()).isEqualTo("00A859");
    }

    @Test
    void invalidCurrentTimeIsKeptWithAWarning() throws Exception {
        CwmpEnvelope env = decode(inform("00A859", "2019-03-05T11:54::14", "0"));
        assertThat(env.message(Inform.class).orElseThrow().currentTime()).isEqualTo("2019-03-05T11:54::14");
        assertThat(env.warnings()).singleElement().asString().contains("CurrentTime").contains("2019-03-05T11:54::14");
    }

    @Test
    void aBadNumberIsAWarningNotAFailure() throws Exception {
        CwmpEnvelope env = decode(inform("00A859", "2024-01-01T00:00:00Z", "often"));
        Inform inform = env.message(Inform.class).orElseThrow();
        assertThat(inform.retryCount()).isZero();
        assertThat(inform.maxEnvelopes()).isEqualTo(2);
        assertThat(env.warnings()).isNotEmpty();
    }

    @Test
    void anUnknownMethodIsReportedNotFailed() throws Exception {
        CwmpEnvelope env = decode("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:cwmp=\"urn:dslforum-org:cwmp-1-2\"><s:Header><cwmp:ID s:mustUnderstand=\"1\">5</cwmp:ID>"
                + "</s:Header><s:Body><cwmp:X_ACME_Frobnicate><Level>3</Level></cwmp:X_ACME_Frobnicate></s:Body></s:Envelope>");
        assertThat(env.message()).get().isInstanceOf(UnknownMessage.class)
                .extracting(m -> m.methodName()).isEqualTo("X_ACME_Frobnicate");
        assertThat(env.header().id()).contains("5");
        assertThat(env.cwmpNamespace()).isEqualTo("urn:dslforum-org:cwmp-1-2");
    }

    @Test
    void anEmptyBodyElementMeansNoMoreRequests() throws Exception {
        CwmpEnvelope env = decode("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body/></s:Envelope>");
        assertThat(env.message()).isEmpty();
        assertThat(env.cwmpNamespace()).isEqualTo(Cwmp.NS_1_0);
    }

    @Test
    void whitespaceOnlyBodyIsAnEmptyPost() throws Exception {
        CwmpEnvelope env = codec.decode(" \r\n".getBytes(StandardCharsets.US_ASCII), Optional.of("utf-8"));
        assertThat(env.message()).isEmpty();
    }

    @Test
    void theHttpCharsetWinsOverTheDeclaration() throws Exception {
        byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + inform("00A859", "2024-01-01T00:00:00Z", "0")
                .replace("Cytco", "Caf\u00e9")).getBytes(StandardCharsets.ISO_8859_1);
        Inform inform = codec.decode(latin1, Optional.of("ISO-8859-1")).message(Inform.class).orElseThrow();
        assertThat(inform.deviceId().manufacturer()).isEqualTo("Caf\u00e9");
    }

    @Test
    void anUnknownCharsetFallsBackToUtf8WithAWarning() throws Exception {
        CwmpEnvelope env = codec.decode(inform("00A859", "2024-01-01T00:00:00Z", "0").getBytes(StandardCharsets.UTF_8),
                Optional.of("x-klingon"));
        assertThat(env.message(Inform.class)).isPresent();
        assertThat(env.warnings()).anyMatch(w -> w.contains("x-klingon"));
    }

    @Test
    void trailingGarbageAfterTheEnvelopeIsAWarning() throws Exception {
        CwmpEnvelope env = decode(inform("00A859", "2024-01-01T00:00:00Z", "0") + "<junk");
        assertThat(env.message(Inform.class)).isPresent();
        assertThat(env.warnings()).anyMatch(w -> w.contains("after the Envelope"));
    }

    @Test
    void aFaultWithAnUndeclaredSoapPrefixIsRead() throws CwmpDecodeException {
        // cwmp-sim 0.1.2 answers a refused GetParameterValues like this: soap: is never declared
        CwmpEnvelope env = decode("<soap:Envelope xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\"><soap:Header>"
                + "<cwmp:ID soap:mustUnderstand=\"1\">5</cwmp:ID></soap:Header><soap:Body><soap:Fault>"
                + "<faultcode>Client</faultcode><faultstring>CWMP fault</faultstring><detail><cwmp:Fault>"
                + "<FaultCode>9005</FaultCode><FaultString>Invalid parameter name</FaultString></cwmp:Fault></detail>"
                + "</soap:Fault></soap:Body></soap:Envelope>");
        org.cwmpacs.soap.message.SoapFault fault = (org.cwmpacs.soap.message.SoapFault) env.message().orElseThrow();
        assertThat(fault.fault().faultCode()).isEqualTo(9005);
        assertThat(env.header().id()).contains("5");
        assertThat(env.cwmpNamespace()).isEqualTo(Cwmp.NS_1_0);
        assertThat(env.warnings()).anyMatch(w -> w.contains("prefix 'soap' used without a declaration"));
    }

    @Test
    void anEnvelopeWithSeveralUndeclaredPrefixesIsRead() throws CwmpDecodeException {
        CwmpEnvelope env = decode("<SOAP-ENV:Envelope><SOAP-ENV:Body><cwmp:GetRPCMethods/></SOAP-ENV:Body>"
                + "</SOAP-ENV:Envelope>");
        assertThat(env.message()).get().extracting(m -> m.methodName()).isEqualTo("GetRPCMethods");
    }

    @Test
    void undeclaredPrefixesBeyondTheLimitAreStillAnError() {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            attributes.append(" p").append(i).append(":a").append(i).append("=\"1\"");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> decode("<soap:Envelope xmlns:soap=\""
                + Cwmp.SOAP_ENV + "\"><soap:Body><cwmp:GetRPCMethods" + attributes + "/></soap:Body></soap:Envelope>"))
                .isInstanceOf(CwmpDecodeException.class).hasMessageContaining("Unbound namespace prefix");
    }

    private static String result(String element, String uuid, int fault) {
        return "<" + element + "><UUID>" + uuid + "</UUID><DeploymentUnitRef>Device.SoftwareModules.DeploymentUnit.1"
                + "</DeploymentUnitRef><Version>1.0</Version><CurrentState>Installed</CurrentState><Resolved>1</Resolved>"
                + "<ExecutionUnitRefList></ExecutionUnitRefList><StartTime>2026-01-01T00:00:00Z</StartTime>"
                + "<CompleteTime>2026-01-01T00:00:05Z</CompleteTime><Fault><FaultCode>" + fault + "</FaultCode>"
                + "<FaultString></FaultString></Fault>" + (element.startsWith("Auton") || element.equals("AR")
                ? "<OperationPerformed>Install</OperationPerformed>" : "") + "</" + element + ">";
    }

    private static String body(String content) {
        return "<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:soap-enc=\"http://schemas.xmlsoap.org/soap/encoding/\" xmlns:cwmp=\"urn:dslforum-org:cwmp-1-2\">"
                + "<soap-env:Body>" + content + "</soap-env:Body></soap-env:Envelope>";
    }

    @Test
    void duResultsAreReadRepeatedAsTheSchemaHasThemOrAsASoapArray() throws Exception {
        String u1 = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
        String u2 = "01234567-89ab-cdef-0123-456789abcdef";
        var schema = decode(body("<cwmp:DUStateChangeComplete>" + result("Results", u1, 0) + result("Results", u2, 9026)
                + "<CommandKey>k</CommandKey></cwmp:DUStateChangeComplete>"))
                .message(org.cwmpacs.soap.message.DUStateChangeComplete.class).orElseThrow();
        var array = decode(body("<cwmp:DUStateChangeComplete><Results soap-enc:arrayType=\"cwmp:OpResultStruct[2]\">"
                + result("OpResultStruct", u1, 0) + result("OpResultStruct", u2, 9026) + "</Results>"
                + "<CommandKey>k</CommandKey></cwmp:DUStateChangeComplete>"))
                .message(org.cwmpacs.soap.message.DUStateChangeComplete.class).orElseThrow();
        assertThat(array.results()).isEqualTo(schema.results());
        assertThat(array.results()).extracting(r -> r.uuid()).containsExactly(u1, u2);
        assertThat(array.results().get(1).fault().faultCode()).isEqualTo(9026);

        var auton = decode(body("<cwmp:AutonomousDUStateChangeComplete><Results soap-enc:arrayType="
                + "\"cwmp:AutonOpResultStruct[1]\">" + result("AutonOpResultStruct", u1, 0)
                + "</Results></cwmp:AutonomousDUStateChangeComplete>"))
                .message(org.cwmpacs.soap.message.AutonomousDUStateChangeComplete.class).orElseThrow();
        assertThat(auton.results()).singleElement().satisfies(r -> {
            assertThat(r.uuid()).isEqualTo(u1);
            assertThat(r.operationPerformed()).isEqualTo("Install");
        });
    }
}
