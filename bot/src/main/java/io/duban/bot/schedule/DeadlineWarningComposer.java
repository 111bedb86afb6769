package io.duban.bot.schedule;

import io.duban.plan.PlanTask;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Warnings 30, 14 and 7 days before a task's deadline, one message per lead unit group listing its tasks. */
final class DeadlineWarningComposer implements Composer {
    private final RhythmContext ctx;
    private final DeadlineTiming timing;

    DeadlineWarningComposer(RhythmContext ctx, DeadlineTiming timing) {
        this.ctx = ctx;
        this.timing = timing;
    }

    @Override
    public List<OutboundMessage> compose(PlannedRun run) {
        LocalDate day = run.at().toLocalDate();
        Map<PlanTask, Long> warned = timing.warningsOn(day);
        // A task already at 100% (done, waiting for 销号) needs no warning.
        ctx.board(run.at().toInstant()).tasks(ctx.plan()).stream()
                .filter(s -> s.percent() >= 100 || s.closed())
                .forEach(s -> warned.remove(s.task()));
        Map<String, List<PlanTask>> byUnit = new LinkedHashMap<>();
        for (PlanTask t : warned.keySet()) {
            for (String unit : ctx.org().expand(t.leadUnits())) {
                byUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(t);
            }
        }
        ReportView reports = ctx.reports();
        Recipients to = Recipients.load(ctx.storage());
        List<OutboundMessage> out = new ArrayList<>();
        byUnit.forEach((unit, tasks) -> {
            StringBuilder sb = new StringBuilder("【截止提醒】").append(unit).append("牵头的以下任务即将到期：\n");
            for (PlanTask t : tasks) {
                String percent = reports.latest(t.number(), unit, run.at().toInstant())
                        .filter(r -> r.percent().isPresent()).map(r -> "当前 " + r.percent().getAsInt() + "%")
                        .orElse("尚无进度");
                sb.append(t.number()).append(". ").append(t.shortText(30)).append('\n')
                        .append("   截止 ").append(t.deadline()).append("（还有 ").append(warned.get(t))
                        .append(" 天），").append(percent).append('\n');
            }
            sb.append("请抓紧推进，确保按期完成；如有困难，请在报送进展时写明问题。");
            for (String chat : to.unitChats(unit)) {
                out.add(OutboundMessage.text(Address.group(chat), sb.toString(), List.of(), run.dedupeKey(chat)));
            }
        });
        return out;
    }
}
