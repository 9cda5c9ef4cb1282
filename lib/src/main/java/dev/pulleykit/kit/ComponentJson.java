package dev.pulleykit.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulleykit.wasmtime.ComponentType;
import dev.pulleykit.wasmtime.FuncType;
import dev.pulleykit.wasmtime.WitType;
import java.util.List;

/**
 * A component's imports and exports as JSON, for tools and notebooks: every item has a
 * {@code kind} and a {@code name}; every type has a {@code kind}, its {@code wit} text, and
 * its parts ({@code fields}, {@code cases}, {@code element}, ...).
 *
 * <pre>{@code
 * {"imports": [], "exports": [{"kind": "func", "name": "run",
 *   "params": [{"name": "name", "type": {"kind": "option", "wit": "option<string>", "inner": {"kind": "string", "wit": "string"}}}],
 *   "result": {"kind": "string", "wit": "string"}, "wit": "func(name: option<string>) -> string"}]}
 * }</pre>
 */
public final class ComponentJson {
    private ComponentJson() {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Pretty-printed JSON text. */
    public static String toJson(ComponentType type) {
        try {
            return JSON.writeValueAsString(toTree(type));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new KitException("writing the component's type as JSON failed: " + e.getMessage());
        }
    }

    /** The same as a Jackson tree. */
    public static ObjectNode toTree(ComponentType type) {
        ObjectNode root = JSON.createObjectNode();
        root.set("imports", items(type.imports()));
        root.set("exports", items(type.exports()));
        return root;
    }

    private static ArrayNode items(List<ComponentType.Item> items) {
        ArrayNode out = JSON.createArrayNode();
        for (ComponentType.Item item : items) {
            ObjectNode node = out.addObject();
            switch (item) {
                case ComponentType.FuncItem(String name, FuncType f) -> {
                    node.put("kind", "func").put("name", name);
                    ArrayNode params = node.putArray("params");
                    for (FuncType.Param p : f.params()) params.addObject().put("name", p.name()).set("type", type(p.type()));
                    node.set("result", f.result() == null ? null : type(f.result()));
                    node.put("wit", f.toString());
                }
                case ComponentType.InstanceItem(String name, List<ComponentType.Item> sub) ->
                    node.put("kind", "interface").put("name", name).set("items", items(sub));
                case ComponentType.OtherItem(String name, String kind) -> node.put("kind", kind).put("name", name);
            }
        }
        return out;
    }

    /** One WIT type as an object: {@code kind}, {@code wit}, and its parts. */
    public static JsonNode type(WitType t) {
        ObjectNode node = JSON.createObjectNode();
        switch (t) {
            case WitType.Primitive p -> node.put("kind", p.toString());
            case WitType.ListType(WitType element) -> node.put("kind", "list").set("element", type(element));
            case WitType.OptionType(WitType inner) -> node.put("kind", "option").set("inner", type(inner));
            case WitType.TupleType(List<WitType> types) -> {
                ArrayNode a = node.put("kind", "tuple").putArray("types");
                types.forEach(x -> a.add(type(x)));
            }
            case WitType.RecordType(List<WitType.Field> fields) -> {
                ArrayNode a = node.put("kind", "record").putArray("fields");
                fields.forEach(f -> a.addObject().put("name", f.name()).set("type", type(f.type())));
            }
            case WitType.VariantType(List<WitType.Case> cases) -> {
                ArrayNode a = node.put("kind", "variant").putArray("cases");
                cases.forEach(c -> a.addObject().put("name", c.name()).set("payload", c.payload() == null ? null : type(c.payload())));
            }
            case WitType.EnumType(List<String> names) -> names.forEach(node.put("kind", "enum").putArray("cases")::add);
            case WitType.FlagsType(List<String> names) -> names.forEach(node.put("kind", "flags").putArray("flags")::add);
            case WitType.ResultType(WitType ok, WitType err) -> {
                node.put("kind", "result");
                node.set("ok", ok == null ? null : type(ok));
                node.set("err", err == null ? null : type(err));
            }
            case WitType.HandleType h -> {
                node.put("kind", h.own() ? "own" : "borrow");
                if (h.name() != null) node.put("resource", h.name());
            }
            case WitType.Unsupported(String wit) -> node.put("kind", wit);
        }
        ObjectNode ordered = JSON.createObjectNode().put("kind", node.remove("kind").asText()).put("wit", t.toString());
        return ordered.setAll(node);
    }
}
