package io.duban.bot.command;

import java.util.List;

import io.duban.bot.closure.ClosureOverview;
import io.duban.bot.closure.ClosureResult;
import io.duban.bot.closure.ClosureTexts;
import io.duban.bot.message.Reply;
import io.duban.bot.notify.UnitNotices;
import io.duban.bot.text.UserText;
import io.duban.config.Settings;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.roster.Person;
import io.duban.storage.model.ClosureEvent;
import java.time.format.DateTimeFormatter;

/** The words of closure (销号): the answers to 申请办结, 销号, 退回办结 and 办结情况, and the notices they send. */
public final class ClosureReplies implements ClosureTexts {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

    private final Settings settings;

    public ClosureReplies(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String requestNotice(Person requester, PlanTask task, String evidence) {
        return "【办结申请】" + requester.unit() + " " + requester.name() + " 申请办结任务 " + task.number() + " "
                + task.shortText(24) + "，依据：" + quote(evidence) + "\n同意请发：销号 " + task.number()
                + "；退回请发：退回办结 " + task.number() + " 请补充验收材料";
    }

    @Override
    public String approvedNotice(PlanTask task, String note) {
        return "【已销号】任务 " + task.number() + " " + task.shortText(24) + " 经办公室审核已销号，今后不再提醒报送。"
                + (note.isEmpty() ? "" : "备注：" + quote(note));
    }

    @Override
    public String returnedNotice(PlanTask task, String reason) {
        return "【办结申请退回】任务 " + task.number() + " " + task.shortText(24) + " 的办结申请被办公室退回，原因："
                + quote(reason) + "。补充后请重新申请：申请办结 " + task.number() + " 完成情况和佐证材料";
    }

    /** The answer to 申请办结. */
    Reply requested(WorkPlan plan, ClosureResult result) {
        if (result instanceof ClosureResult.NotLeadUnit r) {
            return Reply.of("办结申请由牵头单位（" + String.join("、", r.leadUnits()) + "）提出；" + r.unit()
                    + " 不是任务 " + r.task().number() + " 的牵头单位。如认为任务已完成，请联系牵头单位。");
        }
        if (result instanceof ClosureResult.AlreadyClosed r) {
            return Reply.of("任务 " + r.number() + " 已于 " + day(r.approval()) + " 销号，无需再申请。");
        }
        if (result instanceof ClosureResult.EvidenceMissing r) {
            return Reply.of("请写明办结依据（完成情况、验收或佐证材料），例如：申请办结 " + r.number()
                    + " 全部项目已验收，附验收报告");
        }
        if (result instanceof ClosureResult.Requested r) {
            return Reply.of((r.update() ? "已更新" : "已提交") + "任务 " + r.task().number() + " 的办结申请，依据："
                    + quote(r.evidence()) + "。" + (r.officeTold() ? "已通知办公室审核，结果会告知您。" : "请告知办公室审核。"));
        }
        return common(plan, result, "申请办结 15 全部项目已验收，附验收报告");
    }

    /** The answer to 销号. */
    Reply approved(WorkPlan plan, ClosureResult result) {
        if (result instanceof ClosureResult.AlreadyClosed r) {
            return Reply.of("任务 " + r.number() + " 已于 " + day(r.approval()) + " 销号。");
        }
        if (result instanceof ClosureResult.NoPendingRequest r) {
            return Reply.of("任务 " + r.task().number() + " 还没有待审核的办结申请。请牵头单位（"
                    + String.join("、", r.leadUnits()) + "）先发：申请办结 " + r.task().number()
                    + " 全部项目已验收，附验收报告");
        }
        if (result instanceof ClosureResult.Approved r) {
            return Reply.of("已销号：任务 " + r.task().number() + " " + r.task().shortText(24) + "（" + r.request().unit()
                    + " " + r.requesterName() + " 申请，依据：" + quote(r.request().note()) + "）。该任务计为已完成，不再提醒报送，"
                    + "历史记录全部保留。" + where(r.told()) + "。");
        }
        return common(plan, result, "销号 15");
    }

    /** The answer to 退回办结. */
    Reply returned(WorkPlan plan, ClosureResult result) {
        if (result instanceof ClosureResult.NoPendingRequest r) {
            return Reply.of("任务 " + r.task().number() + " 没有待审核的办结申请，无需退回。"
                    + r.approval().map(e -> "（该任务已于 " + day(e) + " 销号。）").orElse(""));
        }
        if (result instanceof ClosureResult.ReasonMissing r) {
            return Reply.of("请写明退回原因，便于牵头单位补充，例如：退回办结 " + r.number() + " 请补充验收材料");
        }
        if (result instanceof ClosureResult.Returned r) {
            return Reply.of("已退回任务 " + r.task().number() + " 的办结申请（" + r.request().unit() + " "
                    + r.requesterName() + "），原因：" + quote(r.reason()) + "。" + where(r.told()) + "。");
        }
        return common(plan, result, "退回办结 15 请补充验收材料");
    }

    private Reply common(WorkPlan plan, ClosureResult result, String example) {
        if (result instanceof ClosureResult.UnknownTask r) {
            return Reply.of(ReportReplies.unknownTask(plan, r.number(), example));
        }
        throw new IllegalStateException("no words for " + result);
    }

    /** The answer to 办结情况. */
    Reply overview(ClosureOverview o) {
        WorkPlan plan = o.plan();
        StringBuilder sb = new StringBuilder(plan.year() + " 年计划共 " + plan.tasks().size() + " 项任务：已销号 "
                + o.closed().size() + " 项，未销号 " + o.open().size() + " 项（其中待审核办结申请 " + o.pending().size()
                + " 项）。");
        if (!o.closed().isEmpty()) {
            sb.append("\n已销号：");
            o.closed().forEach(s -> sb.append("\n  ✅ 任务 ").append(s.task().number()).append(" ")
                    .append(s.task().shortText(16)).append("（").append(day(s.event())).append("）"));
        }
        if (!o.pending().isEmpty()) {
            sb.append("\n待审核的办结申请：");
            o.pending().forEach(s -> sb.append("\n  ⏳ 任务 ").append(s.task().number()).append(" ")
                    .append(s.event().unit()).append(" ").append(day(s.event())).append(" 申请，依据：")
                    .append(UserText.escape(s.event().note(), 30)));
            int first = o.pending().get(0).task().number();
            sb.append("\n同意请发：销号 ").append(first).append("；退回请发：退回办结 ").append(first).append(" 原因");
        }
        if (!o.notRequested().isEmpty()) {
            // numbers only: the list of every open task would not fit a phone screen
            sb.append("\n未销号：任务 ").append(o.notRequested().stream().map(t -> String.valueOf(t.task().number()))
                    .collect(java.util.stream.Collectors.joining("、")));
            List<String> returned = o.notRequested().stream().filter(t -> t.returned())
                    .map(t -> "任务 " + t.task().number()).toList();
            if (!returned.isEmpty()) {
                sb.append("\n办结申请被退回：").append(String.join("、", returned));
            }
            sb.append("\n任务详情请发：任务 ").append(o.notRequested().get(0).task().number());
        }
        return Reply.of(sb.toString());
    }

    /** Where a notice went, e.g. 已在农管科群里通知. */
    static String where(UnitNotices.Told told) {
        return told.inGroup() ? "已在" + told.unit() + "群里通知" : "已私信通知" + told.personName();
    }

    private String quote(String text) {
        return UserText.escape(text, settings.maxQuoteChars());
    }

    private String day(ClosureEvent e) {
        return e.at().atZone(settings.zone()).format(DAY);
    }
}
