package org.cwmpacs.nbi.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a string in a device query may also mean, as GenieACS guesses it: a {@code /regular expression/},
 * a number, a date, or a {@code *} wildcard. A parameter's stored value has a type the script writer may
 * not know, so the query matches any of them.
 */
final class Operands {
    private static final Pattern REGEX_LITERAL = Pattern.compile("^/(.*?)/([gimy]*)$", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("^\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*$");
    private static final List<DateTimeFormatter> ZONED = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS] xx"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS] xx"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSS]XXX"),
            DateTimeFormatter.RFC_1123_DATE_TIME);
    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSS]"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    /** GenieACS's guard against short strings and numbers that parse as improbable dates. */
    private static final int FIRST_PLAUSIBLE_YEAR = 1984;

    private Operands() {
    }

    /**
     * The string itself first, then what else it may mean.
     *
     * @param patterns whether a regular expression may stand in for it (as a match: directly or in
     *     {@code $in}/{@code $nin}; elsewhere MongoDB would compare it as a value)
     */
    static List<Object> alternatives(String text, boolean patterns) {
        List<Object> result = new ArrayList<>();
        result.add(text);
        Matcher m = REGEX_LITERAL.matcher(text);
        if (m.matches() && patterns) {
            regex(m.group(1), m.group(2)).ifPresent(result::add);
        }
        number(text).ifPresent(result::add);
        if (text.length() >= 8) {
            date(text).filter(d -> d.atZone(ZoneOffset.UTC).getYear() >= FIRST_PLAUSIBLE_YEAR).ifPresent(result::add);
        }
        if (text.indexOf('*') >= 0 && patterns) {
            result.add(wildcard(text));
        }
        return result;
    }

    private static Optional<Object> regex(String source, String flags) {
        int options = 0;
        if (flags.indexOf('i') >= 0) {
            options |= Pattern.CASE_INSENSITIVE;
        }
        if (flags.indexOf('m') >= 0) {
            options |= Pattern.MULTILINE;
        }
        try {
            return Optional.of(Pattern.compile(source, options));
        } catch (java.util.regex.PatternSyntaxException e) {
            // then it is only the literal text
            return Optional.empty();
        }
    }

    static Optional<Number> number(String text) {
        if (!NUMBER.matcher(text).matches()) {
            return Optional.empty();
        }
        double d = Double.parseDouble(text.strip());
        if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
            long l = (long) d;
            return Optional.of(l == (int) l ? (Number) (int) l : (Number) l);
        }
        return Optional.of(d);
    }

    /** The date forms people write in queries: ISO-8601, {@code 2017-12-11 13:16:23 +0000}, RFC 1123. */
    static Optional<Instant> date(String text) {
        String s = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            // next form
        }
        for (DateTimeFormatter f : ZONED) {
            try {
                return Optional.of(ZonedDateTime.parse(s, f).toInstant());
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        // without a zone: UTC (JavaScript would take the server's zone, which differs between hosts)
        for (DateTimeFormatter f : LOCAL) {
            try {
                return Optional.of(LocalDateTime.parse(s, f).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        try {
            return Optional.of(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code abc*} matches what starts with abc, {@code *abc} what ends with it, {@code a*c} the whole value. */
    static Pattern wildcard(String text) {
        String s = text;
        boolean anchoredStart = !s.startsWith("*");
        boolean anchoredEnd = !s.endsWith("*");
        s = s.replaceAll("^\\*+", "").replaceAll("\\*+$", "");
        StringBuilder regex = new StringBuilder(anchoredStart ? "^" : "");
        for (String part : s.split("\\*+", -1)) {
            if (regex.length() > (anchoredStart ? 1 : 0)) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        if (anchoredEnd) {
            regex.append('$');
        }
        return Pattern.compile(regex.toString());
    }
}
