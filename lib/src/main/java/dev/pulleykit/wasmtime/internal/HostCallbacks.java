package dev.pulleykit.wasmtime.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.pulleykit.wasmtime.FuncType;
import dev.pulleykit.wasmtime.WitValue;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Java functions that guests call through their imports. Every host function shares one
 * upcall stub of the C callback's shape; the {@code void *data} Wasmtime hands back is an id
 * into {@link #REGISTRY}, and Wasmtime's finalizer removes the entry when the linker that
 * holds the function is gone.
 *
 * <p>Nothing may be thrown out of an upcall (the JVM would stop), so every {@link Throwable}
 * is caught, parked for the thread that called into the guest ({@link #takePending()}), and
 * returned to Wasmtime as an error, which unwinds the guest and comes out of the original call.
 */
public final class HostCallbacks {
    private HostCallbacks() {}

    /** A host function as the binding sees it: decoded arguments in, a value (or null) out. */
    public interface Handler {
        WitValue call(WitValue[] args, FuncType type) throws Throwable;
    }

    private static final class Entry {
        final String name;
        final Handler handler;
        volatile FuncType type; // read from Wasmtime on the first call, then reused

        Entry(String name, Handler handler) { this.name = name; this.handler = handler; }
    }

    /** What runs when a guest drops its owned handle to a host resource object. */
    public interface Destructor {
        void destroy(MemorySegment context, int rep) throws Throwable;
    }

    private record DestructorEntry(String name, Destructor destructor) {}

    private static final Map<Long, Entry> REGISTRY = new ConcurrentHashMap<>();
    private static final Map<Long, DestructorEntry> DESTRUCTORS = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT_ID = new AtomicLong(1);
    private static final ThreadLocal<Throwable> PENDING = new ThreadLocal<>();

    private static final MemorySegment CALLBACK, FINALIZER, DESTRUCTOR;

    static {
        try {
            var lookup = MethodHandles.lookup();
            Linker linker = Linker.nativeLinker();
            // wasmtime_error_t *(*)(void *env, wasmtime_context_t*, const func_type_t*, val_t *args, size_t, val_t *results, size_t)
            CALLBACK = linker.upcallStub(
                lookup.findStatic(HostCallbacks.class, "onCall", MethodType.methodType(MemorySegment.class,
                    MemorySegment.class, MemorySegment.class, MemorySegment.class, MemorySegment.class, long.class,
                    MemorySegment.class, long.class)),
                FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG),
                Arena.global());
            // void (*)(void *env)
            FINALIZER = linker.upcallStub(
                lookup.findStatic(HostCallbacks.class, "onFinalize", MethodType.methodType(void.class, MemorySegment.class)),
                FunctionDescriptor.ofVoid(ADDRESS), Arena.global());
            // wasmtime_error_t *(*)(void *env, wasmtime_context_t*, uint32_t rep)
            DESTRUCTOR = linker.upcallStub(
                lookup.findStatic(HostCallbacks.class, "onDestroy", MethodType.methodType(MemorySegment.class,
                    MemorySegment.class, MemorySegment.class, int.class)),
                FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_INT), Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Registers a handler; returns the {@code data} pointer to pass with {@link #callback()}. */
    public static MemorySegment register(String name, Handler handler) {
        long id = NEXT_ID.getAndIncrement();
        REGISTRY.put(id, new Entry(name, handler));
        return MemorySegment.ofAddress(id);
    }

    /** Registers a resource destructor; returns the {@code data} pointer to pass with {@link #destructor()}. */
    public static MemorySegment registerDestructor(String name, Destructor destructor) {
        long id = NEXT_ID.getAndIncrement();
        DESTRUCTORS.put(id, new DestructorEntry(name, destructor));
        return MemorySegment.ofAddress(id);
    }

    public static MemorySegment destructor() { return DESTRUCTOR; }

    public static MemorySegment callback() { return CALLBACK; }

    public static MemorySegment finalizer() { return FINALIZER; }

    /** Drops a registration that Wasmtime never took (add_func failed). */
    public static void unregister(MemorySegment data) {
        REGISTRY.remove(data.address());
        DESTRUCTORS.remove(data.address());
    }

    /** The exception a host function threw during the current thread's last call, if any; clears it. */
    public static Throwable takePending() {
        Throwable t = PENDING.get();
        PENDING.remove();
        return t;
    }

    /** Registered host functions: for tests that check the finalizer runs. */
    public static int registered() { return REGISTRY.size() + DESTRUCTORS.size(); }

    private static MemorySegment onCall(MemorySegment env, MemorySegment context, MemorySegment funcType,
                                        MemorySegment args, long nargs, MemorySegment results, long nresults) {
        Entry entry = REGISTRY.get(env.address());
        String name = entry == null ? "(unknown)" : entry.name;
        try {
            if (entry == null) throw new IllegalStateException("host function was unregistered");
            FuncType type = entry.type;
            if (type == null) entry.type = type = TypeReader.readBorrowedFuncType(funcType);
            long valSize = Layouts.VAL.byteSize();
            MemorySegment argv = args.reinterpret(nargs * valSize);
            WitValue[] values = new WitValue[(int) nargs];
            for (int i = 0; i < nargs; i++) values[i] = ValueCodec.decode(context, argv.asSlice(i * valSize, valSize));
            WitValue result = entry.handler.call(values, type);
            if (nresults == 1) {
                if (result == null) throw new IllegalStateException(name + " must return a " + type.result() + ", but returned nothing");
                try (CallScratch arena = CallScratch.begin(context)) {
                    MemorySegment scratch = arena.allocate(Layouts.VAL);
                    ValueCodec.encode(arena, scratch, result, type.result(), name + " result");
                    // Results must be Wasmtime's own memory: a deep clone makes every part of it so.
                    WasmtimeC.wasmtime_component_val_clone(scratch, results.reinterpret(valSize));
                }
            }
            return MemorySegment.NULL;
        } catch (Throwable t) {
            return park(t, "host function " + name + " failed");
        }
    }

    private static MemorySegment onDestroy(MemorySegment env, MemorySegment context, int rep) {
        DestructorEntry entry = DESTRUCTORS.get(env.address());
        String name = entry == null ? "(unknown)" : entry.name();
        try {
            if (entry != null) entry.destructor().destroy(context, rep);
            return MemorySegment.NULL;
        } catch (Throwable t) {
            return park(t, "dropping " + name + " #" + rep + " failed");
        }
    }

    /** Parks {@code t} for the calling thread and returns the Wasmtime error that unwinds the guest. */
    private static MemorySegment park(Throwable t, String what) {
        PENDING.set(t);
        String why = t.getMessage() == null ? t.getClass().getName() : t.getClass().getSimpleName() + ": " + t.getMessage();
        return Errors.newError(what + ": " + why);
    }

    private static void onFinalize(MemorySegment env) {
        REGISTRY.remove(env.address());
        DESTRUCTORS.remove(env.address());
    }
}
