package dev.pulleykit.kit;

import dev.pulleykit.kit.show.HtmlRenderable;
import dev.pulleykit.kit.show.Html;
import dev.pulleykit.kit.show.Show;

/** An encoded component (a {@code .component.wasm}): a core module wrapped with its WIT types. */
public record ComponentBytes(String name, byte[] bytes) implements HtmlRenderable {
    @Override public String toString() { return name + ": component, " + bytes.length + " bytes"; }

    @Override public String toHtml() {
        return Show.overview("Component " + name, new String[][] {{"kind", "WebAssembly component"}, {"size", Html.bytes(bytes.length)}}, bytes);
    }
}
