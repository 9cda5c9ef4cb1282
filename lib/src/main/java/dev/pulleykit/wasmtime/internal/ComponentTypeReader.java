package dev.pulleykit.wasmtime.internal;

import static dev.pulleykit.wasmtime.internal.Layouts.*;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.pulleykit.wasmtime.ComponentType;
import dev.pulleykit.wasmtime.FuncType;
import dev.pulleykit.wasmtime.WitType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Reads a component's imports and exports through the {@code wasmtime_component_type_*} calls. */
public final class ComponentTypeReader {
    private ComponentTypeReader() {}

    private interface Nth {
        boolean read(MemorySegment ty, MemorySegment engine, long n, MemorySegment name, MemorySegment len, MemorySegment ret);
    }

    public static ComponentType read(MemorySegment component, MemorySegment engine) {
        MemorySegment ty = WasmtimeC.wasmtime_component_type(component);
        try {
            List<ComponentType.Item> imports = items(ty, engine, WasmtimeC.wasmtime_component_type_import_count(ty, engine),
                WasmtimeC::wasmtime_component_type_import_nth);
            List<ComponentType.Item> exports = items(ty, engine, WasmtimeC.wasmtime_component_type_export_count(ty, engine),
                WasmtimeC::wasmtime_component_type_export_nth);
            Set<String> resources = new LinkedHashSet<>();
            resourceNames(imports, resources, true);
            resourceNames(exports, resources, true);
            Set<String> atTop = new LinkedHashSet<>();
            resourceNames(imports, atTop, false);
            resourceNames(exports, atTop, false);
            String top = onlyOne(atTop, onlyOne(resources, null));
            return new ComponentType(nameHandles(imports, top), nameHandles(exports, top));
        } finally {
            WasmtimeC.wasmtime_component_type_delete(ty);
        }
    }

    // ---- naming resource handles ------------------------------------------------------------
    // Before instantiation the C API gives a handle's resource only as a type object, and the
    // objects of one resource do not compare equal across items. The names are therefore taken
    // from what the component model fixes: `[constructor]R` returns own<R>, `[method]R.f` takes
    // borrow<R> first. Other handles are to the resource their scope declares (an interface's
    // items, or the top level's), where it declares just one; else to the component's only one.

    private static void resourceNames(List<ComponentType.Item> items, Set<String> into, boolean nested) {
        for (ComponentType.Item i : items) {
            if (i instanceof ComponentType.OtherItem(String name, String kind) && kind.equals("resource")) into.add(name);
            if (nested && i instanceof ComponentType.InstanceItem in) resourceNames(in.items(), into, true);
        }
    }

    private static String onlyOne(Set<String> names, String otherwise) {
        return names.size() == 1 ? names.iterator().next() : otherwise;
    }

    private static List<ComponentType.Item> nameHandles(List<ComponentType.Item> items, String only) {
        List<ComponentType.Item> out = new ArrayList<>(items.size());
        for (ComponentType.Item i : items) {
            out.add(switch (i) {
                case ComponentType.FuncItem f -> new ComponentType.FuncItem(f.name(), nameHandles(f.name(), f.type(), only));
                case ComponentType.InstanceItem in -> {
                    Set<String> declared = new LinkedHashSet<>();
                    resourceNames(in.items(), declared, false);
                    yield new ComponentType.InstanceItem(in.name(), nameHandles(in.items(), onlyOne(declared, only)));
                }
                case ComponentType.OtherItem o -> o;
            });
        }
        return out;
    }

    private static FuncType nameHandles(String func, FuncType type, String only) {
        String owner = func.startsWith("[constructor]") ? func.substring("[constructor]".length())
            : func.startsWith("[method]") && func.indexOf('.') > 0 ? func.substring("[method]".length(), func.indexOf('.')) : null;
        List<FuncType.Param> params = new ArrayList<>();
        for (int p = 0; p < type.params().size(); p++) {
            FuncType.Param param = type.params().get(p);
            String name = p == 0 && func.startsWith("[method]") && owner != null ? owner : only;
            params.add(new FuncType.Param(param.name(), named(param.type(), name)));
        }
        String resultName = func.startsWith("[constructor]") ? owner : only;
        return new FuncType(params, type.result() == null ? null : named(type.result(), resultName));
    }

    /**
     * {@code type} with each unnamed handle named as in {@code named}, the same function's type
     * as the component lists it. An instance's function types know host resources by their
     * type objects but give a guest's own resources no name; the listing has the names. The
     * two types have the same shape, so their handles pair up in order.
     */
    public static FuncType namesFrom(FuncType type, FuncType named) {
        if (named == null) return type;
        Iterator<WitType.HandleType> names = HandleTypes.in(named).iterator();
        UnaryOperator<WitType.HandleType> name = h -> {
            WitType.HandleType n = names.hasNext() ? names.next() : null;
            return h.name() == null && n != null && n.name() != null ? new WitType.HandleType(h.own(), n.name(), h.resource()) : h;
        };
        List<FuncType.Param> params = new ArrayList<>();
        for (FuncType.Param p : type.params()) params.add(new FuncType.Param(p.name(), HandleTypes.map(p.type(), name)));
        return new FuncType(params, HandleTypes.map(type.result(), name));
    }

    /** {@code type} with its unnamed handles named {@code name} (null leaves them). */
    private static WitType named(WitType type, String name) {
        if (name == null) return type;
        return HandleTypes.map(type, h -> h.name() == null ? new WitType.HandleType(h.own(), name, h.resource()) : h);
    }

    private static List<ComponentType.Item> items(MemorySegment ty, MemorySegment engine, long count, Nth nth) {
        List<ComponentType.Item> items = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocate(ADDRESS), len = arena.allocate(JAVA_LONG), ext = arena.allocate(ADDRESS);
            for (long i = 0; i < count; i++) {
                if (!nth.read(ty, engine, i, name, len, ext)) break;
                String itemName = NativeStrings.readOut(name, len); // borrowed from ty: copy before anything else
                MemorySegment extern = ext.get(ADDRESS, 0);
                try {
                    items.add(readExtern(itemName, extern, engine));
                } finally {
                    WasmtimeC.wasmtime_component_extern_delete(extern);
                }
            }
        }
        return items;
    }

    private static ComponentType.Item readExtern(String name, MemorySegment extern, MemorySegment engine) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment item = arena.allocate(ITEM);
            WasmtimeC.wasmtime_component_extern_type(extern, item);
            try {
                byte kind = item.get(JAVA_BYTE, 0);
                MemorySegment of = item.get(ADDRESS, ITEM_OF);
                return switch (kind) {
                    // The item owns the types it points at; item_delete below frees them.
                    case ITEM_COMPONENT_FUNC -> new ComponentType.FuncItem(name, TypeReader.readBorrowedFuncType(of));
                    case ITEM_COMPONENT_INSTANCE -> new ComponentType.InstanceItem(name, items(of, engine,
                        WasmtimeC.wasmtime_component_instance_type_export_count(of, engine),
                        WasmtimeC::wasmtime_component_instance_type_export_nth));
                    case ITEM_COMPONENT -> new ComponentType.OtherItem(name, "component");
                    case ITEM_MODULE -> new ComponentType.OtherItem(name, "core module");
                    case ITEM_RESOURCE -> new ComponentType.OtherItem(name, "resource");
                    case ITEM_CORE_FUNC -> new ComponentType.OtherItem(name, "core func");
                    case ITEM_TYPE -> new ComponentType.OtherItem(name, "type");
                    default -> new ComponentType.OtherItem(name, "unknown item kind " + kind);
                };
            } finally {
                WasmtimeC.wasmtime_component_item_delete(item);
            }
        }
    }
}
