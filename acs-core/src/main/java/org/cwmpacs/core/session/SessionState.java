package org.cwmpacs.core.session;

/** Where a CWMP session is. */
public enum SessionState {
    /** The Inform arrived; the device lock and the Inform write are under way. */
    AWAITING_INFORM,
    /** InformResponse sent; the CPE may send its requests (TransferComplete, GetRPCMethods, ...) until its empty POST. */
    CPE_REQUESTS,
    /** The CPE has no more requests; the ACS sends its own until it has none. */
    ACS_REQUESTS,
    /** 204 sent (or timed out); further empty POSTs get 204 again for a few seconds. */
    ENDED
}
