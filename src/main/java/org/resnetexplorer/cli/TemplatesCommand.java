package org.resnetexplorer.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.resnetexplorer.graph.Templates;

/** {@code templates}: one line per template name (or name pattern) with what it builds. */
final class TemplatesCommand implements Command {
    @Override
    public String name() {
        return "templates";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public String description() {
        return "list the template names, one line each";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Arguments parsed = Arguments.parse(name(), args, Set.of(), Set.of());
        if (!parsed.positional().isEmpty()) {
            throw new UsageException("'templates' takes no arguments, not '" + parsed.positional().get(0) + "'");
        }
        int width = Templates.catalogue().stream().mapToInt(e -> e.name().length()).max().orElse(0);
        for (Templates.Entry entry : Templates.catalogue()) {
            out.println(String.format("%-" + width + "s  %s", entry.name(), entry.description()));
        }
        return 0;
    }
}
