package org.cwmpacs.core.script;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A migrated provision script computes the same per-device values as under GenieACS. */
class DeterministicScriptsTest {
    private static final String DEVICE = "202BC1-BM632w-000001";

    @Test
    void mathRandomIsSeededPerDeviceAsGenieAcsSeedsIt() {
        SeedRandom random = new SeedRandom(DEVICE);
        assertThat(random.nextDouble()).isEqualTo(0.015778179446364844);
        assertThat(random.nextDouble()).isEqualTo(0.028639823802753105);
        SeedRandom other = new SeedRandom("202BC1-BM632w-000002");
        assertThat(other.nextDouble()).isNotEqualTo(0.015778179446364844);
    }

    @Test
    void seedrandomsPublishedExampleIsReproduced() {
        // seedrandom's README: Math.seedrandom('hello.'); Math.random() gives 0.9282578795792454
        assertThat(new SeedRandom("hello.").nextDouble()).isEqualTo(0.9282578795792454);
    }

    @Test
    void theDailyOffsetIsTheMd5OfTheDeviceId() {
        assertThat(Scheduling.variance(DEVICE, 86_400_000L)).isEqualTo(74_952_166L);
        long now = 1_764_633_600_000L + 50_000_000L;
        long start = Scheduling.interval(now, 86_400_000L, 74_952_166L);
        assertThat(start).isLessThanOrEqualTo(now).isGreaterThan(now - 86_400_000L);
        assertThat((start + 74_952_166L) % 86_400_000L).isZero();
    }

    @Test
    void dateNowOfACronIsTheLastTickShiftedByTheDevicesOffset() {
        long offset = Scheduling.variance(DEVICE, 3_600_000L);
        long now = java.time.Instant.parse("2026-12-02T10:20:30Z").toEpochMilli();
        long tick = Scheduling.cron(now, Cron.parse("0 * * * *"), offset);
        // an hourly tick, moved back by the device's offset within the hour
        assertThat((tick + offset) % 3_600_000L).isZero();
        assertThat(tick).isLessThanOrEqualTo(now).isGreaterThan(now - 3_600_000L);
        assertThat(Scheduling.cron(now, Cron.parse("0 0 30 2 *"), 0)).as("no tick").isZero();
    }
}
