package org.cwmpacs.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cwmpacs.soap.message.*;
import org.junit.jupiter.api.Test;

/** The simulated CPE answers ACS requests from its tree and applies what they change. */
class RpcResponderTest {
    private final DataModel model = DataModel.generate("00AABB", "Sim", "1", 40);
    private final CpeState state = new CpeState();
    private final RpcResponder cpe = new RpcResponder(model, false, java.util.Set.of(), state);
    private final RpcResponder rdkb = new RpcResponder(DataModel.generate("00AABB", "Sim", "2", 3100), true, java.util.Set.of(), new CpeState());

    @Test
    void getParameterNamesNextLevelAndFull() {
        var next = (GetParameterNamesResponse) cpe.respond(new GetParameterNames("Device.", true));
        assertThat(next.parameterList()).extracting(ParameterInfoStruct::name)
                .containsExactlyInAnyOrder("Device.DeviceInfo.", "Device.ManagementServer.", "Device.X_SIM_Table.");
        var all = (GetParameterNamesResponse) cpe.respond(new GetParameterNames("Device.", false));
        assertThat(all.parameterList()).extracting(ParameterInfoStruct::name)
                .contains("Device.", "Device.DeviceInfo.SoftwareVersion", "Device.X_SIM_Table.1.Value0");
        var root = (GetParameterNamesResponse) cpe.respond(new GetParameterNames("", true));
        assertThat(root.parameterList()).extracting(ParameterInfoStruct::name).containsExactly("Device.");
        assertThat(((SoapFault) cpe.respond(new GetParameterNames("Device.Nope.", false))).fault().faultCode())
                .isEqualTo(9005);
    }

    @Test
    void getParameterValuesWithPartialPaths() {
        var r = (GetParameterValuesResponse) cpe.respond(new GetParameterValues(List.of("Device.DeviceInfo.",
                "Device.ManagementServer.PeriodicInformInterval")));
        assertThat(r.parameterList()).extracting(ParameterValueStruct::name).containsExactly(
                "Device.DeviceInfo.HardwareVersion", "Device.DeviceInfo.ProvisioningCode",
                "Device.DeviceInfo.SoftwareVersion", "Device.ManagementServer.PeriodicInformInterval");
        assertThat(r.parameterList().get(3).type()).isEqualTo("xsd:unsignedInt");
    }

    @Test
    void setParameterValuesAppliesOrFaultsPerParameter() {
        var ok = cpe.respond(new SetParameterValues(List.of(ParameterValueStruct.ofUnsignedInt(
                "Device.ManagementServer.PeriodicInformInterval", 60)), "k1"));
        assertThat(ok).isEqualTo(new SetParameterValuesResponse(0));
        assertThat(model.get("Device.ManagementServer.PeriodicInformInterval").orElseThrow().value()).isEqualTo("60");
        assertThat(model.get("Device.ManagementServer.ParameterKey").orElseThrow().value()).isEqualTo("k1");
        var fault = (SoapFault) cpe.respond(new SetParameterValues(List.of(
                ParameterValueStruct.ofString("Device.DeviceInfo.SoftwareVersion", "x"),
                ParameterValueStruct.ofString("Device.Missing", "x")), ""));
        assertThat(fault.fault().faultCode()).isEqualTo(9003);
        assertThat(fault.fault().setParameterValuesFaults()).extracting(SetParameterValuesFault::faultCode)
                .containsExactly(9008, 9005);
    }

    @Test
    void rdkbLimits() {
        assertThat(((SoapFault) rdkb.respond(new GetParameterValues(List.of("Device.")))).fault().faultCode()).isEqualTo(9004);
        List<ParameterValueStruct> many = new ArrayList<>();
        for (int i = 0; i < 128; i++) {
            many.add(ParameterValueStruct.ofString("Device.X_SIM_Table.1.Value0", "v"));
        }
        assertThat(((SoapFault) rdkb.respond(new SetParameterValues(many, ""))).fault().faultCode()).isEqualTo(9004);
        assertThat(rdkb.respond(new SetParameterValues(many.subList(0, 127), ""))).isInstanceOf(SetParameterValuesResponse.class);
        assertThat(((SoapFault) rdkb.respond(new Download("k", "3 Vendor Configuration File", "http://x/", "", "", 0, "", 0,
                "", ""))).fault().faultCode()).isEqualTo(9000);
    }

    @Test
    void addAndDeleteObjects() {
        var added = (AddObjectResponse) cpe.respond(new AddObject("Device.X_SIM_Table.", ""));
        assertThat(added.instanceNumber()).isEqualTo(5);
        assertThat(model.get("Device.X_SIM_Table.5.")).isPresent();
        assertThat(cpe.respond(new DeleteObject("Device.X_SIM_Table.1.", ""))).isEqualTo(new DeleteObjectResponse(0));
        assertThat(model.subtree("Device.X_SIM_Table.1.")).isEmpty();
    }

    @Test
    void rebootAndDownloadAreReportedInTheNextSession() {
        cpe.respond(new Reboot("rb-1"));
        assertThat(state.pendingEvents).extracting(EventStruct::eventCode, EventStruct::commandKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1 BOOT", ""),
                        org.assertj.core.groups.Tuple.tuple("M Reboot", "rb-1"));
        var download = (DownloadResponse) cpe.respond(new Download("fw-9", RpcResponder.FIRMWARE, "http://x/fw", "", "",
                10, "", 0, "", ""));
        assertThat(download.status()).isEqualTo(1);
        assertThat(state.pendingReports).singleElement().satisfies(tc -> assertThat(
                ((org.cwmpacs.soap.message.TransferComplete) tc).commandKey()).isEqualTo("fw-9"));
        assertThat(state.pendingEvents).extracting(EventStruct::eventCode).contains("7 TRANSFER COMPLETE", "M Download");
    }

    @Test
    void aScheduleDownloadWaitsForItsWindowAndCanBeCancelledUntilThen() {
        assertThat(((SoapFault) rdkb.respond(new ScheduleDownload("k", FIRMWARE, "http://x/fw.bin", "", "", 0, "",
                List.of(new TimeWindowStruct(0, 60, "1 At Any Time", "", -1))))).fault().faultCode())
                .as("RDK-B has no ScheduleDownload").isEqualTo(9000);
        cpe.respond(new ScheduleDownload("now", FIRMWARE, "http://x/a.bin", "", "", 0, "",
                List.of(new TimeWindowStruct(0, 60, "1 At Any Time", "", -1))));
        cpe.respond(new ScheduleDownload("later", FIRMWARE, "http://x/b.bin", "", "", 0, "",
                List.of(new TimeWindowStruct(3600, 7200, "1 At Any Time", "", -1))));
        var queued = (GetAllQueuedTransfersResponse) cpe.respond(new GetAllQueuedTransfers());
        assertThat(queued.transferList()).extracting(AllQueuedTransferStruct::commandKey).containsExactly("now", "later");
        state.startDueTransfers(java.time.Instant.now());
        assertThat(state.pendingReports).singleElement().satisfies(r ->
                assertThat(((TransferComplete) r).commandKey()).isEqualTo("now"));
        assertThat(state.pendingEvents).contains(new EventStruct("M ScheduleDownload", "now"));
        assertThat(((SoapFault) cpe.respond(new CancelTransfer("now"))).fault().faultCode()).as("already done")
                .isEqualTo(9021);
        assertThat(cpe.respond(new CancelTransfer("later"))).isInstanceOf(CancelTransferResponse.class);
        assertThat(((GetQueuedTransfersResponse) cpe.respond(new GetQueuedTransfers())).transferList()).isEmpty();
        assertThat(((SoapFault) cpe.respond(new CancelTransfer("later"))).fault().faultCode()).isEqualTo(9003);
    }

    @Test
    void changeDuStateReportsEachOperationsOutcome() {
        String uuid = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
        cpe.respond(new ChangeDUState(List.of(OperationStruct.install("http://x/app.ipk", uuid, "", "", ""),
                OperationStruct.install("http://x/other.ipk", uuid, "", "", ""),
                OperationStruct.uninstall("01234567-89ab-cdef-0123-456789abcdef", "", "")), "du-1"));
        var report = (DUStateChangeComplete) state.pendingReports.get(0);
        assertThat(report.commandKey()).isEqualTo("du-1");
        assertThat(report.results()).extracting(r -> r.fault().faultCode()).containsExactly(0, 9026, 9028);
        assertThat(model.get("Device.SoftwareModules.DeploymentUnit.1.Name").orElseThrow().value()).isEqualTo("app");
        assertThat(model.get("Device.SoftwareModules.DeploymentUnitNumberOfEntries").orElseThrow().value())
                .isEqualTo("1");
        assertThat(state.pendingEvents).contains(new EventStruct("11 DU STATE CHANGE COMPLETE", ""),
                new EventStruct("M ChangeDUState", "du-1"));
    }

    @Test
    void vouchersEnableOptions() {
        String voucher = java.util.Base64.getEncoder().encodeToString("<OptionIdent>IPTV</OptionIdent>".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(cpe.respond(new SetVouchers(List.of(voucher)))).isInstanceOf(SetVouchersResponse.class);
        assertThat(((SoapFault) cpe.respond(new SetVouchers(List.of("bm9wZQ==")))).fault().faultCode()).isEqualTo(9003);
        assertThat(((GetOptionsResponse) cpe.respond(new GetOptions(""))).optionList()).extracting(
                OptionStruct::optionName).containsExactly("IPTV");
        assertThat(((GetOptionsResponse) cpe.respond(new GetOptions("VoIP"))).optionList()).isEmpty();
    }

    private static final String FIRMWARE = RpcResponder.FIRMWARE;
}
