package dev.pulleykit.wasmtime.internal;

import static dev.pulleykit.wasmtime.internal.Layouts.*;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.pulleykit.wasmtime.ComponentType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/** Reads a component's imports and exports through the {@code wasmtime_component_type_*} calls. */
public final class ComponentTypeReader {
    private ComponentTypeReader() {}

    private interface Nth {
        boolean read(MemorySegment ty, MemorySegment engine, long n, MemorySegment name, MemorySegment len, MemorySegment ret);
    }

    public static ComponentType read(MemorySegment component, MemorySegment engine) {
        MemorySegment ty = WasmtimeC.wasmtime_component_type(component);
        try {
            return new ComponentType(
                items(ty, engine, WasmtimeC.wasmtime_component_type_import_count(ty, engine), WasmtimeC::wasmtime_component_type_import_nth),
                items(ty, engine, WasmtimeC.wasmtime_component_type_export_count(ty, engine), WasmtimeC::wasmtime_component_type_export_nth));
        } finally {
            WasmtimeC.wasmtime_component_type_delete(ty);
        }
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
