package io.duban.bot;

import io.duban.bot.cli.DubanCommand;
import picocli.CommandLine;

/** Entry point: the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(DubanCommand.commandLineFor(args).execute(args));
    }
}
