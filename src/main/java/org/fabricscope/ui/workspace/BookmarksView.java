package org.fabricscope.ui.workspace;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Bookmarks tab: bookmarks and notes in a table (name or note, step, time). Double-click or
 * Enter jumps, F2 or a double-click on the name renames, Delete deletes. Binds to {@link
 * BookmarksViewModel} and delegates every command to it.
 */
public final class BookmarksView extends VBox {
    private final BookmarksViewModel viewModel;
    private final TableView<Mark> table = new TableView<>();

    public BookmarksView(BookmarksViewModel viewModel) {
        this.viewModel = viewModel;
        setId("bookmarksView");
        getStyleClass().add("bookmarks-view");
        setSpacing(6);
        setPadding(new Insets(6));

        Button bookmark = button("Bookmark", "Bookmark the cursor's step (Ctrl+D)", viewModel::addBookmarkAtCursor);
        bookmark.setId("addBookmarkButton");
        Button note = button("Note…", "Attach a note to the cursor's step (Ctrl+Shift+D)", viewModel::addNoteAtCursor);
        Button rangeNote = button(
                "Note on range…",
                "Attach a note to the time range the timeline shows (select one with Alt+drag or a right-drag)",
                viewModel::addNoteOnVisibleRange);
        Button rename = button(
                "Rename…", "Rename the bookmark or edit the note (F2)", () -> viewModel.renameAsking(selected()));
        Button delete =
                button("Delete", "Delete the selected bookmark or note (Delete)", () -> viewModel.delete(selected()));
        rename.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        FlowPane buttons = new FlowPane(4, 4, bookmark, note, rangeNote, rename, delete);

        TableColumn<Mark, String> name = new TableColumn<>("Bookmark / note");
        name.setCellValueFactory(
                c -> new ReadOnlyStringWrapper((c.getValue().kind() == Mark.Kind.BOOKMARK ? "★ " : "✎ ")
                        + c.getValue().text()));
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setOnEditCommit(e -> viewModel.rename(e.getRowValue(), stripIcon(e.getNewValue())));
        name.setPrefWidth(190);
        TableColumn<Mark, String> step = new TableColumn<>("Step");
        step.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.stepText(c.getValue())));
        step.setPrefWidth(60);
        TableColumn<Mark, String> time = new TableColumn<>("Time");
        time.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.timeText(c.getValue())));
        time.setPrefWidth(150);
        table.getColumns().setAll(java.util.List.of(name, step, time));
        table.setItems(viewModel.marks());
        table.setEditable(true);
        table.setId("bookmarksTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setPlaceholder(new Label("No bookmarks or notes yet.\nCtrl+D bookmarks the cursor's step."));
        table.setRowFactory(t -> {
            TableRow<Mark> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY
                        && e.getClickCount() == 2
                        && !row.isEmpty()
                        && table.getEditingCell() == null) {
                    viewModel.jumpTo(row.getItem());
                }
            });
            row.tooltipProperty()
                    .bind(Bindings.createObjectBinding(
                            () -> row.getItem() == null
                                    ? null
                                    : new Tooltip(row.getItem().text()),
                            row.itemProperty()));
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getEditingCell() == null) {
                viewModel.jumpTo(selected());
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                viewModel.delete(selected());
                e.consume();
            } else if (e.getCode() == KeyCode.F2 && selected() != null) {
                table.edit(table.getSelectionModel().getSelectedIndex(), name);
                e.consume();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Label message = new Label();
        message.setWrapText(true);
        message.getStyleClass().add("bookmarks-message");
        message.textProperty().bind(viewModel.messageProperty());
        Label hint = new Label("Double-click or Enter jumps; F2 renames. Bookmarks are blue flags on the timeline, "
                + "notes amber flags or brackets; point at one to read it. File ▸ Save Session keeps them.");
        hint.setWrapText(true);
        hint.getStyleClass().add("bookmarks-hint");
        getChildren().addAll(buttons, table, message, hint);
    }

    private static String stripIcon(String text) {
        return text.startsWith("★ ") || text.startsWith("✎ ") ? text.substring(2) : text;
    }

    private Mark selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    public TableView<Mark> table() {
        return table;
    }

    public BookmarksViewModel viewModel() {
        return viewModel;
    }
}
