package org.cwmpacs.core.provision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A parameter path as provisions declare it (GenieACS's path syntax): dotted segments, each a name
 * ({@code [A-Za-z0-9_-]+}), a wildcard {@code *} (every instance), or an alias
 * {@code [Key:value,Sub.Key:"quoted"]} (the instances whose children hold those values). An alias value is
 * a JSON string in double quotes or the text up to the next {@code ,} or {@code ]}, trimmed.
 */
public record Path(List<Segment> segments) {
    /** Paths nested deeper than this are refused (GenieACS refreshes at most 16 levels). */
    public static final int MAX_SEGMENTS = 64;

    public Path {
        segments = List.copyOf(segments);
    }

    /** One segment. */
    public sealed interface Segment {
    }

    public record Name(String name) implements Segment {
        public Name {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public record Wildcard() implements Segment {
        @Override
        public String toString() {
            return "*";
        }
    }

    /** Keys (relative paths, without wildcards) and the values they must hold, sorted by key. */
    public record Alias(List<Key> keys) implements Segment {
        public Alias {
            keys = List.copyOf(keys);
        }

        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            for (Key k : keys) {
                parts.add(k.path() + ":" + quote(k.value()));
            }
            return "[" + String.join(",", parts) + "]";
        }
    }

    public record Key(String path, String value) {
        public Key {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
        }
    }

    public static final Path ROOT = new Path(List.of());

    /** Paths recently parsed: scripts declare the same few paths at every run. */
    private static final java.util.Map<String, Path> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    public static Path parse(String text) {
        Path known = PARSED.get(text);
        if (known != null) {
            return known;
        }
        Path p = new Reader(text).path();
        if (PARSED.size() > 10_000) {
            PARSED.clear();
        }
        PARSED.put(text, p);
        return p;
    }

    public int length() {
        return segments.size();
    }

    public Segment get(int i) {
        return segments.get(i);
    }

    /** Whether every segment is a name: the path names one parameter. */
    public boolean concrete() {
        return segments.stream().allMatch(s -> s instanceof Name);
    }

    public Path slice(int from, int to) {
        return new Path(segments.subList(from, Math.min(to, segments.size())));
    }

    public Path append(Segment s) {
        List<Segment> list = new ArrayList<>(segments);
        list.add(s);
        return new Path(list);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Segment s : segments) {
            parts.add(s.toString());
        }
        return String.join(".", parts);
    }

    private static String quote(String v) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** A hand-written scanner: paths come from scripts, so a mistake names its position. */
    private static final class Reader {
        private final String text;
        private int i;

        Reader(String text) {
            this.text = Objects.requireNonNull(text, "path");
        }

        Path path() {
            if (text.isEmpty()) {
                return ROOT;
            }
            List<Segment> segments = segments(false);
            if (i < text.length()) {
                throw error("unexpected '" + text.charAt(i) + "'");
            }
            return new Path(segments);
        }

        private List<Segment> segments(boolean inAlias) {
            List<Segment> segments = new ArrayList<>();
            while (true) {
                if (segments.size() >= MAX_SEGMENTS) {
                    throw error("more than " + MAX_SEGMENTS + " segments");
                }
                char c = peek();
                if (c == '*' && !inAlias) {
                    i++;
                    segments.add(new Wildcard());
                } else if (c == '[' && !inAlias) {
                    i++;
                    segments.add(alias());
                } else {
                    int start = i;
                    while (i < text.length() && legal(text.charAt(i))) {
                        i++;
                    }
                    if (start == i) {
                        throw error("expected a name" + (inAlias ? "" : ", '*' or '['"));
                    }
                    segments.add(new Name(text.substring(start, i)));
                }
                if (peek() != '.') {
                    return segments;
                }
                i++;
            }
        }

        private Alias alias() {
            List<Key> keys = new ArrayList<>();
            while (true) {
                skipSpaces();
                List<Segment> key = segments(true);
                skipSpaces();
                if (peek() != ':') {
                    throw error("expected ':' after the alias key");
                }
                i++;
                skipSpaces();
                keys.add(new Key(new Path(key).toString(), value()));
                skipSpaces();
                char c = peek();
                i++;
                if (c == ']') {
                    break;
                }
                if (c != ',') {
                    i--;
                    throw error("expected ',' or ']' in the alias");
                }
            }
            keys.sort(Comparator.comparing(Key::path).thenComparing(Key::value));
            return new Alias(keys);
        }

        private String value() {
            if (peek() == '"') {
                StringBuilder b = new StringBuilder();
                int end;
                try {
                    end = org.cwmpacs.core.script.Json.readString(text, i, b);
                } catch (IllegalArgumentException e) {
                    throw error(e.getMessage());
                }
                if (end < 0) {
                    throw error("unterminated string in the alias");
                }
                i = end;
                return b.toString();
            }
            int start = i;
            while (i < text.length() && text.charAt(i) != ']' && text.charAt(i) != ',') {
                i++;
            }
            return text.substring(start, i).trim();
        }

        private void skipSpaces() {
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
        }

        private char peek() {
            return i < text.length() ? text.charAt(i) : '\0';
        }

        private static boolean legal(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("Invalid parameter path \"" + text + "\": " + what + " at position "
                    + (i + 1));
        }
    }
}
