package org.cwmpacs.core.device;

import java.util.Set;

/**
 * Roots of a device document that the ACS keeps itself: never asked of the CPE, never removed when the
 * CPE's tree is learned again.
 */
public final class DocumentRoots {
    /** GenieACS's own. */
    public static final Set<String> GENIEACS = Set.of("DeviceID", "Events", "Tags", "Reboot", "FactoryReset",
            "Downloads", "VirtualParameters");

    /**
     * Ours, for what GenieACS does not record: the CPE's reports ({@code AutonomousTransferComplete},
     * {@code AutonomousDUStateChangeComplete}, {@code RequestDownload}, {@code Kicked}) and the answers of
     * the RPCs GenieACS lacks ({@code QueuedTransfers}, {@code DUStateChanges}, {@code Options}).
     */
    public static final Set<String> RECORDS = Set.of("AutonomousTransferComplete", "AutonomousDUStateChangeComplete",
            "RequestDownload", "Kicked", "QueuedTransfers", "DUStateChanges", "Options");

    private DocumentRoots() {
    }

    /** Whether {@code root} (a first path segment) is kept by the ACS. */
    public static boolean isLocal(String root) {
        return GENIEACS.contains(root) || RECORDS.contains(root);
    }
}
