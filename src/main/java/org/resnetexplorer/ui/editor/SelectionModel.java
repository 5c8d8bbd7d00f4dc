package org.resnetexplorer.ui.editor;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.resnetexplorer.graph.Wire;

/**
 * The selection the editor shows, as two read-only properties for the host (boxes, wires), and how pointer
 * gestures change it: a press selects one box, Ctrl or Shift toggles one, a click on a wire selects the wires it
 * draws, a rubber band adds the boxes it touches. Selecting is not an edit. After each change {@code onChange}
 * runs (the editor marks its skins).
 */
final class SelectionModel {
    private final ReadOnlyObjectWrapper<Set<String>> items = new ReadOnlyObjectWrapper<>(Set.of());
    private final ReadOnlyObjectWrapper<Set<Wire>> wires = new ReadOnlyObjectWrapper<>(Set.of());
    private final Runnable onChange;

    SelectionModel(Runnable onChange) {
        this.onChange = Objects.requireNonNull(onChange, "onChange");
    }

    /** The names of the selected boxes: nodes, and collapsed blocks by block name. */
    ReadOnlyObjectProperty<Set<String>> itemsProperty() {
        return items.getReadOnlyProperty();
    }

    /** The selected wires. */
    ReadOnlyObjectProperty<Set<Wire>> wiresProperty() {
        return wires.getReadOnlyProperty();
    }

    /** The selection now, as a value for the editing commands. */
    Selection current() {
        return new Selection(items.get(), wires.get());
    }

    /** Selects these boxes and no wire. */
    void select(Collection<String> boxes) {
        items.set(Set.copyOf(boxes));
        wires.set(Set.of());
        onChange.run();
    }

    /** Selects these boxes, keeping the selected wires (a palette block dropped onto a box goes after it). */
    void selectBoxes(Collection<String> boxes) {
        items.set(Set.copyOf(boxes));
        onChange.run();
    }

    /** Selects these boxes and these wires. */
    void select(Collection<String> boxes, Collection<Wire> between) {
        items.set(Set.copyOf(boxes));
        wires.set(Set.copyOf(between));
        onChange.run();
    }

    /**
     * A press on a box: with {@code toggle} (Ctrl or Shift) it joins or leaves the selection; otherwise it is
     * selected alone, unless it already was selected (then the whole selection is about to move).
     *
     * @return whether the box is selected now
     */
    boolean press(String item, boolean toggle) {
        Set<String> next = new LinkedHashSet<>(items.get());
        if (toggle) {
            if (!next.remove(item)) {
                next.add(item);
            }
            items.set(Set.copyOf(next));
        } else if (!next.contains(item)) {
            items.set(Set.of(item));
            wires.set(Set.of());
        }
        onChange.run();
        return items.get().contains(item);
    }

    /** A press on a drawn wire (which may stand for several): selects them alone, or with {@code toggle} toggles them. */
    void pressWire(Collection<Wire> drawn, boolean toggle) {
        Set<Wire> next = new HashSet<>(toggle ? wires.get() : Set.of());
        if (toggle && next.containsAll(drawn)) {
            next.removeAll(drawn);
        } else {
            next.addAll(drawn);
        }
        if (!toggle) {
            items.set(Set.of());
        }
        wires.set(Set.copyOf(next));
        onChange.run();
    }

    /** A rubber band: {@code base} (the selection when it started with Ctrl or Shift, else nothing) and what it touches. */
    void band(Set<String> base, Collection<String> touched) {
        Set<String> next = new LinkedHashSet<>(base);
        next.addAll(touched);
        items.set(Set.copyOf(next));
        if (base.isEmpty()) {
            wires.set(Set.of());
        }
        onChange.run();
    }

    /** A new document is shown: selects {@code boxes} that still exist, and the selected wires that still do. */
    void keep(Collection<String> boxes, Set<String> existing, Collection<Wire> existingWires) {
        items.set(Set.copyOf(boxes.stream().filter(existing::contains).toList()));
        Set<Wire> still = new HashSet<>(existingWires);
        wires.set(Set.copyOf(wires.get().stream().filter(still::contains).toList()));
        onChange.run();
    }
}
