package io.duban.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;

/** A SQLite database as an older build left it: migrated with every shipped migration but the ones named. */
final class OlderSchema {
    private static final Path SHIPPED = Path.of("src/main/resources/db/migration/sqlite");

    private OlderSchema() {
    }

    /**
     * Migrates {@code dir/duban.db} without the migrations whose versions are given (e.g. {@code "V092"}).
     *
     * @return the database's JDBC URL
     */
    static String without(Path dir, String... versions) throws IOException {
        Path old = dir.resolve("old-migrations");
        Files.createDirectories(old);
        try (Stream<Path> files = Files.list(SHIPPED)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (Arrays.stream(versions).noneMatch(v -> name.startsWith(v + "__"))) {
                    Files.copy(f, old.resolve(name));
                }
            }
        }
        String url = "jdbc:sqlite:" + dir.resolve("duban.db");
        Flyway.configure().dataSource(url, null, null).locations("filesystem:" + old).load().migrate();
        return url;
    }
}
