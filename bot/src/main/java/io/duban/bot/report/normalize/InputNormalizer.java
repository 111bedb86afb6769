package io.duban.bot.report.normalize;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The one cleaning step every message goes through before anything reads it:
 * <ul>
 *   <li>invisible and format characters go (zero-width space and joiners, word joiner, BOM, soft hyphen, bidi
 *       marks, controls other than line breaks) — pasted text often carries them, and one inside {@code 12}
 *       must not turn it into {@code 1};</li>
 *   <li>Unicode NFKC folds what a Chinese IME types into plain forms ({@code １２ ６０％} → {@code 12 60%},
 *       {@code ＠}, the ideographic space, the U+2005 WeCom puts after a mention), except the full-width
 *       punctuation Chinese text is written with ({@code ，：；！？（）…～}), which stays as typed;</li>
 *   <li>the bot's mention goes wherever it stands, and so do mentions at the very start (who was addressed is
 *       the transport's business);</li>
 *   <li>spaces collapse, each line is trimmed, empty lines go.</li>
 * </ul>
 * The stored inbound message keeps the original; reports keep this cleaned text. The function is idempotent.
 */
public final class InputNormalizer {
    /** Full-width punctuation that Chinese text is written with; NFKC would turn it into ASCII. */
    private static final String KEPT_PUNCTUATION = "，：；！？（）…～";
    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(?:\\s*@[^\\s@]+\\s*)+");
    private static final Pattern SPACES = Pattern.compile("[ \\t]+");

    private InputNormalizer() {
    }

    /** Cleans text without knowing the bot's name: mentions at the start are removed, others stay. */
    public static String clean(String raw) {
        return clean(raw, "");
    }

    /**
     * @param botName the name people @-mention the bot with; its mention is removed wherever it stands
     */
    public static String clean(String raw, String botName) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String visible = dropInvisible(raw);
        String folded = fold(visible);
        String withoutBot = folded;
        if (!botName.isBlank()) {
            String name = fold(dropInvisible(botName)).strip();
            withoutBot = dropMentions(withoutBot, name);
        }
        return tidy(LEADING_MENTIONS.matcher(tidy(withoutBot)).replaceFirst(""));
    }

    private static String dropInvisible(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            boolean drop = isInvisible(cp);
            if (drop && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (!drop && out != null) {
                out.appendCodePoint(cp);
            }
            i += n;
        }
        return out == null ? s : out.toString();
    }

    private static boolean isInvisible(int cp) {
        if (cp == '\n') {
            return false;
        }
        if (cp == '\t' || cp == '\r') {
            return false; // tidied into spaces and line breaks below
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.CONTROL
                || (cp >= 0xFE00 && cp <= 0xFE0F) // variation selectors (the invisible half of some emoji)
                || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0; // fillers
    }

    /** NFKC, leaving Chinese full-width punctuation alone. */
    private static String fold(String s) {
        if (Normalizer.isNormalized(s, Normalizer.Form.NFKC)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int runStart = 0;
        for (int i = 0; i < s.length(); i++) {
            if (KEPT_PUNCTUATION.indexOf(s.charAt(i)) >= 0) {
                out.append(Normalizer.normalize(s.substring(runStart, i), Normalizer.Form.NFKC)).append(s.charAt(i));
                runStart = i + 1;
            }
        }
        out.append(Normalizer.normalize(s.substring(runStart), Normalizer.Form.NFKC));
        return out.toString();
    }

    /**
     * Removes every {@code @name} with the one space (or the U+2005) that follows it, the last one first, so that a
     * mention typed inside another one goes as a whole.
     */
    private static String dropMentions(String s, String name) {
        String mention = "@" + name;
        String out = s;
        for (int at = out.lastIndexOf(mention); at >= 0; at = out.lastIndexOf(mention)) {
            int end = at + mention.length();
            if (end < out.length() && (out.charAt(end) == ' ' || out.charAt(end) == '\t')) {
                end++;
            }
            out = out.substring(0, at) + out.substring(end);
        }
        return out;
    }

    private static String tidy(String s) {
        String[] lines = s.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n')
                .split("\n", -1);
        StringBuilder out = new StringBuilder(s.length());
        for (String line : lines) {
            String t = SPACES.matcher(line).replaceAll(" ").strip();
            if (!t.isEmpty()) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(t);
            }
        }
        return out.toString();
    }
}
