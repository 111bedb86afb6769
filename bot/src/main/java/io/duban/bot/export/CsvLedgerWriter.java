package io.duban.bot.export;

import io.duban.bot.export.Ledger.Cell;
import io.duban.bot.export.Ledger.Column;
import io.duban.bot.export.Ledger.Sheet;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes one sheet of a {@link Ledger} as CSV: UTF-8 with a byte-order mark (so Excel reads the Chinese text
 * correctly), CRLF line ends, RFC 4180 quoting, and text that starts like a formula prefixed with {@code '}.
 */
public final class CsvLedgerWriter {

    public void write(Sheet sheet, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        w.write(line(sheet.columns().stream().map(Column::header).toList()));
        for (List<Cell> row : sheet.rows()) {
            w.write(line(row.stream().map(CsvLedgerWriter::text).toList()));
        }
        w.flush();
    }

    private static String text(Cell cell) {
        String s = cell.asText();
        if (cell.value() instanceof String && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s; // keeps a spreadsheet from running user text as a formula
        }
        return s;
    }

    private static String line(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields.get(i);
            if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.append("\r\n").toString();
    }
}
