package org.cwmpacs.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or oversized bodies are refused quickly with a clear error; nothing is read or fetched. */
class DecodeSafetyTest {
    /** A hang guard, not a speed target: each refusal must come long before this. */
    private static final Duration QUICKLY = Duration.ofSeconds(5);

    private static final String ENVELOPE_START = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\"><soap:Header><cwmp:ID soap:mustUnderstand=\"1\">";
    private static final String ENVELOPE_END = "</cwmp:ID></soap:Header><soap:Body><cwmp:GetRPCMethods/></soap:Body></soap:Envelope>";

    private final CwmpCodec codec = new CwmpCodec();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private CwmpDecodeException refused(CwmpCodec c, byte[] body) {
        return assertTimeoutPreemptively(QUICKLY, () -> {
            try {
                CwmpEnvelope env = c.decode(body);
                throw new AssertionError("decoded instead of refusing: " + env);
            } catch (CwmpDecodeException e) {
                return e;
            }
        });
    }

    @Test
    void externalEntityFileReadIsRefused(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String body = "<?xml version=\"1.0\"?><!DOCTYPE soap:Envelope [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + ENVELOPE_START + "&xxe;" + ENVELOPE_END;
        CwmpDecodeException e = refused(codec, utf8(body));
        assertThat(e.getMessage()).contains("DOCTYPE").doesNotContain("TOP-SECRET");
        assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE soap:Envelope [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i == 1 ? "" : Integer.toString(i - 1)).append(';');
            }
            dtd.append("\">");
        }
        dtd.append("]>");
        CwmpDecodeException e = refused(codec, utf8(dtd + ENVELOPE_START + "&lol10;" + ENVELOPE_END));
        assertThat(e.getMessage()).contains("DOCTYPE");
    }

    @Test
    void externalDtdAndParameterEntitiesAreNeverFetched() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            fetches.incrementAndGet();
            byte[] dtd = utf8("<!ENTITY leak \"fetched\">");
            exchange.sendResponseHeaders(200, dtd.length);
            exchange.getResponseBody().write(dtd);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
            CwmpDecodeException external = refused(codec,
                    utf8("<!DOCTYPE soap:Envelope SYSTEM \"" + url + "\">" + ENVELOPE_START + "1" + ENVELOPE_END));
            assertThat(external.getMessage()).contains("DOCTYPE");
            CwmpDecodeException parameter = refused(codec, utf8("<!DOCTYPE soap:Envelope [<!ENTITY % ext SYSTEM \""
                    + url + "\"> %ext;]>" + ENVELOPE_START + "&leak;" + ENVELOPE_END));
            assertThat(parameter.getMessage()).contains("DOCTYPE");
        } finally {
            server.stop(0);
        }
        assertThat(fetches.get()).isZero();
    }

    @Test
    void bodyLargerThanTheLimitIsRefusedBeforeParsing() {
        CwmpCodec small = new CwmpCodec(new DecodeLimits(1024, 64, 10_000));
        byte[] body = utf8(ENVELOPE_START + "x".repeat(2000) + ENVELOPE_END);
        CwmpDecodeException e = refused(small, body);
        assertThat(e.getMessage()).contains("larger than the limit of 1024 bytes").contains(Integer.toString(body.length));
        assertThat(e.line()).isEqualTo(-1);
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        String deep = "<a>".repeat(100) + "</a>".repeat(100);
        CwmpDecodeException e = refused(new CwmpCodec(new DecodeLimits(1 << 20, 32, 10_000)),
                utf8(ENVELOPE_START.replace("<cwmp:ID", deep + "<cwmp:ID") + "1" + ENVELOPE_END));
        assertThat(e.getMessage()).contains("deeper than the limit of 32");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isPositive();
    }

    @Test
    void moreElementsThanTheLimitAreRefused() {
        StringBuilder body = new StringBuilder(ENVELOPE_START).append("1</cwmp:ID></soap:Header><soap:Body>"
                + "<cwmp:GetParameterValuesResponse><ParameterList>");
        for (int i = 0; i < 500; i++) {
            body.append("<ParameterValueStruct><Name>A.").append(i).append("</Name><Value>v</Value></ParameterValueStruct>\n");
        }
        body.append("</ParameterList></cwmp:GetParameterValuesResponse></soap:Body></soap:Envelope>");
        CwmpDecodeException e = refused(new CwmpCodec(new DecodeLimits(1 << 20, 64, 1000)), utf8(body.toString()));
        assertThat(e.getMessage()).contains("more elements than the limit of 1000");
        assertThat(e.line()).isGreaterThan(300);
    }

    @Test
    void truncatedEnvelopeIsADecodeErrorWithPosition() {
        String body = ENVELOPE_START + "1</cwmp:ID></soap:Header>\n<soap:Body><cwmp:Inform><DeviceId>";
        CwmpDecodeException e = refused(codec, utf8(body));
        assertThat(e.getMessage()).startsWith("malformed XML");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void mismatchedTagsAreADecodeError() {
        CwmpDecodeException e = refused(codec, utf8(ENVELOPE_START + "1</cwmp:IDX>" + ENVELOPE_END));
        assertThat(e.getMessage()).startsWith("malformed XML").contains("line 1, column");
        assertThat(e.column()).isGreaterThan(ENVELOPE_START.length());
    }

    @Test
    void somethingOtherThanAnEnvelopeIsADecodeError() {
        CwmpDecodeException e = refused(codec, utf8("<html><body>hello</body></html>"));
        assertThat(e.getMessage()).contains("expected a SOAP Envelope").contains("<html>");
    }

    @Test
    void plainTextIsADecodeError() {
        CwmpDecodeException e = refused(codec, utf8("GET / HTTP/1.1"));
        assertThat(e.getMessage()).startsWith("malformed XML");
    }

    @Test
    void namespaceDeclarationsPastTheLimitPerElementAreRefusedBeforeParsing() {
        StringBuilder declarations = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            declarations.append(" xmlns:p").append(i).append("=\"urn:x:").append(i).append('"');
        }
        CwmpDecodeException e = refused(codec, utf8(ENVELOPE_START.replace("<soap:Envelope", "<soap:Envelope"
                + declarations) + "1" + ENVELOPE_END));
        assertThat(e.getMessage()).contains("more than 64 attributes and namespace declarations");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(1);
    }

    @Test
    void attributesPastTheLimitPerElementAreRefusedWithTheirElementsPosition() {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            attributes.append(" a").append(i).append("='v=").append(i).append('\'');
        }
        CwmpDecodeException e = refused(codec, utf8(ENVELOPE_START + "1</cwmp:ID></soap:Header>\n<soap:Body>"
                + "<cwmp:GetRPCMethods" + attributes + "/></soap:Body></soap:Envelope>"));
        assertThat(e.getMessage()).contains("more than 64 attributes");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo("<soap:Body>".length() + 1);
    }

    @Test
    void declarationsUpToTheLimitOnEveryElementAreRead() throws CwmpDecodeException {
        StringBuilder declarations = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            declarations.append(" xmlns:p").append(i).append("=\"urn:x:").append(i).append('"');
        }
        // an equals sign inside a value is no attribute
        String nested = ("<Skipped" + declarations + " note=\"a=b=c\">").repeat(40) + "</Skipped>".repeat(40);
        CwmpEnvelope env = codec.decode(utf8(ENVELOPE_START.replace("<soap:Envelope", "<soap:Envelope" + declarations)
                + "1</cwmp:ID></soap:Header>" + nested + "<soap:Body><cwmp:GetRPCMethods" + declarations
                + "/></soap:Body></soap:Envelope>"));
        assertThat(env.message()).get().extracting(m -> m.methodName()).isEqualTo("GetRPCMethods");
    }

    @Test
    void overlongUtf8IsRefusedInsteadOfBecomingANul() {
        // the envelope is ASCII, so its Latin-1 bytes are its UTF-8 bytes, and \u00C0\u0080 become C0 80
        byte[] body = (ENVELOPE_START + "1" + ENVELOPE_END.replace("</cwmp:ID>", "\u00C0\u0080</cwmp:ID>"))
                .getBytes(StandardCharsets.ISO_8859_1);
        CwmpDecodeException e = refused(codec, body);
        assertThat(e.getMessage()).contains("C0 80").contains("overlong UTF-8");
    }

    @Test
    void limitsTooSmallForAnyEnvelopeAreAConfigurationError() {
        assertThatThrownBy(() -> new DecodeLimits(0, 64, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too small");
    }
}
