package org.cwmpacs.core.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Preset schedules and Date.now("<cron>"): GenieACS's cron forms, in UTC. */
class CronTest {
    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void weekdaysAtThree() {
        // the genieacs-gui wiki's "3600 0 3 * * 1-5": six fields, seconds first
        Cron cron = Cron.parse("0 0 3 * * 1-5");
        // 2026-12-05 is a Saturday
        assertThat(cron.prev(at("2026-12-05T10:00:00Z"))).contains(at("2026-12-04T03:00:00Z"));
        assertThat(cron.next(at("2026-12-05T10:00:00Z"))).contains(at("2026-12-07T03:00:00Z"));
        assertThat(cron.prev(at("2026-12-07T03:00:00Z"))).as("at the tick itself").contains(at("2026-12-07T03:00:00Z"));
    }

    @Test
    void fiveFieldsStepsListsAndNames() {
        Cron everyQuarter = Cron.parse("*/15 * * * *");
        assertThat(everyQuarter.prev(at("2026-12-02T10:44:59Z"))).contains(at("2026-12-02T10:30:00Z"));
        assertThat(everyQuarter.next(at("2026-12-02T10:44:59.5Z"))).contains(at("2026-12-02T10:45:00Z"));
        Cron named = Cron.parse("30 2 1,15 JAN-MAR SUN");
        // after 2 January 2026, the first 1st or 15th of January to March that is a Sunday: 1 February
        assertThat(named.next(at("2026-01-02T00:00:00Z"))).contains(at("2026-02-01T02:30:00Z"));
        assertThat(named.next(at("2026-02-01T02:30:01Z"))).contains(at("2026-02-15T02:30:00Z"));
        assertThat(Cron.parse("0 0 * * 7").next(at("2026-12-02T00:00:00Z"))).as("7 is Sunday")
                .contains(at("2026-12-06T00:00:00Z"));
        assertThat(Cron.parse("0 0 30 2 *").next(at("2026-01-01T00:00:00Z"))).as("never").isEmpty();
    }

    @Test
    void malformedExpressionsNameTheirField() {
        assertThatThrownBy(() -> Cron.parse("61 * * * *")).hasMessageContaining("minute 61");
        assertThatThrownBy(() -> Cron.parse("* * * FOO *")).hasMessageContaining("month field has \"FOO\"");
        assertThatThrownBy(() -> Cron.parse("* * *")).hasMessageContaining("5 or 6 fields");
        assertThatThrownBy(() -> Cron.parse("0 5-2 * * *")).hasMessageContaining("ends before it starts");
    }
}
