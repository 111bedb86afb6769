package io.duban.bot.report;

import io.duban.bot.report.normalize.InputNormalizer;
import io.duban.bot.text.UserText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads progress reports the way Chinese office staff write them in chat — a pure function from text to a
 * {@link MessageReading}, no plan and no database:
 * <pre>
 *   12 60% 本周已对接保山咖啡企业2家；问题：冷链成本高；下一步：组织产销对接会
 *   第十二项 六成 …          任务12 进度60% 推进中 …      15 60 上架产品4款
 *   12 60% …\n15 40% …      12 60% …；15 40% …           15 无变化        无变化
 *   17 40% 援滇人数：12；疗休养总人数：80                  16 采购金额 12.5 万元
 * </pre>
 * Each line, or each {@code ；} segment, that starts with a task reference is its own report; a line without one
 * continues the report before it ({@code 问题：…}, {@code 下一步：…}). A percent is stored only when the person
 * wrote it and it is clearly the task's progress: right after the task, or after 进度/完成/完成率; when several
 * could be meant, or it is a fraction or a word like 过半, the part is not stored and the answer says why, with a
 * correct example. A leading {@code 报送} is the caller's business (it has been removed).
 */
public final class ReportParser {
    public static final String EXAMPLE = "12 60% 本周已对接保山咖啡企业2家；问题：冷链成本高；下一步：组织产销对接会";

    private static final int QUOTE = 30;
    private static final Pattern PIECE_SEPARATOR = Pattern.compile("[；;]");
    private static final Pattern REPORT_START = Pattern.compile(
            "^(?:\\d|%|百分之|[一二两三四五六七八九十]成|任务|第|未启动|推进中|已完成|受阻|进展|本周|无变化|同上周|问题|下一步|(?:"
                    + PartReader.LABELS + ")\\s*[:：])");

    private final String botName;

    /** A parser for text that has been cleaned already, or whose mentions of the bot are at the start only. */
    public ReportParser() {
        this("");
    }

    /** @param botName the name people @-mention the bot with; its mention is removed wherever it stands */
    public ReportParser(String botName) {
        this.botName = botName;
    }

    /** Reads one message: its reports, the parts it could not read, or a social word. */
    public MessageReading read(String text) {
        String clean = InputNormalizer.clean(text, botName);
        if (clean.isEmpty()) {
            return new MessageReading.Reports(List.of());
        }
        if (SocialMessages.isSocial(clean)) {
            return new MessageReading.Social(clean);
        }
        clean = SocialMessages.stripLeading(clean);
        List<PartReader.Group> groups = group(clean);
        List<ReportPart> parts = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            parts.addAll(PartReader.read(groups.get(i), clean, i == 0 && groups.size() > 1));
        }
        return new MessageReading.Reports(parts);
    }

    /**
     * Reads a message that must hold exactly one report (a correction): its report, or why it is not one.
     */
    public ParseResult parse(String text) {
        MessageReading reading = read(text);
        if (reading instanceof MessageReading.Social social) {
            return new ParseResult.Invalid("“" + UserText.escape(social.text(), QUOTE) + "”不是进度报送。报送请写任务编号和进度，例如："
                    + EXAMPLE);
        }
        List<ReportPart> parts = ((MessageReading.Reports) reading).parts().stream()
                .filter(p -> !(p instanceof ReportPart.Preamble)).toList();
        if (parts.isEmpty()) {
            return new ParseResult.Invalid("报送内容为空，请写明进度和本周进展，例如：" + EXAMPLE);
        }
        if (parts.size() > 1) {
            return new ParseResult.Invalid("这条消息含有 " + parts.size() + " 项任务，一次只能处理一项。请分条发送，例如：" + EXAMPLE);
        }
        return parts.get(0) instanceof ReportPart.Read r ? new ParseResult.Ok(r.report())
                : new ParseResult.Invalid(((ReportPart.Unreadable) parts.get(0)).reason());
    }

    /** Whether a cleaned message starts the way a report does (for routing text that names no command). */
    public static boolean looksLikeReport(String clean) {
        return REPORT_START.matcher(clean).find()
                || TaskReference.at(clean, TaskReference.Position.MESSAGE_START).isPresent()
                || StatusWords.statusAt(clean, 0).isPresent() || StatusWords.noChangeAt(clean, 0).isPresent()
                || StatusWords.vagueAt(clean, 0).isPresent();
    }

    private static List<PartReader.Group> group(String clean) {
        List<PartReader.Group> groups = new ArrayList<>();
        int lineStart = 0;
        boolean firstPiece = true;
        for (String line : clean.split("\n", -1)) {
            int pieceStart = lineStart;
            boolean lineHead = true;
            for (String raw : PIECE_SEPARATOR.split(line, -1)) {
                String text = raw.strip();
                int start = pieceStart + (raw.length() - raw.stripLeading().length());
                pieceStart += raw.length() + 1;
                if (text.isEmpty()) {
                    lineHead = false;
                    continue;
                }
                PartReader.Piece piece = new PartReader.Piece(text, start, start + text.length());
                TaskReference.Position position = firstPiece ? TaskReference.Position.MESSAGE_START
                        : lineHead ? TaskReference.Position.LINE_START : TaskReference.Position.SEGMENT_START;
                Optional<TaskReference> ref = PartReader.FIELD.matcher(text).matches() ? Optional.empty()
                        : TaskReference.at(text, position);
                // "其余无变化" after reports is a report of its own, on the tasks the message does not name
                boolean rest = ref.isEmpty() && StatusWords.isRestUnchangedClause(text);
                if (ref.isPresent() || groups.isEmpty() || rest) {
                    groups.add(new PartReader.Group(ref, new ArrayList<>(List.of(piece))));
                } else {
                    groups.get(groups.size() - 1).pieces().add(piece);
                }
                firstPiece = false;
                lineHead = false;
            }
            lineStart += line.length() + 1;
        }
        return groups;
    }
}
