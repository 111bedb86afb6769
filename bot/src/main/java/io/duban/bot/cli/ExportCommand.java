package io.duban.bot.cli;

import io.duban.bot.App;
import io.duban.bot.export.LedgerExport;
import io.duban.bot.report.ReportingWeek;
import io.duban.plan.WorkPlan;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code duban export --out 台账.xlsx [--week 2023-W40] [--csv]}: the 台账 as an Excel workbook. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "导出台账（Excel，可加 CSV）。 Export the 台账 as an Excel workbook (and CSV).")
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;
    @Spec
    CommandSpec spec;
    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Workbook to write, e.g. 台账.xlsx (a name ending in .csv writes CSV only).")
    Path out;
    @Option(names = "--week", paramLabel = "WEEK",
            description = "As of the end of this ISO week (Sunday 23:59 in the office's zone), e.g. 2023-W40.")
    String week;
    @Option(names = "--csv", description = "Also write NAME.csv and NAME-报送历史.csv (UTF-8 with BOM).")
    boolean csv;
    @Option(names = "--year", description = "Plan year (default: the configured planYear).")
    Integer year;

    @Override
    public Integer call() {
        try (App app = global.openApp()) {
            ZoneId zone = app.config().settings().zone();
            int y = year == null ? app.config().settings().planYear() : year;
            WorkPlan plan = app.config().plans().get(y);
            if (plan == null) {
                spec.commandLine().getErr().println("没有 " + y + " 年的计划。 No plan for " + y + ".");
                return 1;
            }
            Instant asOf = app.clock().instant();
            if (week != null) {
                asOf = LedgerExport.endOf(ReportingWeek.parse(week), zone);
            }
            List<Path> written = app.ledger().write(plan, asOf, out, csv);
            for (Path p : written) {
                spec.commandLine().getOut().println("已写入 / written: " + p);
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
