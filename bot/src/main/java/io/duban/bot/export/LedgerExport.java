package io.duban.bot.export;

import io.duban.bot.report.ReportingWeek;
import io.duban.config.ConfigDirectory;
import io.duban.plan.WorkPlan;
import io.duban.storage.Storage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes the 台账 to files: the workbook, and on request the main table and the history as CSV. */
public final class LedgerExport {
    private final LedgerBuilder builder;

    public LedgerExport(ConfigDirectory config, Storage storage, io.duban.bot.duty.DutyRules duty) {
        this.builder = new LedgerBuilder(config, storage, duty);
    }

    /** The end of an ISO week in the office's zone: Sunday 23:59:59.999. */
    public static Instant endOf(ReportingWeek week, ZoneId zone) {
        return week.sunday().atTime(LocalTime.of(23, 59, 59, 999_000_000)).atZone(zone).toInstant();
    }

    public Ledger ledger(WorkPlan plan, Instant asOf) {
        return builder.build(plan, asOf);
    }

    /** The 台账 workbook as it stood at {@code asOf}, as bytes, for sending into a chat. */
    public byte[] xlsx(WorkPlan plan, Instant asOf) {
        Ledger ledger = ledger(plan, asOf);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            new XlsxLedgerWriter().write(ledger, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the 台账 workbook: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** {@code 台账-2023-10-25.xlsx} or {@code 台账-截至2023-W41.xlsx}: the name a file gets in the chat. */
    public static String fileName(java.time.LocalDate day, java.util.Optional<ReportingWeek> week) {
        return "台账-" + week.map(w -> "截至" + w).orElse(day.toString()) + ".xlsx";
    }

    /**
     * Writes the 台账 as it stood at {@code asOf}. When {@code out} ends in {@code .csv} only CSV is written.
     *
     * @param csv also write {@code NAME.csv} (the 台账 sheet) and {@code NAME-报送历史.csv} next to the workbook
     * @return the files written
     */
    public List<Path> write(WorkPlan plan, Instant asOf, Path out, boolean csv) {
        Ledger ledger = ledger(plan, asOf);
        String name = out.getFileName().toString();
        boolean csvOnly = name.toLowerCase(Locale.ROOT).endsWith(".csv");
        String base = name.replaceFirst("(?i)\\.(xlsx|csv)$", "");
        List<Path> written = new ArrayList<>();
        if (!csvOnly) {
            written.add(atomically(out, s -> new XlsxLedgerWriter().write(ledger, s)));
        }
        if (csv || csvOnly) {
            CsvLedgerWriter w = new CsvLedgerWriter();
            written.add(atomically(out.resolveSibling(base + ".csv"),
                    s -> w.write(ledger.sheet(LedgerBuilder.MAIN_SHEET), s)));
            written.add(atomically(out.resolveSibling(base + "-" + LedgerBuilder.HISTORY_SHEET + ".csv"),
                    s -> w.write(ledger.sheet(LedgerBuilder.HISTORY_SHEET), s)));
        }
        return written;
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes next to the target and moves into place, so a reader never sees half a file. */
    private static Path atomically(Path target, Body body) {
        try {
            Path abs = target.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + System.nanoTime() + ".tmp");
            try {
                try (OutputStream s = Files.newOutputStream(tmp)) {
                    body.writeTo(s);
                }
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return abs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
