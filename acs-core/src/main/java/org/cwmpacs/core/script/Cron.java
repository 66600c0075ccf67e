package org.cwmpacs.core.script;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A cron expression as GenieACS reads preset schedules and {@code Date.now("<cron>")}: five fields (minute,
 * hour, day of month, month, day of week) or six with seconds first, in UTC; numbers, {@code *}, {@code ?},
 * ranges, steps ({@code *}{@code /15}, {@code 1-30/5}), lists, and month and day names ({@code JAN},
 * {@code MON}; day 0 and 7 are Sunday). A day must match both the day-of-month and the day-of-week fields
 * (later.js, GenieACS's cron library, requires both). A malformed expression is refused, naming the field.
 */
public final class Cron {
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("JAN", 1), Map.entry("FEB", 2),
            Map.entry("MAR", 3), Map.entry("APR", 4), Map.entry("MAY", 5), Map.entry("JUN", 6), Map.entry("JUL", 7),
            Map.entry("AUG", 8), Map.entry("SEP", 9), Map.entry("OCT", 10), Map.entry("NOV", 11), Map.entry("DEC", 12));
    private static final Map<String, Integer> DAYS = Map.of("SUN", 0, "MON", 1, "TUE", 2, "WED", 3, "THU", 4,
            "FRI", 5, "SAT", 6);
    /** How far prev/next look: a schedule with no tick within this many days has none. */
    private static final int SEARCH_DAYS = 366 * 5;

    private final BitSet seconds;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;

    private Cron(BitSet seconds, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months, BitSet daysOfWeek) {
        this.seconds = seconds;
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
    }

    /** @throws IllegalArgumentException naming the field that cannot be read */
    public static Cron parse(String expression) {
        String[] parts = expression.strip().split("\\s+");
        if (parts.length == 5) {
            String[] withSeconds = new String[6];
            withSeconds[0] = "0";
            System.arraycopy(parts, 0, withSeconds, 1, 5);
            parts = withSeconds;
        }
        if (parts.length != 6) {
            throw new IllegalArgumentException("a cron expression has 5 or 6 fields, not " + parts.length + ": \""
                    + expression + "\"");
        }
        BitSet dow = field(parts[5], 0, 7, DAYS, "day of week");
        if (dow.get(7)) {
            dow.set(0);
            dow.clear(7);
        }
        return new Cron(field(parts[0], 0, 59, Map.of(), "second"), field(parts[1], 0, 59, Map.of(), "minute"),
                field(parts[2], 0, 23, Map.of(), "hour"), field(parts[3], 1, 31, Map.of(), "day of month"),
                field(parts[4], 1, 12, MONTHS, "month"), dow);
    }

    private static BitSet field(String text, int min, int max, Map<String, Integer> names, String what) {
        BitSet set = new BitSet(max + 1);
        for (String item : text.split(",")) {
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(item.substring(slash + 1), Map.of(), what, 1, Integer.MAX_VALUE);
            }
            int from;
            int to;
            if (range.equals("*") || range.equals("?")) {
                from = min;
                to = max;
            } else if (range.indexOf('-') > 0) {
                from = number(range.substring(0, range.indexOf('-')), names, what, min, max);
                to = number(range.substring(range.indexOf('-') + 1), names, what, min, max);
            } else {
                from = number(range, names, what, min, max);
                to = slash >= 0 ? max : from;
            }
            if (to < from) {
                throw new IllegalArgumentException("the " + what + " range " + range + " ends before it starts");
            }
            for (int v = from; v <= to; v += step) {
                set.set(v);
            }
        }
        return set;
    }

    private static int number(String text, Map<String, Integer> names, String what, int min, int max) {
        Integer named = names.get(text.toUpperCase(Locale.ROOT));
        int v;
        if (named != null) {
            v = named;
        } else {
            try {
                v = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the " + what + " field has \"" + text + "\", not a number");
            }
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("the " + what + " " + v + " is outside " + min + "-" + max);
        }
        return v;
    }

    /** The latest tick at or before {@code t} (whole seconds), if any within five years. */
    public Optional<Instant> prev(Instant t) {
        LocalDateTime at = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        LocalDate day = at.toLocalDate();
        for (int n = 0; n < SEARCH_DAYS; n++, day = day.minusDays(1)) {
            if (!dayMatches(day)) {
                continue;
            }
            boolean today = n == 0;
            for (int h = today ? at.getHour() : 23; h >= 0; h--) {
                if (!hours.get(h)) {
                    continue;
                }
                boolean thisHour = today && h == at.getHour();
                for (int m = thisHour ? at.getMinute() : 59; m >= 0; m--) {
                    if (!minutes.get(m)) {
                        continue;
                    }
                    boolean thisMinute = thisHour && m == at.getMinute();
                    int s = seconds.previousSetBit(thisMinute ? at.getSecond() : 59);
                    if (s >= 0) {
                        return Optional.of(day.atTime(h, m, s).toInstant(ZoneOffset.UTC));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The earliest tick at or after {@code t} (whole seconds, rounded up), if any within five years. */
    public Optional<Instant> next(Instant t) {
        long second = t.getNano() > 0 ? t.getEpochSecond() + 1 : t.getEpochSecond();
        LocalDateTime at = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
        LocalDate day = at.toLocalDate();
        for (int n = 0; n < SEARCH_DAYS; n++, day = day.plusDays(1)) {
            if (!dayMatches(day)) {
                continue;
            }
            boolean today = n == 0;
            for (int h = today ? at.getHour() : 0; h < 24; h++) {
                if (!hours.get(h)) {
                    continue;
                }
                boolean thisHour = today && h == at.getHour();
                for (int m = thisHour ? at.getMinute() : 0; m < 60; m++) {
                    if (!minutes.get(m)) {
                        continue;
                    }
                    boolean thisMinute = thisHour && m == at.getMinute();
                    int s = seconds.nextSetBit(thisMinute ? at.getSecond() : 0);
                    if (s >= 0 && s < 60) {
                        return Optional.of(day.atTime(h, m, s).toInstant(ZoneOffset.UTC));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(LocalDate day) {
        return months.get(day.getMonthValue()) && daysOfMonth.get(day.getDayOfMonth())
                && daysOfWeek.get(day.getDayOfWeek().getValue() % 7);
    }
}
