package org.cwmpacs.soap.message;

import java.util.List;

/** Every CWMP message type of cwmp-1-0 to cwmp-1-4 the model knows, both directions. */
public final class Messages {
    /** The RPC classes bound to a {@code cwmp:} element of the same name; SoapFault is separate. */
    public static final List<Class<? extends CwmpMessage>> RPC_TYPES = List.of(
            AddObject.class,
            AddObjectResponse.class,
            AutonomousDUStateChangeComplete.class,
            AutonomousDUStateChangeCompleteResponse.class,
            AutonomousTransferComplete.class,
            AutonomousTransferCompleteResponse.class,
            CancelTransfer.class,
            CancelTransferResponse.class,
            ChangeDUState.class,
            ChangeDUStateResponse.class,
            DUStateChangeComplete.class,
            DUStateChangeCompleteResponse.class,
            DeleteObject.class,
            DeleteObjectResponse.class,
            Download.class,
            DownloadResponse.class,
            FactoryReset.class,
            FactoryResetResponse.class,
            GetAllQueuedTransfers.class,
            GetAllQueuedTransfersResponse.class,
            GetOptions.class,
            GetOptionsResponse.class,
            GetParameterAttributes.class,
            GetParameterAttributesResponse.class,
            GetParameterNames.class,
            GetParameterNamesResponse.class,
            GetParameterValues.class,
            GetParameterValuesResponse.class,
            GetQueuedTransfers.class,
            GetQueuedTransfersResponse.class,
            GetRPCMethods.class,
            GetRPCMethodsResponse.class,
            Inform.class,
            InformResponse.class,
            Kicked.class,
            KickedResponse.class,
            Reboot.class,
            RebootResponse.class,
            RequestDownload.class,
            RequestDownloadResponse.class,
            ScheduleDownload.class,
            ScheduleDownloadResponse.class,
            ScheduleInform.class,
            ScheduleInformResponse.class,
            SetParameterAttributes.class,
            SetParameterAttributesResponse.class,
            SetParameterValues.class,
            SetParameterValuesResponse.class,
            SetVouchers.class,
            SetVouchersResponse.class,
            TransferComplete.class,
            TransferCompleteResponse.class,
            Upload.class,
            UploadResponse.class);

    private Messages() {
    }
}
