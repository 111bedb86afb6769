package io.duban.bot.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 row 4: {@code ./duban chat} from start to its first answer, against a JVM that prints "hello" (both timed
 * to their first line of output, in interleaved pairs). Uses the launcher as users do, so it needs an up-to-date
 * {@code bot/target/duban.jar} (run {@code ./duban --version} first; the bench is skipped otherwise). Goal: ≤ 15 ×.
 */
@Tag("bench")
class StartupBench {
    @TempDir
    Path dir;

    @Test
    void chatToFirstAnswer_againstHelloWorld() {
        Path launcher = Path.of("..", "duban").toAbsolutePath().normalize();
        Path jar = Path.of("target", "duban.jar");
        assumeTrue(Files.isRegularFile(jar), "bot/target/duban.jar missing: run ./duban --version first");
        assumeTrue(upToDate(jar), "bot/target/duban.jar is older than the sources: run ./duban --version first");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> chat = List.of(launcher.toString(), "chat", "--quiet", "--db",
                "jdbc:sqlite:" + dir.resolve("startup.db"));
        List<String> hello = List.of(java, "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                HelloMain.class.getName());
        firstLine(chat, "帮助\n"); // builds the class archive once after a build, and the database
        firstLine(hello, "");
        Ratios.pairs("./duban chat start to first answer (vs java Hello)", "ms", 9,
                () -> firstLine(chat, "帮助\n"), () -> firstLine(hello, ""));
    }

    /** Milliseconds from starting the process to its first line on standard output. */
    private static double firstLine(List<String> command, String input) {
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            double ms = (System.nanoTime() - start) / 1e6;
            if (line == null) {
                throw new AssertionError("no output from " + command);
            }
            while (out.readLine() != null) {
                // drain
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return ms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean upToDate(Path jar) {
        try (var sources = Files.walk(Path.of("src", "main"))) {
            long built = Files.getLastModifiedTime(jar).toMillis();
            return sources.filter(Files::isRegularFile).allMatch(f -> {
                try {
                    return Files.getLastModifiedTime(f).toMillis() <= built;
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }
}
