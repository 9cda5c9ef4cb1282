package dev.pulleykit.kit;

import dev.pulleykit.kit.show.HtmlRenderable;
import dev.pulleykit.kit.show.Html;
import dev.pulleykit.kit.show.Show;

/** A guest compiled by cargo to a core WebAssembly module (wasm32-unknown-unknown), not yet a component. */
public record CoreModule(String name, byte[] bytes) implements HtmlRenderable {
    @Override public String toString() { return name + ": core wasm module, " + bytes.length + " bytes"; }

    @Override public String toHtml() {
        return Show.overview("Core module " + name, new String[][] {{"kind", "core WebAssembly module"}, {"size", Html.bytes(bytes.length)}}, bytes);
    }
}
