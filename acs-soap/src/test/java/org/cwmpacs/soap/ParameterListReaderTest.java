package org.cwmpacs.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import org.cwmpacs.soap.internal.BodyText;
import org.cwmpacs.soap.internal.CwmpStreamReader;
import org.cwmpacs.soap.internal.Jaxb;
import org.cwmpacs.soap.message.CwmpMessage;
import org.cwmpacs.soap.message.GetParameterNamesResponse;
import org.cwmpacs.soap.message.GetParameterValuesResponse;
import org.cwmpacs.soap.message.ParameterInfoStruct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming reader of the big answers reads exactly what JAXB's generic path reads. */
class ParameterListReaderTest {
    private final CwmpCodec codec = new CwmpCodec();

    private static CwmpMessage viaJaxb(byte[] body, Class<? extends CwmpMessage> type) throws Exception {
        String text = BodyText.text(BodyText.locate(body, Optional.empty(), new ArrayList<>()));
        CwmpStreamReader r = new CwmpStreamReader(XMLInputFactory.newDefaultFactory()
                .createXMLStreamReader(new StringReader(text)), DecodeLimits.DEFAULT);
        while (!(r.next() == XMLStreamConstants.START_ELEMENT
                && (r.getLocalName().endsWith("Response") || r.getLocalName().equals("Inform")))) {
            // walk to the RPC element
        }
        r.enterRpc();
        return Jaxb.unmarshaller().unmarshal(r, type).getValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"quirk-gpvresponse-missing-value.synthetic.xml", "quirk-cdata-and-char-refs.synthetic.xml",
        "quirk-nonstandard-xsi-types.synthetic.xml", "quirk-bom-iso8859-1-crlf.synthetic.xml"})
    void getParameterValuesResponseFixtures(String fixture) throws Exception {
        byte[] body = Fixtures.bytes(fixture);
        GetParameterValuesResponse streamed = codec.decode(body).message(GetParameterValuesResponse.class).orElseThrow();
        assertThat(streamed).isEqualTo(viaJaxb(body, GetParameterValuesResponse.class));
        assertThat(streamed.parameterList()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zyxel-p2601hn-inform.xml", "zyxel-vmg8924-inform.xml", "rdkb-ccsptr069pa-inform.synthetic.xml",
        "quirk-body-encodingstyle-nonnumeric-id.synthetic.xml", "quirk-cwmp-1-4-namespace-default-ns.synthetic.xml",
        "quirk-cwmp14-supportedversions-header.synthetic.xml", "quirk-easycwmp-leading-space-cwmp12.synthetic.xml",
        "quirk-soap-prefix-is-encoding-ns-arraytype-mismatch.synthetic.xml", "quirk-value-without-xsi-type.synthetic.xml"})
    void informFixtures(String fixture) throws Exception {
        byte[] body = Fixtures.bytes(fixture);
        org.cwmpacs.soap.message.Inform streamed = codec.decode(body).message(org.cwmpacs.soap.message.Inform.class)
                .orElseThrow();
        assertThat(streamed).isEqualTo(viaJaxb(body, org.cwmpacs.soap.message.Inform.class));
        assertThat(streamed.deviceId().serialNumber()).isNotEmpty();
    }

    @Test
    void getParameterNamesResponseWithOddBooleansAndStrayElements() throws Exception {
        String xml = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\">"
                + "<s:Body><cwmp:GetParameterNamesResponse><ParameterList arrayType=\"x[99]\">"
                + "<ParameterInfoStruct><Name>Device.</Name><Writable>0</Writable></ParameterInfoStruct>"
                + "<ParameterInfoStruct><Name>Device.A</Name><Writable>TRUE</Writable><X_Extra>1</X_Extra></ParameterInfoStruct>"
                + "<Junk/><ParameterInfoStruct><Name>Device.B</Name><Writable> 1 </Writable></ParameterInfoStruct>"
                + "</ParameterList></cwmp:GetParameterNamesResponse></s:Body></s:Envelope>";
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        CwmpEnvelope env = codec.decode(body);
        GetParameterNamesResponse streamed = env.message(GetParameterNamesResponse.class).orElseThrow();
        assertThat(streamed.parameterList()).containsExactly(new ParameterInfoStruct("Device.", false),
                new ParameterInfoStruct("Device.A", true), new ParameterInfoStruct("Device.B", true));
        assertThat(streamed).isEqualTo(viaJaxb(body, GetParameterNamesResponse.class));
        assertThat(env.warnings()).isEmpty();
    }

    @Test
    void anUnreadableWritableIsAWarning() throws Exception {
        String xml = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><GetParameterNamesResponse>"
                + "<ParameterList><ParameterInfoStruct><Name>Device.A</Name><Writable>yes</Writable></ParameterInfoStruct>"
                + "</ParameterList></GetParameterNamesResponse></s:Body></s:Envelope>";
        CwmpEnvelope env = codec.decode(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(env.message(GetParameterNamesResponse.class).orElseThrow().parameterList())
                .containsExactly(new ParameterInfoStruct("Device.A", false));
        assertThat(env.warnings()).singleElement().asString().contains("Writable 'yes'");
    }
}
