package org.cwmpacs.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.cwmpacs.core.store.LocalSessionLocks;
import org.cwmpacs.soap.CwmpCodec;
import org.cwmpacs.soap.CwmpEnvelope;
import org.cwmpacs.soap.SoapHeader;
import org.cwmpacs.soap.message.Cwmp;
import org.cwmpacs.soap.message.CwmpMessage;
import org.cwmpacs.soap.message.DeviceIdStruct;
import org.cwmpacs.soap.message.EventStruct;
import org.cwmpacs.soap.message.FaultStruct;
import org.cwmpacs.soap.message.GetRPCMethods;
import org.cwmpacs.soap.message.GetRPCMethodsResponse;
import org.cwmpacs.soap.message.Inform;
import org.cwmpacs.soap.message.InformResponse;
import org.cwmpacs.soap.message.ParameterValueStruct;
import org.cwmpacs.soap.message.TransferComplete;
import org.cwmpacs.soap.message.TransferCompleteResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session state machine without HTTP: states, timeouts, overload, locks. */
class SessionManagerTest {
    private final CwmpCodec codec = new CwmpCodec();
    private final FakeStore store = new FakeStore();
    private final LocalSessionLocks locks = new LocalSessionLocks(Clock.systemUTC());
    private final AtomicLong nanos = new AtomicLong();
    private SessionManager manager = manager(SessionConfig.DEFAULT);

    private SessionManager manager(SessionConfig config) {
        // discovery as in production: it runs only for a device whose tree is not learned (see FakeStore)
        return new SessionManager(org.cwmpacs.core.testing.EmptyStores.services(store, false,
                org.cwmpacs.core.engine.EngineConfig.Discovery.FIRST_CONTACT), locks, config, Clock.systemUTC(),
                nanos::get);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private byte[] envelope(String ns, SoapHeader header, CwmpMessage message) {
        return codec.encode(CwmpEnvelope.of(ns, header, message));
    }

    private static Inform inform(String serial) {
        return new Inform(new DeviceIdStruct("V", "00AABB", "Box", serial), List.of(new EventStruct("2 PERIODIC", "")),
                1, "2024-01-01T00:00:00Z", 0, List.of(ParameterValueStruct.ofString("Device.DeviceInfo.SoftwareVersion", "1")));
    }

    private CwmpReply post(byte[] body, Optional<String> cookie, Object connection) throws Exception {
        return manager.handle(new CwmpRequest(body, Optional.empty(), cookie, connection, "192.0.2.1")).get();
    }

    private static String cookie(CwmpReply reply) {
        return reply.setCookie().orElseThrow().replaceAll("session=([0-9a-f]+).*", "$1");
    }

    @Test
    void informThenCpeRequestsThenEmptyPostEndsWith204() throws Exception {
        CwmpReply informed = post(envelope(Cwmp.NS_1_1, SoapHeader.withId("a1"), inform("S1")), Optional.empty(), "c1");
        assertThat(informed.status()).isEqualTo(200);
        CwmpEnvelope response = codec.decode(informed.body());
        assertThat(response.message(InformResponse.class)).isPresent();
        assertThat(response.cwmpNamespace()).isEqualTo(Cwmp.NS_1_1);
        assertThat(response.header().id()).contains("a1");
        assertThat(informed.setCookie()).hasValueSatisfying(c -> assertThat(c).matches("session=[0-9a-f]{32}; Path=/"));
        Optional<String> cookie = Optional.of(cookie(informed));

        CwmpReply tc = post(envelope(Cwmp.NS_1_1, SoapHeader.withId("a2"),
                new TransferComplete("fw-1", new FaultStruct(0, ""), "2024-01-01T00:00:00Z", "2024-01-01T00:01:00Z")),
                cookie, "c2");
        assertThat(codec.decode(tc.body()).message(TransferCompleteResponse.class)).isPresent();
        CwmpReply rpc = post(envelope(Cwmp.NS_1_1, SoapHeader.withId("a3"), new GetRPCMethods()), cookie, "c2");
        assertThat(codec.decode(rpc.body()).message(GetRPCMethodsResponse.class).orElseThrow().methodList())
                .contains("Inform", "TransferComplete");
        assertThat(manager.activeSessions()).isEqualTo(1);

        CwmpReply end = post(new byte[0], cookie, "c2");
        assertThat(end.status()).isEqualTo(204);
        assertThat(manager.activeSessions()).isZero();
        // the lock is free again: the device may inform at once
        assertThat(locks.acquire(store.informs.get(0).deviceId(), "other", Duration.ofSeconds(5)).get()).isTrue();
        // an extra empty POST after the end still gets 204
        assertThat(post(new byte[0], cookie, "c2").status()).isEqualTo(204);
    }

    @Test
    void beyondTheSessionLimitNewSessionsGet503WithRetryAfter() throws Exception {
        manager.close();
        manager = manager(new SessionConfig(Duration.ofSeconds(30), 1, Duration.ofSeconds(60), Duration.ofSeconds(5),
                SessionConfig.DEFAULT.decodeLimits(), SessionConfig.DEFAULT.encodeOptions()));
        assertThat(post(envelope(Cwmp.NS, SoapHeader.withId("1"), inform("A")), Optional.empty(), "c1").status())
                .isEqualTo(200);
        CwmpReply refused = post(envelope(Cwmp.NS, SoapHeader.withId("1"), inform("B")), Optional.empty(), "c2");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.retryAfterSeconds()).contains(60);
        assertThat(store.informs).hasSize(1);
    }

    @Test
    void anIdleSessionTimesOutAndItsLockIsFreed() throws Exception {
        CwmpReply informed = post(envelope(Cwmp.NS, SoapHeader.withId("1"), inform("T")), Optional.empty(), "c1");
        String deviceId = store.informs.get(0).deviceId();
        assertThat(locks.acquire(deviceId, "other", Duration.ofSeconds(5)).get()).isFalse();
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        CwmpReply late = post(new byte[0], Optional.of(cookie(informed)), "c1");
        assertThat(late.status()).isEqualTo(204).as("an empty POST to an ended session");
        assertThat(manager.activeSessions()).isZero();
        assertThat(locks.acquire(deviceId, "other", Duration.ofSeconds(5)).get()).isTrue();
    }

    @Test
    void theCpesSessionTimeoutHeaderOverridesTheDefault() throws Exception {
        CwmpReply informed = post(envelope(Cwmp.NS, SoapHeader.withId("1").sessionTimeout(120), inform("H")),
                Optional.empty(), "c1");
        nanos.addAndGet(Duration.ofSeconds(60).toNanos());
        CwmpReply rpc = post(envelope(Cwmp.NS, SoapHeader.withId("2"), new GetRPCMethods()),
                Optional.of(cookie(informed)), "c1");
        assertThat(codec.decode(rpc.body()).message(GetRPCMethodsResponse.class)).isPresent();
        assertThat(manager.activeSessions()).isEqualTo(1);
    }

    /** A session whose discovery learns two values, and the answer to its final empty POST. */
    private CwmpReply discoverySessionEnd(String serial) throws Exception {
        CwmpReply informed = post(envelope(Cwmp.NS, SoapHeader.withId("1"), inform(serial)), Optional.empty(), "c9");
        Optional<String> cookie = Optional.of(cookie(informed));
        CwmpReply gpn = post(new byte[0], cookie, "c9");
        assertThat(codec.decode(gpn.body()).message(org.cwmpacs.soap.message.GetParameterNames.class)).isPresent();
        // the CPE's answers echo the cwmp:ID of the request they answer
        CwmpReply gpv = post(envelope(Cwmp.NS, codec.decode(gpn.body()).header(), new org.cwmpacs.soap.message
                .GetParameterNamesResponse(List.of(new org.cwmpacs.soap.message.ParameterInfoStruct("Device.", false),
                new org.cwmpacs.soap.message.ParameterInfoStruct("Device.DeviceInfo.SoftwareVersion", false)))),
                cookie, "c9");
        assertThat(codec.decode(gpv.body()).message(org.cwmpacs.soap.message.GetParameterValues.class)).isPresent();
        return post(envelope(Cwmp.NS, codec.decode(gpv.body()).header(), new org.cwmpacs.soap.message.GetParameterValuesResponse(
                List.of(ParameterValueStruct.ofString("Device.DeviceInfo.SoftwareVersion", "1")))), cookie, "c9");
    }

    @Test
    void noSessionEndsWith204UntilWhatItLearnedIsStored() throws Exception {
        store.applyFailure = new org.cwmpacs.core.store.StoreUnavailableException("the disk failed");
        CwmpReply unavailable = discoverySessionEnd("U");
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(new String(unavailable.body(), StandardCharsets.UTF_8)).contains("the disk failed");
        store.applyFailure = new org.cwmpacs.core.store.WriteRefusedException("the document is larger than 16 MiB");
        CwmpReply refused = discoverySessionEnd("R");
        assertThat(refused.status()).isEqualTo(500);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("larger than 16 MiB");
        assertThat(manager.activeSessions()).isZero();
        assertThat(locks.acquire("00AABB-Box-R", "other", Duration.ofSeconds(5)).get()).as("lock released").isTrue();
        store.applyFailure = null;
    }

    @Test
    void aStoreFailureIs503AndTheDeviceIsNotLeftLocked() throws Exception {
        store.failing = true;
        CwmpReply reply = post(envelope(Cwmp.NS, SoapHeader.withId("1"), inform("F")), Optional.empty(), "c1");
        assertThat(reply.status()).isEqualTo(503);
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).contains("storage unavailable");
        assertThat(manager.activeSessions()).isZero();
        assertThat(locks.acquire("00AABB-Box-F", "other", Duration.ofSeconds(5)).get()).isTrue();
    }

    @Test
    void anotherDevicesInformOnTheSameConnectionLeavesTheFirstSessionAlone() throws Exception {
        CwmpReply a = post(envelope(Cwmp.NS, SoapHeader.withId("1"), inform("A")), Optional.empty(), "pooled");
        CwmpReply b = post(envelope(Cwmp.NS, SoapHeader.withId("1"), inform("B")), Optional.empty(), "pooled");
        assertThat(b.status()).isEqualTo(200);
        assertThat(manager.activeSessions()).isEqualTo(2);
        CwmpReply rpc = post(envelope(Cwmp.NS, SoapHeader.withId("2"), new GetRPCMethods()),
                Optional.of(cookie(a)), "other");
        assertThat(codec.decode(rpc.body()).message(GetRPCMethodsResponse.class)).as("A's session still runs").isPresent();
    }

    @Test
    void theSameDevicesNewInformReplacesItsSession() throws Exception {
        post(envelope(Cwmp.NS, SoapHeader.withId("1"), inform("R")), Optional.empty(), "c1");
        CwmpReply again = post(envelope(Cwmp.NS, SoapHeader.withId("1"), inform("R")), Optional.empty(), "c1");
        assertThat(again.status()).isEqualTo(200);
        assertThat(manager.activeSessions()).isEqualTo(1);
    }

    @Test
    void aRequestBeforeAnyInformIsRefused() throws Exception {
        CwmpReply reply = post(envelope(Cwmp.NS, SoapHeader.withId("1"), new GetRPCMethods()), Optional.empty(), "c9");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).contains("starts with an Inform");
        assertThat(reply.close()).isTrue();
    }

    @Test
    void aTransferCompleteTheStoreCannotKeepIsLeftUnansweredWith503() throws Exception {
        manager.close();
        manager = new SessionManager(org.cwmpacs.core.testing.EmptyStores.services(store, true), locks,
                SessionConfig.DEFAULT, Clock.systemUTC(), nanos::get);
        CwmpReply informed = post(envelope(Cwmp.NS_1_1, SoapHeader.withId("t1"), inform("TC1")), Optional.empty(), "c1");
        Optional<String> cookie = Optional.of(cookie(informed));
        CwmpReply tc = post(envelope(Cwmp.NS_1_1, SoapHeader.withId("t2"),
                new TransferComplete("fw-1", new FaultStruct(0, ""), "2024-01-01T00:00:00Z", "2024-01-01T00:01:00Z")),
                cookie, "c1");
        assertThat(tc.status()).isEqualTo(503);
        assertThat(tc.retryAfterSeconds()).isPresent();
        assertThat(new String(tc.body(), StandardCharsets.UTF_8)).contains("retry later");
        // the CPE's next session is not refused as "already in session"
        assertThat(post(envelope(Cwmp.NS_1_1, SoapHeader.withId("t3"), inform("TC1")), Optional.empty(), "c2").status())
                .isEqualTo(200);
    }

    @Test
    void anInvalidRequestInsideASessionEndsItAndFreesTheDeviceAtOnce() throws Exception {
        CwmpReply informed = post(envelope(Cwmp.NS, SoapHeader.withId("1"), inform("X")), Optional.empty(), "c1");
        CwmpReply invalid = post("<soap:Envelope><broken".getBytes(StandardCharsets.UTF_8),
                Optional.of(cookie(informed)), "c1");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(manager.activeSessions()).isZero();
        assertThat(locks.acquire("00AABB-Box-X", "other", Duration.ofSeconds(5)).get()).as("lock released").isTrue();
        locks.release("00AABB-Box-X", "other").get();
        assertThat(post(envelope(Cwmp.NS, SoapHeader.withId("2"), inform("X")), Optional.empty(), "c2").status())
                .as("the CPE's next Inform is not refused as already in session").isEqualTo(200);
    }

    @Test
    void aNewInformOnAnotherConnectionReplacesTheDevicesRunningSession() throws Exception {
        CwmpReply first = post(envelope(Cwmp.NS, SoapHeader.withId("1"), inform("D")), Optional.empty(), "c1");
        // the CPE dropped its connection and starts over without the cookie
        manager.connectionClosed("c1");
        CwmpReply again = post(envelope(Cwmp.NS, SoapHeader.withId("1"), inform("D")), Optional.empty(), "c2");
        assertThat(again.status()).isEqualTo(200);
        assertThat(manager.activeSessions()).isEqualTo(1);
        CwmpReply old = post(envelope(Cwmp.NS, SoapHeader.withId("2"), new GetRPCMethods()),
                Optional.of(cookie(first)), "c1");
        assertThat(old.status()).as("the replaced session is over").isEqualTo(400);
    }

    @Test
    void anAnswerNamingAnotherRequestIsNotTaken() throws Exception {
        // a device whose tree is not learned: the session's discovery lists, then reads values
        store.applyFailure = new IllegalStateException("not learned");
        CwmpReply informed = post(envelope(Cwmp.NS, SoapHeader.withId("1"), inform("ID")), Optional.empty(), "c1");
        Optional<String> cookie = Optional.of(cookie(informed));
        CwmpEnvelope gpn = codec.decode(post(new byte[0], cookie, "c1").body());
        assertThat(gpn.message(org.cwmpacs.soap.message.GetParameterNames.class)).isPresent();
        CwmpReply next = post(envelope(Cwmp.NS, SoapHeader.withId(gpn.header().id().orElseThrow() + "0"),
                new org.cwmpacs.soap.message.GetParameterNamesResponse(List.of(
                        new org.cwmpacs.soap.message.ParameterInfoStruct("Device.", false),
                        new org.cwmpacs.soap.message.ParameterInfoStruct("Device.DeviceInfo.SoftwareVersion", false)))),
                cookie, "c1");
        // taken, it would be followed by a GetParameterValues; refused, the discovery faults and the session ends
        assertThat(next.status()).isNotEqualTo(200);
        assertThat(manager.activeSessions()).isZero();
        store.applyFailure = null;
    }

    @Test
    void oneAddressCannotHoldMoreSessionsThanItsLimit() throws Exception {
        manager.close();
        manager = manager(SessionConfig.DEFAULT.withMaxSessionsPerAddress(2));
        assertThat(post(envelope(Cwmp.NS, SoapHeader.withId("1"), inform("P1")), Optional.empty(), "c1").status())
                .isEqualTo(200);
        assertThat(post(envelope(Cwmp.NS, SoapHeader.withId("1"), inform("P2")), Optional.empty(), "c2").status())
                .isEqualTo(200);
        CwmpReply third = post(envelope(Cwmp.NS, SoapHeader.withId("1"), inform("P3")), Optional.empty(), "c3");
        assertThat(third.status()).isEqualTo(503);
        assertThat(new String(third.body(), StandardCharsets.UTF_8)).contains("ACS_MAX_SESSIONS_PER_ADDRESS=2");
        CwmpReply other = manager.handle(new CwmpRequest(envelope(Cwmp.NS, SoapHeader.withId("1"), inform("P4")),
                Optional.empty(), Optional.empty(), "c4", "198.51.100.7")).get();
        assertThat(other.status()).as("another address").isEqualTo(200);
        assertThat(store.informs).extracting(DeviceInformId::of).doesNotContain("00AABB-Box-P3");
    }

    private interface DeviceInformId {
        static String of(org.cwmpacs.core.device.DeviceInform inform) {
            return inform.deviceId();
        }
    }

    @Test
    void aDeviceWhoseFirstSessionGoesNoFurtherThanItsInformIsForgotten() throws Exception {
        CwmpReply proven = post(envelope(Cwmp.NS, SoapHeader.withId("1"), inform("REAL")), Optional.empty(), "c1");
        post(envelope(Cwmp.NS, SoapHeader.withId("2"), new GetRPCMethods()), Optional.of(cookie(proven)), "c1");
        post(envelope(Cwmp.NS, SoapHeader.withId("1"), inform("JUNK")), Optional.empty(), "c2");
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (store.deleted.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(store.deleted).containsExactly("00AABB-Box-JUNK");
        assertThat(manager.activeSessions()).isZero();
    }

    /** CPE authentication on, every CPE with the configured acs/secret. */
    private void withSharedCredentials() {
        manager.close();
        manager = manager(new SessionConfig(Duration.ofSeconds(30), 100, Duration.ofSeconds(60), Duration.ofSeconds(5),
                SessionConfig.DEFAULT.decodeLimits(), SessionConfig.DEFAULT.encodeOptions(),
                new org.cwmpacs.core.auth.CpeAuthConfig(true, Optional.of(
                        new org.cwmpacs.core.auth.CpeCredentials("acs", "secret"))), 100));
    }

    @Test
    void withAuthenticationARequestWithoutCredentialsIsChallengedBeforeItsBodyIsRead() throws Exception {
        withSharedCredentials();
        byte[] garbage = "<not-xml".getBytes(StandardCharsets.UTF_8);
        CwmpReply none = manager.handle(new CwmpRequest(garbage, Optional.empty(), Optional.empty(), "a1",
                "192.0.2.1", Optional.empty(), Optional.empty(), false, "/")).get();
        assertThat(none.status()).as("a 401, not the 400 that decoding would give").isEqualTo(401);
        assertThat(none.challenge()).hasValueSatisfying(c -> assertThat(c).startsWith("Digest"));
        CwmpReply emptyBasic = manager.handle(new CwmpRequest(garbage, Optional.empty(), Optional.empty(), "a2",
                "192.0.2.1", Optional.empty(), Optional.of("Basic "), false, "/")).get();
        assertThat(emptyBasic.status()).isEqualTo(401);
        assertThat(emptyBasic.close()).as("a first challenge keeps the connection").isFalse();
        CwmpReply wrong = manager.handle(new CwmpRequest(garbage, Optional.empty(), Optional.empty(), "a3",
                "192.0.2.1", Optional.empty(), Optional.of("Digest username=\"acs\", realm=\"cwmpacs\", nonce=\"x\", "
                + "uri=\"/\", response=\"0\""), false, "/")).get();
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(store.informs).isEmpty();
    }

    @Test
    void pastAFewWrongPasswordsAMinuteTheAnswersToThatAddressAreHeldBack() throws Exception {
        withSharedCredentials();
        byte[] body = envelope(Cwmp.NS, SoapHeader.withId("1"), inform("G"));
        String wrong = "Digest username=\"acs\", realm=\"cwmpacs\", nonce=\"x\", uri=\"/\", response=\"0\"";
        for (int i = 0; i < InformAuthentication.ALLOWED_FAILURES; i++) {
            java.util.concurrent.CompletableFuture<CwmpReply> reply = manager.handle(new CwmpRequest(body,
                    Optional.empty(), Optional.empty(), "g" + i, "203.0.113.9", Optional.empty(), Optional.of(wrong),
                    false, "/"));
            assertThat(reply.isDone()).as("answered at once").isTrue();
            assertThat(reply.get().status()).isEqualTo(401);
        }
        java.util.concurrent.CompletableFuture<CwmpReply> held = manager.handle(new CwmpRequest(body, Optional.empty(),
                Optional.empty(), "g-last", "203.0.113.9", Optional.empty(), Optional.of(wrong), false, "/"));
        assertThat(held.isDone()).as("held back").isFalse();
        assertThat(held.get(10, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(401);
        java.util.concurrent.CompletableFuture<CwmpReply> other = manager.handle(new CwmpRequest(body, Optional.empty(),
                Optional.empty(), "h", "203.0.113.10", Optional.empty(), Optional.of(wrong), false, "/"));
        assertThat(other.isDone()).as("another address is not slowed").isTrue();
    }
}
