package org.cwmpacs.core.engine;

import java.time.Instant;
import java.util.Optional;
import org.cwmpacs.core.device.ParameterAttributes;
import org.cwmpacs.soap.message.AutonomousTransferComplete;
import org.cwmpacs.soap.message.CwmpDateTime;

/**
 * Transfers as GenieACS keeps them on the device: {@code Downloads.<n>} with {@code FileType},
 * {@code FileName}, {@code TargetFileName}, {@code Download} (requested), {@code LastDownload},
 * {@code LastFileType}, {@code LastFileName}, {@code LastTargetFileName}, {@code StartTime},
 * {@code CompleteTime}; we add {@code LastFaultCode} and {@code LastFaultString}, which GenieACS lacks.
 */
final class TransferRecords {
    private TransferRecords() {
    }

    /** The instance whose FileType, FileName and TargetFileName match, else a new one. */
    static int downloadInstance(DeviceTree tree, String fileType, String fileName, String targetFileName) {
        int max = 0;
        for (String child : tree.children("Downloads")) {
            String n = child.substring("Downloads.".length());
            int instance;
            try {
                instance = Integer.parseInt(n);
            } catch (NumberFormatException notAnInstance) {
                continue;
            }
            max = Math.max(max, instance);
            if (text(tree, child + ".FileType").equals(fileType) && text(tree, child + ".FileName").equals(fileName)
                    && text(tree, child + ".TargetFileName").equals(targetFileName)) {
                return instance;
            }
        }
        return max + 1;
    }

    private static String text(DeviceTree tree, String path) {
        return tree.get(path).flatMap(ParameterAttributes::value).map(String::valueOf).orElse("");
    }

    static void requested(DeviceTree tree, int instance, String fileType, String fileName, String targetFileName,
                          Instant now) {
        String base = "Downloads." + instance;
        tree.ensureParents(base + ".x");
        put(tree, base + ".FileType", fileType, "xsd:string", now);
        put(tree, base + ".FileName", fileName, "xsd:string", now);
        put(tree, base + ".TargetFileName", targetFileName, "xsd:string", now);
        put(tree, base + ".Download", now, "xsd:dateTime", now);
    }

    static void completed(DeviceTree tree, int instance, String fileType, String fileName, String targetFileName,
                          Instant start, Instant complete, int faultCode, String faultString, Instant now) {
        String base = "Downloads." + instance;
        tree.ensureParents(base + ".x");
        if (faultCode == 0) {
            put(tree, base + ".LastDownload", now, "xsd:dateTime", now);
            put(tree, base + ".LastFileType", fileType, "xsd:string", now);
            put(tree, base + ".LastFileName", fileName, "xsd:string", now);
            put(tree, base + ".LastTargetFileName", targetFileName, "xsd:string", now);
        }
        put(tree, base + ".StartTime", start, "xsd:dateTime", now);
        put(tree, base + ".CompleteTime", complete, "xsd:dateTime", now);
        put(tree, base + ".LastFaultCode", faultCode, "xsd:unsignedInt", now);
        put(tree, base + ".LastFaultString", faultString, "xsd:string", now);
    }

    static void autonomous(DeviceTree tree, AutonomousTransferComplete atc, Instant now) {
        String base = "AutonomousTransferComplete";
        tree.put(base, ParameterAttributes.NONE.withObject(true));
        put(tree, base + ".AnnounceURL", atc.announceUrl(), "xsd:string", now);
        put(tree, base + ".TransferURL", atc.transferUrl(), "xsd:string", now);
        put(tree, base + ".IsDownload", atc.isDownload(), "xsd:boolean", now);
        put(tree, base + ".FileType", atc.fileType(), "xsd:string", now);
        put(tree, base + ".FileSize", atc.fileSize(), "xsd:unsignedInt", now);
        put(tree, base + ".TargetFileName", atc.targetFileName(), "xsd:string", now);
        put(tree, base + ".StartTime", CwmpDateTime.parse(atc.startTime()).map(Object.class::cast).orElse(atc.startTime()),
                "xsd:dateTime", now);
        put(tree, base + ".CompleteTime", CwmpDateTime.parse(atc.completeTime()).map(Object.class::cast)
                .orElse(atc.completeTime()), "xsd:dateTime", now);
        put(tree, base + ".FaultCode", atc.faultStruct().faultCode(), "xsd:unsignedInt", now);
        put(tree, base + ".FaultString", atc.faultStruct().faultString(), "xsd:string", now);
    }

    private static void put(DeviceTree tree, String path, Object value, String type, Instant now) {
        DeviceRecords.put(tree, path, value, type, now);
    }

}
