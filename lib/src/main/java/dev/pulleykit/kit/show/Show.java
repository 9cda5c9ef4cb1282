package dev.pulleykit.kit.show;

import dev.pulleykit.kit.Artifact;
import dev.pulleykit.kit.ComponentBytes;
import dev.pulleykit.kit.CoreModule;
import dev.pulleykit.wasmtime.Component;
import dev.pulleykit.wasmtime.ComponentType;
import java.util.List;
import java.util.Map;

/**
 * One-liners that turn what a course step produced into something to look at. Each result draws
 * itself as HTML in a notebook and as aligned text in JShell.
 *
 * <pre>{@code
 * Show.sections(Kit.bundledComponent("guest1"))   // the component's sections, its core module's inside
 * Show.anatomy(Kit.bundledArtifact("guest1"))     // ELF sections, engine settings, Pulley functions
 * Show.bytes(Kit.bundledArtifact("guest1"))       // where the bytes go
 * }</pre>
 */
public final class Show {
    private Show() {}

    public static WasmSections sections(ComponentBytes component) { return WasmSections.parse(component.bytes()); }

    public static WasmSections sections(CoreModule module) { return WasmSections.parse(module.bytes()); }

    public static WasmSections sections(byte[] wasm) { return WasmSections.parse(wasm); }

    public static CwasmAnatomy anatomy(Artifact artifact) { return CwasmAnatomy.parse(artifact.bytes()); }

    public static CwasmAnatomy anatomy(byte[] cwasm) { return CwasmAnatomy.parse(cwasm); }

    public static ByteMap bytes(ComponentBytes component) { return ByteMap.of(sections(component)); }

    public static ByteMap bytes(CoreModule module) { return ByteMap.of(sections(module)); }

    public static ByteMap bytes(Artifact artifact) { return ByteMap.of(anatomy(artifact)); }

    /** A map of any bytes: a .cwasm (ELF) or a WebAssembly binary, told apart by their magic. */
    public static ByteMap bytes(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 0x7f && bytes[1] == 'E' ? ByteMap.of(CwasmAnatomy.parse(bytes)) : ByteMap.of(WasmSections.parse(bytes));
    }

    public static HexDump hex(byte[] bytes, int offset, int length) { return HexDump.of(bytes, offset, length); }

    public static WitView wit(Component component) { return new WitView(component.type()); }

    public static WitView wit(ComponentType type) { return new WitView(type); }

    public static BarChart timings(String title, String unit, Map<String, Double> values) {
        return new BarChart(title, unit, values, false);
    }

    /** The same on a log scale, for values that differ by orders of magnitude. */
    public static BarChart timingsLog(String title, String unit, Map<String, Double> values) {
        return new BarChart(title, unit, values, true);
    }

    public static Table table(List<String> headers, List<List<String>> rows) { return Table.of(null, headers, rows); }

    public static Table table(String title, List<String> headers, List<List<String>> rows) { return Table.of(title, headers, rows); }

    /**
     * A kit object's HTML: its facts, then the map of its bytes. A display never fails: bytes that do
     * not parse get the parser's message in place of the map.
     */
    public static String overview(String title, String[][] facts, byte[] bytes) {
        String map;
        try {
            map = bytes(bytes).toHtml();
        } catch (IllegalArgumentException e) {
            map = "<div style=\"" + Html.SANS + ";color:#b00\">" + Html.escape(e.getMessage()) + "</div>";
        }
        return Html.stack(Html.facts(title, facts), map);
    }
}
