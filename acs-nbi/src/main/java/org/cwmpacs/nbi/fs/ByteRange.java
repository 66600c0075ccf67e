package org.cwmpacs.nbi.fs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code Range: bytes=...} of a file (RFC 9110 §14): {@code a-b}, {@code a-} or the suffix {@code -n}.
 * An end past the file is cut to the file (as the RFC asks; GenieACS refused it). Several ranges in one
 * header are not served: such a request gets the whole file.
 */
public record ByteRange(long start, long endInclusive) {
    private static final Pattern SINGLE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");

    public long length() {
        return endInclusive - start + 1;
    }

    /** How a Range header applies to a file of {@code size} bytes. */
    public sealed interface Outcome permits Whole, Partial, Unsatisfiable {
    }

    public record Whole() implements Outcome {
    }

    public record Partial(ByteRange range) implements Outcome {
    }

    public record Unsatisfiable() implements Outcome {
    }

    public static Outcome of(Optional<String> header, long size) {
        if (header.isEmpty()) {
            return new Whole();
        }
        String value = header.get().strip().replace(" ", "");
        if (value.contains(",")) {
            return new Whole();
        }
        Matcher m = SINGLE.matcher(value);
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return new Unsatisfiable();
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    return new Unsatisfiable();
                }
                return new Partial(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long start = Long.parseLong(m.group(1));
            long end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (start >= size || end < start) {
                return new Unsatisfiable();
            }
            return new Partial(new ByteRange(start, end));
        } catch (NumberFormatException tooLong) {
            return new Unsatisfiable();
        }
    }
}
