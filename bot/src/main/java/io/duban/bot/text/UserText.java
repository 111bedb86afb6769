package io.duban.bot.text;

/**
 * Makes text a person typed safe to repeat to others. WeCom markdown and text messages give meaning to {@code @},
 * {@code <@userid>}, {@code <font>}, {@code [text](url)}, {@code **}, {@code `}, headings, quotes and bare URLs;
 * each of those characters is replaced by its full-width twin, so the text reads the same to a person but can no
 * longer mention, link or format. Line breaks become spaces (a repeated field stays one line), and text over the
 * limit is cut with a visible mark.
 */
public final class UserText {
    public static final String CUT_MARK = "…（已截断）";

    private UserText() {
    }

    public static String escape(String raw, int maxChars) {
        if (raw == null) {
            return "";
        }
        String oneLine = raw.replaceAll("[\\r\\n\\t\\u2028\\u2029]+", " ").strip();
        StringBuilder out = new StringBuilder(oneLine.length());
        int count = 0;
        for (int i = 0; i < oneLine.length(); ) {
            int cp = oneLine.codePointAt(i);
            i += Character.charCount(cp);
            if (count == maxChars) {
                out.append(CUT_MARK);
                return out.toString();
            }
            count++;
            if (Character.getType(cp) == Character.FORMAT || Character.isISOControl(cp)) {
                count--;
                continue; // zero-width and control characters could hide or reorder text
            }
            out.append(switch (cp) {
                case '@' -> "＠";
                case '<' -> "＜";
                case '>' -> "＞";
                case '[' -> "［";
                case ']' -> "］";
                case '(' -> "（";
                case ')' -> "）";
                case '*' -> "＊";
                case '_' -> "＿";
                case '`' -> "｀";
                case '#' -> "＃";
                case '~' -> "～";
                case '|' -> "｜";
                case '&' -> "＆";
                case '\\' -> "＼";
                case '/' -> "／";
                case ':' -> "：";
                default -> new String(Character.toChars(cp));
            });
        }
        return out.toString();
    }
}
