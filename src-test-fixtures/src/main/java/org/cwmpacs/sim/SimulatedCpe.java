package org.cwmpacs.sim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cwmpacs.soap.CwmpCodec;
import org.cwmpacs.soap.CwmpDecodeException;
import org.cwmpacs.soap.CwmpEnvelope;
import org.cwmpacs.soap.SoapHeader;
import org.cwmpacs.soap.message.CwmpDateTime;
import org.cwmpacs.soap.message.CwmpMessage;
import org.cwmpacs.soap.message.DeviceIdStruct;
import org.cwmpacs.soap.message.EventStruct;
import org.cwmpacs.soap.message.Inform;
import org.cwmpacs.soap.message.InformResponse;
import org.cwmpacs.soap.message.ParameterValueStruct;
import org.cwmpacs.soap.message.FaultStruct;

/**
 * A CPE that speaks CWMP over real HTTP to an ACS: it informs (0 BOOTSTRAP the first time, 1 BOOT after a
 * reboot, 7 TRANSFER COMPLETE after a transfer, whatever events the caller adds), sends its pending
 * TransferComplete, then answers every ACS request from its data model until the ACS ends the session
 * with 204. Thread-confined: one session at a time per CPE; many CPEs share one {@link HttpClient}.
 */
public final class SimulatedCpe {
    private static final Pattern SESSION_COOKIE = Pattern.compile("session=([A-Za-z0-9_\\-]+)");
    private static final AtomicLong IDS = new AtomicLong();

    /**
     * @param cwmpNamespace the namespace of the CPE's messages (RDK-B uses cwmp-1-0)
     * @param rdkb RDK-B limits: over 3000 values → 9004, SetParameterValues/Attributes over 127 → 9004,
     *     Download only for {@code 1 Firmware Upgrade Image}
     * @param echoCookie send the session cookie back (some CPEs never do)
     * @param reconnectMidSession open a new TCP connection after the Inform
     * @param responseDelay wait this long before each answer to the ACS
     */
    public record Options(String cwmpNamespace, boolean rdkb, boolean echoCookie, boolean reconnectMidSession,
                          Duration responseDelay, Optional<String> username, Optional<String> password,
                          java.util.Set<Quirk> quirks) {
        public static final Options DEFAULT = new Options("urn:dslforum-org:cwmp-1-0", false, true, false, Duration.ZERO,
                Optional.empty(), Optional.empty(), java.util.Set.of());

        public Options {
            quirks = java.util.Set.copyOf(quirks);
        }

        public Options rdkbMode() {
            return new Options(cwmpNamespace, true, echoCookie, reconnectMidSession, responseDelay, username, password,
                    quirks);
        }

        public Options reconnecting() {
            return new Options(cwmpNamespace, rdkb, echoCookie, true, responseDelay, username, password, quirks);
        }

        public Options withoutCookies() {
            return new Options(cwmpNamespace, rdkb, false, reconnectMidSession, responseDelay, username, password, quirks);
        }

        public Options namespace(String ns) {
            return new Options(ns, rdkb, echoCookie, reconnectMidSession, responseDelay, username, password, quirks);
        }

        public Options delay(Duration delay) {
            return new Options(cwmpNamespace, rdkb, echoCookie, reconnectMidSession, delay, username, password, quirks);
        }

        /** Credentials for an ACS that challenges with HTTP Digest (or Basic) authentication. */
        public Options credentials(String user, String pass) {
            return new Options(cwmpNamespace, rdkb, echoCookie, reconnectMidSession, responseDelay, Optional.of(user),
                    Optional.of(pass), quirks);
        }

        public Options with(Quirk... more) {
            java.util.Set<Quirk> all = new java.util.HashSet<>(quirks);
            all.addAll(List.of(more));
            return new Options(cwmpNamespace, rdkb, echoCookie, reconnectMidSession, responseDelay, username, password,
                    all);
        }
    }

    /** Behaviours of real CPEs an ACS must cope with. */
    public enum Quirk {
        /** GetParameterValues of a partial path ({@code Device.WiFi.}) answered with fault 9005. */
        NO_PARTIAL_PATHS,
        /** GetParameterValues answers at most 500 values and silently drops the rest. */
        TRUNCATES_ANSWERS,
        /**
         * GetParameterNames also lists {@code <root>X_SIM_Phantom.Ghost}, which GetParameterValues does not
         * return and refuses by name with 9005 (GenieACS issue 230: PPP objects that come and go).
         */
        PHANTOM_NAMES,
        /** GetParameterNames with NextLevel false answers at most 300 names; more → fault 9004. */
        NAMES_CAPPED,
        /** A Download is applied at once: DownloadResponse status 0, no TransferComplete. */
        DOWNLOAD_APPLIED_AT_ONCE,
        /** A Download fails: the TransferComplete carries fault 9010. */
        DOWNLOAD_FAILS,
        /** A Download is accepted (status 1) and never reported. */
        DOWNLOAD_NEVER_COMPLETES,
        /**
         * A Download's file is really fetched, after the session, in 8 MB ranges ({@link FileFetcher}); the
         * TransferComplete carries 9010 if that fails or the size differs from the Download's FileSize.
         */
        FETCHES_DOWNLOADS,
        /**
         * GetParameterValues of a partial path makes the agent fail: no answer, the session is abandoned and
         * the next one starts without the cookie (genieacs-sim 0.9.0 throws on {@code InternetGatewayDevice.}).
         */
        DROPS_ON_PARTIAL_PATHS
    }

    /** What one session did. */
    /**
     * @param acsTime how long the CPE waited for the ACS's answers, summed over the session: the ACS's time
     *     plus loopback latency, without the CPE's own work
     */
    public record SessionResult(int informStatus, int finalStatus, int roundTrips, List<String> acsRequests,
                                Optional<String> error, Duration elapsed, Duration acsTime) {
        public boolean ok() {
            return error.isEmpty() && informStatus == 200 && finalStatus == 204;
        }
    }

    private final URI acs;
    private final DataModel model;
    private final Options options;
    private final HttpClient http;
    private final CwmpCodec codec = new CwmpCodec();
    private final CpeState state = new CpeState();
    private final RpcResponder responder;
    private volatile String connectionRequestUrl = "";
    /** Nanoseconds spent waiting for the ACS in the current session. */
    private long waited;
    /** The ACS requests of the last session, as the XML received. */
    private final List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The ACS's answers to the CPE's own requests in the last session. */
    private final List<CwmpMessage> reportAnswers = new java.util.concurrent.CopyOnWriteArrayList<>();

    public SimulatedCpe(URI acs, DataModel model, Options options, HttpClient http) {
        this.acs = Objects.requireNonNull(acs, "acs");
        this.model = model;
        this.options = options;
        this.http = http;
        this.responder = new RpcResponder(model, options.rdkb(), options.quirks(), state);
    }

    /** An HTTP client fit for simulated CPEs (HTTP/1.1, keep-alive). */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public DataModel model() {
        return model;
    }

    public DeviceIdStruct deviceId() {
        return new DeviceIdStruct(model.identity("Manufacturer"), model.identity("OUI"), model.identity("ProductClass"),
                model.identity("SerialNumber"));
    }

    /** The CPE's ConnectionRequestURL becomes {@code url}, in its Informs and in its tree alike. */
    void setConnectionRequestUrl(String url) {
        connectionRequestUrl = url;
        String path = model.root() + "ManagementServer.ConnectionRequestURL";
        model.get(path).ifPresent(p -> model.put(path, p.withValue(url, p.type())));
    }

    /** Runs one session with these events besides the ones the CPE owes (bootstrap, boot, transfer complete). */
    public synchronized SessionResult runSession(String... events) {
        long start = System.nanoTime();
        waited = 0;
        List<String> acsRequests = new ArrayList<>();
        int roundTrips = 0;
        int informStatus = 0;
        try {
            state.startDueTransfers(Instant.now());
            Inform inform = inform(events);
            Exchange exchange = post(http, codec.encode(envelope(inform)), Optional.empty());
            roundTrips++;
            informStatus = exchange.status;
            if (exchange.status != 200) {
                return result(informStatus, exchange.status, roundTrips, acsRequests,
                        "Inform answered " + exchange.status + ": " + exchange.text(), start);
            }
            Optional<String> cookie = exchange.cookie;
            if (decode(exchange).message(InformResponse.class).isEmpty()) {
                return result(informStatus, exchange.status, roundTrips, acsRequests, "no InformResponse", start);
            }
            HttpClient rest = options.reconnectMidSession() ? newHttpClient() : http;
            Optional<String> sendCookie = options.echoCookie() ? cookie : Optional.empty();
            reportAnswers.clear();
            while (!state.pendingReports.isEmpty()) {
                org.cwmpacs.soap.message.CpeRequest report = state.pendingReports.get(0);
                exchange = post(rest, codec.encode(envelope(report)), sendCookie);
                roundTrips++;
                Optional<CwmpMessage> answer = exchange.status == 200 ? decode(exchange).message() : Optional.empty();
                if (answer.isEmpty() || !answer.get().methodName().equals(report.methodName() + "Response")) {
                    // unanswered: the CPE reports it again next session
                    return result(informStatus, exchange.status, roundTrips, acsRequests,
                            report.methodName() + " answered " + exchange.status + ": " + exchange.text(), start);
                }
                reportAnswers.add(answer.get());
                state.pendingReports.remove(0);
            }
            exchange = post(rest, new byte[0], sendCookie);
            roundTrips++;
            received.clear();
            while (exchange.status == 200) {
                received.add(new String(exchange.body, java.nio.charset.StandardCharsets.UTF_8));
                CwmpEnvelope request = decode(exchange);
                CwmpMessage message = request.message().orElseThrow(() -> new IOException("200 with an empty body"));
                acsRequests.add(message.methodName());
                if (!options.responseDelay().isZero()) {
                    Thread.sleep(options.responseDelay().toMillis());
                }
                CwmpMessage answer;
                try {
                    answer = responder.respond(message);
                } catch (RpcResponder.Dropped dropped) {
                    return result(informStatus, 0, roundTrips, acsRequests, "the agent failed on "
                            + dropped.getMessage() + " and dropped the session", start);
                }
                SoapHeader header = request.header().id().map(SoapHeader::withId).orElse(SoapHeader.NONE);
                exchange = post(rest, codec.encode(CwmpEnvelope.of(options.cwmpNamespace(), header, answer)), sendCookie);
                roundTrips++;
            }
            if (exchange.status == 204) {
                state.bootstrapped = !state.factoryReset;
                state.factoryReset = false;
                fetchDownloads();
                return result(informStatus, 204, roundTrips, acsRequests, null, start);
            }
            return result(informStatus, exchange.status, roundTrips, acsRequests,
                    "session ended with " + exchange.status + ": " + exchange.text(), start);
        } catch (IOException | CwmpDecodeException e) {
            return result(informStatus, 0, roundTrips, acsRequests, e.toString(), start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result(informStatus, 0, roundTrips, acsRequests, "interrupted", start);
        }
    }

    private void fetchDownloads() throws InterruptedException {
        for (org.cwmpacs.soap.message.Download d : state.pendingFetches) {
            FaultStruct outcome = new FaultStruct(0, "");
            try {
                FileFetcher.Fetched file = FileFetcher.fetch(http, d.url(), d.username(), d.password(), 8L << 20);
                state.fetched.add(file);
                if (d.fileSize() > 0 && file.length() != d.fileSize()) {
                    outcome = new FaultStruct(9010, "Download failure: " + file.length() + " bytes, FileSize "
                            + d.fileSize());
                }
            } catch (IOException | IllegalArgumentException e) {
                outcome = new FaultStruct(9010, "Download failure: " + e.getMessage());
            }
            state.scheduleTransferComplete("M Download", d.commandKey(), outcome);
        }
        state.pendingFetches.clear();
    }

    /** The files this CPE fetched for Downloads ({@link Quirk#FETCHES_DOWNLOADS}), oldest first. */
    public List<FileFetcher.Fetched> fetchedFiles() {
        return List.copyOf(state.fetched);
    }

    /**
     * In its next session the CPE sends {@code request} (RequestDownload, Kicked,
     * AutonomousDUStateChangeComplete, …) after its Inform, which carries {@code event} (e.g.
     * {@code 9 REQUEST DOWNLOAD}); until the ACS answers it, every session sends it again.
     */
    public synchronized void report(org.cwmpacs.soap.message.CpeRequest request, String event) {
        state.report(request, event);
    }

    /** What the ACS answered to the CPE's own requests (TransferComplete, Kicked, …) in the last session. */
    public List<CwmpMessage> lastReportAnswers() {
        return List.copyOf(reportAnswers);
    }

    /** The ACS requests of the last session, each the XML body as received. */
    public List<String> lastSessionRequests() {
        return List.copyOf(received);
    }

    /** The Inform this CPE would send now with these events, encoded (for load runs that replay it). */
    public byte[] encodedInform(String... events) {
        return codec.encode(envelope(inform(events)));
    }

    private Inform inform(String... events) {
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        List<EventStruct> list = new ArrayList<>();
        if (!state.bootstrapped) {
            list.add(new EventStruct("0 BOOTSTRAP", ""));
            list.add(new EventStruct("1 BOOT", ""));
            codes.add("0 BOOTSTRAP");
            codes.add("1 BOOT");
        }
        for (EventStruct e : state.pendingEvents) {
            if (e.eventCode().startsWith("M ") || codes.add(e.eventCode())) {
                list.add(e);
            }
        }
        state.pendingEvents.clear();
        for (String e : events) {
            if (codes.add(e)) {
                list.add(new EventStruct(e, ""));
            }
        }
        String root = model.root();
        List<ParameterValueStruct> params = new ArrayList<>();
        for (String name : List.of("DeviceInfo.HardwareVersion", "DeviceInfo.SoftwareVersion",
                "DeviceInfo.ProvisioningCode", "ManagementServer.ParameterKey", "ManagementServer.ConnectionRequestURL")) {
            String path = root + name;
            model.get(path).ifPresent(p -> params.add(new ParameterValueStruct(path,
                    name.endsWith("ConnectionRequestURL") && !connectionRequestUrl.isEmpty() ? connectionRequestUrl
                            : p.value(), p.type())));
        }
        return new Inform(deviceId(), list, 1, CwmpDateTime.format(Instant.now()), 0, params);
    }

    private CwmpEnvelope envelope(CwmpMessage message) {
        return CwmpEnvelope.of(options.cwmpNamespace(), SoapHeader.withId(Long.toString(IDS.incrementAndGet())), message);
    }

    private CwmpEnvelope decode(Exchange exchange) throws CwmpDecodeException {
        return codec.decode(exchange.body);
    }

    private record Exchange(int status, byte[] body, Optional<String> cookie) {
        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8).strip();
        }
    }

    private Exchange post(HttpClient client, byte[] body, Optional<String> cookie) throws IOException, InterruptedException {
        long sent = System.nanoTime();
        try {
            return exchange(client, body, cookie);
        } finally {
            waited += System.nanoTime() - sent;
        }
    }

    private Exchange exchange(HttpClient client, byte[] body, Optional<String> cookie) throws IOException,
            InterruptedException {
        HttpResponse<byte[]> response = client.send(request(body, cookie, Optional.empty()),
                HttpResponse.BodyHandlers.ofByteArray());
        Optional<String> challenge = response.headers().firstValue("WWW-Authenticate");
        if (response.statusCode() == 401 && challenge.isPresent() && options.username().isPresent()) {
            String user = options.username().get();
            String pass = options.password().orElse("");
            String authorization = challenge.get().regionMatches(true, 0, "Digest", 0, 6)
                    ? Digest.authorization(challenge.get(), user, pass, "POST", acs.getRawPath().isEmpty() ? "/"
                            : acs.getRawPath())
                    : "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + pass)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            response = client.send(request(body, cookie, Optional.of(authorization)),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
        Optional<String> setCookie = Optional.empty();
        for (String header : response.headers().allValues("set-cookie")) {
            Matcher m = SESSION_COOKIE.matcher(header);
            if (m.find()) {
                setCookie = Optional.of(m.group(1));
            }
        }
        return new Exchange(response.statusCode(), response.body(), setCookie);
    }

    private HttpRequest request(byte[] body, Optional<String> cookie, Optional<String> authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(acs).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (body.length > 0) {
            builder.header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "");
        }
        cookie.ifPresent(c -> builder.header("Cookie", "session=" + c));
        authorization.ifPresent(a -> builder.header("Authorization", a));
        return builder.build();
    }

    /**
     * Informs every {@code interval} with {@code 2 PERIODIC} on the given scheduler, as a CPE with
     * PeriodicInformEnable does; the results go to {@code results}. Cancel the returned future to stop.
     */
    public java.util.concurrent.ScheduledFuture<?> informPeriodically(java.util.concurrent.ScheduledExecutorService scheduler,
                                                                      Duration interval,
                                                                      java.util.function.Consumer<SessionResult> results) {
        return scheduler.scheduleWithFixedDelay(() -> results.accept(runSession("2 PERIODIC")), interval.toMillis(),
                interval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private SessionResult result(int informStatus, int finalStatus, int roundTrips, List<String> acsRequests,
                                 String error, long start) {
        return new SessionResult(informStatus, finalStatus, roundTrips, List.copyOf(acsRequests),
                Optional.ofNullable(error), Duration.ofNanos(System.nanoTime() - start), Duration.ofNanos(waited));
    }
}
