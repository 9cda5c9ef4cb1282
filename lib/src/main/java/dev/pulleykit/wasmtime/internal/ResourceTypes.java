package dev.pulleykit.wasmtime.internal;

import dev.pulleykit.wasmtime.HostResource;
import java.lang.foreign.MemorySegment;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every {@link HostResource} by the 32-bit type number Wasmtime knows it by. Wasmtime hands
 * that number back with each host handle ({@code wasmtime_component_resource_host_type}), and
 * a function's type names a resource only by an opaque type object, which
 * {@link #matching(MemorySegment)} compares with each registered one. Entries are weak: a
 * resource nobody uses any more can be collected.
 *
 * <p>It also keeps which owned handles each store holds. Wasmtime runs a resource's destructor
 * when a guest drops its handle, but not for handles still held when the store goes away (a
 * store closed early, or poisoned by a trap in the middle of a call); the store then hands
 * these back ({@link #releaseStore}) so their objects can be dropped.
 */
public final class ResourceTypes {
    private ResourceTypes() {}

    private static final AtomicInteger NEXT = new AtomicInteger(1);
    private static final Map<Integer, WeakReference<HostResource<?>>> BY_ID = new ConcurrentHashMap<>();

    /** An owned handle held inside a store. */
    public record Held(HostResource<?> resource, int rep) {}

    // Store context address -> the owned handles its guests hold.
    private static final Map<Long, Set<Held>> HELD = new ConcurrentHashMap<>();

    /** An owned handle went into the store with {@code context}. */
    public static void movedIn(MemorySegment context, HostResource<?> resource, int rep) {
        HELD.computeIfAbsent(context.address(), k -> ConcurrentHashMap.newKeySet()).add(new Held(resource, rep));
    }

    /** An owned handle left the store with {@code context}: to Java, or dropped by its guest. */
    public static void movedOut(MemorySegment context, HostResource<?> resource, int rep) {
        Set<Held> held = HELD.get(context.address());
        if (held != null) held.remove(new Held(resource, rep));
    }

    /** Forgets the store with {@code context} and returns the owned handles it still held. */
    public static List<Held> releaseStore(MemorySegment context) {
        Set<Held> held = HELD.remove(context.address());
        return held == null ? List.of() : new ArrayList<>(held);
    }

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
