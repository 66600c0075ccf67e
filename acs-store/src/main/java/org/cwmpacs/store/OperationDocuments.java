package org.cwmpacs.store;

import java.time.Instant;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.cwmpacs.core.transfer.Operation;

/**
 * GenieACS's {@code operations} document: {@code {_id: "<deviceId>:<commandKey>", name, timestamp, channels,
 * provisions, retries, args}}, the last four JSON text as GenieACS writes them.
 */
final class OperationDocuments {
    private static final Pattern CHANNEL = Pattern.compile("\"([^\"]+)\"");

    private OperationDocuments() {
    }

    static Document toDocument(Operation op) {
        Document args = new Document("instance", op.record()).append("fileType", op.fileType())
                .append("fileName", op.fileName()).append("targetFileName", op.targetFileName());
        if (!op.window().isZero()) {
            args.append("window", op.window().toSeconds());
        }
        return new Document("_id", op.id()).append("name", op.name())
                .append("timestamp", Date.from(op.timestamp()))
                .append("channels", "{\"" + op.channel() + "\":0}").append("provisions", "[]")
                .append("retries", "{}").append("args", args.toJson());
    }

    /** The device an operation id belongs to ({@code <deviceId>:<commandKey>}, the key may hold colons too). */
    static String prefix(String deviceId) {
        return deviceId + ":";
    }

    static Operation fromDocument(String deviceId, Document doc) {
        String id = String.valueOf(doc.get("_id"));
        String commandKey = id.substring(deviceId.length() + 1);
        Document args = new Document();
        Object rawArgs = doc.get("args");
        if (rawArgs instanceof String) {
            try {
                args = Document.parse((String) rawArgs);
            } catch (RuntimeException notJson) {
                // an operation written by something else: its outcome is still recorded, without file details
            }
        }
        Matcher m = CHANNEL.matcher(String.valueOf(doc.get("channels")));
        String channel = m.find() ? m.group(1) : "default";
        String instance = String.valueOf(args.getOrDefault("instance", "Downloads.1"));
        int n;
        try {
            n = Integer.parseInt(instance.substring(instance.lastIndexOf('.') + 1));
        } catch (NumberFormatException e) {
            n = 1;
        }
        Date timestamp = doc.getDate("timestamp");
        Object window = args.get("window");
        return new Operation(deviceId, commandKey, String.valueOf(doc.getOrDefault("name", "Download")),
                timestamp == null ? Instant.EPOCH : timestamp.toInstant(), channel, n,
                String.valueOf(args.getOrDefault("fileType", "")), String.valueOf(args.getOrDefault("fileName", "")),
                String.valueOf(args.getOrDefault("targetFileName", "")),
                java.time.Duration.ofSeconds(window instanceof Number ? Math.max(0, ((Number) window).longValue()) : 0));
    }
}
