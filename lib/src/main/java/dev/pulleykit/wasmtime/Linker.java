package dev.pulleykit.wasmtime;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pulleykit.wasmtime.internal.Errors;
import dev.pulleykit.wasmtime.internal.HandleTypes;
import dev.pulleykit.wasmtime.internal.HostCallbacks;
import dev.pulleykit.wasmtime.internal.LayoutSelfCheck;
import dev.pulleykit.wasmtime.internal.Layouts;
import dev.pulleykit.wasmtime.internal.NativeResource;
import dev.pulleykit.wasmtime.internal.ResourceTypes;
import dev.pulleykit.wasmtime.internal.WasmtimeC;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * Supplies a component's imports and instantiates it. An empty linker suits components that
 * import nothing, like the course's first guests (no WASI: they are {@code #![no_std]}).
 * Imports are Java functions: {@code linker.defineJava("embedded:platform/gpio", "set-high", args -> ...)}.
 */
public final class Linker implements AutoCloseable {
    private final Engine engine;
    private final NativeResource linker;

    public Linker(Engine engine) {
        this.engine = engine;
        this.linker = new NativeResource(this, "linker", engine.use(WasmtimeC::wasmtime_component_linker_new),
            WasmtimeC::wasmtime_component_linker_delete);
    }

    /**
     * Defines an imported function as Java code working on {@link WitValue}s.
     *
     * @param instance the imported interface, e.g. {@code embedded:platform/gpio}; null or ""
     *                 for a function imported at the top level of the component
     */
    public Linker define(String instance, String name, HostFunction function) {
        return addFunc(instance, name, (args, type) -> function.call(args));
    }

    /** Defines an imported function as Java code on plain Java values ({@link JavaValues}). */
    public Linker defineJava(String instance, String name, JavaHostFunction function) {
        return addFunc(instance, name, (args, type) -> {
            Object[] plain = new Object[args.length];
            for (int i = 0; i < args.length; i++) plain[i] = JavaValues.toJava(args[i], type.params().get(i).type());
            Object result = function.call(plain);
            return type.result() == null ? null : JavaValues.toWit(result, type.result(), name + " result");
        });
    }

    /**
     * Defines a resource type that the component imports as {@code resource.name()} in
     * {@code instance}, e.g. {@code output-pin} in {@code embedded:platform/pins}. Its functions
     * are host functions named as the component model names them: {@code [constructor]output-pin},
     * {@code [method]output-pin.set}, {@code [static]output-pin.open-count}. When a guest drops an
     * owned handle, the resource's drop action runs ({@link HostResource}).
     */
    public Linker defineResource(String instance, HostResource<?> resource) {
        String where = (instance == null || instance.isEmpty() ? "" : instance + "#") + resource.name();
        return inInstance(instance, (arena, target) -> {
            MemorySegment data = HostCallbacks.registerDestructor(where, (context, rep) -> {
                ResourceTypes.movedOut(context, resource, rep);
                resource.dropRep(rep);
            });
            MemorySegment type = ResourceTypes.newType(resource);
            try {
                byte[] utf8 = resource.name().getBytes(UTF_8);
                String err = Errors.take(WasmtimeC.wasmtime_component_linker_instance_add_resource(target,
                    arena.allocateFrom(JAVA_BYTE, utf8), utf8.length, type,
                    HostCallbacks.destructor(), data, HostCallbacks.finalizer()));
                if (err != null) {
                    HostCallbacks.unregister(data);
                    throw new LinkException("cannot define resource " + where + " in the linker (defined twice?)", err);
                }
            } finally {
                ResourceTypes.deleteType(type); // the linker keeps its own copy
            }
        });
    }

    private Linker addFunc(String instance, String name, HostCallbacks.Handler handler) {
        String where = (instance == null || instance.isEmpty() ? "" : instance + "#") + name;
        HostCallbacks.Handler dropping = new HostCallbacks.Handler() {
            private volatile Boolean takesOwnHandles; // worked out from the type on the first call

            @Override public WitValue call(WitValue[] args, FuncType type) throws Throwable {
                Boolean owns = takesOwnHandles;
                if (owns == null) takesOwnHandles = owns = type.params().stream().flatMap(p -> HandleTypes.in(p.type())).anyMatch(WitType.HandleType::own);
                if (!owns) return handler.call(args, type);
                WitValue result = null;
                try {
                    return result = handler.call(args, type);
                } finally {
                    dropOwnedArguments(args, result);
                }
            }
        };
        return inInstance(instance, (arena, target) -> {
            MemorySegment data = HostCallbacks.register(where, dropping);
            byte[] utf8 = name.getBytes(UTF_8);
            String err = Errors.take(WasmtimeC.wasmtime_component_linker_instance_add_func(target,
                arena.allocateFrom(JAVA_BYTE, utf8), utf8.length,
                HostCallbacks.callback(), data, HostCallbacks.finalizer()));
            if (err != null) {
                HostCallbacks.unregister(data);
                throw new LinkException("cannot define " + where + " in the linker (defined twice?)", err);
            }
        });
    }

    /**
     * An owned handle passed to a host function is the function's: the kit drops it when the
     * function returns, unless the function took it ({@link HostResource#take}) or handed it
     * back in its result.
     */
    private static void dropOwnedArguments(WitValue[] args, WitValue result) {
        List<WitValue.Handle> owned = new ArrayList<>();
        for (WitValue a : args) collectOwned(a, owned);
        if (owned.isEmpty()) return;
        List<WitValue.Handle> returned = new ArrayList<>();
        if (result != null) collectOwned(result, returned);
        for (WitValue.Handle h : owned) {
            if (!returned.contains(h)) h.resource().dropRep(h.rep());
        }
    }

    /** Whether a value of {@code type} can carry an {@code own} handle. */
    private static void collectOwned(WitValue v, List<WitValue.Handle> into) {
        switch (v) {
            case WitValue.Handle h when h.own() -> into.add(h);
            case WitValue.ListValue(List<WitValue> items) -> items.forEach(i -> collectOwned(i, into));
            case WitValue.TupleValue(List<WitValue> items) -> items.forEach(i -> collectOwned(i, into));
            case WitValue.RecordValue r -> r.fields().values().forEach(i -> collectOwned(i, into));
            case WitValue.OptionValue(WitValue inner) when inner != null -> collectOwned(inner, into);
            case WitValue.ResultValue(boolean ok, WitValue payload) when payload != null -> collectOwned(payload, into);
            case WitValue.VariantValue(String c, WitValue payload) when payload != null -> collectOwned(payload, into);
            default -> { }
        }
    }

    private interface InInstance { void define(Arena arena, MemorySegment target); }

    /** Runs {@code body} with the linker instance for {@code instance} (the root for null or ""). */
    private Linker inInstance(String instance, InInstance body) {
        try (Arena arena = Arena.ofConfined()) {
            // The root (and any opened instance) borrows the linker: delete them before anything else uses it.
            MemorySegment root = WasmtimeC.wasmtime_component_linker_root(linker.get());
            MemorySegment target = root;
            try {
                if (instance != null && !instance.isEmpty()) {
                    MemorySegment out = arena.allocate(ADDRESS);
                    byte[] utf8 = instance.getBytes(UTF_8);
                    String err = Errors.take(WasmtimeC.wasmtime_component_linker_instance_add_instance(
                        root, arena.allocateFrom(JAVA_BYTE, utf8), utf8.length, out));
                    if (err != null) throw new LinkException("cannot define interface " + instance + " in the linker", err);
                    target = out.get(ADDRESS, 0);
                }
                body.define(arena, target);
            } finally {
                if (target != root) WasmtimeC.wasmtime_component_linker_instance_delete(target);
                WasmtimeC.wasmtime_component_linker_instance_delete(root);
                Reference.reachabilityFence(this);
            }
        }
        return this;
    }

    /** Instantiates {@code component} in {@code store}. */
    public Instance instantiate(Store store, Component component) {
        if (component.engine().address() != store.engine().address()) {
            throw new LinkException("the component and the store come from different engines; use one engine for both");
        }
        // The instance struct must outlive this call: it lives as long as the Java Instance does.
        MemorySegment instance = LayoutSelfCheck.canaryBuffer(Arena.ofAuto(), Layouts.INSTANCE.byteSize());
        store.beforeEntering(); // instantiation can run guest code: it gets the call limits too
        String message = Errors.take(component.use(c -> WasmtimeC.wasmtime_component_linker_instantiate(
            linker.get(), store.context(), c, instance)));
        if (message != null) {
            if (message.contains("exceeds memory limits") || message.contains("memory minimum size")) {
                throw new MemoryLimitException("instantiating the component failed: its memory does not fit the store's cap of "
                    + store.memoryLimit() + " bytes. Raise the cap with store.setMemoryLimit(bytes).", message, java.util.List.of());
            }
            if (message.contains("os error 12") || message.contains("mmap failed")) {
                // Not a linking problem: the system refused the address space for a linear memory.
                throw new WasmtimeException("instantiating the component failed: the system refused memory for its linear "
                    + "memory. Each store holds address space for its memories until it is closed, and forgotten stores are "
                    + "freed only after a garbage collection: close the stores you are done with. The engine profile's "
                    + "memoryReservation sets how much each memory reserves.", message);
            }
            ComponentType type = component.type();
            if (type.imports().isEmpty()) throw new LinkException("instantiating the component failed.", message);
            throw new LinkException("instantiating the component failed. It imports: "
                + type.imports().stream().map(ComponentType.Item::name).toList() + "."
                + " Provide every import in the linker before instantiating.", message);
        }
        LayoutSelfCheck.checkCanary(instance, Layouts.INSTANCE.byteSize(), "wasmtime_component_instance_t");
        Reference.reachabilityFence(this); // the linker and the store were in use until here
        Reference.reachabilityFence(store);
        return new Instance(store, component, instance.asSlice(0, Layouts.INSTANCE.byteSize()));
    }

    public Engine engine() { return engine; }

    @Override public void close() { linker.close(); }
}
