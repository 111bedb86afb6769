package io.duban.bot.answer;

import io.duban.bot.status.AcceptedReports;
import io.duban.bot.status.Figures;
import io.duban.bot.status.TaskStatus;
import io.duban.bot.status.UnitPart;
import io.duban.bot.text.Screen;
import io.duban.bot.text.ShortTitles;
import io.duban.bot.text.UserText;
import io.duban.plan.PlanTask;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportKind;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code 任务 12}: one screen on a task (colour and why, the lead units' figures, the other units in one line);
 * {@code 任务 12 历史 [页]}: the full text, each unit's latest report and the report history, paged. Returned reports
 * are marked 已退回 in both.
 */
public final class TaskAnswer {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");
    private static final int QUOTE = 24;

    private TaskAnswer() {
    }

    /** @param owedBy the units that owe reports on the task (the others only contribute: 参与) */
    public static String summary(TaskStatus s, AcceptedReports accepted, ZoneId zone, List<String> owedBy) {
        PlanTask t = s.task();
        boolean owed = t.cadence().expectsReports();
        StringBuilder sb = new StringBuilder();
        sb.append("【任务 ").append(t.number()).append("】").append(ShortTitles.of(t)).append("\n")
                .append(s.colour().symbol()).append(" ").append(s.colour().label()).append("灯：").append(s.reason())
                .append("\n进度：").append(Figures.withChange(s, accepted))
                .append("\n截止 ").append(t.deadline().format(DAY)).append("，").append(deadline(s))
                .append("\n报送：").append(t.cadence().label()).append(owedBy.isEmpty() || !owed ? ""
                        : "，" + String.join("、", owedBy) + " 报送");
        for (UnitPart p : s.leads()) {
            sb.append("\n★").append(p.unit()).append(" ").append(partLine(p, zone, owed));
        }
        List<UnitPart> others = s.parts().stream().filter(p -> !p.lead()).toList();
        if (!others.isEmpty()) {
            List<String> reported = others.stream().filter(p -> p.latest().isPresent())
                    .map(p -> p.unit() + (owedBy.contains(p.unit()) ? " " : "（参与）")
                            + percent(p.latest().get())).toList();
            long returned = others.stream().filter(UnitPart::isReturned).count();
            // only units that owe reports are "not yet reported"; contributors appear once they have something
            long none = others.stream().filter(p -> p.latest().isEmpty() && !p.isReturned())
                    .filter(p -> owed && owedBy.contains(p.unit())).count();
            List<String> said = new ArrayList<>();
            if (!reported.isEmpty()) {
                said.add(String.join("、", reported.subList(0, Math.min(6, reported.size())))
                        + (reported.size() > 6 ? " 等" : ""));
            }
            if (returned > 0) {
                said.add(returned + " 个已退回待重报");
            }
            if (none > 0) {
                said.add(none + " 个尚未报送");
            }
            if (said.isEmpty()) { // none of them owes a report: "0 个尚未报送" read as if all were late
                said.add("暂无报送（不需定期报送，有进展可随时补充）");
            }
            sb.append("\n责任单位 ").append(others.size()).append(" 个：").append(String.join("；", said));
        }
        sb.append("\n全文与各单位详情请发：任务 ").append(t.number()).append(" 历史");
        return sb.toString();
    }

    public static String history(TaskStatus s, List<ProgressReport> rows, Predicate<ProgressReport> isReturned,
                                 ZoneId zone, int page) {
        PlanTask t = s.task();
        List<String> items = new ArrayList<>();
        items.add(UserText.escape(t.text(), 200));
        items.add("牵头：" + String.join("、", t.leadUnits()) + "；责任："
                + (t.responsibleUnits().isEmpty() ? "—" : String.join("、", t.responsibleUnits())));
        for (UnitPart p : s.parts()) {
            StringBuilder line = new StringBuilder(p.lead() ? "★" : "·").append(p.unit()).append(" ")
                    .append(partLine(p, zone, t.cadence().expectsReports()));
            p.latest().filter(ProgressReport::hasProblems)
                    .ifPresent(r -> line.append("；问题：").append(UserText.escape(r.problems(), QUOTE)));
            items.add(line.toString());
        }
        if (!rows.isEmpty()) {
            items.add("报送记录（共 " + rows.size() + " 条，新的在前）：");
            Set<Long> shown = new java.util.HashSet<>();
            for (int i = rows.size() - 1; i >= 0; i--) {
                ProgressReport r = rows.get(i);
                if (!shown.add(r.id())) {
                    continue;
                }
                items.add(r.reportedAt().atZone(zone).format(DAY_TIME) + " " + r.unit() + " " + kind(r.kind())
                        + (r.kind() == ReportKind.WITHDRAWAL ? "" : " " + percent(r))
                        + (isReturned.test(r) ? "（已退回）" : ""));
            }
        }
        return Screen.page("【任务 " + t.number() + " 历史】" + ShortTitles.of(t), items, "", "任务 " + t.number() + " 历史",
                page);
    }

    /**
     * {@code 60%（10月13日）进展…} / {@code 已退回（30%，10月13日），待重报} / {@code 尚未报送} ({@code 暂无报送} when the
     * task is owed by nobody).
     */
    static String partLine(UnitPart p, ZoneId zone, boolean owed) {
        if (p.latest().isEmpty()) {
            return p.returned().map(r -> "已退回（" + percent(r) + "，" + r.reportedAt().atZone(zone).format(DAY)
                    + "），待重报").orElse(owed ? "尚未报送" : "暂无报送");
        }
        ProgressReport r = p.latest().get();
        String line = percent(r) + (r.noChange() ? "（无变化）" : "") + r.status().map(x -> " " + x.label()).orElse("") + "（"
                + r.reportedAt().atZone(zone).format(DAY) + "）";
        if (p.isReturned()) {
            line += "；新报送已退回，待重报";
        } else if (!r.progress().isBlank()) {
            line += UserText.escape(r.progress(), QUOTE);
        }
        return line;
    }

    private static String percent(ProgressReport r) {
        return r.percent().isPresent() ? r.percent().getAsInt() + "%" : "—";
    }

    private static String deadline(TaskStatus s) {
        if (s.closed()) {
            return "已销号";
        }
        return s.daysToDeadline() >= 0 ? "距截止 " + s.daysToDeadline() + " 天" : "已逾期 " + (-s.daysToDeadline()) + " 天";
    }

    private static String kind(ReportKind kind) {
        return switch (kind) {
            case REPORT -> "报送";
            case CORRECTION -> "更正";
            case WITHDRAWAL -> "撤回";
        };
    }
}
