package io.duban.bot.bench;

/** The reference for start-up: a JVM that prints one line and exits. */
public final class HelloMain {
    private HelloMain() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
