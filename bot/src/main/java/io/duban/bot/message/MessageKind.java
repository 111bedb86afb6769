package io.duban.bot.message;

/**
 * What kind of message arrived. The engine answers only text; for the others it tells the sender politely what it
 * can read, the same way on every transport.
 */
public enum MessageKind {
    TEXT("文字"),
    /** Text with pictures in one message (WeCom's mixed message): the text is read, the pictures are not kept. */
    TEXT_WITH_PICTURES("图文"),
    IMAGE("图片"),
    FILE("文件"),
    VOICE("语音"),
    VIDEO("视频"),
    OTHER("消息");

    private final String label;

    MessageKind(String label) {
        this.label = label;
    }

    /** The Chinese word for this kind, e.g. 图片. */
    public String label() {
        return label;
    }

    /** Whether the message has text the engine reads (plain text, transcribed voice, the text of a mixed one). */
    public boolean hasText() {
        return this == TEXT || this == TEXT_WITH_PICTURES;
    }

    /** The placeholder stored as the text of a message that has none, e.g. {@code [图片]}. */
    public String placeholder() {
        return "[" + label + "]";
    }
}
