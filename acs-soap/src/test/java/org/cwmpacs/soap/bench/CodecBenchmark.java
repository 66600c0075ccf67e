package org.cwmpacs.soap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cwmpacs.soap.CwmpCodec;
import org.cwmpacs.soap.CwmpDecodeException;
import org.cwmpacs.soap.CwmpEnvelope;
import org.cwmpacs.soap.SoapHeader;
import org.cwmpacs.soap.message.Cwmp;
import org.cwmpacs.soap.message.GetParameterValuesResponse;
import org.cwmpacs.soap.message.ParameterValueStruct;
import org.cwmpacs.soap.message.SetParameterValues;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The codec's hot paths. Not part of the test run; see docs/performance.md for the command and results.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class CodecBenchmark {
    private final CwmpCodec codec = new CwmpCodec();
    private byte[] realInform;
    private byte[] gpvResponse1000;
    private CwmpEnvelope spv100;

    @Setup
    public void setUp() throws IOException {
        Path fixtures = Path.of(System.getProperty("acs.fixtures.dir", "../src-test-fixtures/src/main/resources/fixtures"));
        realInform = Files.readAllBytes(fixtures.resolve("soap/zyxel-p2601hn-inform.xml"));
        gpvResponse1000 = codec.encode(CwmpEnvelope.of(Cwmp.NS_1_0, SoapHeader.withId("1"),
                new GetParameterValuesResponse(parameters(1000))));
        spv100 = CwmpEnvelope.of(Cwmp.NS_1_0, SoapHeader.withId("2"), new SetParameterValues(parameters(100), "key"));
    }

    /** A realistic mix: TR-181 style names, string, unsignedInt and boolean values. */
    static List<ParameterValueStruct> parameters(int count) {
        List<ParameterValueStruct> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String base = "Device.WiFi.AccessPoint." + (i / 10 + 1) + ".";
            switch (i % 3) {
                case 0:
                    list.add(ParameterValueStruct.ofString(base + "SSIDReference", "Device.WiFi.SSID." + i + "."));
                    break;
                case 1:
                    list.add(ParameterValueStruct.ofUnsignedInt(base + "Stats.BytesSent", 1_000_000L + i));
                    break;
                default:
                    list.add(ParameterValueStruct.ofBoolean(base + "Enable", i % 2 == 0));
                    break;
            }
        }
        return list;
    }

    @Benchmark
    public CwmpEnvelope decodeRealInform() throws CwmpDecodeException {
        return codec.decode(realInform);
    }

    @Benchmark
    public CwmpEnvelope decodeGetParameterValuesResponse1000() throws CwmpDecodeException {
        return codec.decode(gpvResponse1000);
    }

    @Benchmark
    public byte[] encodeSetParameterValues100() {
        return codec.encode(spv100);
    }
}
