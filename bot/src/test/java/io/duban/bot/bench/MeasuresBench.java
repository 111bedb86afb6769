package io.duban.bot.bench;

import io.duban.bot.App;
import io.duban.bot.message.ChatType;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.status.StatusBoard;
import io.duban.bot.testing.MutableClock;
import io.duban.config.ConfigDirectory;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.storage.Storage;
import io.duban.storage.model.MilestoneEdit;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What issue 15's measures cost, as ratios against a reference measured in the same run: a report that carries a
 * metric figure and a problem (stored as a metric value and a problem item) against a plain report; the status
 * board with three chat-set milestones per task against the board with none. Run with the README's bench command.
 */
@Tag("bench")
class MeasuresBench {
    @TempDir
    Path dir;

    @Test
    void reportWithMetricAndProblem_againstAPlainReport_andBoardWithMilestones_againstNone() {
        MutableClock clock = MutableClock.at("2023-10-09T09:00+08:00");
        ConfigDirectory config = ConfigDirectory.load(Path.of("../config"), name -> null);
        try (App app = new App(dir, config, Storage.open("jdbc:sqlite:" + dir.resolve("b.db")), clock, Map.of())) {
            // 100 reports per kind and run: after 5 runs task 16 holds 1000 figures, about ten years of three unions
            // reporting weekly; the answer recomputes the task's running total from all of them.
            int perRun = 100;
            int runs = 5;
            double[] ratio = new double[runs];
            int id = 0;
            for (int run = 0; run < runs; run++) {
                double plain = rate(app, clock, perRun, id, 0);
                id += perRun;
                double measured = rate(app, clock, perRun, id, 3);
                id += perRun;
                ratio[run] = plain / measured;
                {
                    double metricOnly = rate(app, clock, perRun, id, 1);
                    id += perRun;
                    double problemOnly = rate(app, clock, perRun, id, 2);
                    id += perRun;
                    System.out.printf("BENCH detail ms/report: plain %.2f metric %.2f problem %.2f both %.2f%n",
                            plain * 1000, metricOnly * 1000, problemOnly * 1000, measured * 1000);
                }
            }
            System.out.printf("BENCH report with metric+problem vs plain report: time ratio per run %s, median %.2f%n",
                    Arrays.toString(Arrays.stream(ratio).map(r -> Math.round(r * 100) / 100.0).toArray()),
                    median(ratio));

            WorkPlan plan = config.currentPlan();
            StatusBoard none = app.board();
            double[] boardRatio = new double[runs];
            for (int run = 0; run < runs; run++) {
                double without = boardTime(none.withMilestones(new NoEdits()), plan);
                if (run == 0) {
                    for (PlanTask t : plan.tasks()) {
                        for (int m = 0; m < 3; m++) {
                            app.storage().milestones().append(new MilestoneEdit(0, 2023, t.number(),
                                    MilestoneEdit.Action.SET, LocalDate.of(2023, 9 + m, 28), "节点" + m,
                                    OptionalInt.of(30 + 20 * m), "zhouhui", Optional.empty(), clock.instant()));
                        }
                    }
                }
                double with = boardTime(none, plan);
                boardRatio[run] = with / without;
            }
            System.out.printf("BENCH status board with 3 milestones per task vs none: time ratio per run %s, median %.2f%n",
                    Arrays.toString(Arrays.stream(boardRatio).map(r -> Math.round(r * 100) / 100.0).toArray()),
                    median(boardRatio));
        }
    }

    /** Seconds per report; {@code kind}: 0 plain, 1 with a metric figure, 2 with a problem, 3 with both. */
    private static double rate(App app, MutableClock clock, int count, int firstId, int kind) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String text = "16 40% 本周进展" + i + ((kind & 1) != 0 ? " 采购金额 1.5 万元" : "")
                    + ((kind & 2) != 0 ? "；问题：冷链成本高" + (i % 7) : "");
            var answer = app.engine().receive(new InboundMessage("bench-" + (firstId + i), "bench", "hanmei",
                    ChatType.GROUP, Optional.of("wr-demo-wgh"), text, Optional.empty(), clock.instant()));
            if (answer.isEmpty() || !answer.get().message().content().contains("已记录")) {
                throw new AssertionError("no report stored: " + answer);
            }
        }
        return (System.nanoTime() - start) / 1e9 / count;
    }

    private static double boardTime(StatusBoard board, WorkPlan plan) {
        int rounds = 200;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            if (board.tasks(plan).size() != plan.tasks().size()) {
                throw new AssertionError("tasks missing");
            }
        }
        return (System.nanoTime() - start) / 1e9 / rounds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static final class NoEdits implements io.duban.storage.MilestoneRepository {
        @Override
        public MilestoneEdit append(MilestoneEdit edit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<MilestoneEdit> all(int planYear) {
            return List.of();
        }
    }
}
