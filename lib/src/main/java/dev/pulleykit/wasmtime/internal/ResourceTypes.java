package dev.pulleykit.wasmtime.internal;

import dev.pulleykit.wasmtime.HostResource;
import java.lang.foreign.MemorySegment;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every {@link HostResource} by the 32-bit type number Wasmtime knows it by. Wasmtime hands
 * that number back with each host handle ({@code wasmtime_component_resource_host_type}), and
 * a function's type names a resource only by an opaque type object, which
 * {@link #matching(MemorySegment)} compares with each registered one. Entries are weak: a
 * resource nobody uses any more can be collected.
 */
public final class ResourceTypes {
    private ResourceTypes() {}

    private static final AtomicInteger NEXT = new AtomicInteger(1);
    private static final Map<Integer, WeakReference<HostResource<?>>> BY_ID = new ConcurrentHashMap<>();

    /** Registers {@code resource} and returns its new type number. */
    public static int register(HostResource<?> resource) {
        int id = NEXT.getAndIncrement();
        BY_ID.put(id, new WeakReference<>(resource));
        BY_ID.values().removeIf(ref -> ref.get() == null);
        return id;
    }

    /** The resource with type number {@code id}, or null. */
    public static HostResource<?> byId(int id) {
        WeakReference<HostResource<?>> ref = BY_ID.get(id);
        return ref == null ? null : ref.get();
    }

    /** A new owned {@code resource_type_t*} for {@code resource}; delete it with {@link #deleteType}. */
    public static MemorySegment newType(HostResource<?> resource) {
        return WasmtimeC.wasmtime_component_resource_type_new_host(resource.typeId());
    }

    public static void deleteType(MemorySegment type) { WasmtimeC.wasmtime_component_resource_type_delete(type); }

    /** The host resource whose type equals the {@code resource_type_t*} given, or null (a guest-defined one). */
    public static HostResource<?> matching(MemorySegment type) {
        for (WeakReference<HostResource<?>> ref : BY_ID.values()) {
            HostResource<?> candidate = ref.get();
            if (candidate == null) continue;
            MemorySegment mine = newType(candidate);
            try {
                if (WasmtimeC.wasmtime_component_resource_type_equal(mine, type)) return candidate;
            } finally {
                deleteType(mine);
            }
        }
        return null;
    }
}
