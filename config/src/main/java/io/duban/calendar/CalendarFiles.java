package io.duban.calendar;

import io.duban.config.YamlNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads the working calendar: every {@code *.yaml}/{@code *.yml} file in {@code config/calendar/} (in name order),
 * then the {@code calendar:} section of {@code duban.yml}. All have the same shape:
 *
 * <pre>
 * years:
 *   2024:
 *     holidays:
 *       - {name: 春节, first: 2024-02-10, last: 2024-02-17}
 *     work: [2024-02-04, 2024-02-18]   # 调休上班的周末
 *     off: [2024-06-14]                # optional: extra local days off
 * </pre>
 *
 * Mistakes are reported with file, line and field: an unknown key, a date that is not a date, a holiday whose last
 * day is before its first, a 调休 day that is not a weekend or that is also a day off.
 */
public final class CalendarFiles {
    public static final String FOLDER = "calendar";

    private CalendarFiles() {
    }

    /** The calendar of a configuration folder; {@code settingsSection} is the {@code calendar:} node or null. */
    public static WorkCalendar load(Path configDir, YamlNode settingsSection, Function<String, String> env) {
        Builder builder = new Builder();
        Path folder = configDir.resolve(FOLDER);
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList()) {
                    builder.read(YamlNode.read(f, env));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (settingsSection != null) {
            builder.read(settingsSection);
        }
        return builder.build();
    }

    /** Reads one calendar document (a file or the {@code calendar:} section). */
    public static WorkCalendar read(YamlNode root) {
        Builder builder = new Builder();
        builder.read(root);
        return builder.build();
    }

    private static final class Builder {
        private final List<Holiday> holidays = new ArrayList<>();
        private final Map<LocalDate, YamlNode> work = new HashMap<>();
        private final Map<LocalDate, YamlNode> off = new HashMap<>();
        private final Map<LocalDate, YamlNode> holidayDays = new HashMap<>();
        private Integer lastYear;

        void read(YamlNode root) {
            root.allowOnly("years");
            root.require("years").entries().forEach((yearKey, year) -> {
                if (!yearKey.matches("\\d{4}")) {
                    throw year.error("expected a year such as 2024");
                }
                year.allowOnly("holidays", "work", "off");
                int y = Integer.parseInt(yearKey);
                lastYear = lastYear == null ? y : Math.max(lastYear, y);
                year.get("holidays").ifPresent(list -> list.items().forEach(this::holiday));
                year.get("work").ifPresent(list -> list.items().forEach(n -> day(n, work)));
                year.get("off").ifPresent(list -> list.items().forEach(n -> day(n, off)));
            });
        }

        private void holiday(YamlNode h) {
            h.allowOnly("name", "first", "last");
            List<String> names = h.require("name").strings();
            if (names.isEmpty()) {
                throw h.require("name").error("must not be empty");
            }
            LocalDate first = h.require("first").date();
            YamlNode lastNode = h.get("last").orElse(h.require("first"));
            LocalDate last = lastNode.date();
            if (last.isBefore(first)) {
                throw lastNode.error("the last day " + last + " is before the first day " + first);
            }
            if (first.plusDays(31).isBefore(last)) {
                throw lastNode.error("a holiday longer than a month; check the dates");
            }
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                YamlNode earlier = holidayDays.putIfAbsent(d, h);
                if (earlier != null) {
                    throw h.error(d + " is already part of the holiday at " + earlier.file() + ":" + earlier.line());
                }
            }
            holidays.add(new Holiday(names, first, last));
        }

        private void day(YamlNode n, Map<LocalDate, YamlNode> into) {
            into.putIfAbsent(n.date(), n);
        }

        WorkCalendar build() {
            for (Map.Entry<LocalDate, YamlNode> e : work.entrySet()) {
                LocalDate d = e.getKey();
                if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    throw e.getValue().error(d + " is a " + d.getDayOfWeek()
                            + "; 调休 working days (work) are Saturdays or Sundays");
                }
                YamlNode clash = holidayDays.containsKey(d) ? holidayDays.get(d) : off.get(d);
                if (clash != null) {
                    throw e.getValue().error(d + " is listed as a working day and as a day off (at "
                            + clash.file() + ":" + clash.line() + ")");
                }
            }
            Set<LocalDate> extraOff = new TreeSet<>(off.keySet());
            return new WorkCalendar(holidays, work.keySet(), extraOff, java.util.Optional.ofNullable(lastYear));
        }
    }
}
