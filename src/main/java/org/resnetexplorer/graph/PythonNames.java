package org.resnetexplorer.graph;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Python identifiers for names from a graph, within one scope of the generated code: one class, whose
 * attributes ({@code self.NAME}) and whose forward's local variables share the identifiers. An identifier is
 * the name with every character outside [A-Za-z0-9_] as '_' and its leading underscores dropped (so no
 * private or dunder name), "n_" before it if that leaves nothing or a digit first, cut to
 * {@value #MAX_BASE_LENGTH} characters; then '_' appended if it is reserved ({@link #isReserved}), and "_2",
 * "_3", ... if another name of the scope has it already. The same name always gets the same identifier.
 */
final class PythonNames {
    /** Longest identifier made from a name before a suffix ('_' for a reserved word, "_2" for a taken one). */
    static final int MAX_BASE_LENGTH = 48;

    /** Python's keywords (keyword.kwlist of Python 3.11). */
    static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await", "break",
            "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
            "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with",
            "yield");

    /** Python's soft keywords (keyword.softkwlist of Python 3.11, and "type" of 3.12). */
    static final Set<String> SOFT_KEYWORDS = Set.of("_", "case", "match", "type");

    /**
     * The builtins without a leading underscore: dir(builtins) of Debian's Python 3.11, taken once by hand, and
     * PythonFinalizationError of 3.13. A local variable of such a name would hide the builtin.
     */
    static final Set<String> BUILTINS = Set.of("ArithmeticError", "AssertionError", "AttributeError", "BaseException",
            "BaseExceptionGroup", "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
            "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
            "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning", "EnvironmentError", "Exception",
            "ExceptionGroup", "False", "FileExistsError", "FileNotFoundError", "FloatingPointError", "FutureWarning",
            "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError", "IndexError",
            "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
            "ModuleNotFoundError", "NameError", "None", "NotADirectoryError", "NotImplemented", "NotImplementedError",
            "OSError", "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError",
            "PythonFinalizationError", "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError",
            "RuntimeWarning", "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError",
            "SystemExit", "TabError", "TimeoutError", "True", "TypeError", "UnboundLocalError", "UnicodeDecodeError",
            "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "ValueError",
            "Warning", "ZeroDivisionError", "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint",
            "bytearray", "bytes", "callable", "chr", "classmethod", "compile", "complex", "copyright", "credits",
            "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit", "filter", "float", "format",
            "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance",
            "issubclass", "iter", "len", "license", "list", "locals", "map", "max", "memoryview", "min", "next",
            "object", "oct", "open", "ord", "pow", "print", "property", "quit", "range", "repr", "reversed", "round",
            "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip");

    /**
     * What torch.nn.Module defines without a leading underscore, its methods and its instances' attributes:
     * dir(nn.Module) and vars(nn.Module()) of Debian's python3-torch 1.13, taken once by hand. An attribute of
     * such a name would replace the method (self.eval = ... breaks model.eval()) or the flag.
     */
    static final Set<String> MODULE_ATTRIBUTES = Set.of("T_destination", "add_module", "apply", "bfloat16", "buffers",
            "children", "cpu", "cuda", "double", "dump_patches", "eval", "extra_repr", "float", "forward", "get_buffer",
            "get_extra_state", "get_parameter", "get_submodule", "half", "ipu", "load_state_dict", "modules",
            "named_buffers", "named_children", "named_modules", "named_parameters", "parameters",
            "register_backward_hook", "register_buffer", "register_forward_hook", "register_forward_pre_hook",
            "register_full_backward_hook", "register_load_state_dict_post_hook", "register_module",
            "register_parameter", "requires_grad_", "set_extra_state", "share_memory", "state_dict", "to", "to_empty",
            "train", "training", "type", "xpu", "zero_grad");

    /**
     * The names the exported module itself uses: its imports, forward's input and self, its functions and Net,
     * the model of its main part. The block classes' names come on top, per export.
     */
    static final Set<String> EXPORT_NAMES = Set.of("torch", "nn", "F", "x", "self", "pad_shortcut", "build", "Net",
            "model");

    private final Set<String> classNames;
    private final Map<String, String> identifiers = new HashMap<>();
    private final Set<String> taken = new HashSet<>();

    /** A scope of an export whose block classes have these names. */
    PythonNames(Collection<String> classNames) {
        this.classNames = Set.copyOf(classNames);
    }

    /** The identifier of that name in this scope. */
    String identifier(String name) {
        Objects.requireNonNull(name, "name");
        return identifiers.computeIfAbsent(name, this::fresh);
    }

    /** Whether an identifier is one a name must not get in an export with these block classes. */
    private boolean isReserved(String identifier) {
        return KEYWORDS.contains(identifier) || SOFT_KEYWORDS.contains(identifier) || BUILTINS.contains(identifier)
                || MODULE_ATTRIBUTES.contains(identifier) || EXPORT_NAMES.contains(identifier)
                || classNames.contains(identifier) || identifier.startsWith("_");
    }

    private String fresh(String name) {
        StringBuilder mapped = new StringBuilder();
        name.codePoints().forEach(c -> mapped.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? (char) c
                : '_'));
        String base = mapped.toString().replaceFirst("^_+", "");
        if (base.isEmpty() || Character.isDigit(base.charAt(0))) {
            base = "n_" + base;
        }
        if (base.length() > MAX_BASE_LENGTH) {
            base = base.substring(0, MAX_BASE_LENGTH);
        }
        if (isReserved(base)) {
            base = base + "_";
        }
        String candidate = base;
        for (int i = 2; isReserved(candidate) || !taken.add(candidate); i++) {
            candidate = base + "_" + i;
        }
        return candidate;
    }
}
