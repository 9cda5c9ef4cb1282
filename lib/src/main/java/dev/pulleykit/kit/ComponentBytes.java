package dev.pulleykit.kit;

import dev.pulleykit.kit.show.HtmlRenderable;
import dev.pulleykit.kit.show.Html;

/** An encoded component (a {@code .component.wasm}): a core module wrapped with its WIT types. */
public record ComponentBytes(String name, byte[] bytes) implements HtmlRenderable {
    @Override public String toString() { return name + ": component, " + bytes.length + " bytes"; }

    @Override public String toHtml() {
        return Html.facts("Component " + name, new String[][] {{"kind", "WebAssembly component"}, {"size", Html.bytes(bytes.length)}});
    }
}
