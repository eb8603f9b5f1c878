package org.fabricscope.ui.support;

import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.stage.Window;

/**
 * A {@link ToolWindow} made on first use: its view is made (by {@code make}) and put in its window
 * the first time either is asked for, then the same ones are kept.
 *
 * @param <V> the feature's view
 */
public final class LazyToolWindow<V extends Parent> {
    private final Supplier<Window> owner;
    private final String title;
    private final String stylesheet;
    private final double width;
    private final double height;
    private final Supplier<V> make;
    private V view;
    private ToolWindow window;

    /**
     * @param owner the main window, asked for when the window is made (the scene may not exist yet
     *     when this is constructed)
     * @param make makes the feature's view; called once
     * @see ToolWindow#ToolWindow(Window, String, Parent, String, double, double)
     */
    public LazyToolWindow(
            Supplier<Window> owner, String title, String stylesheet, double width, double height, Supplier<V> make) {
        this.owner = owner;
        this.title = title;
        this.stylesheet = stylesheet;
        this.width = width;
        this.height = height;
        this.make = make;
    }

    /** The view, made (with its window, not shown) on first use. */
    public V view() {
        if (view == null) {
            view = make.get();
            window = new ToolWindow(owner.get(), title, view, stylesheet, width, height);
        }
        return view;
    }

    /** Makes the window if needed, then shows it or brings it to the front. */
    public void show() {
        view();
        window.show();
    }
}
