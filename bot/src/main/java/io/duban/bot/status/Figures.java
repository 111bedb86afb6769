package io.duban.bot.status;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A task's headline figure as every view writes it: one lead {@code 60%}; two leads each with its own figure
 * {@code 农管科 60%｜集指科 30%}; a lead whose report was returned {@code 集指科 已退回}. With the change, each unit is
 * compared with its own accepted figure at the board's baseline (the start of last week):
 * {@code 农管科 60%（+10）｜集指科 30%（新报）}.
 */
public final class Figures {
    /** The headline of a task nobody has reported on. */
    public static final String NO_REPORT = "暂无报送";

    private Figures() {
    }

    public static String headline(TaskStatus s) {
        return render(s, null);
    }

    /** @param accepted the reports the status was computed from; their baseline gives each unit's earlier figure */
    public static String withChange(TaskStatus s, AcceptedReports accepted) {
        return render(s, accepted);
    }

    private static String render(TaskStatus s, AcceptedReports change) {
        List<UnitPart> leads = s.leads();
        boolean leadFigures = leads.stream().anyMatch(p -> p.latest().isPresent() || p.isReturned());
        if (leads.size() >= 2 && leadFigures) {
            List<String> each = new ArrayList<>();
            for (UnitPart p : leads) {
                each.add(p.unit() + " " + figure(s, p, change));
            }
            return String.join("｜", each);
        }
        if (leadFigures) {
            return figure(s, leads.get(0), change);
        }
        // no lead has reported: the latest accepted report of any unit, named
        return s.headline()
                .flatMap(h -> s.parts().stream().filter(p -> p.unit().equals(h.unit())).findFirst())
                .map(p -> p.unit() + " " + figure(s, p, change))
                .orElse(s.returned().isEmpty() ? NO_REPORT : "报送已退回");
    }

    private static String figure(TaskStatus s, UnitPart p, AcceptedReports change) {
        if (p.latest().isEmpty()) {
            return p.isReturned() ? "已退回" : "未报";
        }
        OptionalInt percent = p.percent();
        String f = percent.isPresent() ? percent.getAsInt() + "%" : "—";
        if (p.isReturned()) {
            f += "（新报已退回）";
        } else if (change != null) {
            f += changeText(p, change.atBaseline(s.task().number(), p.unit()));
        }
        return f;
    }

    /** {@code （+10）}, {@code （-5）}, {@code （持平）}, {@code （新报）}. */
    static String changeText(UnitPart p, java.util.Optional<io.duban.storage.model.ProgressReport> before) {
        if (before.isEmpty()) {
            return "（新报）";
        }
        OptionalInt then = before.get().percent();
        OptionalInt now = p.percent();
        if (then.isEmpty() || now.isEmpty()) {
            return "";
        }
        int delta = now.getAsInt() - then.getAsInt();
        return delta == 0 ? "（持平）" : delta > 0 ? "（+" + delta + "）" : "（" + delta + "）";
    }
}
