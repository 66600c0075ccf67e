package org.cwmpacs.core.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.cwmpacs.core.device.DeviceInform;
import org.cwmpacs.core.engine.CpeReports;
import org.cwmpacs.core.engine.EngineServices;
import org.cwmpacs.core.engine.SessionDriver;
import org.cwmpacs.core.store.DeviceStore;
import org.cwmpacs.core.store.SessionLocks;
import org.cwmpacs.core.store.StoreFailures;
import org.cwmpacs.core.store.WriteRefusedException;
import org.cwmpacs.soap.CwmpCodec;
import org.cwmpacs.soap.CwmpDecodeException;
import org.cwmpacs.soap.CwmpEnvelope;
import org.cwmpacs.soap.SoapHeader;
import org.cwmpacs.soap.message.AcsRequest;
import org.cwmpacs.soap.message.CwmpMessage;
import org.cwmpacs.soap.message.Inform;
import org.cwmpacs.soap.message.InformResponse;
import org.cwmpacs.soap.message.SoapFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs CWMP sessions: finds the session of each POST (by cookie, whatever the TCP connection; by
 * connection for CPEs that never echo the cookie), decodes it, moves the session through its states and
 * answers. Store calls return futures and never block the caller.
 */
public final class SessionManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("cwmp");
    private static final Logger STATES = LoggerFactory.getLogger(SessionManager.class);
    private static final Duration LOCK_REFRESH = Duration.ofSeconds(10);
    private static final Duration LOCK_MARGIN = Duration.ofSeconds(20);

    private final CwmpCodec codec;
    private final DeviceStore devices;
    private final EngineServices services;
    private final SessionLocks locks;
    private final SessionConfig config;
    private final Clock clock;
    private final LongSupplier nanos;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, CwmpSession> sessions = new ConcurrentHashMap<>();
    private final Map<Object, CwmpSession> byConnection = new ConcurrentHashMap<>();
    /** The running session of each device in this process, which a new Inform replaces once its connection closed. */
    private final Map<String, CwmpSession> byDevice = new ConcurrentHashMap<>();
    /** Running sessions per remote address, so that one address cannot fill the session table. */
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();
    private final InformAuthentication authentication;
    private final ScheduledExecutorService sweeper;
    private volatile Transcripts transcripts = Transcripts.OFF;

    public SessionManager(EngineServices services, SessionLocks locks, SessionConfig config) {
        this(services, locks, config, Clock.systemUTC(), System::nanoTime);
    }

    SessionManager(EngineServices services, SessionLocks locks, SessionConfig config, Clock clock, LongSupplier nanos) {
        this.codec = new CwmpCodec(config.decodeLimits());
        this.services = services;
        this.devices = services.devices();
        this.locks = locks;
        this.config = config;
        this.clock = clock;
        this.nanos = nanos;
        this.authentication = new InformAuthentication(config.cpeAuth(), services.devices(), services.provisioning(),
                clock);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cwmp-session-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    /** Sessions between their Inform and their end. */
    public int activeSessions() {
        return active.get();
    }

    /** Where sessions are recorded for the UI ({@link Transcripts#OFF} unless given before the listener starts). */
    public void recordTo(Transcripts transcripts) {
        this.transcripts = transcripts;
    }

    /** Handles one POST; the future completes with the answer (it never completes exceptionally). */
    public CompletableFuture<CwmpReply> handle(CwmpRequest request) {
        CwmpSession before = sessionOf(request);
        Transcripts recorder = transcripts;
        long at = clock.millis();
        return !recorder.enabled() ? exchange(request, before) : exchange(request, before).thenApply(reply -> {
            // an Inform's answer names the session it started
            CwmpSession s = reply.setCookie().map(c -> sessions.get(c.split(";", 2)[0].substring(8))).orElse(before);
            if (s != null) {
                recorder.record(s.deviceId, s.id, at, request.body(), reply.status(), reply.body());
            }
            return reply;
        });
    }

    private CwmpSession sessionOf(CwmpRequest request) {
        CwmpSession session = request.sessionCookie().map(sessions::get).orElse(null);
        if (session == null && request.sessionCookie().isEmpty()) {
            session = byConnection.get(request.connection());
        }
        return session;
    }

    private CompletableFuture<CwmpReply> exchange(CwmpRequest request, CwmpSession found) {
        long now = nanos.getAsLong();
        CwmpSession session = found;
        if (session == null && authentication.refusesEarly()) {
            Optional<CompletableFuture<CwmpReply>> refused = authentication.refusedBeforeDecoding(request);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        CwmpEnvelope envelope;
        try {
            envelope = codec.decode(request.body(), request.charset());
        } catch (CwmpDecodeException e) {
            LOG.warn("{} {}: Invalid request; error=\"{}\"", request.remoteAddress(),
                    session == null ? "-" : session.deviceId, e.getMessage());
            CwmpReply invalid = CwmpReply.badRequest("Invalid CWMP request: " + e.getMessage());
            if (session != null && session.state != SessionState.ENDED) {
                // a 400 ends the session: its lock goes now, not after the timeout, so the CPE may inform again
                return end(session, "Session ended by an invalid request").thenApply(released -> invalid);
            }
            return CompletableFuture.completedFuture(invalid);
        }
        if (session != null && session.state != SessionState.ENDED && session.idleLongerThan(session.timeout, now)) {
            end(session, "Session timeout");
        }
        Optional<Inform> inform = envelope.message(Inform.class);
        if (inform.isPresent()) {
            Optional<SoapFault> refused = InformLimits.refusal(inform.get(), config.maxInformParameters());
            if (refused.isPresent()) {
                LOG.warn("{} -: Inform refused: {}", request.remoteAddress(), refused.get().fault().faultString());
                return CompletableFuture.completedFuture(
                        reply(envelope.cwmpNamespace(), envelope, refused.get()).closing());
            }
        }
        if (inform.isPresent()) {
            CwmpSession current = session;
            DeviceInform deviceInform = DeviceInform.of(inform.get(), clock.instant());
            return authentication.check(request, deviceInform).thenCompose(refused -> refused.isPresent()
                    ? CompletableFuture.completedFuture(refused.get())
                    : informed(request, envelope, inform.get(), deviceInform, current, now));
        }
        if (session == null) {
            String why = request.sessionCookie().isPresent()
                    ? "Invalid session: unknown or expired session cookie; start a new session with an Inform"
                    : "Invalid session: a session starts with an Inform";
            LOG.warn("{} -: {}", request.remoteAddress(), why);
            return CompletableFuture.completedFuture(CwmpReply.badRequest(why));
        }
        session.lastActivityNanos = now;
        session.provedCpe = true;
        session.connection = request.connection();
        session.connectionLost = false;
        byConnection.put(request.connection(), session);
        refreshLock(session, now);
        return continueSession(session, envelope);
    }

    private CompletableFuture<CwmpReply> informed(CwmpRequest request, CwmpEnvelope envelope, Inform inform,
                                                  DeviceInform deviceInform, CwmpSession session, long now) {
        // a connection may carry another CPE's Inform (pooled connections, proxies): only the same
        // device's new Inform replaces its running session
        if (session != null && session.state != SessionState.ENDED && session.deviceId.equals(deviceInform.deviceId())) {
            // the new session takes the lock only once the old one has given it up
            return end(session, "Inform inside a session: a new session starts")
                    .thenCompose(released -> startSession(request, envelope, inform, deviceInform, now));
        }
        CwmpSession running = byDevice.get(deviceInform.deviceId());
        if (running != null && running.state != SessionState.ENDED && running.connectionLost) {
            // the CPE dropped the session's connection and started over (an agent that failed on a request
            // does this): its old session is over, and must not keep the lock until it times out. While the
            // old connection is open, a second Inform is refused as GenieACS refuses it
            return end(running, "New Inform after the session's connection closed: the running session ends")
                    .thenCompose(released -> startSession(request, envelope, inform, deviceInform, now));
        }
        return startSession(request, envelope, inform, deviceInform, now);
    }

    private CompletableFuture<CwmpReply> startSession(CwmpRequest request, CwmpEnvelope envelope, Inform inform,
                                                      DeviceInform deviceInform, long now) {
        if (active.get() >= config.maxSessions()) {
            LOG.warn("{} -: Too many sessions in progress ({}); answered 503", request.remoteAddress(), active.get());
            return CompletableFuture.completedFuture(CwmpReply.unavailable(
                    "Too many sessions in progress; retry later", (int) config.retryAfter().toSeconds()));
        }
        boolean[] admitted = {false};
        perAddress.compute(request.remoteAddress(), (address, running) -> {
            int n = running == null ? 0 : running;
            if (n >= config.maxSessionsPerAddress()) {
                return running;
            }
            admitted[0] = true;
            return n + 1;
        });
        if (!admitted[0]) {
            LOG.warn("{} {}: Too many sessions in progress from this address ({}, ACS_MAX_SESSIONS_PER_ADDRESS); "
                    + "answered 503", request.remoteAddress(), deviceInform.deviceId(), config.maxSessionsPerAddress());
            return CompletableFuture.completedFuture(CwmpReply.unavailable("Too many sessions in progress from "
                    + request.remoteAddress() + " (ACS_MAX_SESSIONS_PER_ADDRESS=" + config.maxSessionsPerAddress()
                    + "); retry later", (int) config.retryAfter().toSeconds()));
        }
        Optional<Duration> cpeTimeout = envelope.header().sessionTimeout().filter(s -> s > 0)
                .map(s -> Duration.ofSeconds(s));
        Duration timeout = cpeTimeout.orElse(config.sessionTimeout());
        CwmpSession session = new CwmpSession(newSessionId(), deviceInform.deviceId(), envelope.cwmpNamespace(),
                request.remoteAddress(), timeout, request.connection(), now);
        session.driver = new SessionDriver(deviceInform, request.remoteAddress(), fileServer(request), services, clock);
        CompletableFuture<org.cwmpacs.core.config.DeviceConfig> settings = session.driver.settings();
        active.incrementAndGet();
        sessions.put(session.id, session);
        byDevice.put(session.deviceId, session);
        // the lock lives as long as the device's own session timeout allows
        return settings.thenCompose(values -> {
            session.apply(values, cpeTimeout.isPresent(), config.encodeOptions());
            return locks.acquire(session.deviceId, session.lockToken, session.timeout.plus(LOCK_MARGIN));
        }).thenCompose(acquired -> {
                    if (!acquired) {
                        LOG.warn("{} {}: CPE already in session", session.remoteAddress, session.deviceId);
                        end(session, null);
                        return CompletableFuture.completedFuture(CwmpReply.badRequest("CPE already in session"));
                    }
                    session.lockHeld = true;
                    return devices.recordInform(deviceInform).thenApply(recorded -> {
                        LOG.info("{} {}: Inform; event=\"{}\" retryCount={}", session.remoteAddress, session.deviceId,
                                String.join(",", deviceInform.eventCodes()), inform.retryCount());
                        if (recorded.newDevice()) {
                            LOG.info("{} {}: New device registered", session.remoteAddress, session.deviceId);
                            session.newDevice = true;
                        }
                        logCompletedCommands(session, inform);
                        if (session.ended.get()) {
                            // timed out or replaced while the store was busy
                            return CwmpReply.badRequest("Session ended before the Inform was recorded; inform again");
                        }
                        byConnection.put(session.connection, session);
                        transition(session, SessionState.CPE_REQUESTS);
                        return reply(session, envelope, new InformResponse(1))
                                .withCookie("session=" + session.id + "; Path=" + session.cookiePath);
                    });
                })
                .exceptionally(failure -> {
                    end(session, null);
                    Throwable cause = StoreFailures.cause(failure);
                    if (cause instanceof WriteRefusedException) {
                        LOG.warn("{} {}: Inform refused by the store: {}", session.remoteAddress, session.deviceId,
                                cause.getMessage());
                        return reply(session, envelope, SoapFault.of(8004, "Resources exceeded: " + cause.getMessage()))
                                .closing();
                    }
                    LOG.error("{} {}: Inform not recorded, the store failed: {}; the CPE will retry. Check that the "
                            + "database is reachable", session.remoteAddress, session.deviceId, rootMessage(failure));
                    return CwmpReply.unavailable("ACS storage unavailable (" + cause.getMessage() + "); retry later",
                            (int) config.retryAfter().toSeconds());
                });
    }

    private CompletableFuture<CwmpReply> continueSession(CwmpSession session, CwmpEnvelope envelope) {
        Optional<CwmpMessage> message = envelope.message();
        switch (session.state) {
            case CPE_REQUESTS:
                if (message.isEmpty()) {
                    transition(session, SessionState.ACS_REQUESTS);
                    return session.driver.prepare().thenApply(ready -> nextRequest(session, envelope))
                            .exceptionally(failure -> failed(session, failure)).thenCompose(reply -> reply);
                }
                return answerCpeRequest(session, envelope, message.get());
            case ACS_REQUESTS:
                if (message.isEmpty()) {
                    // the CPE gave up on our request
                    return finish(session, true);
                }
                if (message.get() instanceof org.cwmpacs.soap.message.CpeRequest) {
                    LOG.warn("{} {}: Unexpected {} while the ACS holds the session", session.remoteAddress,
                            session.deviceId, message.get().methodName());
                    session.driver.finish(true);
                    end(session, null);
                    return CompletableFuture.completedFuture(
                            CwmpReply.badRequest("Bad session state: unexpected " + message.get().methodName()));
                }
                try {
                    Optional<String> id = envelope.header().id();
                    if (id.isPresent() && session.requestId != null && !id.get().strip().equals(session.requestId)) {
                        LOG.warn("{} {}: {} answers request \"{}\", not the outstanding \"{}\"", session.remoteAddress,
                                session.deviceId, message.get().methodName(), id.get(), session.requestId);
                        session.driver.invalidResponse("Request ID not recognized: the answer names \"" + id.get()
                                + "\", the outstanding request is \"" + session.requestId + "\"");
                    } else {
                        session.driver.onResponse(message.get());
                    }
                    return nextRequest(session, envelope);
                } catch (RuntimeException e) {
                    return failed(session, e);
                }
            case ENDED:
                return CompletableFuture.completedFuture(message.isEmpty() ? CwmpReply.noContent()
                        : CwmpReply.badRequest("Session ended; start a new session with an Inform"));
            default:
                return CompletableFuture.completedFuture(
                        CwmpReply.badRequest("Session is still starting; wait for the InformResponse"));
        }
    }

    /** The ACS's next request, or the end of the session when it has none. */
    private CompletableFuture<CwmpReply> nextRequest(CwmpSession session, CwmpEnvelope envelope) {
        if (session.ended.get()) {
            return CompletableFuture.completedFuture(CwmpReply.noContent());
        }
        Optional<AcsRequest> request = session.driver.next();
        if (request.isEmpty()) {
            return finish(session, false);
        }
        String id = Integer.toHexString(session.driver.rpcCount());
        session.requestId = id;
        LOG.info("{} {}: ACS request; acsRequestId=\"{}\" acsRequestName=\"{}\"", session.remoteAddress,
                session.deviceId, id, request.get().methodName());
        return CompletableFuture.completedFuture(CwmpReply.soap(codec.encode(CwmpEnvelope.of(session.cwmpNamespace,
                SoapHeader.withId(id), request.get()), session.encodeOptions)));
    }

    /** A failure of ours: logged with its cause, the session's work is saved and the session ends. */
    private CompletableFuture<CwmpReply> failed(CwmpSession session, Throwable failure) {
        LOG.error("{} {}: session failed; the CPE is sent 204 and the work resumes next session", session.remoteAddress,
                session.deviceId, failure);
        return finish(session, true);
    }

    /** The answer goes out once what the CPE reported is stored: a CPE that gets no answer reports again. */
    private CompletableFuture<CwmpReply> answerCpeRequest(CwmpSession session, CwmpEnvelope envelope,
                                                          CwmpMessage message) {
        Optional<CompletableFuture<CwmpMessage>> answer = new CpeReports(services, session.deviceId,
                session.remoteAddress, session.driver.sessionStart(), clock).answer(message);
        if (answer.isEmpty()) {
            return CompletableFuture.completedFuture(reply(session, envelope,
                    SoapFault.of(8000, "Method not supported: " + message.methodName())));
        }
        return answer.get().thenApply(response -> reply(session, envelope, response))
                .exceptionally(failure -> notStored(session, message, failure));
    }

    /** Unanswered, the CPE sends its report again in a later session; nothing is lost. */
    private CwmpReply notStored(CwmpSession session, CwmpMessage message, Throwable failure) {
        LOG.error("{} {}: {} not stored, the store failed: {}; the CPE will report it again. Check that the database "
                + "is reachable", session.remoteAddress, session.deviceId, message.methodName(), rootMessage(failure));
        end(session, null);
        return CwmpReply.unavailable("ACS storage unavailable; retry later", (int) config.retryAfter().toSeconds());
    }

    /** Answers in the session's namespace, echoing the CPE's cwmp:ID. */
    private CwmpReply reply(CwmpSession session, CwmpEnvelope request, CwmpMessage message) {
        return reply(session.cwmpNamespace, request, message);
    }

    private CwmpReply reply(String cwmpNamespace, CwmpEnvelope request, CwmpMessage message) {
        SoapHeader header = request.header().id().map(SoapHeader::withId).orElse(SoapHeader.NONE);
        return CwmpReply.soap(codec.encode(CwmpEnvelope.of(cwmpNamespace, header, message), config.encodeOptions()));
    }

    /**
     * The session's work is written, then the lock released, before the 204 goes out: CPEs may inform again
     * at once, and an NBI caller waiting for the session sees its outcome.
     */
    private CompletableFuture<CwmpReply> finish(CwmpSession session, boolean terminated) {
        // a 204 tells the CPE its session succeeded: only once what the session learned and did is stored
        return session.driver.finish(terminated).handle((saved, failure) -> {
            if (failure == null) {
                return CwmpReply.noContent();
            }
            Throwable cause = StoreFailures.cause(failure);
            if (cause instanceof WriteRefusedException) {
                LOG.error("{} {}: the session's results were refused by the store: {}; the CPE is told the session "
                        + "failed", session.remoteAddress, session.deviceId, cause.getMessage());
                return CwmpReply.serverError("The session's results cannot be stored: " + cause.getMessage());
            }
            LOG.error("{} {}: the session's results were not stored: {}; the CPE will retry. Check that the database "
                    + "is reachable", session.remoteAddress, session.deviceId, rootMessage(failure));
            return CwmpReply.unavailable("ACS storage unavailable (" + cause.getMessage() + "); retry later",
                    (int) config.retryAfter().toSeconds());
        }).thenCompose(reply -> end(session, null).thenApply(released -> reply));
    }

    /** A CPE that informs after a Reboot or Download the ACS asked for reports it with its M events. */
    private static void logCompletedCommands(CwmpSession session, Inform inform) {
        for (org.cwmpacs.soap.message.EventStruct e : inform.event()) {
            if ("M Reboot".equals(e.eventCode().strip())) {
                LOG.info("{} {}: Reboot completed; commandKey=\"{}\"", session.remoteAddress, session.deviceId,
                        e.commandKey());
            }
        }
    }

    /** The file server as the CPE reaches it: the configured prefix, else the host it used to reach us. */
    private String fileServer(CwmpRequest request) {
        if (services.config().fsUrlPrefix().isPresent()) {
            String prefix = services.config().fsUrlPrefix().get();
            return prefix.endsWith("/") ? prefix : prefix + "/";
        }
        String host = request.host().orElse("localhost");
        if (host.startsWith("[")) {
            host = host.substring(0, host.indexOf(']') + 1);
        } else if (host.indexOf(':') >= 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        return "http://" + host + ":" + services.config().fsPort() + "/";
    }

    private void transition(CwmpSession session, SessionState next) {
        STATES.debug("{} {}: {} -> {}", session.remoteAddress, session.deviceId, session.state, next);
        session.state = next;
    }

    /** Ends the session once; the future completes when its lock is released (never exceptionally). */
    private CompletableFuture<Void> end(CwmpSession session, String reason) {
        if (!session.ended.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null);
        }
        if (reason != null) {
            LOG.info("{} {}: {}", session.remoteAddress, session.deviceId, reason);
        }
        SessionState was = session.state;
        transition(session, SessionState.ENDED);
        active.decrementAndGet();
        byConnection.remove(session.connection, session);
        byDevice.remove(session.deviceId, session);
        perAddress.computeIfPresent(session.remoteAddress, (address, running) -> running <= 1 ? null : running - 1);
        if (!session.lockHeld) {
            return CompletableFuture.completedFuture(null);
        }
        // ended early (timeout, a new Inform): what the session did so far is kept
        CompletableFuture<Void> saved = was == SessionState.ACS_REQUESTS && session.driver != null
                ? session.driver.finish(true).exceptionally(e -> null) : CompletableFuture.completedFuture(null);
        return saved.thenCompose(done -> releaseLock(session));
    }

    private CompletableFuture<Void> releaseLock(CwmpSession session) {
        session.lockHeld = false;
        return locks.release(session.deviceId, session.lockToken).exceptionally(e -> {
            LOG.warn("{} {}: lock not released ({}); it lapses by itself", session.remoteAddress,
                    session.deviceId, rootMessage(e));
            return null;
        });
    }

    private void refreshLock(CwmpSession session, long now) {
        if (session.lockHeld && now - session.lockRefreshedNanos > LOCK_REFRESH.toNanos()) {
            session.lockRefreshedNanos = now;
            locks.acquire(session.deviceId, session.lockToken, session.timeout.plus(LOCK_MARGIN)).whenComplete((held, e) -> {
                if (e != null || !held) {
                    LOG.warn("{} {}: session lock could not be refreshed ({}); another session of this device may "
                            + "start", session.remoteAddress, session.deviceId, e == null ? "taken over" : rootMessage(e));
                }
            });
        }
    }

    /** The TCP connection closed; the session lives on for its cookie. */
    public void connectionClosed(Object connection) {
        CwmpSession session = byConnection.remove(connection);
        if (session != null && session.connection.equals(connection)) {
            session.connectionLost = true;
        }
        authentication.connectionClosed(connection);
    }

    private void sweep() {
        long now = nanos.getAsLong();
        for (CwmpSession session : sessions.values()) {
            if (session.state == SessionState.ENDED) {
                if (session.idleLongerThan(config.linger(), now)) {
                    sessions.remove(session.id, session);
                    byConnection.remove(session.connection, session);
                }
            } else if (session.state != SessionState.AWAITING_INFORM && session.idleLongerThan(session.timeout, now)) {
                CompletableFuture<Void> ended = end(session, "Session timeout");
                session.lastActivityNanos = now;
                if (session.newDevice && !session.provedCpe) {
                    ended.thenRunAsync(() -> forgetUnproven(session), sweeper);
                }
            }
        }
    }

    /**
     * A device registered by an Inform whose session never went on (no POST after the InformResponse) is
     * forgotten: whoever sent it did not behave as a CPE, and a flood of such Informs would otherwise leave a
     * device each. A real CPE that lost its session registers again at its next Inform.
     */
    private void forgetUnproven(CwmpSession session) {
        if (byDevice.containsKey(session.deviceId)) {
            return;
        }
        try {
            devices.delete(session.deviceId);
            LOG.info("{} {}: device forgotten: registered by an Inform whose session went no further",
                    session.remoteAddress, session.deviceId);
        } catch (RuntimeException e) {
            LOG.warn("{} {}: an unproven device could not be forgotten: {}", session.remoteAddress, session.deviceId,
                    e.toString());
        }
    }

    private String newSessionId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.toString();
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        for (CwmpSession session : sessions.values()) {
            end(session, null);
        }
    }
}
