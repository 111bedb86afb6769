package io.duban.bot.chart;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks a font that shows Chinese in the chart. The project relies on Debian's {@code fonts-noto-cjk} (installed by
 * {@code .ci/run}); other common CJK families are accepted, and as a last resort any installed font that can
 * display the chart's labels. Without one the labels would render as boxes, which is logged as a warning.
 */
public final class ChartFonts {
    private static final Logger LOG = LoggerFactory.getLogger(ChartFonts.class);

    /** In order of preference. */
    static final List<String> FAMILIES = List.of(
            "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
            "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", "SimHei",
            "Noto Serif CJK SC", "Noto Sans CJK JP", "Noto Sans CJK TC");

    /** Text every label font must show. */
    static final String SAMPLE = "工作要点任务数红黄绿平均进度应有周销号";

    private ChartFonts() {
    }

    /**
     * The family to draw with.
     *
     * @param preferred a family named in the settings ({@code export.chartFont}), tried first
     */
    public static String family(Optional<String> preferred) {
        Set<String> installed = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getAvailableFontFamilyNames(Locale.ROOT)).collect(Collectors.toSet());
        if (preferred.isPresent()) {
            if (installed.contains(preferred.get()) && showsChinese(preferred.get())) {
                return preferred.get();
            }
            LOG.warn("chart font '{}' (export.chartFont) is not installed or cannot show Chinese; choosing another",
                    preferred.get());
        }
        for (String family : FAMILIES) {
            if (installed.contains(family) && showsChinese(family)) {
                return family;
            }
        }
        Optional<String> any = installed.stream().sorted().filter(ChartFonts::showsChinese).findFirst();
        if (any.isPresent()) {
            LOG.warn("none of the expected CJK fonts ({}) is installed; using '{}' for the chart. "
                    + "Install fonts-noto-cjk for a consistent look.", FAMILIES.get(0), any.get());
            return any.get();
        }
        LOG.warn("no installed font can show Chinese: chart labels will render as boxes. "
                + "Install a CJK font, e.g. `apt-get install fonts-noto-cjk` (Debian/Ubuntu).");
        return Font.SANS_SERIF;
    }

    private static boolean showsChinese(String family) {
        return new Font(family, Font.PLAIN, 12).canDisplayUpTo(SAMPLE) == -1;
    }
}
