package dev.pulleykit.wasmtime;

import dev.pulleykit.wasmtime.internal.LayoutSelfCheck;
import dev.pulleykit.wasmtime.internal.Layouts;
import dev.pulleykit.wasmtime.internal.WasmtimeC;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An instantiated component: its exports can be called. It lives in a {@link Store} and is
 * usable until the store is closed, or until a call in that store traps: Wasmtime then refuses
 * to enter any instance of the store again, and so does this class, with a message saying how
 * to get a fresh one.
 */
public final class Instance {
    private final Store store;
    private final Component component;
    private final MemorySegment instance;
    private final Map<String, Func> funcs = new ConcurrentHashMap<>();

    Instance(Store store, Component component, MemorySegment instance) {
        this.store = store;
        this.component = component;
        this.instance = instance;
    }

    /**
     * The exported function {@code name}: a top-level one such as {@code run}, or one inside an
     * exported interface written {@code interface#function}, e.g. {@code demo:calc/math#double}.
     * Throws {@link NoSuchExportException} saying what there is instead.
     */
    public Func func(String name) {
        Func f = funcs.get(name);
        if (f != null) return f;
        f = lookup(name);
        funcs.put(name, f);
        return f;
    }

    /** Calls export {@code name} with plain Java arguments; see {@link Func#call(Object...)}. */
    public Object call(String name, Object... args) { return func(name).call(args); }

    private Func lookup(String name) {
        int hash = name.lastIndexOf('#');
        MemorySegment outer = MemorySegment.NULL, index = MemorySegment.NULL;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ctx = store.context();
            // An interface's function is found in two steps: the interface, then the name in it.
            if (hash >= 0) outer = exportIndex(arena, ctx, MemorySegment.NULL, name.substring(0, hash));
            if (hash < 0 || !outer.equals(MemorySegment.NULL)) index = exportIndex(arena, ctx, outer, name.substring(hash + 1));
            if (index.equals(MemorySegment.NULL)) {
                throw new NoSuchExportException(component.type().noSuchFunc(name) + ". Its exports: " + component.type().exportedFuncs().keySet() + ".");
            }
            // Lives as long as the Java Func: the C API reads it on every call.
            MemorySegment func = LayoutSelfCheck.canaryBuffer(Arena.ofAuto(), Layouts.FUNC.byteSize());
            if (!WasmtimeC.wasmtime_component_instance_get_func(instance, ctx, index, func)) {
                throw new NoSuchExportException("export '" + name + "' is not a function. Its exports: " + component.type().exportedFuncs().keySet() + ".");
            }
            LayoutSelfCheck.checkCanary(func, Layouts.FUNC.byteSize(), "wasmtime_component_func_t");
            return new Func(this, name, func.asSlice(0, Layouts.FUNC.byteSize()));
        } finally {
            // Each index is Java's to delete (NULL when the lookup found nothing).
            if (!index.equals(MemorySegment.NULL)) WasmtimeC.wasmtime_component_export_index_delete(index);
            if (!outer.equals(MemorySegment.NULL)) WasmtimeC.wasmtime_component_export_index_delete(outer);
            java.lang.ref.Reference.reachabilityFence(this); // keeps the store alive through the calls above
        }
    }

    private MemorySegment exportIndex(Arena arena, MemorySegment ctx, MemorySegment within, String name) {
        MemorySegment utf8 = arena.allocateFrom(name);
        return WasmtimeC.wasmtime_component_instance_get_export_index(instance, ctx, within, utf8, utf8.byteSize() - 1);
    }

    public Store store() { return store; }

    public Component component() { return component; }

    /** The context pointer for a call, or an exception saying why this instance cannot be entered. */
    MemorySegment enter() {
        if (store.isClosed()) throw new IllegalStateException("the store of this instance is closed; instantiate again in a new Store");
        String trapped = store.trappedBy();
        if (trapped != null) {
            throw new TrapException("a call in this instance's store trapped earlier (" + trapped + "), and Wasmtime does not "
                + "enter a store's instances after a trap. Instantiate the component anew in a new Store: "
                + "linker.instantiate(new Store(engine), component).", "cannot enter component instance");
        }
        return store.context();
    }

    @Override public String toString() { return "Instance" + component.type().exportNames(); }
}
