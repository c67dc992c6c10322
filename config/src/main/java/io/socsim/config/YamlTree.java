package io.socsim.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Locale;

/** Reads YAML text into a {@link Node} tree, with the position of every key and value. */
final class YamlTree {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTree() {
    }

    /**
     * Parses one YAML document.
     *
     * @param source name used in messages (file name, or {@code --set ...})
     * @param fixed  when non-null, every node gets this origin instead of a position: used for
     *               {@code --set} values, whose "position" inside the argument means nothing
     * @return the root node, or a null scalar for an empty document
     */
    static Node parse(String source, String text, Origin fixed) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new Node.ScalarNode(fixed != null ? fixed : Origin.of(source, 1, 1), "", Node.ScalarNode.Type.NULL);
            }
            return read(p, source, fixed);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Origin where = fixed != null || at == null ? (fixed != null ? fixed : Origin.whole(source))
                    : Origin.of(source, at.getLineNr(), at.getColumnNr());
            throw new ConfigException(where + ": invalid YAML: " + summary(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot read: " + e.getMessage());
        }
    }

    private static Node read(JsonParser p, String source, Origin fixed) throws IOException {
        Origin here = fixed != null ? fixed : origin(p, source);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Node.MapNode map = new Node.MapNode(here);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Origin keyOrigin = fixed != null ? fixed : origin(p, source);
                    p.nextToken();
                    Node value = read(p, source, fixed);
                    Node.Entry previous = map.entries().get(key);
                    if (previous != null) {
                        // Jackson keeps the last duplicate silently; a typo'd copy must not win quietly.
                        throw new ConfigException(keyOrigin + ": duplicate key '" + key
                                + "' (first given at line " + previous.keyOrigin().line() + ")");
                    }
                    map.entries().put(key, new Node.Entry(keyOrigin, value));
                }
                return map;
            }
            case START_ARRAY: {
                Node.ListNode list = new Node.ListNode(here);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.items().add(read(p, source, fixed));
                }
                return list;
            }
            case VALUE_STRING:
                return scalar(p, here, Node.ScalarNode.Type.STRING);
            case VALUE_NUMBER_INT:
                return scalar(p, here, Node.ScalarNode.Type.INTEGER);
            case VALUE_NUMBER_FLOAT:
                return scalar(p, here, Node.ScalarNode.Type.FLOAT);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return scalar(p, here, Node.ScalarNode.Type.BOOLEAN);
            case VALUE_NULL:
                return new Node.ScalarNode(here, "", Node.ScalarNode.Type.NULL);
            default:
                throw new ConfigException(here + ": unsupported YAML element " + t.toString().toLowerCase(Locale.ROOT));
        }
    }

    private static Node scalar(JsonParser p, Origin here, Node.ScalarNode.Type type) throws IOException {
        return new Node.ScalarNode(here, p.getText(), type);
    }

    private static Origin origin(JsonParser p, String source) {
        JsonLocation at = p.currentTokenLocation();
        return Origin.of(source, at.getLineNr(), at.getColumnNr());
    }

    /** SnakeYAML's message without its echoed source lines and caret markers. */
    private static String summary(String s) {
        if (s == null || s.isBlank()) {
            return "syntax error";
        }
        StringBuilder b = new StringBuilder();
        for (String line : s.split("\n")) {
            if (line.isBlank() || Character.isWhitespace(line.charAt(0))) {
                continue;
            }
            b.append(b.length() == 0 ? "" : ", ").append(line.trim());
        }
        return b.length() == 0 ? s.trim() : b.toString();
    }
}
