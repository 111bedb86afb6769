package io.duban.bot.export;

import io.duban.bot.export.Ledger.Cell;
import io.duban.bot.export.Ledger.Column;
import io.duban.bot.export.Ledger.Sheet;
import io.duban.bot.status.Colour;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a {@link Ledger} as an Excel workbook with Apache POI: a bold, filled, frozen header with an auto-filter,
 * column widths, wrapped long text, and the traffic-light fills (Excel's bad/neutral/good colours).
 */
public final class XlsxLedgerWriter {
    /** The East Asian font Office uses by default; LibreOffice substitutes an installed CJK font. */
    static final String FONT = "等线";

    public void write(Ledger ledger, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles styles = new Styles(wb);
            for (Sheet sheet : ledger.sheets()) {
                writeSheet(wb, styles, ledger.title(), sheet);
            }
            wb.write(out);
        }
    }

    /** The fill of a traffic light, as RGB hex. */
    public static String rgb(Colour c) {
        return switch (c) {
            case RED -> "FFC7CE";
            case YELLOW -> "FFEB9C";
            case GREEN -> "C6EFCE";
        };
    }

    private static void writeSheet(XSSFWorkbook wb, Styles styles, String title, Sheet sheet) {
        XSSFSheet xs = wb.createSheet(sheet.name());
        List<Column> columns = sheet.columns();
        XSSFRow header = xs.createRow(0);
        header.setHeightInPoints(22);
        for (int c = 0; c < columns.size(); c++) {
            XSSFCell cell = header.createCell(c);
            cell.setCellValue(columns.get(c).header());
            cell.setCellStyle(styles.header);
            xs.setColumnWidth(c, Math.min(255, columns.get(c).width()) * 256);
        }
        int r = 1;
        for (List<Cell> row : sheet.rows()) {
            XSSFRow xr = xs.createRow(r++);
            xr.setHeightInPoints(rowHeight(columns, row));
            for (int c = 0; c < row.size(); c++) {
                Cell value = row.get(c);
                XSSFCell cell = xr.createCell(c);
                if (value.value() instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (value.value() != null) {
                    cell.setCellValue(value.value().toString());
                }
                cell.setCellStyle(styles.body(columns.get(c).wrap(), value.fill()));
            }
        }
        xs.createFreezePane(sheet.name().equals(LedgerBuilder.MAIN_SHEET) ? 3 : 0, 1);
        if (!sheet.rows().isEmpty()) {
            xs.setAutoFilter(new CellRangeAddress(0, sheet.rows().size(), 0, columns.size() - 1));
        }
        xs.getHeader().setCenter(title + " · " + sheet.name());
        xs.getFooter().setCenter("第 &P 页，共 &N 页");
        xs.getPrintSetup().setLandscape(true);
        xs.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        xs.setFitToPage(true);
        xs.getPrintSetup().setFitWidth((short) 1);
        xs.getPrintSetup().setFitHeight((short) 0);
        xs.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
    }

    /** Line height of the 10-point body font, CJK glyphs included. */
    private static final float LINE_POINTS = 14f;
    private static final int MAX_LINES = 15;

    /**
     * Spreadsheet programs do not grow rows for wrapped text written by a library, so the height is set from an
     * estimate: a CJK character takes about two width units, other characters one.
     */
    static float rowHeight(List<Column> columns, List<Cell> row) {
        int lines = 1;
        for (int c = 0; c < row.size() && c < columns.size(); c++) {
            if (!columns.get(c).wrap()) {
                continue;
            }
            int perLine = Math.max(1, columns.get(c).width() - 1);
            int cellLines = 0;
            for (String part : row.get(c).asText().split("\n", -1)) {
                int units = part.codePoints().map(cp -> Character.isIdeographic(cp) || cp > 0x2E80 ? 2 : 1).sum();
                cellLines += Math.max(1, (units + perLine - 1) / perLine);
            }
            lines = Math.max(lines, cellLines);
        }
        return Math.min(lines, MAX_LINES) * LINE_POINTS + 4;
    }

    /** Cell styles, created once per workbook (Excel limits their number). */
    private static final class Styles {
        private final XSSFWorkbook wb;
        private final XSSFFont font;
        final XSSFCellStyle header;
        private final Map<String, XSSFCellStyle> body = new HashMap<>();
        private final Map<Colour, XSSFColor> fills = new EnumMap<>(Colour.class);

        Styles(XSSFWorkbook wb) {
            this.wb = wb;
            this.font = wb.createFont();
            font.setFontName(FONT);
            font.setFontHeightInPoints((short) 10);
            XSSFFont bold = wb.createFont();
            bold.setFontName(FONT);
            bold.setFontHeightInPoints((short) 10);
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(color("D9E1F2"));
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            border(header);
            for (Colour c : Colour.values()) {
                fills.put(c, color(rgb(c)));
            }
        }

        XSSFCellStyle body(boolean wrap, Colour fill) {
            return body.computeIfAbsent(wrap + "|" + fill, k -> {
                XSSFCellStyle s = wb.createCellStyle();
                s.setFont(font);
                s.setWrapText(wrap);
                s.setVerticalAlignment(VerticalAlignment.TOP);
                border(s);
                if (fill != null) {
                    s.setFillForegroundColor(fills.get(fill));
                    s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                    s.setAlignment(HorizontalAlignment.CENTER);
                }
                return s;
            });
        }

        private static void border(XSSFCellStyle s) {
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
        }

        private static XSSFColor color(String hex) {
            byte[] rgb = new byte[3];
            for (int i = 0; i < 3; i++) {
                rgb[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
            }
            return new XSSFColor(rgb, null);
        }
    }
}
