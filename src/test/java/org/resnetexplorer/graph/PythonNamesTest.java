package org.resnetexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Identifiers made from graph names: valid Python, never reserved (keywords, soft keywords, builtins,
 * nn.Module's own names, private and dunder names, the export's own names and block classes), unique within
 * a scope and the same for the same name; ordinary names stay as they are.
 */
class PythonNamesTest {
    private static final Set<String> CLASSES = Set.of("BasicBlock", "Bottleneck2", "PlainBasicBlock");

    /** Names the issue and the brief list by name: every one must come out as something else. */
    private static final List<String> NAMED = List.of("eval", "parameters", "__class__", "forward", "training",
            "_modules", "pad_shortcut", "build", "Net", "print", "sum", "len", "match", "case", "type", "_", "x", "self",
            "torch", "nn", "F", "model", "class", "None", "super", "BasicBlock", "Bottleneck2", "requires_grad_",
            "__init__", "_x", "T_destination");

    @Test
    @DisplayName("generated names get valid, unreserved identifiers, unique in their scope and stable")
    void generatedNames() {
        for (long seed = 1; seed <= 20; seed++) {
            HostileNames generator = new HostileNames(seed, "/tmp/marker");
            PythonNames names = new PythonNames(CLASSES);
            Map<String, String> nameOf = new HashMap<>();
            for (int i = 0; i < 300; i++) {
                String name = generator.name();
                String identifier = names.identifier(name);
                assertThat(identifier).as("identifier of %s", name).matches("[A-Za-z][A-Za-z0-9_]*")
                        .hasSizeLessThanOrEqualTo(PythonNames.MAX_BASE_LENGTH + 1 + 6);
                assertThat(reserved(identifier, CLASSES)).as("%s (from %s) is reserved", identifier, name).isFalse();
                String earlier = nameOf.putIfAbsent(identifier, name);
                assertThat(earlier == null || earlier.equals(name))
                        .as("%s and %s share the identifier %s", earlier, name, identifier).isTrue();
                assertThat(names.identifier(name)).as("second identifier of %s", name).isEqualTo(identifier);
            }
        }
    }

    @Test
    @DisplayName("every name the issue names as trouble gets another identifier, with a readable resemblance")
    void namedTroubleMakers() {
        PythonNames names = new PythonNames(CLASSES);
        for (String name : NAMED) {
            assertThat(names.identifier(name)).as("identifier of %s", name).isNotEqualTo(name)
                    .satisfies(identifier -> assertThat(reserved(identifier, CLASSES))
                            .as("%s is reserved", identifier).isFalse());
        }
        PythonNames fresh = new PythonNames(CLASSES);
        assertThat(List.of("eval", "__class__", "_modules", "match", "print", "1x", "a.b/c", "\ud83d\ude00", "eval")
                .stream().map(fresh::identifier).toList())
                .containsExactly("eval_", "class__", "modules_", "match_", "print_", "n_1x", "a_b_c", "n_", "eval_");
        assertThat(fresh.identifier("eval_")).as("a name that is another's identifier already").isEqualTo("eval__2");
    }

    @Test
    @DisplayName("ordinary names stay as they are; a very long one is cut, and two cut alike stay apart")
    void ordinaryAndLongNames() {
        PythonNames names = new PythonNames(CLASSES);
        for (String name : List.of("conv1", "bn2", "relu", "shortcut", "add", "block1", "fc", "stem_conv", "Block")) {
            assertThat(names.identifier(name)).isEqualTo(name);
        }
        String a = "a".repeat(10_000);
        assertThat(names.identifier(a)).isEqualTo("a".repeat(PythonNames.MAX_BASE_LENGTH));
        assertThat(names.identifier(a + "b")).isEqualTo("a".repeat(PythonNames.MAX_BASE_LENGTH) + "_2");
    }

    /**
     * Whether a name must not get that identifier in an export with those block classes: a private or dunder
     * name, or one in the lists PythonNames keeps (checked here apart from PythonNames.isReserved).
     */
    static boolean reserved(String identifier, Set<String> classes) {
        return identifier.startsWith("_") || PythonNames.KEYWORDS.contains(identifier)
                || PythonNames.SOFT_KEYWORDS.contains(identifier) || PythonNames.BUILTINS.contains(identifier)
                || PythonNames.MODULE_ATTRIBUTES.contains(identifier) || PythonNames.EXPORT_NAMES.contains(identifier)
                || classes.contains(identifier);
    }
}
