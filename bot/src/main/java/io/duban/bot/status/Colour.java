package io.duban.bot.status;

/** The traffic light of a task. */
public enum Colour {
    RED("红", "🔴"),
    YELLOW("黄", "🟡"),
    GREEN("绿", "🟢");

    private final String label;
    private final String symbol;

    Colour(String label, String symbol) {
        this.label = label;
        this.symbol = symbol;
    }

    public String label() {
        return label;
    }

    public String symbol() {
        return symbol;
    }
}
