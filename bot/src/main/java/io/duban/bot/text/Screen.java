package io.duban.bot.text;

import java.util.ArrayList;
import java.util.List;

/**
 * One phone screen: a WeCom bubble shows about 18 Chinese characters a line and 22 lines a screen, so an answer
 * keeps to {@value #MAX_LINES} lines and {@value #MAX_CHARS} characters. Longer lists are split into pages; every
 * page but the last ends with how to ask for the next one ({@code 更多请发：进度 2}).
 */
public final class Screen {
    public static final int MAX_LINES = 20;
    public static final int MAX_CHARS = 450;

    private Screen() {
    }

    /** Lines of a text (a trailing newline adds none). */
    public static int lines(String text) {
        return text.isEmpty() ? 0 : text.split("\n", -1).length;
    }

    /** Characters a reader sees: code points, without markdown colour tags. */
    public static int chars(String text) {
        String visible = text.replaceAll("</?font[^>]*>", "");
        return visible.codePointCount(0, visible.length());
    }

    /** The first {@code max} characters, with {@code …} when cut (for text already escaped). */
    public static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    public static boolean fits(String text) {
        return lines(text) <= MAX_LINES && chars(text) <= MAX_CHARS;
    }

    /**
     * Page {@code page} (1-based) of {@code head} followed by as many {@code items} as fit, then {@code tail} on the
     * last page or the "more" line ({@code 更多请发：<moreCommand> <page+1>}) on the others. A page past the end
     * shows the last page, saying so on its first line.
     */
    public static String page(String head, List<String> items, String tail, String moreCommand, int page) {
        List<List<String>> pages = paginate(head, items, tail, moreCommand);
        if (page > pages.size()) {
            String noted = "（没有第 " + page + " 页，以下是" + (pages.size() == 1 ? "全部" : "最后一页") + "）\n" + head;
            List<List<String>> again = paginate(noted, items, tail, moreCommand);
            return render(noted, again, again.size(), tail, moreCommand);
        }
        return render(head, pages, Math.max(1, page), tail, moreCommand);
    }

    private static String render(String head, List<List<String>> pages, int p, String tail, String moreCommand) {
        List<String> chosen = pages.get(p - 1);
        StringBuilder sb = new StringBuilder(head);
        for (String item : chosen) {
            sb.append('\n').append(item);
        }
        if (p < pages.size()) {
            sb.append('\n').append(more(moreCommand, p + 1, pages.size()));
        } else if (!tail.isEmpty()) {
            sb.append('\n').append(tail);
        }
        return sb.toString();
    }

    /** How many pages the items take. */
    public static int pageCount(String head, List<String> items, String tail, String moreCommand) {
        return paginate(head, items, tail, moreCommand).size();
    }

    private static List<List<String>> paginate(String head, List<String> items, String tail, String moreCommand) {
        List<List<String>> pages = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int headLines = lines(head);
        int headChars = chars(head);
        // room on a middle page: the "more" line is at most this long
        String moreSample = more(moreCommand, 99, 99);
        int lineRoom = MAX_LINES - headLines - 1;
        int charRoom = MAX_CHARS - headChars - chars(moreSample) - 2;
        int usedLines = 0;
        int usedChars = 0;
        for (String item : items) {
            int l = lines(item);
            int c = chars(item) + 1;
            if (!current.isEmpty() && (usedLines + l > lineRoom || usedChars + c > charRoom)) {
                pages.add(current);
                current = new ArrayList<>();
                usedLines = 0;
                usedChars = 0;
            }
            current.add(item);
            usedLines += l;
            usedChars += c;
        }
        // the last page carries the tail instead of the "more" line: move items on if the tail does not fit
        int tailLines = tail.isEmpty() ? 0 : lines(tail);
        int tailChars = tail.isEmpty() ? 0 : chars(tail) + 1;
        List<String> last = current;
        List<String> overflow = new ArrayList<>();
        while (!last.isEmpty() && (linesOf(last) + tailLines > MAX_LINES - headLines
                || charsOf(last) + tailChars > MAX_CHARS - headChars)) {
            overflow.add(0, last.remove(last.size() - 1));
        }
        if (!last.isEmpty() || pages.isEmpty()) {
            pages.add(last);
        }
        if (!overflow.isEmpty()) {
            pages.add(overflow);
        }
        return pages;
    }

    private static int linesOf(List<String> items) {
        return items.stream().mapToInt(Screen::lines).sum();
    }

    private static int charsOf(List<String> items) {
        return items.stream().mapToInt(i -> chars(i) + 1).sum();
    }

    private static String more(String moreCommand, int next, int total) {
        return "（第 " + (next - 1) + "/" + total + " 页）更多请发：" + moreCommand + " " + next;
    }
}
