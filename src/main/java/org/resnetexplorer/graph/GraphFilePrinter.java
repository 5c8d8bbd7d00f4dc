package org.resnetexplorer.graph;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/**
 * Lays a file out for people: each entry of the graph and of its three lists on a line of its own, and each
 * node, wire and block on one line, so that a file reads (and diffs) as a list of layers.
 */
final class GraphFilePrinter implements PrettyPrinter {
    /** Containers nested this deep or less put each entry on a new line: the graph, and its lists. */
    private static final int LINE_DEPTH = 2;
    private static final String INDENT = "  ";
    /** Whether each open container puts its entries on lines of their own, innermost first. */
    private final java.util.Deque<Boolean> lines = new java.util.ArrayDeque<>();
    private int depth;

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        g.writeRaw('{');
        open(g);
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        startEntry(g, false);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        startEntry(g, true);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        end(g, entries);
        g.writeRaw('}');
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        g.writeRaw('[');
        open(g);
    }

    /** The graph, its lists and the layout's positions put one entry on each line; everything inside, one line. */
    private void open(JsonGenerator g) {
        depth++;
        var parent = g.getOutputContext().getParent();
        boolean positions = parent != null && "positions".equals(parent.getCurrentName()) && depth == LINE_DEPTH + 1;
        lines.push(depth <= LINE_DEPTH || positions);
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        startEntry(g, false);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        startEntry(g, true);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        end(g, values);
        g.writeRaw(']');
    }

    private void startEntry(JsonGenerator g, boolean afterComma) throws IOException {
        if (Boolean.TRUE.equals(lines.peek())) {
            g.writeRaw("\n" + INDENT.repeat(depth));
        } else if (afterComma) {
            g.writeRaw(' ');
        }
    }

    private void end(JsonGenerator g, int entries) throws IOException {
        depth--;
        if (Boolean.TRUE.equals(lines.pop()) && entries > 0) {
            g.writeRaw("\n" + INDENT.repeat(depth));
        }
    }
}
