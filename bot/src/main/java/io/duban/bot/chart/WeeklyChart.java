package io.duban.bot.chart;

import io.duban.bot.chart.WeeklyData.AreaCount;
import io.duban.bot.chart.WeeklyData.WeekPoint;
import io.duban.bot.status.Colour;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws the weekly picture with JFreeChart, headless: a title, tasks by colour per area (stacked bars) and
 * completion over the weeks (average percent against the expected pace), one PNG of {@value #WIDTH}×{@value #HEIGHT}.
 */
public final class WeeklyChart {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 800;

    static final Color RED = new Color(0xD9, 0x53, 0x4F);
    static final Color YELLOW = new Color(0xF0, 0xAD, 0x4E);
    static final Color GREEN = new Color(0x5C, 0xB8, 0x5C);
    static final Color BLUE = new Color(0x33, 0x7A, 0xB7);
    static final Color GREY = new Color(0x99, 0x99, 0x99);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private final String family;

    /** @param family a font family that shows Chinese, see {@link ChartFonts#family} */
    public WeeklyChart(String family) {
        this.family = family;
    }

    public byte[] renderPng(WeeklyData data) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.DARK_GRAY);
            centre(g, data.title(), new Font(family, Font.BOLD, 26), 38);
            centre(g, data.subtitle(), new Font(family, Font.PLAIN, 16), 66);
            byArea(data).draw(g, new Rectangle2D.Double(10, 80, WIDTH - 20, 350));
            completion(data).draw(g, new Rectangle2D.Double(10, 440, WIDTH - 20, 350));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private JFreeChart byArea(WeeklyData data) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (AreaCount a : data.byArea()) {
            for (Colour c : Colour.values()) {
                ds.addValue(a.count(c), c.label(), a.area());
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart("各方面任务状态（项）", null, "任务数", ds,
                PlotOrientation.VERTICAL, true, false, false);
        theme().apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        StackedBarRenderer r = (StackedBarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.12);
        r.setSeriesPaint(0, RED);
        r.setSeriesPaint(1, YELLOW);
        r.setSeriesPaint(2, GREEN);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset d, int row, int column) {
                Number v = d.getValue(row, column);
                return v == null || v.intValue() == 0 ? "" : String.valueOf(v.intValue());
            }
        });
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(new Font(family, Font.BOLD, 14));
        r.setDefaultItemLabelPaint(Color.WHITE);
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        return chart;
    }

    private JFreeChart completion(WeeklyData data) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (WeekPoint p : data.completion()) {
            ds.addValue(p.averagePercent(), "平均进度", p.label());
            ds.addValue(p.expectedPercent(), "应有进度", p.label());
        }
        JFreeChart chart = ChartFactory.createLineChart("各周完成情况（全部任务平均进度，%）", null, "%", ds,
                PlotOrientation.VERTICAL, true, false, false);
        theme().apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setRange(0, 100);
        LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
        r.setDefaultShapesVisible(true);
        r.setSeriesPaint(0, BLUE);
        r.setSeriesStroke(0, new BasicStroke(3f));
        r.setSeriesPaint(1, GREY);
        r.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {6f, 6f}, 0f));
        r.setSeriesShapesVisible(1, false);
        r.setSeriesItemLabelGenerator(0, new StandardCategoryItemLabelGenerator("{2}",
                new java.text.DecimalFormat("0")));
        r.setSeriesItemLabelsVisible(0, true);
        r.setDefaultItemLabelFont(new Font(family, Font.PLAIN, 12));
        if (data.completion().size() > 14) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return chart;
    }

    private StandardChartTheme theme() {
        StandardChartTheme t = new StandardChartTheme("duban");
        t.setExtraLargeFont(new Font(family, Font.BOLD, 20));
        t.setLargeFont(new Font(family, Font.BOLD, 15));
        t.setRegularFont(new Font(family, Font.PLAIN, 14));
        t.setSmallFont(new Font(family, Font.PLAIN, 12));
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setChartBackgroundPaint(Color.WHITE);
        t.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        t.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        t.setBarPainter(new StandardBarPainter());
        t.setShadowVisible(false);
        return t;
    }

    private static void centre(Graphics2D g, String text, Font font, int baseline) {
        g.setFont(font);
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, (WIDTH - m.stringWidth(text)) / 2, baseline);
    }
}
