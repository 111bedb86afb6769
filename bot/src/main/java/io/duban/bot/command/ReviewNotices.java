package io.duban.bot.command;

import io.duban.bot.review.ReviewTexts;
import io.duban.bot.text.UserText;
import io.duban.config.Settings;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportReview;
import io.duban.storage.model.ReviewDecision;
import java.time.format.DateTimeFormatter;

/** The notice a unit gets in its group when the office passes or returns its report. */
public final class ReviewNotices implements ReviewTexts {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

    private final Settings settings;

    public ReviewNotices(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String notice(ProgressReport r, ReportReview v) {
        String quoted = UserText.escape(v.reason(), settings.maxQuoteChars());
        String percent = r.percent().isPresent() ? r.percent().getAsInt() + "%" : "—";
        String what = r.unit() + " " + r.reportedAt().atZone(settings.zone()).format(DAY) + " 对任务 " + r.taskNumber()
                + " 的报送（" + percent + "）";
        if (v.decision() == ReviewDecision.PASSED) {
            return "【核查通过】" + what + "已经办公室核查通过。" + (quoted.isEmpty() ? "" : "备注：" + quoted);
        }
        return "【报送退回】" + what + "被办公室退回，原因：" + quoted + "。请补充后重新报送，例如：" + r.taskNumber()
                + " " + percent + " 本周进展；问题：…；下一步：…（也可发：更正 " + r.taskNumber() + " …）。"
                + "重新报送前，此项计为未报送。";
    }
}
