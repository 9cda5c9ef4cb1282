package dev.pulleykit.kit.show;

import dev.pulleykit.wasmtime.ComponentType;
import dev.pulleykit.wasmtime.ComponentType.FuncItem;
import dev.pulleykit.wasmtime.ComponentType.InstanceItem;
import dev.pulleykit.wasmtime.ComponentType.Item;
import dev.pulleykit.wasmtime.ComponentType.OtherItem;
import dev.pulleykit.wasmtime.FuncType;
import java.util.List;

/**
 * A component's contract as a learner reads WIT: imports, then exports, interfaces with their
 * functions inside, each function with its parameters and result.
 */
public record WitView(String title, ComponentType type) implements HtmlRenderable {

    public WitView(ComponentType type) { this("Component contract", type); }

    private static final String KEYWORD = "#8e44ad", NAME = "#1f4e79", TYPE = "#16866b";

    /** WIT-like text: {@code world { import ...; export run: func() -> string; }}. */
    @Override public String toString() {
        StringBuilder b = new StringBuilder(title).append('\n').append("world {\n");
        if (type.imports().isEmpty() && type.exports().isEmpty()) b.append("    // no imports, no exports\n");
        for (Item i : type.imports()) text(b, "import ", i, "    ");
        if (!type.imports().isEmpty() && !type.exports().isEmpty()) b.append('\n');
        for (Item i : type.exports()) text(b, "export ", i, "    ");
        return b.append("}").toString();
    }

    private static void text(StringBuilder b, String keyword, Item item, String indent) {
        switch (item) {
            case FuncItem f -> b.append(indent).append(keyword).append(f.name()).append(": ").append(f.type()).append(";\n");
            case OtherItem o -> b.append(indent).append(keyword).append(o.name()).append(": ").append(o.kind()).append(";\n");
            case InstanceItem in -> {
                b.append(indent).append(keyword).append(in.name()).append(": interface {\n");
                for (Item sub : in.items()) text(b, "", sub, indent + "    ");
                b.append(indent).append("}\n");
            }
        }
    }

    @Override public String toHtml() {
        StringBuilder b = new StringBuilder("<div style=\"" + Html.SANS + "\">").append(Html.title(title));
        b.append("<div style=\"border:1px solid #ddd;border-radius:4px;padding:6px 10px;background:#fcfcfc;" + Html.MONO + "\">");
        if (type.imports().isEmpty() && type.exports().isEmpty()) b.append("<i>no imports, no exports</i>");
        list(b, "import", type.imports());
        list(b, "export", type.exports());
        return b.append("</div></div>").toString();
    }

    private static void list(StringBuilder b, String keyword, List<Item> items) {
        if (items.isEmpty()) return;
        b.append("<ul style=\"list-style:none;margin:2px 0;padding-left:0\">");
        for (Item i : items) item(b, keyword, i);
        b.append("</ul>");
    }

    private static void item(StringBuilder b, String keyword, Item item) {
        b.append("<li style=\"margin:2px 0\">");
        if (!keyword.isEmpty()) b.append("<span style=\"color:" + KEYWORD + "\">").append(keyword).append("</span> ");
        b.append("<b style=\"color:" + NAME + "\">").append(Html.escape(item.name())).append("</b>: ");
        switch (item) {
            case FuncItem f -> b.append(signature(f.type())).append(';');
            case OtherItem o -> b.append("<span style=\"color:" + TYPE + "\">").append(Html.escape(o.kind())).append("</span>;");
            case InstanceItem in -> {
                b.append("<span style=\"color:" + KEYWORD + "\">interface</span> {");
                b.append("<ul style=\"list-style:none;margin:2px 0;padding-left:22px;border-left:2px solid #eee\">");
                for (Item sub : in.items()) item(b, "", sub);
                b.append("</ul>}");
            }
        }
        b.append("</li>");
    }

    private static String signature(FuncType t) {
        StringBuilder b = new StringBuilder("<span style=\"color:" + KEYWORD + "\">func</span>(");
        for (int i = 0; i < t.params().size(); i++) {
            if (i > 0) b.append(", ");
            FuncType.Param p = t.params().get(i);
            b.append(Html.escape(p.name())).append(": <span style=\"color:" + TYPE + "\">").append(Html.escape(p.type().toString())).append("</span>");
        }
        b.append(')');
        if (t.result() != null) b.append(" -&gt; <span style=\"color:" + TYPE + "\">").append(Html.escape(t.result().toString())).append("</span>");
        return b.toString();
    }
}
