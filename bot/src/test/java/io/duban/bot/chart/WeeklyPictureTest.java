package io.duban.bot.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.status.Colour;
import io.duban.bot.testing.DemoSeason;
import io.duban.bot.testing.TestBot;
import io.duban.plan.WorkPlan;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The season is seeded once for the class: both tests only read. */
class WeeklyPictureTest {
    private static final int TWO_MB = 2 * 1024 * 1024;

    @TempDir
    static Path dir;
    static TestBot bot;
    static WorkPlan plan;

    @BeforeAll
    static void start() {
        bot = new TestBot(dir, "2023-08-01T09:00+08:00");
        plan = bot.app().config().currentPlan();
        DemoSeason.seed(bot);
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void dataCountsEveryTaskOnce_andCompletionRisesWeekByWeek() {
        WeeklyData data = new WeeklyPicture(bot.app().config(), bot.app().storage(), bot.app().dutyRules()).data(plan, bot.clock().instant());
        assertThat(data.byArea()).hasSize(plan.areas().size());
        assertThat(data.byArea().stream().mapToInt(a -> a.count(Colour.RED) + a.count(Colour.YELLOW)
                + a.count(Colour.GREEN)).sum()).isEqualTo(19);
        assertThat(data.completion()).first().satisfies(p -> assertThat(p.label()).isEqualTo("W30"));
        assertThat(data.completion()).last().satisfies(p -> assertThat(p.label()).isEqualTo("W42"));
        double first = data.completion().get(2).averagePercent();
        double last = data.completion().get(data.completion().size() - 1).averagePercent();
        assertThat(last).isGreaterThan(first + 30);
        assertThat(data.title()).contains("第 42 周");
    }

    @Test
    void pngHasTheExpectedSize_isNotBlank_andFitsAnImageMessage() throws Exception {
        byte[] png = new WeeklyPicture(bot.app().config(), bot.app().storage(), bot.app().dutyRules())
                .renderWeeklyPng(plan, bot.clock().instant());
        assertThat(png.length).isLessThan(TWO_MB).isGreaterThan(10_000);
        Files.write(Path.of("target", "weekly-picture-test.png"), png); // for a look by eye

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(WeeklyChart.WIDTH).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(WeeklyChart.HEIGHT).isEqualTo(800);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        assertThat(colours.size()).isGreaterThan(20);
        assertThat(colours).contains(WeeklyChart.RED.getRGB() & 0xFFFFFF, WeeklyChart.YELLOW.getRGB() & 0xFFFFFF,
                WeeklyChart.GREEN.getRGB() & 0xFFFFFF, WeeklyChart.BLUE.getRGB() & 0xFFFFFF);
    }
}
