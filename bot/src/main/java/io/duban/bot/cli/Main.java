package io.duban.bot.cli;

import picocli.CommandLine;

/** Entry point: the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(DubanCommand.commandLine().execute(args));
    }
}
