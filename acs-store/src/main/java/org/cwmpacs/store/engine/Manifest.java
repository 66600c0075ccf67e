package org.cwmpacs.store.engine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Which files make up the store: the snapshot written by the last compaction and the first log file
 * written after it. Replaced atomically (written beside, synced, renamed over, directory synced), so that a
 * crash leaves either the old or the new one.
 */
record Manifest(long generation, List<String> snapshot, long firstLog) {
    static final String FILE = "MANIFEST";
    private static final String HEADER = "acs-store " + Segment.FORMAT;

    static Optional<Manifest> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() != 5 || !lines.get(0).startsWith("acs-store ")) {
            throw new StoreCorruptedException(file + " is not a manifest of this store");
        }
        if (!lines.get(0).equals(HEADER)) {
            throw new StoreCorruptedException(file + " describes data format '" + lines.get(0).substring(10)
                    + "'; this version reads format " + Segment.FORMAT);
        }
        String body = String.join("\n", lines.subList(0, 4));
        if (!lines.get(4).equals("crc " + crc(body))) {
            throw new StoreCorruptedException(file + " is damaged (its checksum does not match)");
        }
        try {
            long generation = Long.parseLong(value(lines.get(1), "generation"));
            String files = value(lines.get(2), "snapshot");
            List<String> snapshot = files.isEmpty() ? List.of() : List.of(files.split(" "));
            long firstLog = Long.parseLong(value(lines.get(3), "log"));
            return Optional.of(new Manifest(generation, snapshot, firstLog));
        } catch (NumberFormatException e) {
            throw new StoreCorruptedException(file + " is damaged: " + e.getMessage());
        }
    }

    private static String value(String line, String name) {
        if (!line.startsWith(name + " ") && !line.equals(name)) {
            throw new StoreCorruptedException("the manifest lacks its '" + name + "' line");
        }
        return line.length() > name.length() ? line.substring(name.length() + 1) : "";
    }

    private static String crc(String body) {
        CRC32C crc = new CRC32C();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }

    void write(Path dir) throws IOException {
        String body = HEADER + "\ngeneration " + generation + "\nsnapshot " + String.join(" ", snapshot) + "\nlog "
                + firstLog;
        byte[] bytes = (body + "\ncrc " + crc(body) + "\n").getBytes(StandardCharsets.UTF_8);
        Path tmp = dir.resolve(FILE + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(dir);
    }

    /** Makes a file's creation, rename or removal in {@code dir} durable (where the system allows it). */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every system can sync a directory (Windows); its file system journals the names itself
        }
    }
}
