package io.duban.calendar;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * One block of statutory days off, e.g. 春节 2024-02-10 to 2024-02-17. A block may carry several names when the
 * State Council joins two festivals (2023: 中秋 and 国庆 from 2023-09-29).
 */
public record Holiday(List<String> names, LocalDate first, LocalDate last) {
    public Holiday {
        names = List.copyOf(names);
        requireNonNull(first, "first is null");
        requireNonNull(last, "last is null");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a holiday needs a name");
        }
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last " + last + " is before first " + first);
        }
    }

    /** True when one of the names is {@code name}; 中秋 and 中秋节 count as the same name. */
    public boolean isCalled(String name) {
        String wanted = normalise(name);
        return names.stream().anyMatch(n -> normalise(n).equals(wanted));
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(first) && !date.isAfter(last);
    }

    /** The names joined for a message, e.g. {@code 中秋、国庆}. */
    public String label() {
        return String.join("、", names);
    }

    static String normalise(String name) {
        String n = name.strip();
        return n.length() > 2 && n.endsWith("节") ? n.substring(0, n.length() - 1) : n;
    }
}
