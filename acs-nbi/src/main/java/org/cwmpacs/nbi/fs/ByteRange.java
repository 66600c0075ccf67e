package org.cwmpacs.nbi.fs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code Range: bytes=...} of a file (RFC 9110 §14): {@code a-b}, {@code a-} or the suffix {@code -n}.
 * An end past the file is cut to the file (as the RFC asks; GenieACS refused it). Several ranges in one
 * header are not served: such a request gets the whole file, as does (RFC 9110 §14.2) a range in another unit
 * than bytes or one that is not a valid bytes range; only a valid range past the file's end is 416.
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
        if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
            // RFC 9110 §14.2: a Range in a unit the server does not know is ignored
            return new Whole();
        }
        value = "bytes=" + value.substring(6);
        if (value.contains(",")) {
            return new Whole();
        }
        Matcher m = SINGLE.matcher(value);
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            // not a valid bytes range (RFC 9110 §14.1.1): ignored, the whole file is sent
            return new Whole();
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
            if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < start) {
                // a last position before the first makes the range invalid, not unsatisfiable
                return new Whole();
            }
            long end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (start >= size) {
                return new Unsatisfiable();
            }
            return new Partial(new ByteRange(start, end));
        } catch (NumberFormatException tooLong) {
            return new Unsatisfiable();
        }
    }
}
