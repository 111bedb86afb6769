package io.duban.bot.status;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A task's headline figure as every view writes it: one lead {@code 60%}; two leads each with its own figure
 * {@code 农管科 60%｜集指科 30%}; a lead whose report was returned {@code 集指科 已退回}. With the change, each unit is
 * compared with itself: {@code 农管科 60%（+10）｜集指科 30%（新报）}.
 */
public final class Figures {
    private Figures() {
    }

    public static String headline(TaskStatus s) {
        return render(s, false);
    }

    public static String withChange(TaskStatus s) {
        return render(s, true);
    }

    private static String render(TaskStatus s, boolean change) {
        List<UnitPart> leads = s.leads();
        boolean leadFigures = leads.stream().anyMatch(p -> p.latest().isPresent() || p.isReturned());
        if (leads.size() >= 2 && leadFigures) {
            List<String> each = new ArrayList<>();
            for (UnitPart p : leads) {
                each.add(p.unit() + " " + figure(p, change));
            }
            return String.join("｜", each);
        }
        if (leadFigures) {
            return figure(leads.get(0), change);
        }
        // no lead has reported: the latest accepted report of any unit, named
        return s.headline()
                .flatMap(h -> s.parts().stream().filter(p -> p.unit().equals(h.unit())).findFirst())
                .map(p -> p.unit() + " " + figure(p, change))
                .orElse(s.returned().isEmpty() ? "暂无报送" : "报送已退回");
    }

    private static String figure(UnitPart p, boolean change) {
        if (p.latest().isEmpty()) {
            return p.isReturned() ? "已退回" : "未报";
        }
        OptionalInt percent = p.percent();
        String f = percent.isPresent() ? percent.getAsInt() + "%" : "—";
        if (p.isReturned()) {
            f += "（新报已退回）";
        } else if (change) {
            f += changeText(p);
        }
        return f;
    }

    /** {@code （+10）}, {@code （-5）}, {@code （持平）}, {@code （新报）}. */
    static String changeText(UnitPart p) {
        if (p.isNew()) {
            return "（新报）";
        }
        OptionalInt d = p.change();
        if (d.isEmpty()) {
            return "";
        }
        int delta = d.getAsInt();
        return delta == 0 ? "（持平）" : delta > 0 ? "（+" + delta + "）" : "（" + delta + "）";
    }
}
