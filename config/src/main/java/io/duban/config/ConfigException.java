package io.duban.config;

import java.nio.file.Path;

/**
 * A configuration or plan file that cannot be used. The message names the file, the line and the field, so that
 * the person who edits the file can find the mistake without reading code.
 */
public final class ConfigException extends RuntimeException {
    private final String file;
    private final int line;
    private final String field;

    public ConfigException(String file, int line, String field, String problem) {
        super(format(file, line, field, problem));
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public ConfigException(Path file, int line, String field, String problem) {
        this(String.valueOf(file), line, field, problem);
    }

    private static String format(String file, int line, String field, String problem) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        if (field != null && !field.isEmpty()) {
            sb.append(": ").append(field);
        }
        return sb.append(": ").append(problem).toString();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
