package io.duban.bot.cli;

import io.duban.bot.App;
import io.duban.bot.export.LedgerExport;
import io.duban.bot.report.ReportingWeek;
import io.duban.plan.WorkPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code duban chart --out FILE.png [--week 2023-W40]}: the weekly picture as a PNG. */
@Command(name = "chart", mixinStandardHelpOptions = true,
        description = "生成本周图表（PNG）。 Write the weekly picture as a PNG.")
public final class ChartCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;
    @Spec
    CommandSpec spec;
    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "PNG file to write.")
    Path out;
    @Option(names = "--week", paramLabel = "WEEK",
            description = "As of the end of this ISO week (Sunday 23:59 in the office's zone), e.g. 2023-W40.")
    String week;

    @Override
    public Integer call() throws IOException {
        System.setProperty("java.awt.headless", "true");
        try (App app = global.openApp()) {
            WorkPlan plan = app.config().currentPlan();
            Instant asOf = week == null ? app.clock().instant()
                    : LedgerExport.endOf(ReportingWeek.parse(week), app.config().settings().zone());
            byte[] png = app.chart().renderWeeklyPng(plan, asOf);
            Path abs = out.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            Files.write(abs, png);
            spec.commandLine().getOut().printf("已写入 / written: %s（%d KB）%n", abs, (png.length + 1023) / 1024);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
