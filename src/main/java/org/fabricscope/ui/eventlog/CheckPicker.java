package org.fabricscope.ui.eventlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.util.StringConverter;

/**
 * A searchable multiple choice: a button ("Blocks: all", "Blocks: 3") that opens a list of check
 * boxes under a search field. Typing narrows the list (case-insensitive, anywhere in the name);
 * Enter checks the item named exactly so, or else every item shown; "Check shown" and "Clear"
 * do what they say. The checked items, in the items' order, are mirrored into {@code chosen}.
 *
 * <p>ControlsFX's CheckComboBox (11.2) has no search, and a log of thousands of blocks needs one.
 */
final class CheckPicker<T> extends Button {
    private final String title;
    private final ObservableList<T> items;
    private final ObservableList<T> chosen;
    private final Function<T, String> name;
    private final Map<T, BooleanProperty> checked = new HashMap<>();
    private final FilteredList<T> shown;
    private final TextField search = new TextField();
    private final ListView<T> list;
    private final Popup popup = new Popup();
    private boolean syncing;

    CheckPicker(String title, String id, ObservableList<T> items, ObservableList<T> chosen, Function<T, String> name) {
        this.title = title;
        this.items = items;
        this.chosen = chosen;
        this.name = name;
        setId(id);
        getStyleClass().add("check-picker");
        setTooltip(new Tooltip(title + " to show (none checked: all). Type to search."));
        shown = new FilteredList<>(items, t -> true);
        list = new ListView<>(shown);
        list.setId(id + "-list");
        list.setPrefSize(220, 280);
        list.setCellFactory(CheckBoxListCell.forListView(this::checkedProperty, new StringConverter<T>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : name.apply(item);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException();
            }
        }));
        search.setId(id + "-search");
        search.setPromptText("Search " + title.toLowerCase(Locale.ROOT) + "…");
        search.textProperty().addListener((obs, old, now) -> {
            String q = now == null ? "" : now.trim().toLowerCase(Locale.ROOT);
            shown.setPredicate(
                    q.isEmpty()
                            ? t -> true
                            : t -> name.apply(t).toLowerCase(Locale.ROOT).contains(q));
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                checkExactOrShown();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                popup.hide();
                e.consume();
            }
        });
        Button all = new Button("Check shown");
        all.setId(id + "-check-shown");
        all.setOnAction(e -> setShownChecked(true));
        Button none = new Button("Clear");
        none.setId(id + "-clear");
        none.setOnAction(e -> clear());
        Label hint = new Label("none checked: all");
        hint.getStyleClass().add("check-picker-hint");
        HBox buttons = new HBox(6, all, none, hint);
        VBox box = new VBox(6, search, list, buttons);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        box.getStyleClass().add("check-picker-popup");
        box.setStyle("-fx-background-color: -fx-background; -fx-border-color: #adb5bd; -fx-border-width: 1;");
        popup.getContent().add(box);
        popup.setAutoHide(true);

        setOnAction(e -> toggle());
        items.addListener((ListChangeListener<T>) c -> {
            checked.keySet().retainAll(items);
            publish();
        });
        chosen.addListener((ListChangeListener<T>) c -> {
            if (!syncing) {
                syncing = true;
                try {
                    for (Map.Entry<T, BooleanProperty> e : checked.entrySet()) {
                        e.getValue().set(chosen.contains(e.getKey()));
                    }
                    for (T t : chosen) {
                        checkedProperty(t).set(true);
                    }
                } finally {
                    syncing = false;
                }
            }
            updateText();
        });
        updateText();
    }

    /** Opens or closes the list, below the button, with the search field focused. */
    void toggle() {
        if (popup.isShowing()) {
            popup.hide();
            return;
        }
        if (getScene() == null || getScene().getWindow() == null) {
            return;
        }
        Bounds b = localToScreen(getBoundsInLocal());
        popup.show(this, b.getMinX(), b.getMaxY());
        search.requestFocus();
        search.selectAll();
    }

    boolean isShowingList() {
        return popup.isShowing();
    }

    /** The search field (for tests). */
    TextField searchField() {
        return search;
    }

    /** The items the search leaves in the list. */
    List<T> shownItems() {
        return List.copyOf(shown);
    }

    BooleanProperty checkedProperty(T item) {
        return checked.computeIfAbsent(item, t -> {
            BooleanProperty p = new SimpleBooleanProperty(chosen.contains(t));
            p.addListener((obs, old, now) -> {
                if (!syncing) {
                    publish();
                }
            });
            return p;
        });
    }

    /** Enter in the search: the item named exactly as typed, else every item shown. */
    void checkExactOrShown() {
        String q = search.getText() == null ? "" : search.getText().trim();
        for (T t : shown) {
            if (name.apply(t).equalsIgnoreCase(q)) {
                checkedProperty(t).set(true);
                return;
            }
        }
        setShownChecked(true);
    }

    private void setShownChecked(boolean value) {
        syncing = true;
        try {
            for (T t : shown) {
                checkedProperty(t).set(value);
            }
        } finally {
            syncing = false;
        }
        publish();
    }

    private void clear() {
        syncing = true;
        try {
            for (BooleanProperty p : checked.values()) {
                p.set(false);
            }
        } finally {
            syncing = false;
        }
        publish();
    }

    /** Mirrors the checks into {@code chosen}, in the items' order. */
    private void publish() {
        List<T> out = new ArrayList<>();
        for (T t : items) {
            BooleanProperty p = checked.get(t);
            if (p != null && p.get()) {
                out.add(t);
            }
        }
        if (!out.equals(chosen)) {
            syncing = true;
            try {
                chosen.setAll(out);
            } finally {
                syncing = false;
            }
        }
        updateText();
    }

    private void updateText() {
        setText(title + ": "
                + (chosen.isEmpty() ? "all" : chosen.size() == 1 ? name.apply(chosen.get(0)) : chosen.size()));
    }
}
