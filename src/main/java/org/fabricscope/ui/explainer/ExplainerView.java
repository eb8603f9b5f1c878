package org.fabricscope.ui.explainer;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fabricscope.replay.explain.EventText;
import org.fabricscope.replay.explain.Fpre004Explanation.CheckRead;
import org.fabricscope.replay.explain.Fpre004Explanation.PatchedRead;
import org.fabricscope.replay.explain.Fpre004Explanation.SlippedEvent;
import org.fabricscope.replay.explain.Fpre004Explanation;
import org.fabricscope.sim.PatchRerun;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;

/**
 * The FPRE004 explainer: a plain-words summary, the inconsistent pair, the verifier's checks in
 * order, the other actors' events that slipped in between, how the pair got its values, what the
 * patched order would have read, and the re-run buttons. Every listed event is a link that moves
 * the cursor to it.
 */
public class ExplainerView extends VBox {
    private final ExplainerViewModel viewModel;
    private final TraceSession session;
    private final Label heading = new Label();
    private final Label summary = new Label();
    private final Label inconsistency = new Label();
    private final VBox checks = new VBox(2);
    private final VBox slipped = new VBox(2);
    private final VBox origins = new VBox(2);
    private final VBox patched = new VBox(2);
    private final Label patchedVerdict = new Label();
    private final VBox details;
    private final ScrollPane scroll;

    public ExplainerView(TraceSession session) {
        this(session, new ExplainerViewModel(session));
    }

    /** A view over a given view model (tests pass one with a fake simulator). */
    public ExplainerView(TraceSession session, ExplainerViewModel viewModel) {
        this.session = session;
        this.viewModel = viewModel;
        getStyleClass().add("explainer");
        getStylesheets().add(ExplainerView.class.getResource("/styles/panels.css").toExternalForm());
        setPadding(new Insets(8));

        heading.setId("explainer-heading");
        heading.getStyleClass().add("heading");
        heading.setWrapText(true);
        summary.setId("explainer-summary");
        summary.getStyleClass().add("summary");
        summary.setWrapText(true);
        inconsistency.setId("explainer-pair");
        inconsistency.getStyleClass().add("inconsistency");
        inconsistency.setWrapText(true);
        patchedVerdict.setId("explainer-patched");
        patchedVerdict.getStyleClass().add("patched");
        patchedVerdict.setWrapText(true);
        checks.setId("explainer-checks");
        slipped.setId("explainer-slipped");

        Button rerun = new Button("Re-run with patch");
        rerun.setId("rerun-patched");
        rerun.setTooltip(new Tooltip("Re-run the same scenario, seed and attempt with all three patch switches on"));
        rerun.setOnAction(e -> viewModel.rerunWithPatch());
        Button compare = new Button("Which switch alone is enough?");
        compare.setId("compare-switches");
        compare.setTooltip(new Tooltip("Re-run with reorder only, barrier only and backoff only"));
        compare.setOnAction(e -> viewModel.compareSwitches());
        rerun.disableProperty().bind(viewModel.runningProperty().or(viewModel.explanationProperty().isNull()));
        compare.disableProperty().bind(rerun.disableProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("rerun-cancel");
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        cancel.setOnAction(e -> viewModel.cancel());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.runningProperty());
        FlowPane buttons = new FlowPane(6, 6, rerun, compare, cancel, progress);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label rerunStatus = new Label();
        rerunStatus.setId("rerun-status");
        rerunStatus.setWrapText(true);
        rerunStatus.textProperty().bind(viewModel.rerunStatusProperty());
        viewModel.patchedOutcomeProperty().addListener((obs, old, now) -> {
            rerunStatus.getStyleClass().removeAll("pass", "fail");
            if (now != null) {
                rerunStatus.getStyleClass().add(now.passes() ? "pass" : "fail");
            }
        });

        TableView<PatchRerun.Outcome> switches = new TableView<>(viewModel.switchOutcomes());
        switches.setId("switch-table");
        switches.setPlaceholder(new Label("Run \"Which switch alone is enough?\" to fill this table."));
        switches.setPrefHeight(130);
        switches.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        switches.getColumns().add(column("Switch alone", o -> o.patch().toString()));
        switches.getColumns().add(column("FPRE004", o -> Long.toString(o.stats().fpre004())));
        switches.getColumns().add(column("Reads failed", o -> Long.toString(o.stats().readsFailed())));
        switches.getColumns().add(column("Matching read", PatchRerun.Outcome::matchingReadText));
        switches.getColumns().add(column("Enough?", o -> o.passes() ? "yes" : "no"));

        details = new VBox(4,
                summary,
                title("Inconsistent pair"), inconsistency,
                title("The verifier's checks, in the order it made them"), checks,
                title("Slipped in between, from other actors on the block"), slipped,
                title("How the pair got its values"), origins,
                title("What the patched order would have read"), patched, patchedVerdict,
                buttons, rerunStatus, switches);
        VBox content = new VBox(6, heading, details);
        scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);

        viewModel.explanationProperty().addListener((obs, old, now) -> show(now));
        show(viewModel.explanationProperty().get());
    }

    /** True while the cursor is on an FPRE004; the main window then brings the explainer forward. */
    public ReadOnlyBooleanProperty activeProperty() {
        return viewModel.activeProperty();
    }

    /** The view model (for tests and the shell). */
    public ExplainerViewModel viewModel() {
        return viewModel;
    }

    private void show(Fpre004Explanation e) {
        details.setVisible(e != null);
        details.setManaged(e != null);
        checks.getChildren().clear();
        slipped.getChildren().clear();
        origins.getChildren().clear();
        patched.getChildren().clear();
        if (e == null) {
            heading.setText("Move the cursor onto an FPRE004 (press F) to see why the verifier raised it.");
            summary.setText("");
            inconsistency.setText("");
            patchedVerdict.setText("");
            return;
        }
        LoadedTrace loaded = session.getTrace();
        Trace trace = loaded.trace();
        heading.setText("FPRE004 #" + e.fpreSeq() + " on block " + e.block() + " at " + EventText.millis(e.timeMicros())
                + (e.transactionId() != 0 ? " (txn " + e.transactionId() + ")" : "") + " by " + e.verifierActor());
        summary.setText(e.summary());
        inconsistency.setText(e.inconsistency());
        if (e.verifyBeginSeq() >= 0) {
            checks.getChildren().add(link("VERIFY_BEGIN at " + EventText.millis(trace.timeMicros(e.verifyBeginSeq())), e.verifyBeginSeq()));
        }
        int n = 1;
        for (CheckRead c : e.checks()) {
            checks.getChildren().add(link(n++ + ". " + EventText.millis(c.timeMicros()) + "  read " + c.field().jsonName() + " = "
                    + c.field().format(c.value()), c.seq()));
        }
        checks.getChildren().add(link("FPRE004 at " + EventText.millis(e.timeMicros()), e.fpreSeq()));
        if (e.slipped().isEmpty()) {
            slipped.getChildren().add(new Label("Nothing: no other actor touched the block during the checks."));
        }
        for (SlippedEvent s : e.slipped()) {
            slipped.getChildren().add(link(EventText.millis(s.timeMicros()) + "  " + s.actor() + "  " + s.kind()
                    + (s.change().isEmpty() ? "" : "  " + s.change()), s.seq()));
        }
        for (int origin : e.pairOrigins()) {
            origins.getChildren().add(link(EventText.oneLine(trace, origin), origin));
        }
        int i = 1;
        for (PatchedRead r : e.patchedReads()) {
            patched.getChildren().add(new Label(i++ + ". " + r.describe()));
        }
        patchedVerdict.setText(e.patchedVerdict());
        scroll.setVvalue(0); // a new failure is read from its summary down
    }

    private Hyperlink link(String text, int seq) {
        Hyperlink h = new Hyperlink(text);
        h.setFocusTraversable(false);
        h.setOnAction(ev -> viewModel.goToEvent(seq));
        return h;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static TableColumn<PatchRerun.Outcome, String> column(
            String title, Function<PatchRerun.Outcome, String> text) {
        TableColumn<PatchRerun.Outcome, String> c = new TableColumn<>(title);
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        return c;
    }
}
