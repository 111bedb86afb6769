package io.duban.bot.wecom;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a message that is over WeCom's byte limit (counted in UTF-8) into parts that fit, each marked
 * {@code (1/3)}, {@code (2/3)} … on a last line of its own. Splits fall on line boundaries; a list item with its
 * continuation lines stays whole; a line longer than a part is cut between characters, never inside a character,
 * a {@code <@userid>} mention, a markdown link or a {@code <font>} tag, preferring a space or a punctuation mark.
 */
public final class MessageSplitter {
    /** Webhook {@code text.content}. */
    public static final int WEBHOOK_TEXT_BYTES = 2048;
    /** Webhook {@code markdown.content}. */
    public static final int WEBHOOK_MARKDOWN_BYTES = 4096;
    /** Long-connection markdown replies and pushes. */
    public static final int AIBOT_MARKDOWN_BYTES = 20480;

    /** Room kept in each part for the marker line, {@code "\n(999/999)"}. */
    private static final int MARKER_RESERVE = 10;
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*([-*+]|\\d+[.、)）])\\s");
    /** Pieces of a line that must not be cut: mentions, links, font tags with their text, then single characters. */
    private static final Pattern ATOM = Pattern.compile(
            "<@[^>\\s]{1,64}>|\\[[^\\]\\n]{0,512}]\\([^)\\s]{0,2048}\\)|<font[^>]{0,64}>[^<]{0,512}</font>|\\X");
    private static final String BREAK_AFTER = " \t，。；、！？,.;!?：:）)";

    private MessageSplitter() {
    }

    public static int utf8Length(CharSequence s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The parts of {@code content}, each at most {@code maxBytes} UTF-8 bytes; one unmarked part when it fits. */
    public static List<String> split(String content, int maxBytes) {
        if (maxBytes <= MARKER_RESERVE + 16) {
            throw new IllegalArgumentException("maxBytes too small: " + maxBytes);
        }
        if (utf8Length(content) <= maxBytes) {
            return List.of(content);
        }
        int budget = maxBytes - MARKER_RESERVE;
        List<String> pieces = new ArrayList<>();
        for (String block : blocks(content)) {
            if (utf8Length(block) <= budget) {
                pieces.add(block);
            } else {
                for (String line : block.split("\n", -1)) {
                    if (utf8Length(line) <= budget) {
                        pieces.add(line);
                    } else {
                        pieces.addAll(cutLine(line, budget));
                    }
                }
            }
        }
        List<String> parts = pack(pieces, budget);
        List<String> marked = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            marked.add(parts.get(i) + "\n(" + (i + 1) + "/" + parts.size() + ")");
        }
        return marked;
    }

    /** Lines, with each list item and its indented continuation lines joined into one block. */
    static List<String> blocks(String content) {
        List<String> blocks = new ArrayList<>();
        StringBuilder item = null;
        for (String line : content.split("\n", -1)) {
            boolean continuation = item != null && !line.isBlank() && Character.isWhitespace(line.charAt(0))
                    && !LIST_ITEM.matcher(line).find();
            if (continuation) {
                item.append('\n').append(line);
                continue;
            }
            if (item != null) {
                blocks.add(item.toString());
                item = null;
            }
            if (LIST_ITEM.matcher(line).find()) {
                item = new StringBuilder(line);
            } else {
                blocks.add(line);
            }
        }
        if (item != null) {
            blocks.add(item.toString());
        }
        return blocks;
    }

    /** Cuts one over-long line between atoms, preferring to break after a space or a punctuation mark. */
    static List<String> cutLine(String line, int budget) {
        List<String> out = new ArrayList<>();
        Matcher m = ATOM.matcher(line);
        StringBuilder current = new StringBuilder();
        int currentBytes = 0;
        int lastBreak = -1;
        while (m.find()) {
            String atom = m.group();
            int atomBytes = utf8Length(atom);
            if (atomBytes > budget) {
                // A single link longer than a whole part cannot stay intact: cut it between characters.
                for (int cp : atom.codePoints().toArray()) {
                    String ch = new String(Character.toChars(cp));
                    if (currentBytes + utf8Length(ch) > budget) {
                        out.add(current.toString());
                        current.setLength(0);
                        currentBytes = 0;
                    }
                    current.append(ch);
                    currentBytes += utf8Length(ch);
                }
                lastBreak = -1;
                continue;
            }
            if (currentBytes + atomBytes > budget && lastBreak > 0 && lastBreak < current.length()) {
                String tail = current.substring(lastBreak);
                out.add(current.substring(0, lastBreak));
                current.setLength(0);
                current.append(tail);
                currentBytes = utf8Length(tail);
                lastBreak = -1;
            }
            if (currentBytes + atomBytes > budget) {
                out.add(current.toString());
                current.setLength(0);
                currentBytes = 0;
                lastBreak = -1;
            }
            current.append(atom);
            currentBytes += atomBytes;
            if (atom.length() == 1 && BREAK_AFTER.indexOf(atom.charAt(0)) >= 0) {
                lastBreak = current.length();
            }
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    /** Greedily joins pieces with newlines into parts of at most {@code budget} bytes, dropping blank edges. */
    private static List<String> pack(List<String> pieces, int budget) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int bytes = 0;
        for (String piece : pieces) {
            int pieceBytes = utf8Length(piece);
            int needed = current.length() == 0 ? pieceBytes : bytes + 1 + pieceBytes;
            if (needed > budget && current.length() > 0) {
                addTrimmed(parts, current.toString());
                current.setLength(0);
                bytes = 0;
                needed = pieceBytes;
            }
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(piece);
            bytes = needed;
        }
        addTrimmed(parts, current.toString());
        return parts;
    }

    private static void addTrimmed(List<String> parts, String part) {
        String trimmed = part.replaceAll("^\\n+|\\n+$", "");
        if (!trimmed.isBlank()) {
            parts.add(trimmed);
        }
    }
}
