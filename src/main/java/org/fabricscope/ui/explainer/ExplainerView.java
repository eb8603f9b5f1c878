package org.fabricscope.ui.explainer;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fabricscope.present.Fpre004Text;
import org.fabricscope.present.Fpre004Text.SwitchNote;
import org.fabricscope.present.StoryText;
import org.fabricscope.replay.explain.EventText;
import org.fabricscope.replay.explain.Fpre004Explanation;
import org.fabricscope.replay.explain.Fpre004Explanation.CheckRead;
import org.fabricscope.replay.explain.Fpre004Explanation.PatchedRead;
import org.fabricscope.replay.explain.Fpre004Explanation.SlippedEvent;
import org.fabricscope.replay.explain.Glossary;
import org.fabricscope.replay.explain.Mechanism;
import org.fabricscope.replay.explain.StoryStep;
import org.fabricscope.sim.experiment.PatchRerun;
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
    private static final PseudoClass STORED = PseudoClass.getPseudoClass("stored");
    private static final PseudoClass TORN = PseudoClass.getPseudoClass("torn");
    private final ExplainerViewModel viewModel;
    private final TraceSession session;
    private final Label heading = new Label();
    private final Label definition = new Label(Fpre004Explanation.FPRE004_DEFINITION);
    private final Label mechanism = new Label();
    private final Label mechanismDefinition = new Label();
    private final Label summary = new Label();
    private final Label inconsistency = new Label();
    private final VBox checks = new VBox(2);
    private final VBox slipped = new VBox(2);
    private final VBox origins = new VBox(2);
    private final VBox patched = new VBox(2);
    private final VBox switchNotes = new VBox(4);
    private final Label patchedVerdict = new Label();
    private final Button focus = new Button("Focus on this FPRE004");
    private final Button shrinkButton = new Button("Shrink this reproducer");
    private final Button exploreButton = new Button("Explore interleavings…");
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
        getStylesheets()
                .add(ExplainerView.class.getResource("/styles/panels.css").toExternalForm());
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
        origins.setId("explainer-story");
        switchNotes.setId("explainer-switches");
        definition.setId("explainer-definition");
        definition.getStyleClass().add("definition");
        mechanism.setId("explainer-mechanism");
        mechanism.getStyleClass().add("mechanism");
        mechanismDefinition.getStyleClass().add("definition");
        for (Label l :
                new Label[] {heading, definition, mechanism, mechanismDefinition, summary, inconsistency, patchedVerdict
                }) {
            wrap(l);
        }
        focus.setId("explainer-focus");
        focus.setTooltip(new Tooltip("Show only the lanes of the block and the actors that touched it, from the write's"
                + " lock to the FPRE004 (Z; Z again returns to the full view)"));
        focus.setVisible(false);
        focus.setManaged(false);

        Button rerun = new Button("Re-run with patch");
        rerun.setId("rerun-patched");
        rerun.setTooltip(new Tooltip("Re-run the same scenario, seed and attempt with all three patch switches on"
                + " (reorder, barrier, backoff) and see how this read ends"));
        rerun.setOnAction(e -> viewModel.rerunWithPatch());
        Button compare = new Button("Which switch alone is enough?");
        compare.setId("compare-switches");
        compare.setTooltip(new Tooltip("Re-run with reorder only, barrier only and backoff only: which switch alone"
                + " removes this FPRE004 on this seed"));
        compare.setOnAction(e -> viewModel.compareSwitches());
        rerun.disableProperty()
                .bind(viewModel
                        .runningProperty()
                        .or(viewModel.explanationProperty().isNull()));
        compare.disableProperty().bind(rerun.disableProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("rerun-cancel");
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        cancel.setOnAction(e -> viewModel.cancel());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.runningProperty());
        // The actions come first, under the headline: the story below is long, and a reader should not
        // have to scroll to act on it.
        shrinkButton.setId("explainer-shrink");
        shrinkButton.setTooltip(new Tooltip("Cut this run down to the smallest scenario that still raises this FPRE004"
                + " by the same mechanism, and open it (Simulate › Shrink This Reproducer)"));
        shrinkButton.setVisible(false);
        shrinkButton.setManaged(false);
        exploreButton.setId("explainer-explore");
        exploreButton.setTooltip(new Tooltip("Explore every interleaving of this run within bounds, in the Explore"
                + " panel (best on a shrunk reproducer)"));
        exploreButton.setVisible(false);
        exploreButton.setManaged(false);
        FlowPane buttons = new FlowPane(6, 6, focus, rerun, compare, shrinkButton, exploreButton, cancel, progress);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label rerunStatus = new Label();
        rerunStatus.setId("rerun-status");
        rerunStatus.setWrapText(true);
        rerunStatus.textProperty().bind(viewModel.rerunStatusProperty());
        rerunStatus.managedProperty().bind(rerunStatus.textProperty().isNotEmpty());
        rerunStatus.visibleProperty().bind(rerunStatus.managedProperty());
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
        switches.getColumns()
                .add(column("Reads failed", o -> Long.toString(o.stats().readsFailed())));
        switches.getColumns().add(column("Matching read", PatchRerun.Outcome::matchingReadText));
        switches.getColumns().add(column("Enough?", o -> o.passes() ? "yes" : "no"));

        details = new VBox(
                4,
                mechanism,
                mechanismDefinition,
                buttons,
                rerunStatus,
                summary,
                title("Inconsistent pair"),
                inconsistency,
                title("The verifier's checks, in the order it made them"),
                checks,
                title("Slipped in between, from other actors on the block"),
                slipped,
                title("How the pair got its values"),
                origins,
                title("What the patched order would have read"),
                patched,
                patchedVerdict,
                title("The patch's three switches"),
                switchNotes,
                switches);
        VBox content = new VBox(6, heading, definition, details);
        scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);

        viewModel.explanationProperty().addListener((obs, old, now) -> show(now));
        viewModel
                .placeholderProperty()
                .addListener(
                        (obs, old, now) -> show(viewModel.explanationProperty().get()));
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

    /**
     * Shows a button that focuses the timeline on the explained FPRE004 (the shell passes what the
     * button does: the timeline's focus mode lives in another feature).
     */
    /** Where "Re-run with patch" sends its trace, to open it in compare mode. */
    public void setOnCompare(java.util.function.BiConsumer<org.fabricscope.trace.Trace, String> onCompare) {
        viewModel.setOnCompare(onCompare);
    }

    /** Shows a button that shrinks the open run (the shell passes the command and when it may run). */
    public void setOnShrink(Runnable onShrink, javafx.beans.value.ObservableBooleanValue enabled) {
        shrinkButton.setOnAction(ev -> onShrink.run());
        shrinkButton.disableProperty().bind(javafx.beans.binding.Bindings.not(enabled));
        shrinkButton.setVisible(true);
        shrinkButton.setManaged(true);
    }

    /** Shows a button that opens the Explore panel on the open run. */
    public void setOnExplore(Runnable onExplore) {
        exploreButton.setOnAction(ev -> onExplore.run());
        exploreButton.setVisible(true);
        exploreButton.setManaged(true);
    }

    public void setOnFocus(java.util.function.IntConsumer onFocus) {
        focus.setOnAction(ev -> {
            Fpre004Explanation e = viewModel.explanationProperty().get();
            if (e != null) {
                onFocus.accept(e.fpreSeq());
            }
        });
        focus.setVisible(true);
        focus.setManaged(true);
    }

    private void show(Fpre004Explanation e) {
        details.setVisible(e != null);
        details.setManaged(e != null);
        definition.setVisible(e != null);
        definition.setManaged(e != null);
        checks.getChildren().clear();
        slipped.getChildren().clear();
        origins.getChildren().clear();
        patched.getChildren().clear();
        switchNotes.getChildren().clear();
        mechanism.pseudoClassStateChanged(STORED, false);
        mechanism.pseudoClassStateChanged(TORN, false);
        if (e == null) {
            heading.setText(viewModel.placeholderProperty().get());
            heading.setTooltip(null);
            summary.setText("");
            inconsistency.setText("");
            patchedVerdict.setText("");
            mechanism.setText("");
            return;
        }
        LoadedTrace loaded = session.getTrace();
        Trace trace = loaded.trace();
        Fpre004Text words = Fpre004Text.of(e);
        heading.setText("FPRE004 #" + e.fpreSeq() + " on block " + e.block() + " at " + EventText.millis(e.timeMicros())
                + (e.transactionId() != 0 ? " (txn " + e.transactionId() + ")" : "") + " by " + e.verifierActor());
        hover(heading);
        mechanism.setText(words.headline());
        mechanism.pseudoClassStateChanged(STORED, e.mechanism() == Mechanism.STORED_INCONSISTENCY);
        mechanism.pseudoClassStateChanged(TORN, e.mechanism() == Mechanism.TORN_READ);
        hover(mechanism);
        mechanismDefinition.setText(e.mechanism().definition());
        summary.setText(words.summary());
        hover(summary);
        inconsistency.setText(words.inconsistency());
        if (e.verifyBeginSeq() >= 0) {
            checks.getChildren()
                    .add(link(
                            "#" + e.verifyBeginSeq() + "  " + EventText.millis(trace.timeMicros(e.verifyBeginSeq()))
                                    + "  VERIFY_BEGIN",
                            e.verifyBeginSeq()));
        }
        int n = 1;
        for (CheckRead c : e.checks()) {
            checks.getChildren()
                    .add(link(
                            "#" + c.seq() + "  " + EventText.millis(c.timeMicros()) + "  " + n++ + ". read "
                                    + c.field().jsonName() + " = " + c.field().format(c.value()),
                            c.seq()));
        }
        checks.getChildren()
                .add(link("#" + e.fpreSeq() + "  " + EventText.millis(e.timeMicros()) + "  FPRE004", e.fpreSeq()));
        if (e.slipped().isEmpty()) {
            slipped.getChildren().add(wrap(new Label("Nothing: no other actor touched the block during the checks.")));
        }
        for (SlippedEvent s : e.slipped()) {
            slipped.getChildren()
                    .add(link(
                            "#" + s.seq() + "  " + EventText.millis(s.timeMicros()) + "  " + s.actor() + "  " + s.kind()
                                    + (s.change().isEmpty() ? "" : "  " + s.change()),
                            s.seq()));
        }
        for (StoryStep f : e.story()) {
            String text = StoryText.sentence(f);
            origins.getChildren()
                    .add(f.seq() >= 0 ? link("#" + f.seq() + "  " + text, f.seq()) : wrap(new Label(text)));
        }
        int i = 1;
        for (PatchedRead r : e.patchedReads()) {
            patched.getChildren().add(wrap(new Label(i++ + ". " + r.describe())));
        }
        patchedVerdict.setText(words.patchedVerdict());
        for (SwitchNote note : words.switchNotes()) {
            Label name = new Label(note.name());
            name.getStyleClass().add("switch-name");
            Label changes = wrap(new Label(note.changes()));
            Label here = wrap(new Label(note.here()));
            here.getStyleClass().add("switch-here");
            switchNotes.getChildren().add(new VBox(0, name, changes, here));
        }
        scroll.setVvalue(0); // a new failure is read from its summary down
    }

    private Hyperlink link(String text, int seq) {
        Hyperlink h = wrap(new Hyperlink(text));
        h.setFocusTraversable(false);
        h.setOnAction(ev -> viewModel.goToEvent(seq));
        hover(h);
        return h;
    }

    /** Wraps instead of truncating: as wide as the panel, as tall as the text needs. */
    private static <T extends Labeled> T wrap(T l) {
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** Hover text explaining the shorthand in the label (#step, txn, actor@node, write N). */
    private static void hover(Labeled l) {
        String text = Glossary.hover(l.getText());
        l.setTooltip(text == null ? null : new Tooltip(text));
    }

    private static Label title(String text) {
        Label l = wrap(new Label(text));
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
