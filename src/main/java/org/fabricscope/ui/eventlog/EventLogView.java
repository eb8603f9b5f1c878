package org.fabricscope.ui.eventlog;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fabricscope.trace.EventKind;
import org.fabricscope.ui.eventlog.EventLogViewModel.Column;
import org.fabricscope.ui.session.TraceSession;

/**
 * Every event of the trace in a virtualized table, with block/actor/kind filters (searchable
 * {@link CheckPicker}s) and a free-text filter. Selecting a row moves the cursor; moving the cursor selects and
 * reveals its row. Rows of FPRE004 events carry the {@code :fpre004} pseudo-class. In compare mode
 * ({@link EventLogViewModel#setOtherRun}) the rows of B's only-in-B events are merged in, marked
 * "B", and rows carry a class of {@link #ROW_CLASSES}.
 */
public class EventLogView extends VBox {
    private static final PseudoClass FPRE004 = PseudoClass.getPseudoClass("fpre004");

    private final EventLogViewModel viewModel;
    private final TableView<Integer> table;
    private boolean syncing; // true while the view applies the cursor to the table, so it does not write back

    public EventLogView(TraceSession session) {
        this.viewModel = new EventLogViewModel(session);
        getStyleClass().add("event-log");
        getStylesheets()
                .add(EventLogView.class.getResource("/styles/panels.css").toExternalForm());
        setSpacing(4);
        setPadding(new Insets(4));

        // Searchable pickers (a new trace clears the choices in the view model, and they follow).
        CheckPicker<Integer> blocks = new CheckPicker<>(
                "Blocks", "filter-blocks", viewModel.blockChoices(), viewModel.chosenBlocks(), String::valueOf);
        CheckPicker<String> actors = new CheckPicker<>(
                "Actors", "filter-actors", viewModel.actorChoices(), viewModel.chosenActors(), a -> a);
        CheckPicker<EventKind> kinds = new CheckPicker<>(
                "Kinds", "filter-kinds", viewModel.kindChoices(), viewModel.chosenKinds(), EventKind::name);

        TextField text = new TextField();
        text.setId("filter-text");
        text.setPromptText("Filter text: kind, actor, field, value, seq…");
        text.setTooltip(new Tooltip(
                "Events whose kind, actor, field or value contains this text, or whose seq or block equals it"));
        text.textProperty().bindBidirectional(viewModel.textFilterProperty());
        HBox.setHgrow(text, Priority.ALWAYS);

        CheckBox hide = new CheckBox("Hide non-matching on timeline");
        hide.setId("filter-timeline");
        hide.selectedProperty().bindBidirectional(viewModel.hideOnTimelineProperty());
        CheckBox hideLanes = new CheckBox("Hide other lanes");
        hideLanes.setId("filter-lanes");
        hideLanes.setTooltip(new Tooltip(
                "Show on the timeline only the lanes of the blocks checked in Blocks (and the actor lanes)"));
        hideLanes.selectedProperty().bindBidirectional(viewModel.hideOtherLanesProperty());
        hideLanes.setMinWidth(Region.USE_PREF_SIZE);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(viewModel.filteringProperty());
        busy.managedProperty().bind(viewModel.filteringProperty());
        Label status = new Label();
        status.setId("event-log-status");
        status.textProperty().bind(viewModel.statusProperty());

        text.setMinWidth(96);
        // Fixed preferred widths, so the row does not shift as the pickers' texts change; they may
        // shrink a little in a narrow window (1024 px) so the side panels keep a readable width.
        for (CheckPicker<?> c : List.of(blocks, actors, kinds)) {
            c.setPrefWidth(c == kinds ? 170 : 130);
            c.setMinWidth(c == kinds ? 120 : 96);
        }
        hide.setMinWidth(Region.USE_PREF_SIZE);
        HBox choices = new HBox(6, blocks, actors, kinds, text);
        choices.setAlignment(Pos.CENTER_LEFT);
        HBox timelineAndStatus = new HBox(6, hide, hideLanes, busy, status);
        timelineAndStatus.setAlignment(Pos.CENTER_LEFT);
        VBox filters = new VBox(4, choices, timelineAndStatus);

        table = new TableView<>(viewModel.rows());
        table.setId("event-table");
        table.setPlaceholder(new Label("No events to show."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // A fixed row height lets VirtualFlow skip its per-item size cache, which is O(rows) for
        // millions of rows on every scroll and list change.
        table.setFixedCellSize(24);
        for (Column c : Column.values()) {
            TableColumn<Integer, String> col = new TableColumn<>(c.title());
            col.setId("col-" + c.name().toLowerCase(java.util.Locale.ROOT));
            // Sorting would reorder a list of millions; events stay in sequence order.
            col.setSortable(false);
            col.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(viewModel.text(c, cell.getValue())));
            col.setPrefWidth(width(c));
            table.getColumns().add(col);
        }
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Integer seq, boolean empty) {
                super.updateItem(seq, empty);
                pseudoClassStateChanged(FPRE004, !empty && seq != null && viewModel.kind(seq) == EventKind.FPRE004);
                getStyleClass().removeAll(ROW_CLASSES);
                String c = empty || seq == null ? null : viewModel.rowClass(seq);
                if (c != null) {
                    getStyleClass().add(c);
                }
            }
        });
        table.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (!syncing && now.intValue() >= 0) {
                viewModel.selectRow(now.intValue());
            }
        });
        viewModel.selectedRowProperty().addListener((obs, old, now) -> showSelectedRow());
        viewModel.rows().addListener((ListChangeListener<Integer>) c -> {
            showSelectedRow();
            // A filter changed the rows: once the table has laid them out, bring the cursor's row
            // (or, if the filter hides it, the next row kept) into view.
            javafx.application.Platform.runLater(() -> {
                int row = viewModel.rowNearCursor();
                if (row >= 0) {
                    table.layout();
                    reveal(row);
                }
            });
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(filters, table);
        showSelectedRow();
    }

    /** The view model (for tests and the shell). */
    public EventLogViewModel viewModel() {
        return viewModel;
    }

    /**
     * The style classes compare mode gives rows ({@link EventLogViewModel#rowClass}): A's changed and
     * only-in-A events, and B's only-in-B events merged into the log.
     */
    public static final java.util.List<String> ROW_CLASSES =
            java.util.List.of("diff-changed", "diff-only-a", "diff-only-b");

    /** The table (for tests). */
    public TableView<Integer> table() {
        return table;
    }

    private void showSelectedRow() {
        int row = viewModel.selectedRowProperty().get();
        syncing = true;
        try {
            if (row < 0) {
                table.getSelectionModel().clearSelection();
                return;
            }
            if (table.getSelectionModel().getSelectedIndex() != row) {
                table.getSelectionModel().clearAndSelect(row);
            }
            reveal(row);
        } finally {
            syncing = false;
        }
    }

    /**
     * Scrolls only when the row is not already in view, so stepping does not make the table jump.
     * With a fixed row height the position is computed directly: {@code TableView.scrollTo} walks
     * every row above the target in JavaFX 21, which takes tens of milliseconds per step at
     * millions of rows.
     */
    private void reveal(int row) {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        if (flow == null || flow.getFirstVisibleCell() == null || flow.getLastVisibleCell() == null) {
            table.scrollTo(Math.max(0, row - 2));
            return;
        }
        int first = flow.getFirstVisibleCell().getIndex();
        int last = flow.getLastVisibleCell().getIndex();
        if (row > first && row < last) {
            return;
        }
        double rowHeight = table.getFixedCellSize();
        double scrollable = viewModel.rows().size() * rowHeight - flow.getHeight();
        if (scrollable <= 0) {
            return;
        }
        double top = Math.max(0, row - 2) * rowHeight;
        flow.setPosition(Math.min(1.0, top / scrollable));
    }

    private static double width(Column c) {
        switch (c) {
            case SEQ:
            case BLOCK:
            case NODE:
                return 60;
            case TIME:
                return 90;
            case ACTOR:
                return 120;
            case KIND:
                return 150;
            case FIELD:
                return 120;
            case CHANGE:
                return 160;
            default:
                return 70;
        }
    }
}
