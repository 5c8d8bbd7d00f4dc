package org.resnetexplorer.graph;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The end of a {@link PyTorchExport} with trained values: the values embedded in the module itself, so that plain
 * PyTorch with NumPy loads them and the file needs nothing beside it, and a {@code build()} that loads them.
 *
 * <p>{@code TRAINED_TENSORS} lists each block of values as its key in Net's state_dict and its shape;
 * {@code TRAINED_VALUES} holds all of them one after the other as little-endian float32, base64-encoded, which
 * {@code trained_state()} cuts back into tensors with {@code numpy.frombuffer}. The values are converted to
 * PyTorch's layouts on the way: a dense layer's (and a flat projection's) weights [inputs, units] transposed to
 * nn.Linear's [units, inputs]; a convolution's [filters, channels, k, k] is already nn.Conv2d's. BatchNorm's scale
 * and shift are its {@code weight} and {@code bias}; a projection shortcut is nn.Sequential(projection, BatchNorm),
 * keys ".0." and ".1.". Keys are made of the export's own identifiers and written as escaped string literals.
 */
final class PyTorchWeights {
    /** Base64 characters per line of the embedded values. */
    private static final int LINE = 96;

    private final TrainedValues trained;
    private final Map<String, String> modulePaths;
    private final Network network;

    /** The values to embed, and each node's module as Net's state_dict names it. */
    PyTorchWeights(TrainedValues trained, Map<String, String> modulePaths, Network network) {
        this.trained = trained;
        this.modulePaths = modulePaths;
        this.network = network;
    }

    /** The Python code from the values to build(), with the two blank lines before each top-level statement. */
    String code() {
        List<String> lines = new ArrayList<>();
        List<float[]> blocks = new ArrayList<>();
        lines.add("# The trained values: each block's key in Net's state_dict and its shape, in the order of TRAINED_VALUES.");
        lines.add("TRAINED_TENSORS = [");
        int count = 0;
        for (TrainedValues.Tensor tensor : trained.tensors()) {
            boolean transposed = tensor.part() == TrainedValues.Part.WEIGHT && tensor.shape().length == 2;
            long[] shape = transposed ? new long[] {tensor.shape()[1], tensor.shape()[0]} : tensor.shape();
            blocks.add(transposed ? transpose(tensor.values(), (int) tensor.shape()[0], (int) tensor.shape()[1])
                    : tensor.values());
            count += tensor.values().length;
            String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
            lines.add("    (" + PythonText.literal(key(tensor)) + ", (" + dims + (shape.length == 1 ? "," : "") + ")),");
        }
        lines.add("]");
        ByteBuffer bytes = ByteBuffer.allocate(4 * count).order(ByteOrder.LITTLE_ENDIAN);
        blocks.forEach(block -> {
            for (float value : block) {
                bytes.putFloat(value);
            }
        });
        String encoded = Base64.getEncoder().encodeToString(bytes.array());
        lines.add("# All of them as little-endian float32, one block after the other, base64.");
        lines.add("TRAINED_VALUES = (");
        for (int at = 0; at < encoded.length(); at += LINE) {
            lines.add("    \"" + encoded.substring(at, Math.min(encoded.length(), at + LINE)) + "\"");
        }
        if (encoded.isEmpty()) {
            lines.add("    \"\"");
        }
        lines.add(")");
        lines.add("");
        lines.add("");
        lines.add("def trained_state():");
        lines.add("    \"\"\"The trained values as a state_dict of float32 tensors.\"\"\"");
        lines.add("    values = numpy.frombuffer(base64.b64decode(TRAINED_VALUES), dtype=\"<f4\")");
        lines.add("    state = {}");
        lines.add("    at = 0");
        lines.add("    for key, shape in TRAINED_TENSORS:");
        lines.add("        count = int(numpy.prod(shape, dtype=numpy.int64))");
        lines.add("        state[key] = torch.from_numpy(values[at:at + count].reshape(shape).astype(numpy.float32))");
        lines.add("        at += count");
        lines.add("    return state");
        lines.add("");
        lines.add("");
        lines.add("def build():");
        lines.add("    \"\"\"" + PythonText.escape("The model with the weights and BatchNorm running statistics of run \""
                + trained.run() + "\" after " + trained.step() + " steps; call model.eval() before inference.") + "\"\"\"");
        lines.add("    model = Net()");
        lines.add("    missing, unexpected = model.load_state_dict(trained_state(), strict=False)");
        lines.add("    # BatchNorm's count of batches is not trained: PyTorch uses it only when momentum is None, never here");
        lines.add("    missing = [key for key in missing if not key.endswith(\"num_batches_tracked\")]");
        lines.add("    if missing or unexpected:");
        lines.add("        raise RuntimeError(\"trained values do not fit the model: missing %s, unexpected %s\" % (missing, unexpected))");
        lines.add("    return model");
        return String.join("\n", lines) + "\n";
    }

    /** The tensor's key in Net's state_dict. */
    private String key(TrainedValues.Tensor tensor) {
        String path = modulePaths.get(tensor.node());
        if (path == null) {
            throw new IllegalArgumentException("trained values for '" + tensor.node() + "', which has no module in "
                    + network.name());
        }
        LayerSpec layer = network.requireNode(tensor.node()).layer();
        String norm = layer instanceof Shortcut ? path + ".1" : path;
        return switch (tensor.part()) {
            case WEIGHT -> layer instanceof Shortcut ? path + ".0.weight" : path + ".weight";
            case BIAS -> path + ".bias";
            case GAMMA -> norm + ".weight";
            case BETA -> norm + ".bias";
            case RUNNING_MEAN -> norm + ".running_mean";
            case RUNNING_VAR -> norm + ".running_var";
        };
    }

    /** A row-major [rows, columns] matrix as row-major [columns, rows]. */
    private static float[] transpose(float[] values, int rows, int columns) {
        float[] transposed = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                transposed[c * rows + r] = values[r * columns + c];
            }
        }
        return transposed;
    }
}
