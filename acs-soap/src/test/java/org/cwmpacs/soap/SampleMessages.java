package org.cwmpacs.soap;

import java.util.List;
import org.cwmpacs.soap.message.*;

/** One filled-in instance of every message type, for encoding, schema and round-trip tests. */
final class SampleMessages {
    static final String T1 = "2024-01-01T11:50:02Z";
    static final String T2 = "2024-01-01T11:55:40Z";
    static final String UUID = "01234567-89ab-cdef-0123-456789abcdef";

    private SampleMessages() {
    }

    /** Requests the ACS sends to a CPE. */
    static List<AcsRequest> acsRequests() {
        return List.of(
                new GetRPCMethods(),
                new GetParameterNames("Device.", true),
                new GetParameterValues(List.of("Device.DeviceInfo.", "Device.ManagementServer.URL")),
                new SetParameterValues(List.of(
                        ParameterValueStruct.ofString("Device.WiFi.SSID.1.SSID", "caf\u00e9 & <friends>"),
                        ParameterValueStruct.ofUnsignedInt("Device.ManagementServer.PeriodicInformInterval", 300),
                        ParameterValueStruct.ofBoolean("Device.ManagementServer.PeriodicInformEnable", true)), "key-1"),
                new GetParameterAttributes(List.of("Device.DeviceInfo.SoftwareVersion")),
                new SetParameterAttributes(List.of(new SetParameterAttributesStruct(
                        "Device.DeviceInfo.SoftwareVersion", true, 2, false, List.of("Subscriber")))),
                new AddObject("Device.NAT.PortMapping.", "key-2"),
                new DeleteObject("Device.NAT.PortMapping.3.", ""),
                new Reboot("reboot-1"),
                new FactoryReset(),
                new Download("fw-1", "1 Firmware Upgrade Image", "http://192.0.2.1:7567/fw.bin", "", "", 1048576,
                        "", 0, "", ""),
                new Upload("up-1", "1 Vendor Configuration File", "http://192.0.2.1/upload", "user", "secret", 5),
                new ScheduleInform(60, "si-1"),
                new ScheduleDownload("sd-1", "1 Firmware Upgrade Image", "http://192.0.2.1/fw.bin", "", "", 1000, "",
                        List.of(new TimeWindowStruct(0, 3600, "1 At Any Time", "", -1))),
                new CancelTransfer("sd-1"),
                new GetQueuedTransfers(),
                new GetAllQueuedTransfers(),
                new ChangeDUState(List.of(
                        OperationStruct.install("http://192.0.2.1/du.ipk", UUID, "", "", ""),
                        OperationStruct.update(UUID, "2.0", "http://192.0.2.1/du2.ipk", "", ""),
                        OperationStruct.uninstall(UUID, "", "")), "du-1"),
                new SetVouchers(List.of("PFZvdWNoZXI+PC9Wb3VjaGVyPg==")),
                new GetOptions(""));
    }

    /** Answers a CPE gives to those requests. */
    static List<CpeResponse> cpeResponses() {
        return List.of(
                new GetRPCMethodsResponse(List.of("GetRPCMethods", "GetParameterValues")),
                new GetParameterNamesResponse(List.of(new ParameterInfoStruct("Device.DeviceInfo.", false),
                        new ParameterInfoStruct("Device.DeviceInfo.ProvisioningCode", true))),
                new GetParameterValuesResponse(List.of(
                        ParameterValueStruct.ofString("Device.DeviceInfo.SoftwareVersion", "1.0"),
                        ParameterValueStruct.ofUnsignedInt("Device.DeviceInfo.UpTime", 42))),
                new SetParameterValuesResponse(0),
                new GetParameterAttributesResponse(List.of(new ParameterAttributeStruct(
                        "Device.DeviceInfo.SoftwareVersion", 2, List.of()))),
                new SetParameterAttributesResponse(),
                new AddObjectResponse(4, 0),
                new DeleteObjectResponse(0),
                new RebootResponse(),
                new FactoryResetResponse(),
                new DownloadResponse(1, CwmpDateTime.UNKNOWN, CwmpDateTime.UNKNOWN),
                new UploadResponse(0, T1, T2),
                new ScheduleInformResponse(),
                new ScheduleDownloadResponse(),
                new CancelTransferResponse(),
                new GetQueuedTransfersResponse(List.of(new QueuedTransferStruct("fw-1", 2))),
                new GetAllQueuedTransfersResponse(List.of(new AllQueuedTransferStruct("fw-1", 1, true,
                        "1 Firmware Upgrade Image", 1000, ""))),
                new ChangeDUStateResponse(),
                new SetVouchersResponse(),
                new GetOptionsResponse(List.of(new OptionStruct("Voip", 7, 3, 1, T1, T2, false),
                        new OptionStruct("Iptv", 8, 1, 2, T1, "", true))),
                SoapFault.of(9005, "Invalid parameter name"));
    }

    /** Requests a CPE sends to the ACS. */
    static List<CpeRequest> cpeRequests() {
        return List.of(
                new Inform(new DeviceIdStruct("ExampleVendor", "00AABB", "Gateway", "SN-1"),
                        List.of(new EventStruct("1 BOOT", ""), new EventStruct("M Reboot", "reboot-1")),
                        1, T1, 0, List.of(ParameterValueStruct.ofString("Device.DeviceInfo.SoftwareVersion", "1.0"))),
                new GetRPCMethods(),
                new TransferComplete("fw-1", new FaultStruct(0, ""), T1, T2),
                new AutonomousTransferComplete("http://192.0.2.1/a", "http://192.0.2.1/fw.bin", true,
                        "1 Firmware Upgrade Image", 1000, "", new FaultStruct(9010, "Download failed"), T1, T2),
                new DUStateChangeComplete(List.of(new OpResultStruct(UUID, "Device.SoftwareModules.DeploymentUnit.1",
                        "2.0", "Installed", true, "", T1, T2, new FaultStruct(0, ""))), "du-1"),
                new AutonomousDUStateChangeComplete(List.of(new AutonOpResultStruct(UUID,
                        "Device.SoftwareModules.DeploymentUnit.1", "2.0", "Installed", true, "", T1, T2,
                        new FaultStruct(0, ""), "Install"))),
                new RequestDownload("1 Firmware Upgrade Image", List.of(new ArgStruct("Version", "2.0"))),
                new Kicked("command", "http://192.0.2.1/", "arg", "http://192.0.2.1/next"));
    }

    /** Answers the ACS gives to those. */
    static List<AcsResponse> acsResponses() {
        return List.of(
                new InformResponse(1),
                new GetRPCMethodsResponse(List.of("Inform", "GetRPCMethods", "TransferComplete")),
                new TransferCompleteResponse(),
                new AutonomousTransferCompleteResponse(),
                new DUStateChangeCompleteResponse(),
                new AutonomousDUStateChangeCompleteResponse(),
                new RequestDownloadResponse(),
                new KickedResponse("http://192.0.2.1/next"),
                SoapFault.of(8000, "Method not supported"));
    }
}
