package io.duban.bot.command;

/** The optional page number of a listing command: {@code 进度}, {@code 进度 2}. */
final class Pages {
    private Pages() {
    }

    static boolean accepts(String args) {
        return args.isEmpty() || args.matches("\\d{1,2}");
    }

    static int number(String args) {
        return args.isEmpty() ? 1 : Integer.parseInt(args);
    }
}
