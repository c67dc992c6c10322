package io.socsim.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML tree that keeps the origin of every key and value. Jackson's own {@code JsonNode} drops
 * locations, and every error message must name file:line:column, so the loader builds this
 * instead. The tree is mutable only while overrides and {@code extends} are applied.
 */
sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {

    Origin origin();

    /** Human name of the node kind, for "expected X, got Y" messages. */
    String kind();

    /** One key of a mapping: where the key was written, and its value. */
    record Entry(Origin keyOrigin, Node value) {
    }

    record MapNode(Origin origin, Map<String, Entry> entries) implements Node {
        MapNode(Origin origin) {
            this(origin, new LinkedHashMap<>());
        }

        @Override
        public String kind() {
            return "a section";
        }
    }

    record ListNode(Origin origin, List<Node> items) implements Node {
        ListNode(Origin origin) {
            this(origin, new ArrayList<>());
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A scalar keeps its source text; typed parsing happens in {@link Values} with one set of rules. */
    record ScalarNode(Origin origin, String text, Type type) implements Node {
        enum Type { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

        boolean isNull() {
            return type == Type.NULL;
        }

        @Override
        public String kind() {
            return isNull() ? "nothing (null)" : "'" + text + "'";
        }
    }
}
