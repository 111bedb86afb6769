package io.duban.bot.command;

import io.duban.bot.message.Reply;
import io.duban.bot.status.KpiStatus;
import java.util.List;

/** {@code 指标}: numeric targets (task 17: 援滇帮扶疗休养 ≥ 15%) against the latest figures. */
public final class KpiCommand implements Command {
    @Override
    public String name() {
        return "指标";
    }

    @Override
    public List<String> aliases() {
        return List.of("kpi");
    }

    @Override
    public String summary() {
        return "数量指标完成情况（如任务 17 援滇疗休养占比）";
    }

    @Override
    public String example() {
        return "指标";
    }

    @Override
    public Access access() {
        return Access.LEADER;
    }

    @Override
    public boolean accepts(String args) {
        return args.isEmpty();
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        List<KpiStatus> kpis = ctx.services().board().kpis(ctx.services().plan());
        if (kpis.isEmpty()) {
            return Reply.of("本年度计划没有数量指标。");
        }
        StringBuilder sb = new StringBuilder("【指标】");
        for (KpiStatus k : kpis) {
            sb.append("\n任务 ").append(k.task().number()).append(" ").append(k.kpi().name())
                    .append("（目标 ≥ ").append(trim(k.kpi().targetPercent())).append("%）：");
            if (!k.hasData()) {
                sb.append("尚无数据。报送示例：").append(k.task().number()).append(" 40% ")
                        .append(k.kpi().numeratorLabel()).append("：12；").append(k.kpi().denominatorLabel()).append("：80");
                continue;
            }
            sb.append(k.kpi().numeratorLabel()).append(" ").append(k.numerator()).append(" / ")
                    .append(k.kpi().denominatorLabel()).append(" ").append(k.denominator())
                    .append(" = ").append(String.format("%.1f", k.percent())).append("%　")
                    .append(k.met() ? "🟢 已达标" : "🟡 未达标，尚差 "
                            + (int) Math.ceil(k.kpi().targetPercent() / 100.0 * k.denominator() - k.numerator()) + " 人")
                    .append("\n数据来源：").append(String.join("、", k.sources()));
        }
        return Reply.of(sb.toString());
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
