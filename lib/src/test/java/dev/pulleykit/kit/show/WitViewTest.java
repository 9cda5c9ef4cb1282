package dev.pulleykit.kit.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulleykit.kit.Kit;
import dev.pulleykit.wasmtime.Component;
import dev.pulleykit.wasmtime.ComponentType;
import dev.pulleykit.wasmtime.Engine;
import dev.pulleykit.wasmtime.FuncType;
import dev.pulleykit.wasmtime.WitType;
import java.util.List;
import org.junit.jupiter.api.Test;

class WitViewTest {
    @Test void aBundledGuestReadsLikeWit() {
        try (Engine engine = Kit.engine(); Component c = Kit.load(engine, Kit.bundledArtifact("guest2"))) {
            WitView view = Show.wit(c);
            String text = view.toString();
            assertTrue(text.contains("    export run: func(name: option<string>) -> string;"), text);
            String html = view.toHtml();
            Checks.wellFormedHtml(html);
            assertTrue(html.contains("option&lt;string&gt;"), html);
        }
    }

    @Test void interfacesNestWithTheirFunctions() {
        var set = new ComponentType.FuncItem("set", new FuncType(List.of(new FuncType.Param("on", WitType.Primitive.BOOL)), null));
        var type = new ComponentType(List.of(new ComponentType.InstanceItem("embedded:platform/gpio", List.of(set))),
            List.of(new ComponentType.FuncItem("run", new FuncType(List.of(), WitType.Primitive.STRING))));
        assertEquals("""
            Component contract
            world {
                import embedded:platform/gpio: interface {
                    set: func(on: bool);
                }

                export run: func() -> string;
            }""", new WitView(type).toString());
        String html = new WitView(type).toHtml();
        Checks.wellFormedHtml(html);
        assertEquals(3, html.split("<ul ", -1).length - 1, "lists of imports, of exports, and of the interface's items");
    }
}
