package dev.pulleykit.wasmtime;

import java.util.List;
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

    /** The exported function of that name at the top level, if any. */
    public Optional<FuncType> exportedFunc(String name) {
        return exports.stream().filter(i -> i instanceof FuncItem f && f.name().equals(name))
            .map(i -> ((FuncItem) i).type()).findFirst();
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
