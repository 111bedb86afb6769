package io.duban.bot.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code serve} reports about itself, written to a small JSON file every few seconds and read by
 * {@code duban status}. Holds no secrets.
 */
public record ServeStatus(long pid, String updatedAt, String connection, String connectionSince, int reconnects,
                          String lastProblem, String botId, int webhookGroups, Map<String, Long> outbox,
                          String storageProblem) {

    /** Without a storage problem. */
    public ServeStatus(long pid, String updatedAt, String connection, String connectionSince, int reconnects,
                       String lastProblem, String botId, int webhookGroups, Map<String, Long> outbox) {
        this(pid, updatedAt, connection, connectionSince, reconnects, lastProblem, botId, webhookGroups, outbox, "");
    }

    public ServeStatus {
        storageProblem = storageProblem == null ? "" : storageProblem;
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    public Instant updatedInstant() {
        return Instant.parse(updatedAt);
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the status file " + file, e);
        }
    }

    public static Optional<ServeStatus> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), ServeStatus.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The status file of an installation: {@code DUBAN_STATUS_FILE}, else {@code data/serve-status.json}. */
    public static Path fileFor(Path home, Map<String, String> env) {
        String fromEnv = env.get("DUBAN_STATUS_FILE");
        return fromEnv == null || fromEnv.isBlank() ? home.resolve("data").resolve("serve-status.json")
                : Path.of(fromEnv);
    }
}
