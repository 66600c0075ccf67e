package org.cwmpacs.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short crash run of the test suite: the packaged server killed with {@code kill -9} a few times under
 * load; after each restart everything acknowledged is there. Runs after packaging (failsafe), on the jar
 * users run.
 */
class CrashIT {
    @TempDir
    Path dir;

    @Test
    void nothingAcknowledgedIsLostWhenTheServerIsKilled() throws Exception {
        Path jar = Path.of(System.getProperty("acs.jar", "target/acs-server.jar"));
        Assumptions.assumeTrue(Files.exists(jar), "the packaged server " + jar + " is built by mvn package");
        long seed = Long.getLong("acs.crash.seed", System.nanoTime());
        CrashHarness.Result result = new CrashHarness(jar, dir.resolve("data"), seed)
                .run(Integer.getInteger("acs.crash.kills", 4), Duration.ofMillis(500), Duration.ofMillis(2500));
        System.out.println("crash run (seed " + seed + "): " + result.summary());
        assertThat(result.missing()).as("acknowledged but lost (seed %d)", seed).isEmpty();
        assertThat(result.devices()).as("devices acknowledged under load").isGreaterThan(5);
        assertThat(result.tasks() + result.presets() + result.files()).isPositive();
    }
}
