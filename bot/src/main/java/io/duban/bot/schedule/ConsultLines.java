package io.duban.bot.schedule;

import io.duban.bot.problem.ConsultRule;
import java.util.List;

/**
 * The 待会商 block that leads the weekly digest and the monthly 通报: problems open too long or raised by several
 * units, oldest first, at most {@link #MAX} lines (the rest counted; {@code 会商} lists them all).
 */
final class ConsultLines {
    static final int MAX = 5;

    private ConsultLines() {
    }

    static String block(List<ConsultRule.Flag> flags, RhythmContext ctx) {
        if (flags.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("【待会商】").append(flags.size()).append(" 个问题需研究对策：\n");
        for (ConsultRule.Flag f : flags.subList(0, Math.min(MAX, flags.size()))) {
            sb.append("· 问题").append(f.item().id()).append(" 任务").append(f.item().taskNumber()).append(' ')
                    .append(f.item().unit()).append("：").append(ctx.quote(f.item().text())).append("（")
                    .append(f.why()).append("）\n");
        }
        if (flags.size() > MAX) {
            sb.append("另有 ").append(flags.size() - MAX).append(" 个，");
        }
        sb.append("全部列表请发：@").append(ctx.botName()).append(" 会商\n");
        return sb.toString();
    }
}
