package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URL;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.cwmpacs.sim.FileFetcher;
import org.cwmpacs.sim.SimulatedCpe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Firmware through the NBI and the file server: a 50 MB upload and the simulator's ranged download, with
 * the server's memory watched while the bytes are in flight; validators, conditional and range requests;
 * a file guarded by credentials the Download hands to the CPE.
 */
class FileServerEndToEndTest extends SimulatorCase {
    private static final int SIZE = 50 * 1024 * 1024;
    private static final long SLACK = 20L * 1024 * 1024;

    private NbiClient nbi;

    @BeforeEach
    void start() throws Exception {
        // a small store cache, so that what the store keeps of the file cannot pass for the file held whole
        acs = RunningAcs.withoutDiscovery(dataDir, Map.of("ACS_STORE_CACHE_MB", "4"));
        nbi = new NbiClient(acs.server.nbiPort());
    }

    private String fs(String name) {
        return "http://127.0.0.1:" + acs.server.fsPort() + "/" + name;
    }

    /** Heap in use after a collection, plus Netty's pooled direct memory: what the server holds now. */
    private static long held() {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return heap + io.netty.buffer.PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory();
    }

    @Test
    void fiftyMegabytesGoUpAndDownWithoutBeingHeldInMemory() throws Exception {
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        long before = held();
        long duringUpload = 0;
        HttpURLConnection put = (HttpURLConnection) new URL("http://127.0.0.1:" + acs.server.nbiPort()
                + "/files/big.bin").openConnection();
        put.setRequestMethod("PUT");
        put.setDoOutput(true);
        put.setFixedLengthStreamingMode(SIZE);
        put.setRequestProperty("fileType", "1 Firmware Upgrade Image");
        Random random = new Random(7);
        byte[] piece = new byte[1024 * 1024];
        try (OutputStream out = put.getOutputStream()) {
            for (int i = 0; i < SIZE / piece.length; i++) {
                random.nextBytes(piece);
                sent.update(piece);
                out.write(piece);
                if (i == 40) {
                    // 41 MB sent: long enough a pause for the embedded store to write what it took to disk
                    out.flush();
                    Thread.sleep(2_000);
                    duringUpload = held();
                }
            }
        }
        assertThat(put.getResponseCode()).isEqualTo(201);
        assertThat(duringUpload - before).as("held with 41 MB of the body sent").isLessThan(SLACK);

        assertThat(acs.server.store().fileStore().info("big.bin").orElseThrow().length()).isEqualTo(SIZE);
        SimulatedCpe cpe = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT.with(SimulatedCpe.Quirk.FETCHES_DOWNLOADS));
        session(cpe, "0 BOOTSTRAP", "1 BOOT");
        assertThat(nbi.send("POST", "/devices/" + NbiClient.id(RunningAcs.id(cpe)) + "/tasks",
                "{\"name\":\"download\",\"file\":\"big.bin\"}").status()).isEqualTo(202);
        session(cpe);
        assertThat(cpe.fetchedFiles()).hasSize(1);
        FileFetcher.Fetched fetched = cpe.fetchedFiles().get(0);
        assertThat(fetched.length()).isEqualTo(SIZE);
        assertThat(fetched.sha256()).isEqualTo(HexFormat.of().formatHex(sent.digest()));
        assertThat(fetched.statuses()).as("7 ranges of 8 MB").hasSize(7).containsOnly(206);
        session(cpe);
        assertThat(device(cpe).value("Downloads.1.LastFaultCode")).as("the TransferComplete reported success")
                .contains(0);

        // a client that reads slowly: the server waits for it instead of buffering the file
        HttpURLConnection slow = (HttpURLConnection) new URL(fs("big.bin")).openConnection();
        try (InputStream in = slow.getInputStream()) {
            in.readNBytes(1024 * 1024);
            Thread.sleep(1_000);
            assertThat(held() - before).as("held while a client reads 50 MB slowly").isLessThan(SLACK);
            long rest = 0;
            for (int n; (n = in.read(piece)) > 0; ) {
                rest += n;
            }
            assertThat(rest).isEqualTo(SIZE - 1024 * 1024);
        }
    }

    private HttpURLConnection get(String name, String method, Map<String, String> headers) throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL(fs(name)).openConnection();
        c.setRequestMethod(method);
        headers.forEach(c::setRequestProperty);
        return c;
    }

    @Test
    void validatorsConditionsAndRanges() throws Exception {
        byte[] content = "0123456789".repeat(100).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(nbi.send("PUT", "/files/fw%20v2.bin", content, Map.of("fileType", "1 Firmware Upgrade Image"))
                .status()).isEqualTo(201);
        HttpURLConnection whole = get("fw%20v2.bin", "GET", Map.of());
        assertThat(whole.getResponseCode()).isEqualTo(200);
        assertThat(whole.getContentType()).isEqualTo("application/octet-stream");
        assertThat(whole.getHeaderField("Content-Length")).isEqualTo("1000");
        assertThat(whole.getHeaderField("Accept-Ranges")).isEqualTo("bytes");
        String etag = whole.getHeaderField("ETag");
        String modified = whole.getHeaderField("Last-Modified");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        try (InputStream in = whole.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }

        HttpURLConnection head = get("fw%20v2.bin", "HEAD", Map.of());
        assertThat(head.getResponseCode()).isEqualTo(200);
        assertThat(head.getHeaderField("Content-Length")).isEqualTo("1000");

        HttpURLConnection part = get("fw%20v2.bin", "GET", Map.of("Range", "bytes=10-19"));
        assertThat(part.getResponseCode()).isEqualTo(206);
        assertThat(part.getHeaderField("Content-Range")).isEqualTo("bytes 10-19/1000");
        try (InputStream in = part.getInputStream()) {
            assertThat(new String(in.readAllBytes())).isEqualTo("0123456789");
        }
        HttpURLConnection suffix = get("fw%20v2.bin", "GET", Map.of("Range", "bytes=-5"));
        assertThat(suffix.getResponseCode()).isEqualTo(206);
        assertThat(suffix.getHeaderField("Content-Range")).isEqualTo("bytes 995-999/1000");
        HttpURLConnection past = get("fw%20v2.bin", "GET", Map.of("Range", "bytes=1000-"));
        assertThat(past.getResponseCode()).isEqualTo(416);
        assertThat(past.getHeaderField("Content-Range")).isEqualTo("bytes */1000");
        HttpURLConnection stale = get("fw%20v2.bin", "GET", Map.of("Range", "bytes=10-19", "If-Range", "\"old\""));
        assertThat(stale.getResponseCode()).as("If-Range of another version: the whole file").isEqualTo(200);

        assertThat(get("fw%20v2.bin", "GET", Map.of("If-None-Match", etag)).getResponseCode()).isEqualTo(304);
        assertThat(get("fw%20v2.bin", "GET", Map.of("If-Modified-Since", modified)).getResponseCode()).isEqualTo(304);
        assertThat(get("fw%20v2.bin", "GET", Map.of("If-Match", "\"other\"")).getResponseCode()).isEqualTo(412);
        assertThat(get("fw%20v2.bin", "GET", Map.of("If-Unmodified-Since", "Mon, 01 Jan 2001 00:00:00 GMT"))
                .getResponseCode()).isEqualTo(412);
        assertThat(get("fw%20v2.bin", "GET", Map.of("If-Match", etag)).getResponseCode()).isEqualTo(200);

        assertThat(get("missing.bin", "GET", Map.of()).getResponseCode()).isEqualTo(404);
        HttpURLConnection post = get("fw%20v2.bin", "POST", Map.of());
        assertThat(post.getResponseCode()).isEqualTo(405);
        assertThat(post.getHeaderField("Allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void aGuardedFileIsServedToTheCpeTheDownloadGaveCredentialsTo() throws Exception {
        byte[] content = new byte[300_000];
        new Random(3).nextBytes(content);
        assertThat(nbi.send("PUT", "/files/guarded.bin", content, Map.of("fileType", "1 Firmware Upgrade Image",
                "username", "cpe-fetch", "password", "f1rmware")).status()).isEqualTo(201);
        HttpURLConnection anonymous = get("guarded.bin", "GET", Map.of());
        assertThat(anonymous.getResponseCode()).isEqualTo(401);
        assertThat(anonymous.getHeaderFields().entrySet().stream().filter(e -> "WWW-Authenticate"
                .equalsIgnoreCase(e.getKey())).flatMap(e -> e.getValue().stream()).toList()).anySatisfy(h -> assertThat(h)
                .startsWith("Digest "));
        assertThat(nbi.get("/files").body()).as("the password is not listed").doesNotContain("f1rmware")
                .contains("cpe-fetch");

        SimulatedCpe cpe = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT.with(SimulatedCpe.Quirk.FETCHES_DOWNLOADS));
        session(cpe, "0 BOOTSTRAP", "1 BOOT");
        assertThat(nbi.send("POST", "/devices/" + NbiClient.id(RunningAcs.id(cpe)) + "/tasks",
                "{\"name\":\"download\",\"file\":\"guarded.bin\"}").status()).isEqualTo(202);
        session(cpe);
        assertThat(cpe.lastSessionRequests().get(0)).contains("<Username>cpe-fetch</Username>")
                .contains("<Password>f1rmware</Password>");
        FileFetcher.Fetched fetched = cpe.fetchedFiles().get(0);
        assertThat(fetched.statuses()).as("challenged once, then served").containsExactly(401, 206);
        assertThat(fetched.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(content)));
    }

    /** The first line of what the server answers to these raw bytes ("" if it closes without answering). */
    private static String raw(int port, String request, boolean halfClose) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            if (halfClose) {
                socket.shutdownOutput();
            }
            byte[] answer = socket.getInputStream().readNBytes(64);
            String text = new String(answer, java.nio.charset.StandardCharsets.ISO_8859_1);
            return text.contains("\r\n") ? text.substring(0, text.indexOf("\r\n")) : text;
        }
    }

    @Test
    void malformedRequestsGet400AndATruncatedUploadStoresNothing() throws Exception {
        int fsPort = acs.server.fsPort();
        int nbiPort = acs.server.nbiPort();
        for (int port : new int[] {fsPort, nbiPort}) {
            assertThat(raw(port, "GARBAGE\r\n\r\n", false)).isEqualTo("HTTP/1.1 400 Bad Request");
            assertThat(raw(port, "GET /x HTTP/1.1\r\nHost: a\r\nX: " + "a".repeat(20_000) + "\r\n\r\n", false))
                    .isEqualTo("HTTP/1.1 400 Bad Request");
            assertThat(raw(port, "GET /%ZZ HTTP/1.1\r\nHost: a\r\n\r\n", false)).startsWith("HTTP/1.1 4");
        }
        assertThat(nbi.send("PUT", "/files/kept.bin", new byte[] {1, 2, 3}, Map.of()).status()).isEqualTo(201);
        assertThat(raw(nbiPort, "PUT /files/kept.bin HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\nabc", true))
                .as("the client went away mid-body").isEmpty();
        Thread.sleep(300);
        assertThat(acs.server.store().fileStore().info("kept.bin").orElseThrow().length())
                .as("the stored file is untouched").isEqualTo(3);
        assertThat(acs.raw().count("fs.files")).isEqualTo(1);
    }
}
