package io.duban.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node that remembers its file, line and path, so that every error about a value can say where the value
 * is. Reading goes through SnakeYAML's composer (no object construction, so no YAML tags can instantiate classes).
 * Scalars may hold {@code ${ENV}} or {@code ${ENV:-default}} references, resolved through the given environment.
 */
public final class YamlNode {
    private final String file;
    private final String path;
    private final Node node;
    private final Function<String, String> env;

    private YamlNode(String file, String path, Node node, Function<String, String> env) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.env = env;
    }

    public static YamlNode read(Path file, Function<String, String> env) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), reader, env);
        } catch (IOException e) {
            throw new ConfigException(file, 0, "", "cannot read file: " + e.getMessage());
        }
    }

    public static YamlNode parse(String fileName, Reader reader, Function<String, String> env) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        try {
            Node root = new Yaml(options).compose(reader);
            if (root == null) {
                throw new ConfigException(fileName, 1, "", "the file is empty");
            }
            return new YamlNode(fileName, "", root, env);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(fileName, line, "", "not valid YAML: " + e.getProblem());
        }
    }

    public int line() {
        return node.getStartMark().getLine() + 1;
    }

    public String path() {
        return path;
    }

    public String file() {
        return file;
    }

    public ConfigException error(String problem) {
        return new ConfigException(file, line(), path, problem);
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    public boolean isSequence() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** The entries of a mapping, in file order. */
    public Map<String, YamlNode> entries() {
        if (!(node instanceof MappingNode mapping)) {
            throw error("expected a mapping (key: value)");
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw error("keys must be plain text");
            }
            out.put(key.getValue(), new YamlNode(file, child(key.getValue()), tuple.getValueNode(), env));
        }
        return out;
    }

    public Optional<YamlNode> get(String key) {
        YamlNode value = entries().get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    public YamlNode require(String key) {
        return get(key).orElseThrow(() -> new ConfigException(file, line(), child(key), "is required"));
    }

    /** Rejects keys this reader does not know, so that a typo is an error and not a silently ignored setting. */
    public YamlNode allowOnly(String... keys) {
        List<String> allowed = List.of(keys);
        for (Map.Entry<String, YamlNode> e : entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw e.getValue().error("unknown key; expected one of " + String.join(", ", allowed));
            }
        }
        return this;
    }

    public List<YamlNode> items() {
        if (node instanceof SequenceNode sequence) {
            List<YamlNode> out = new ArrayList<>();
            List<Node> values = sequence.getValue();
            for (int i = 0; i < values.size(); i++) {
                out.add(new YamlNode(file, path + "[" + i + "]", values.get(i), env));
            }
            return out;
        }
        throw error("expected a list");
    }

    public boolean isNull() {
        return node instanceof ScalarNode scalar && "tag:yaml.org,2002:null".equals(scalar.getTag().getValue());
    }

    public String text() {
        if (!(node instanceof ScalarNode scalar)) {
            throw error("expected a single value");
        }
        return EnvReferences.resolve(scalar.getValue(), env, this);
    }

    public String nonBlankText() {
        String value = text().strip();
        if (value.isEmpty()) {
            throw error("must not be empty");
        }
        return value;
    }

    public int integer() {
        try {
            return Integer.parseInt(text().strip());
        } catch (NumberFormatException e) {
            throw error("expected a whole number, got '" + text() + "'");
        }
    }

    public double decimal() {
        try {
            return Double.parseDouble(text().strip());
        } catch (NumberFormatException e) {
            throw error("expected a number, got '" + text() + "'");
        }
    }

    public boolean bool() {
        String value = text().strip().toLowerCase();
        return switch (value) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error("expected true or false, got '" + value + "'");
        };
    }

    public LocalDate date() {
        try {
            return LocalDate.parse(text().strip());
        } catch (DateTimeParseException e) {
            throw error("expected a date like 2023-12-31, got '" + text() + "'");
        }
    }

    /** A list of strings; a single scalar counts as a list of one. */
    public List<String> strings() {
        if (isScalar()) {
            return isNull() ? List.of() : List.of(nonBlankText());
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : items()) {
            out.add(item.nonBlankText());
        }
        return out;
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
