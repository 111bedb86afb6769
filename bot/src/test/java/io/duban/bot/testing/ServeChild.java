package io.duban.bot.testing;

import io.duban.bot.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real {@code duban serve} in a child JVM, connected to the fake WeCom, for crash and failover tests. */
public final class ServeChild {
    private ServeChild() {
    }

    /**
     * Starts {@code serve --db URL --config ../config [extra]} with the shipped configuration; its status file and
     * home are {@code home}, its output is appended to {@code log}.
     */
    public static Process start(String dbUrl, FakeWeCom fake, Path home, Path log, String... extra) throws IOException {
        return start(dbUrl, fake, home, log, Map.of(), extra);
    }

    /** As {@link #start(String, FakeWeCom, Path, Path, String...)}, with more environment (e.g. the HTTP callback). */
    public static Process start(String dbUrl, FakeWeCom fake, Path home, Path log, Map<String, String> env,
                                String... extra) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.createDirectories(home);
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "-Dfile.encoding=UTF-8",
                Main.class.getName(), "serve", "--db", dbUrl, "--config", Path.of("../config").toAbsolutePath().toString()));
        command.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("WECOM_WS_URL", fake.url().toString());
        pb.environment().put("WECOM_BOT_ID", FakeWeCom.BOT_ID);
        pb.environment().put("WECOM_BOT_SECRET", FakeWeCom.SECRET);
        pb.environment().put("DUBAN_STATUS_FILE", home.resolve("status.json").toString());
        pb.environment().put("DUBAN_HOME", home.toString());
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Prints the last 40 lines of each child's log that exists ({@code dir/NAME.log}), to explain a failed test. */
    public static void printLogTails(Path dir, List<String> names) throws IOException {
        for (String name : names) {
            Path log = dir.resolve(name + ".log");
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log);
                System.out.println(name + ".log:\n" + String.join("\n",
                        lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
        }
    }
}
