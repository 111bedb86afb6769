package io.duban.bot.cli;

import io.duban.bot.App;
import io.duban.bot.schedule.RhythmService;
import io.duban.bot.schedule.RunOutcome;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code duban job …}: rehearse the weekly rhythm: list the jobs, preview a run, run one now. */
@Command(name = "job", mixinStandardHelpOptions = true,
        description = "定时任务：查看、预览、手动执行。 Scheduled jobs: list, preview, run.",
        subcommands = {JobCommand.ListJobs.class, JobCommand.PreviewJob.class, JobCommand.RunJob.class})
public final class JobCommand {

    /** The app's rhythm: the same calendar, schedule and closure state the serve loop uses. */
    static RhythmService rhythm(App app) {
        return app.rhythm();
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "列出各定时任务的下次执行时间。 Each job's next run (after --now, default: now).")
    static final class ListJobs implements Callable<Integer> {
        @Mixin
        GlobalOptions global;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (App app = global.openApp()) {
                PrintWriter out = spec.commandLine().getOut();
                out.print(rhythm(app).list(app.clock().instant()));
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "preview", mixinStandardHelpOptions = true,
            description = "预览某次执行将发送的全部消息（不发送、不登记）。 Print exactly what a run would send; "
                    + "sends and claims nothing.")
    static final class PreviewJob implements Callable<Integer> {
        @Mixin
        GlobalOptions global;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "weekly-prompt, private-nudge, group-reminder, weekly-summary, "
                + "monthly-report, deadline-warning, holiday-reminder")
        String name;
        @Option(names = "--at", paramLabel = "TIME", converter = GlobalOptions.TimeConverter.class,
                description = "The run due at or last before this time, e.g. 2023-10-12T15:00+08:00 (default: now).")
        OffsetDateTime at;

        @Override
        public Integer call() {
            try (App app = global.openApp()) {
                Instant when = at != null ? at.toInstant() : app.clock().instant();
                Optional<RhythmService.Preview> p = rhythm(app).preview(name, when);
                PrintWriter out = spec.commandLine().getOut();
                if (p.isEmpty()) {
                    spec.commandLine().getErr().println(name + " 在 " + when + " 之前一年内没有执行。 No run of " + name
                            + " at or before " + when + ".");
                    return 1;
                }
                out.println("预览（不发送、不登记） Preview: nothing is sent or claimed");
                out.print(p.get().text());
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "立即执行某次任务：登记并写入发件箱，然后显示写入的消息。 Claim a run and enqueue its messages "
                    + "now, then print what was enqueued. A run already claimed is never sent twice.")
    static final class RunJob implements Callable<Integer> {
        @Mixin
        GlobalOptions global;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--at", paramLabel = "TIME", converter = GlobalOptions.TimeConverter.class,
                description = "The run due at or last before this time (default: now).")
        OffsetDateTime at;
        @Option(names = "--force", description = "Enqueue even in quiet hours or on a non-working day.")
        boolean force;

        @Override
        public Integer call() {
            try (App app = global.openApp()) {
                Instant when = at != null ? at.toInstant() : app.clock().instant();
                RhythmService rhythm = rhythm(app);
                if (!force && !rhythm.scheduler().pushAllowed(app.clock().instant())) {
                    spec.commandLine().getErr().println("现在是免打扰时段（" + rhythm.settings().quietHours()
                            + "）或非工作日，未执行。确需发送请加 --force；演示时可用 --now 指定时间。"
                            + " Quiet hours or a non-working day: nothing enqueued (use --force, or --now in a demo).");
                    return 1;
                }
                Optional<RunOutcome> o = rhythm.run(name, when);
                if (o.isEmpty()) {
                    spec.commandLine().getErr().println(name + " 在 " + when + " 之前一年内没有执行。 No run of " + name
                            + " at or before " + when + ".");
                    return 1;
                }
                PrintWriter out = spec.commandLine().getOut();
                out.println(rhythm.describe(o.get()));
                out.flush();
                return o.get().kind() == RunOutcome.Kind.FAILED ? 1 : 0;
            }
        }
    }
}
