package org.cwmpacs.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.cwmpacs.soap.message.Cwmp;
import org.cwmpacs.soap.message.CwmpMessage;
import org.cwmpacs.soap.message.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.SAXException;

/** Every message the codec writes is a valid CWMP envelope by the official schemas. */
class SchemaValidationTest {
    private static final XsdValidator CWMP_1_2 = new XsdValidator("cwmp-1-2.xsd");
    private static final XsdValidator CWMP_1_0 = new XsdValidator("cwmp-1-0.xsd");
    /** Methods added after CWMP 1.0, absent from cwmp-1-0.xsd. */
    private static final Set<String> NOT_IN_1_0 = Set.of("ScheduleDownload", "ScheduleDownloadResponse",
            "CancelTransfer", "CancelTransferResponse", "ChangeDUState", "ChangeDUStateResponse",
            "GetAllQueuedTransfers", "GetAllQueuedTransfersResponse", "AutonomousTransferComplete",
            "AutonomousTransferCompleteResponse", "DUStateChangeComplete", "DUStateChangeCompleteResponse",
            "AutonomousDUStateChangeComplete", "AutonomousDUStateChangeCompleteResponse");

    private final CwmpCodec codec = new CwmpCodec();

    static Stream<CwmpMessage> allMessages() {
        List<CwmpMessage> all = new ArrayList<>();
        all.addAll(SampleMessages.acsRequests());
        all.addAll(SampleMessages.cpeResponses());
        all.addAll(SampleMessages.cpeRequests());
        all.addAll(SampleMessages.acsResponses());
        return all.stream();
    }

    static Stream<CwmpMessage> messagesOf1_0() {
        return allMessages().filter(m -> !NOT_IN_1_0.contains(m.methodName()));
    }

    @Test
    void theSamplesCoverEveryMessageType() {
        Set<Class<?>> sampled = new java.util.HashSet<>();
        allMessages().forEach(m -> sampled.add(m.getClass()));
        assertThat(sampled).containsAll(Messages.RPC_TYPES).contains(org.cwmpacs.soap.message.SoapFault.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allMessages")
    void validatesAgainstCwmp12(CwmpMessage message) {
        byte[] xml = codec.encode(CwmpEnvelope.of(Cwmp.NS, SoapHeader.withId("42"), message));
        assertThatCode(() -> CWMP_1_2.validate(xml))
                .as("%s", new String(xml, StandardCharsets.UTF_8)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messagesOf1_0")
    void validatesAgainstCwmp10InThe10Namespace(CwmpMessage message) {
        byte[] xml = codec.encode(CwmpEnvelope.of(Cwmp.NS_1_0, SoapHeader.withId("7"), message));
        assertThatCode(() -> CWMP_1_0.validate(xml))
                .as("%s", new String(xml, StandardCharsets.UTF_8)).doesNotThrowAnyException();
    }

    @Test
    void theValidatorRejectsWhatTheSchemaForbids() {
        // a Download without FileType: proves the validator really checks RPC content
        String invalid = "<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:cwmp=\"urn:dslforum-org:cwmp-1-2\"><soap-env:Body><cwmp:Download>"
                + "<CommandKey>k</CommandKey><URL>http://x/</URL></cwmp:Download></soap-env:Body></soap-env:Envelope>";
        assertThatThrownBy(() -> CWMP_1_2.validate(invalid.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SAXException.class).hasMessageContaining("URL");
    }
}
