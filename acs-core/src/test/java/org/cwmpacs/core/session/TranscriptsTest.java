package org.cwmpacs.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TranscriptsTest {
    private static byte[] bytes(int n) {
        return new byte[n];
    }

    @Test
    void eachDeviceKeepsItsLastSessionsInOrder() {
        Transcripts t = new Transcripts(1 << 20);
        for (int s = 1; s <= 5; s++) {
            t.record("dev", "s" + s, s * 1000L, "inform".getBytes(StandardCharsets.UTF_8), 200,
                    "response".getBytes(StandardCharsets.UTF_8));
            t.record("dev", "s" + s, s * 1000L + 1, new byte[0], 204, new byte[0]);
        }
        assertThat(t.sessions("dev")).extracting(Transcripts.Session::id).containsExactly("s3", "s4", "s5");
        assertThat(t.sessions("dev").get(2).exchanges()).hasSize(2);
        assertThat(new String(t.sessions("dev").get(2).exchanges().get(0).cpe(), StandardCharsets.UTF_8))
                .isEqualTo("inform");
        assertThat(t.sessions("other")).isEmpty();
        assertThat(t.bytes()).as("only what is kept counts").isEqualTo(3 * (6 + 8));
    }

    @Test
    void theBudgetForgetsTheDevicesRecordedLongestAgo() {
        Transcripts t = new Transcripts(10_000);
        for (int d = 0; d < 10; d++) {
            t.record("dev" + d, "s", d, bytes(1_000), 200, bytes(1_000));
        }
        assertThat(t.bytes()).isLessThanOrEqualTo(10_000);
        assertThat(t.sessions("dev0")).isEmpty();
        assertThat(t.sessions("dev9")).hasSize(1);
    }

    @Test
    void longSessionsAndLongMessagesAreCut() {
        Transcripts t = new Transcripts(100L << 20);
        for (int i = 0; i < Transcripts.MESSAGES_PER_SESSION + 7; i++) {
            t.record("dev", "s", i, bytes(10), 200, bytes(10));
        }
        Transcripts.Session s = t.sessions("dev").get(0);
        assertThat(s.exchanges()).hasSize(Transcripts.MESSAGES_PER_SESSION);
        assertThat(s.dropped()).isEqualTo(7);
        t.record("big", "s", 0, bytes(Transcripts.MAX_MESSAGE_BYTES + 5), 200, bytes(1));
        Transcripts.Exchange e = t.sessions("big").get(0).exchanges().get(0);
        assertThat(e.cpe()).hasSize(Transcripts.MAX_MESSAGE_BYTES);
        assertThat(e.cpeLength()).isEqualTo(Transcripts.MAX_MESSAGE_BYTES + 5);
        assertThat(Transcripts.OFF.enabled()).isFalse();
        Transcripts.OFF.record("dev", "s", 0, bytes(1), 200, bytes(1));
        assertThat(Transcripts.OFF.sessions("dev")).isEmpty();
    }
}
