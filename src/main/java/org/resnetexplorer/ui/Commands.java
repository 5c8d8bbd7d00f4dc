package org.resnetexplorer.ui;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What each {@link Action} does in this window, when it is off, and its text where the text changes ("Undo Move
 * dense1", "Resume"); makes its menu item and toolbar button, which share all three. A button's tooltip names the
 * action and its keys: "Run (F5)".
 */
final class Commands {
    /** A button whose action is on now (a side panel that shows). */
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final Map<Action, Runnable> handlers = new EnumMap<>(Action.class);
    private final Map<Action, ObservableBooleanValue> disabled = new EnumMap<>(Action.class);
    private final Map<Action, ObservableValue<String>> texts = new EnumMap<>(Action.class);
    private final Map<Action, ObservableBooleanValue> checks = new EnumMap<>(Action.class);

    /** {@code action} runs {@code handler}. */
    Commands bind(Action action, Runnable handler) {
        handlers.put(action, Objects.requireNonNull(handler, "handler"));
        return this;
    }

    /** {@code action} runs {@code handler}, and is off while {@code off} holds. */
    Commands bind(Action action, Runnable handler, ObservableBooleanValue off) {
        disabled.put(action, Objects.requireNonNull(off, "off"));
        return bind(action, handler);
    }

    /** {@code action} shows {@code text} instead of its own. */
    Commands text(Action action, ObservableValue<String> text) {
        texts.put(action, Objects.requireNonNull(text, "text"));
        return this;
    }

    /**
     * {@code action} switches something on and off that {@code on} tells: its menu item is a check item, its
     * button is marked {@code :selected} while on.
     */
    Commands checked(Action action, ObservableBooleanValue on) {
        checks.put(action, Objects.requireNonNull(on, "on"));
        return this;
    }

    /** Runs what {@code action} does (for keys bound outside the menus). */
    void run(Action action) {
        handler(action).run();
    }

    /** The action's menu item: {@code #menu-ID}, with its icon and accelerator; the editor's keys after a tab. */
    MenuItem menuItem(Action action) {
        MenuItem item;
        if (checks.containsKey(action)) {
            // follows the state (not bound: a click on the item sets it before the handler changes the state)
            ObservableBooleanValue on = checks.get(action);
            CheckMenuItem check = new CheckMenuItem(action.text());
            check.setSelected(on.get());
            on.addListener((o, was, now) -> check.setSelected(now));
            item = check;
        } else {
            item = new MenuItem(action.text(), action.icon().map(FontIcon::new).orElse(null));
        }
        item.setId("menu-" + action.id());
        item.setMnemonicParsing(false);
        action.editorKey().ifPresent(key -> item.setText(item.getText() + "\t" + key.getDisplayText()));
        if (texts.containsKey(action)) {
            item.textProperty().bind(texts.get(action));
        }
        action.accelerator().ifPresent(item::setAccelerator);
        if (disabled.containsKey(action)) {
            item.disableProperty().bind(disabled.get(action));
        }
        Runnable handler = handler(action);
        item.setOnAction(e -> handler.run());
        return item;
    }

    /** The action's toolbar button: {@code #ID-button}, its icon only; the tooltip names it and its keys. */
    Button button(Action action) {
        Button button = new Button(null, new FontIcon(action.icon().orElseThrow()));
        button.setId(action.id() + "-button");
        button.getStyleClass().add("tool-button");
        button.setFocusTraversable(false);
        Tooltip tip = new Tooltip();
        ObservableValue<String> label = texts.getOrDefault(action, new SimpleStringProperty(action.text()));
        String keys = action.keysText().isEmpty() ? "" : " (" + action.keysText() + ")";
        tip.textProperty().bind(Bindings.createStringBinding(() -> label.getValue().replace("...", "") + keys, label));
        button.setTooltip(tip);
        if (disabled.containsKey(action)) {
            button.disableProperty().bind(disabled.get(action));
        }
        if (checks.containsKey(action)) {
            ObservableBooleanValue on = checks.get(action);
            button.pseudoClassStateChanged(SELECTED, on.get());
            on.addListener((o, was, now) -> button.pseudoClassStateChanged(SELECTED, now));
        }
        Runnable handler = handler(action);
        button.setOnAction(e -> handler.run());
        return button;
    }

    private Runnable handler(Action action) {
        return Objects.requireNonNull(handlers.get(action), () -> "nothing bound to " + action);
    }
}
