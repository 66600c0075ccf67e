package org.cwmpacs.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tasks of the RPCs GenieACS lacks: what is read from them, and what is refused, naming the field. */
class RpcTaskParserTest {
    private static final String UUID = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";

    @Test
    void aScheduleDownloadTakesOneOrTwoWindowsWithDefaults() throws Exception {
        TaskSpec.ScheduleDownload s = (TaskSpec.ScheduleDownload) TaskParser.parse(Map.of("name", "scheduleDownload",
                "file", "fw.bin", "timeWindows", List.of(Map.of("windowStart", 0, "windowEnd", 600, "windowMode",
                        "2 Immediately"), Map.of("windowStart", 600, "windowEnd", 4294967295L, "windowMode",
                        "X 00AABB Night", "maxRetries", 3))));
        assertThat(s.transfer().file()).contains("fw.bin");
        assertThat(s.timeWindows()).containsExactly(new TaskSpec.TimeWindow(0, 600, "2 Immediately", "", -1),
                new TaskSpec.TimeWindow(600, 4294967295L, "X 00AABB Night", "", 3));
    }

    @Test
    void scheduleDownloadWindowsAreChecked() {
        Map<String, Object> ok = Map.of("windowStart", 0, "windowEnd", 60, "windowMode", "1 At Any Time");
        assertThatThrownBy(() -> schedule(List.of())).hasMessageContaining("\"timeWindows\" must be a list of one or two");
        assertThatThrownBy(() -> schedule(List.of(ok, ok, ok))).hasMessageContaining("one or two");
        assertThatThrownBy(() -> schedule(List.of(ok, ok))).hasMessageContaining("\"timeWindows[1]\" starts (0) before");
        assertThatThrownBy(() -> schedule(List.of(Map.of("windowStart", -1, "windowEnd", 60, "windowMode",
                "1 At Any Time")))).hasMessageContaining("\"timeWindows[0].windowStart\"");
        assertThatThrownBy(() -> schedule(List.of(Map.of("windowStart", 0, "windowEnd", 4294967296L, "windowMode",
                "1 At Any Time")))).hasMessageContaining("\"timeWindows[0].windowEnd\"");
        assertThatThrownBy(() -> schedule(List.of(Map.of("windowStart", 0, "windowEnd", 60, "windowMode",
                "whenever")))).hasMessageContaining("\"timeWindows[0].windowMode\"");
        assertThatThrownBy(() -> schedule(List.of(Map.of("windowStart", 0, "windowEnd", 60, "windowMode",
                "1 At Any Time", "maxRetries", -2)))).hasMessageContaining("\"timeWindows[0].maxRetries\"");
        assertThatThrownBy(() -> schedule(List.of(Map.of("windowStart", 0, "windowEnd", 60, "windowMode",
                "1 At Any Time", "userMessage", "x".repeat(257))))).hasMessageContaining("\"timeWindows[0].userMessage\"");
        assertThatThrownBy(() -> TaskParser.parse(Map.of("name", "scheduleDownload", "file", "fw.bin",
                "delaySeconds", 5, "timeWindows", List.of(ok)))).hasMessageContaining("no \"delaySeconds\"");
        assertThatThrownBy(() -> TaskParser.parse(Map.of("name", "scheduleDownload", "timeWindows", List.of(ok))))
                .as("the file is named as for a download").hasMessageContaining("\"file\"");
    }

    private static TaskSpec schedule(List<?> windows) throws InvalidTaskException {
        return TaskParser.parse(Map.of("name", "scheduleDownload", "file", "fw.bin", "timeWindows", windows));
    }

    @Test
    void changeDuStateOperationsAreReadAndChecked() throws Exception {
        TaskSpec.ChangeDUState c = (TaskSpec.ChangeDUState) TaskParser.parse(Map.of("name", "changeDUState",
                "operations", List.of(Map.of("type", "install", "url", "http://x/a.ipk"),
                        Map.of("type", "update", "uuid", UUID, "version", "2"),
                        Map.of("type", "uninstall", "uuid", UUID))));
        assertThat(c.commandKey()).isEmpty();
        assertThat(c.operations()).extracting(TaskSpec.DuOperation::type).containsExactly("install", "update",
                "uninstall");
        assertThatThrownBy(() -> du(Map.of("type", "install"))).hasMessageContaining("\"operations[0]\" installs: it "
                + "needs \"url\"");
        assertThatThrownBy(() -> du(Map.of("type", "update"))).hasMessageContaining("needs \"uuid\" or \"url\"");
        assertThatThrownBy(() -> du(Map.of("type", "uninstall", "uuid", "x"))).hasMessageContaining(
                "\"operations[0].uuid\" must be a UUID");
        assertThatThrownBy(() -> du(Map.of("type", "uninstall", "uuid", UUID, "password", "p")))
                .hasMessageContaining("takes no username or password");
        assertThatThrownBy(() -> du(Map.of("type", "install", "url", "http://x/a", "version", "1")))
                .hasMessageContaining("the version comes from the package");
        assertThatThrownBy(() -> du(Map.of("type", "install", "url", "http://x/" + "a".repeat(1100))))
                .hasMessageContaining("\"operations[0].url\" must be text of at most 1024");
        List<Object> seventeen = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            seventeen.add(Map.of("type", "uninstall", "uuid", UUID));
        }
        assertThatThrownBy(() -> TaskParser.parse(Map.of("name", "changeDUState", "operations", seventeen)))
                .hasMessageContaining("1 to 16 operations");
        assertThatThrownBy(() -> TaskParser.parse(Map.of("name", "changeDUState", "commandKey", "k".repeat(33),
                "operations", List.of(Map.of("type", "uninstall", "uuid", UUID))))).hasMessageContaining("\"commandKey\"");
    }

    private static TaskSpec du(Map<String, Object> operation) throws InvalidTaskException {
        return TaskParser.parse(Map.of("name", "changeDUState", "operations", List.of(operation)));
    }

    @Test
    void vouchersOptionsAndCancelTransfer() throws Exception {
        assertThat(TaskParser.parse(Map.of("name", "setVouchers", "vouchers", List.of("PFY+\n PC9WPg=="))))
                .as("line breaks in the base64 are dropped").isEqualTo(new TaskSpec.SetVouchers(List.of("PFY+PC9WPg==")));
        assertThatThrownBy(() -> TaskParser.parse(Map.of("name", "setVouchers", "vouchers", List.of("a!"))))
                .hasMessageContaining("\"vouchers[0]\" is not base64");
        assertThatThrownBy(() -> TaskParser.parse(Map.of("name", "setVouchers", "vouchers", List.of())))
                .hasMessageContaining("\"vouchers\"");
        assertThat(TaskParser.parse(Map.of("name", "getOptions"))).isEqualTo(new TaskSpec.GetOptions(""));
        assertThatThrownBy(() -> TaskParser.parse(Map.of("name", "getOptions", "optionName", 5)))
                .hasMessageContaining("\"optionName\"");
        assertThat(TaskParser.parse(Map.of("name", "cancelTransfer", "commandKey", "fw-1")))
                .isEqualTo(new TaskSpec.CancelTransfer("fw-1"));
        assertThat(TaskParser.parse(Map.of("name", "getAllQueuedTransfers"))).isEqualTo(
                new TaskSpec.GetAllQueuedTransfers());
        assertThat(TaskProvisions.of(TaskParser.parse(Map.of("name", "cancelTransfer", "commandKey", "fw-1"))))
                .containsExactly(List.of("cancelTransfer", "fw-1"));
        assertThat(Optional.of(TaskParser.parse(Map.of("name", "getQueuedTransfers"))).map(TaskSpec::name))
                .contains("getQueuedTransfers");
    }
}
