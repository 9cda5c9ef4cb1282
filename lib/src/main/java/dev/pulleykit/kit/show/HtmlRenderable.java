package dev.pulleykit.kit.show;

/**
 * A kit object that knows how to draw itself as HTML. The kit's Jupyter kernel registers a
 * renderer for this interface, so such an object left as a cell's value shows as HTML in a
 * notebook; in JShell and on the terminal the same object prints its {@link #toString()}.
 */
public interface HtmlRenderable {
    /** A self-contained HTML fragment (inline styles only: notebooks strip scripts). */
    String toHtml();
}
