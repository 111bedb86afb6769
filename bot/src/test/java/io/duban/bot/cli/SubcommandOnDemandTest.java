package io.duban.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A short command builds only its own subcommand; anything that lists commands builds them all. */
class SubcommandOnDemandTest {

    @Test
    void theNamedSubcommand_isFoundAfterOptionsAndTheirValues() {
        assertThat(DubanCommand.subcommandIn(new String[] {"--db", "jdbc:sqlite:x.db", "--now", "2023-10-09T09:00+08:00",
                "job", "list"})).isEqualTo("job");
        assertThat(DubanCommand.subcommandIn(new String[] {"--db=jdbc:sqlite:x.db", "chat", "--quiet"})).isEqualTo("chat");
        assertThat(DubanCommand.subcommandIn(new String[] {"--config", "chat", "export"})).isEqualTo("export");
        assertThat(DubanCommand.subcommandIn(new String[] {"--version"})).isNull();
        assertThat(DubanCommand.subcommandIn(new String[] {})).isNull();
    }

    @Test
    void onlyThatSubcommandIsBuilt_elseAll() {
        assertThat(DubanCommand.commandLineFor(new String[] {"--db", "jdbc:sqlite:x.db", "chat"}).getSubcommands())
                .containsOnlyKeys("chat");
        assertThat(DubanCommand.commandLineFor(new String[] {"job", "preview", "weekly-prompt"}).getSubcommands().get("job")
                .getSubcommands()).containsKeys("list", "preview", "run");
        var all = DubanCommand.commandLine().getSubcommands().keySet();
        assertThat(all).hasSize(10);
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "job"}, {"nosuch"}, {"--db", "x"}}) {
            assertThat(DubanCommand.commandLineFor(args).getSubcommands().keySet()).as(String.join(" ", args))
                    .containsExactlyElementsOf(all);
        }
    }
}
