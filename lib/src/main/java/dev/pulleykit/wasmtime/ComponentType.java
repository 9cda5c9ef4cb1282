package dev.pulleykit.wasmtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a component imports and exports, with full WIT signatures, nested interfaces included.
 * {@link #toString()} prints WIT-like text; the records are the same facts as data.
 */
public record ComponentType(List<Item> imports, List<Item> exports) {

    public ComponentType {
        imports = List.copyOf(imports);
        exports = List.copyOf(exports);
    }

    /** One import or export. */
    public sealed interface Item {
        String name();
    }

    /** A function. */
    public record FuncItem(String name, FuncType type) implements Item {}

    /** An instance (an interface such as {@code embedded:platform/gpio}) and its own items. */
    public record InstanceItem(String name, List<Item> items) implements Item {
        public InstanceItem { items = List.copyOf(items); }
    }

    /** Anything else (a core module, a resource type, a nested component, a type), by kind. */
    public record OtherItem(String name, String kind) implements Item {}

    /**
     * The exported function {@code name}, if any: a top-level one such as {@code run}, or one
     * inside an exported interface, written {@code interface#function} as the component model
     * names it, for example {@code demo:calc/math#double}.
     */
    public Optional<FuncType> exportedFunc(String name) {
        int hash = name.lastIndexOf('#');
        List<Item> scope = hash < 0 ? exports : exportedInterface(name.substring(0, hash)).map(InstanceItem::items).orElse(List.of());
        String simple = name.substring(hash + 1);
        return scope.stream().filter(i -> i instanceof FuncItem f && f.name().equals(simple))
            .map(i -> ((FuncItem) i).type()).findFirst();
    }

    /** Every exported function by the name {@link #exportedFunc} takes, with its type, in order. */
    public Map<String, FuncType> exportedFuncs() {
        Map<String, FuncType> all = new LinkedHashMap<>();
        for (Item i : exports) {
            if (i instanceof FuncItem f) all.put(f.name(), f.type());
            if (i instanceof InstanceItem in) {
                for (Item x : in.items()) if (x instanceof FuncItem f) all.put(in.name() + "#" + f.name(), f.type());
            }
        }
        return all;
    }

    /**
     * Why {@code name} is not an exported function, in one clause, with the name to write
     * instead when the function is inside an exported interface.
     */
    public String noSuchFunc(String name) {
        int hash = name.lastIndexOf('#');
        String simple = name.substring(hash + 1);
        String why;
        if (hash >= 0 && exportedInterface(name.substring(0, hash)).isEmpty()) {
            why = "the component exports no interface '" + name.substring(0, hash) + "'";
        } else if (hash >= 0) {
            why = "the interface '" + name.substring(0, hash) + "' has no function '" + simple + "'";
        } else {
            why = "the component has no export named '" + name + "'";
        }
        List<String> inside = exportedFuncs().keySet().stream().filter(n -> n.endsWith("#" + simple) && !n.equals(name)).toList();
        return inside.isEmpty() ? why : why + "; it is exported as '" + inside.getFirst() + "'";
    }

    private Optional<InstanceItem> exportedInterface(String name) {
        return exports.stream().filter(i -> i instanceof InstanceItem in && in.name().equals(name))
            .map(i -> (InstanceItem) i).findFirst();
    }

    /** The names of the top-level exports, in order. */
    public List<String> exportNames() { return exports.stream().map(Item::name).toList(); }

    /** The imports and exports as WIT-like lines: {@code export run: func(name: option<string>) -> string;}. */
    @Override public String toString() {
        StringBuilder b = new StringBuilder();
        appendItems(b, "");
        return b.isEmpty() ? "(no imports, no exports)" : b.toString().stripTrailing();
    }

    /**
     * The same as a WIT world named {@code worldName}, nested interfaces indented:
     * <pre>
     * world guest2 {
     *     export run: func(name: option&lt;string&gt;) -&gt; string;
     * }
     * </pre>
     * A compiled component keeps no WIT names for its records, variants, enums and flags, so
     * they print in place, by their structure.
     */
    public String toWit(String worldName) {
        StringBuilder b = new StringBuilder("world ").append(worldName).append(" {\n");
        appendItems(b, INDENT);
        return b.append("}").toString();
    }

    private static final String INDENT = "    ";

    private void appendItems(StringBuilder b, String indent) {
        for (Item i : imports) append(b, "import ", i, indent);
        if (!imports.isEmpty() && !exports.isEmpty()) b.append('\n');
        for (Item i : exports) append(b, "export ", i, indent);
    }

    private static void append(StringBuilder b, String keyword, Item item, String indent) {
        switch (item) {
            case FuncItem f -> b.append(indent).append(keyword).append(f.name()).append(": ").append(f.type()).append(";\n");
            case OtherItem o -> b.append(indent).append(keyword).append(o.name()).append(": ").append(o.kind()).append(";\n");
            case InstanceItem in -> {
                b.append(indent).append(keyword).append(in.name()).append(": interface {\n");
                for (Item sub : in.items()) append(b, "", sub, indent + INDENT);
                b.append(indent).append("}\n");
            }
        }
    }
}
