package io.duban.bot.export;

import static java.util.Objects.requireNonNull;

import io.duban.bot.status.Colour;
import java.util.List;

/**
 * The 台账 as plain tables, independent of the file format: the xlsx and the CSV writers render the same thing.
 *
 * @param title the heading printed above the tables (plan title and the date it stands at)
 */
public record Ledger(String title, List<Sheet> sheets) {
    public Ledger {
        requireNonNull(title, "title is null");
        sheets = List.copyOf(sheets);
    }

    public Sheet sheet(String name) {
        return sheets.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sheet " + name));
    }

    /** One table. */
    public record Sheet(String name, List<Column> columns, List<List<Cell>> rows) {
        public Sheet {
            requireNonNull(name, "name is null");
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /**
     * @param width column width in Excel character units (a Chinese character takes about two)
     * @param wrap  whether long text wraps inside the cell
     */
    public record Column(String header, int width, boolean wrap) {
        public static Column of(String header, int width) {
            return new Column(header, width, false);
        }

        public static Column wrapped(String header, int width) {
            return new Column(header, width, true);
        }
    }

    /** A cell: text or a whole number (null value = empty), optionally filled with a traffic-light colour. */
    public record Cell(Object value, Colour fill) {
        public static Cell text(String s) {
            return new Cell(s == null ? "" : s, null);
        }

        public static Cell number(Integer n) {
            return new Cell(n, null);
        }

        public Cell filled(Colour colour) {
            return new Cell(value, colour);
        }

        /** The value as CSV/plain text. */
        public String asText() {
            return value == null ? "" : value.toString();
        }
    }
}
