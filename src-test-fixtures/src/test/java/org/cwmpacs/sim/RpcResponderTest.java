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
}
