package dev.pulleykit.kit;

import dev.pulleykit.kit.show.HtmlRenderable;
import dev.pulleykit.kit.show.Html;

/**
 * A component precompiled ahead of time into Pulley bytecode (a {@code .cwasm}), with the
 * engine profile and Wasmtime version it was made by: it loads only into a matching engine.
 */
public record Artifact(String name, byte[] bytes, String profile, String wasmtimeVersion) implements HtmlRenderable {
    @Override public String toString() {
        return name + ": precompiled artifact, " + bytes.length + " bytes, profile " + profile + ", Wasmtime " + wasmtimeVersion;
    }

    @Override public String toHtml() {
        return Html.facts("Artifact " + name, new String[][] {
            {"kind", "precompiled component (.cwasm)"}, {"size", Html.bytes(bytes.length)},
            {"engine profile", profile}, {"Wasmtime", wasmtimeVersion}});
    }
}
