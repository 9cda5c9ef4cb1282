package dev.pulleykit.kit.show;

import java.util.Map;

/** The colours of the byte views: a section keeps its colour in every picture of it. */
final class Palette {
    private Palette() {}

    static final String[] COLOURS = {
        "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
        "#a0cbe8", "#ffbe7d", "#8cd17d", "#b6992d", "#499894", "#86bcb6", "#d37295", "#fabfd2", "#79706e", "#d4a6c8"};

    static final String PADDING = "#e8e8e8";

    private static final Map<String, String> KNOWN = Map.ofEntries(
        Map.entry("code", "#4e79a7"), Map.entry(".text", "#4e79a7"),
        Map.entry("data", "#f28e2b"), Map.entry(".rodata.wasm", "#f28e2b"),
        Map.entry("type", "#59a14f"), Map.entry("import", "#76b7b2"), Map.entry("export", "#edc948"),
        Map.entry("function", "#b07aa1"), Map.entry("custom", "#bab0ac"),
        Map.entry(".wasmtime.engine", "#e15759"), Map.entry(".symtab", "#b07aa1"), Map.entry(".strtab", "#ff9da7"),
        Map.entry("padding", PADDING), Map.entry("ELF header", "#555555"), Map.entry("section headers", "#9c755f"));

    /**
     * Colours for the names of one picture: a common name keeps its fixed colour, and every other
     * name gets a colour no earlier name in the picture has, while there are colours left.
     */
    static Map<String, String> assign(java.util.Collection<String> names) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (String n : names) {
            if (out.containsKey(n)) continue;
            String c = of(n);
            if (used.contains(c) && !c.equals(PADDING)) {
                for (String candidate : COLOURS) if (!used.contains(candidate)) { c = candidate; break; }
            }
            out.put(n, c);
            used.add(c);
        }
        return out;
    }

    /** The colour of a section: a fixed one for the common names, otherwise one picked by the name. */
    static String of(String name) {
        String known = KNOWN.get(name);
        if (known != null) return known;
        String base = name.contains(": ") ? name.substring(name.lastIndexOf(": ") + 2) : name;
        known = KNOWN.get(base);
        if (known != null) return known;
        return COLOURS[Math.floorMod(name.hashCode(), COLOURS.length)];
    }
}
