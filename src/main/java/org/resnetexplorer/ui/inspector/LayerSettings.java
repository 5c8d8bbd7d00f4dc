package org.resnetexplorer.ui.inspector;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.resnetexplorer.graph.LayerSpec;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.training.TrainingPanel;


/**
 * The editable settings of a layer, read from its record's components (units, filters, kernel, stride,
 * activation, ...), and a layer with one setting changed, through the record's own constructor so its checks
 * apply. A shape setting (the Input's) is edited as text ("3,32,32").
 */
final class LayerSettings {
    /** One setting: its record component name, a label for people, its type as edited, and its value. */
    record Setting(String name, String label, Class<?> type, Object value) {
    }

    private LayerSettings() {
    }

    /** The settings of {@code layer}, in the record's order. */
    static List<Setting> of(LayerSpec layer) {
        List<Setting> settings = new ArrayList<>();
        for (RecordComponent c : layer.getClass().getRecordComponents()) {
            Object value = read(c, layer);
            Class<?> type = boxed(c.getType());
            if (type == Shape.class) {
                type = String.class;
                value = ((Shape) value).dims().stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("");
            }
            settings.add(new Setting(c.getName(), label(c.getName()), type, value));
        }
        return settings;
    }

    /**
     * {@code layer} with the setting {@code name} set to {@code value}.
     *
     * @throws IllegalArgumentException saying why the value is refused (e.g. "kernel must be at least 1 (got 0)")
     */
    static LayerSpec with(LayerSpec layer, String name, Object value) {
        RecordComponent[] components = layer.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            if (components[i].getName().equals(name)) {
                args[i] = convert(value, types[i], label(name));
                found = true;
            } else {
                args[i] = read(components[i], layer);
            }
        }
        if (!found) {
            throw new IllegalArgumentException(layer.kind() + " has no setting '" + name + "'");
        }
        try {
            Constructor<?> constructor = layer.getClass().getDeclaredConstructor(types);
            return (LayerSpec) constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException refused) {
                throw refused;
            }
            throw new IllegalArgumentException(label(name) + ": " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + layer.kind(), e);
        }
    }

    private static Object convert(Object value, Class<?> type, String label) {
        if (value == null) {
            throw new IllegalArgumentException(Texts.format("layerSettings.needs.value", label));
        }
        if (type == Shape.class) {
            return Shape.parse(value.toString());
        }
        Class<?> boxed = boxed(type);
        if (boxed.isInstance(value)) {
            return value;
        }
        String text = value.toString().trim();
        try {
            if (boxed == Integer.class) {
                return Integer.valueOf(text);
            }
            if (boxed == Double.class) {
                return Double.valueOf(text);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format(boxed == Integer.class ? TrainingPanel.NOT_WHOLE
                    : TrainingPanel.NOT_NUMBER, label, text));
        }
        if (boxed == Boolean.class) {
            return Boolean.valueOf(text);
        }
        throw new IllegalArgumentException(label + " cannot be set to '" + text + "'");
    }

    private static Object read(RecordComponent component, LayerSpec layer) {
        try {
            return component.getAccessor().invoke(layer);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    private static Class<?> boxed(Class<?> type) {
        if (type == int.class) {
            return Integer.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        return type;
    }

    /** "filters" reads "Filters"; "function" reads "Function". */
    static String label(String name) {
        return name.isEmpty() ? name : Texts.get("layerSettings." + name);
    }
}
