package org.cwmpacs.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.cwmpacs.core.store.LocalSessionLocks;
import org.junit.jupiter.api.Test;

class LocalSessionLocksTest {
    private final LocalSessionLocks locks = new LocalSessionLocks(Clock.systemUTC());

    @Test
    void oneHolderAtATimeRefreshAndLapse() throws Exception {
        assertThat(locks.acquire("d", "a", Duration.ofSeconds(30)).get()).isTrue();
        assertThat(locks.acquire("d", "b", Duration.ofSeconds(30)).get()).isFalse();
        assertThat(locks.acquire("d", "a", Duration.ofSeconds(30)).get()).isTrue();
        locks.release("d", "b").get();
        assertThat(locks.acquire("d", "b", Duration.ofSeconds(30)).get()).as("b's release did not free a's lock").isFalse();
        locks.release("d", "a").get();
        assertThat(locks.acquire("d", "b", Duration.ofSeconds(-1)).get()).isTrue();
        assertThat(locks.acquire("d", "c", Duration.ofSeconds(30)).get()).as("b's lock lapsed").isTrue();
    }
}
