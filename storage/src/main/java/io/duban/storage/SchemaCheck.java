package io.duban.storage;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Tells whether a database already has every migration the application ships, so that a short command starts
 * without loading Flyway (its class path scan and validation are a good part of a command's start-up). When in
 * doubt — a migration file not yet applied, a failed one, no history table, an unreadable class path — Flyway runs
 * as always.
 */
final class SchemaCheck {
    private static final Pattern VERSION = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");

    private SchemaCheck() {
    }

    static boolean isCurrent(DataSource dataSource, String folder) {
        Optional<Set<String>> shipped = shippedVersions(folder);
        if (shipped.isEmpty() || shipped.get().isEmpty()) {
            return false;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history")) {
            Set<String> applied = new HashSet<>();
            while (rs.next()) {
                if (!rs.getBoolean("success")) {
                    return false;
                }
                if (rs.getString("version") != null) {
                    applied.add(normalize(rs.getString("version")));
                }
            }
            return applied.containsAll(shipped.get());
        } catch (SQLException e) {
            return false; // a new database: no history yet
        }
    }

    /** The migration versions in {@code classpath:folder}, from a jar or a class folder. */
    static Optional<Set<String>> shippedVersions(String folder) {
        URL url = SchemaCheck.class.getClassLoader().getResource(folder);
        if (url == null) {
            return Optional.empty();
        }
        Set<String> versions = new HashSet<>();
        try {
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(true);
                JarFile jar = connection.getJarFile();
                String prefix = folder.endsWith("/") ? folder : folder + "/";
                for (var entries = jar.entries(); entries.hasMoreElements();) {
                    String name = entries.nextElement().getName();
                    if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
                        add(versions, name.substring(prefix.length()));
                    }
                }
            } else if ("file".equals(url.getProtocol())) {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    files.forEach(f -> add(versions, f.getFileName().toString()));
                }
            } else {
                return Optional.empty();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(Collections.unmodifiableSet(versions));
    }

    private static void add(Set<String> versions, String fileName) {
        Matcher m = VERSION.matcher(fileName);
        if (m.matches()) {
            versions.add(normalize(m.group(1)));
        }
    }

    /** Flyway stores {@code V010} as {@code 010}→ compare numerically: "10". */
    private static String normalize(String version) {
        StringBuilder out = new StringBuilder();
        for (String part : version.split("[._]")) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(new java.math.BigInteger(part));
        }
        return out.toString();
    }
}
