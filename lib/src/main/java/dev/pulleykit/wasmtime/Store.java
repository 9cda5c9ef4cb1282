package dev.pulleykit.wasmtime;

import dev.pulleykit.wasmtime.internal.NativeResource;
import dev.pulleykit.wasmtime.internal.WasmtimeC;
import java.lang.foreign.MemorySegment;

/**
 * A store holds the state of instances: their memories, tables and globals. Every instance
 * lives in exactly one store and dies with it. A store is not thread-safe: use one per thread
 * (they can share one {@link Engine}).
 */
public final class Store implements AutoCloseable {
    private final Engine engine;
    private final NativeResource store;
    private final MemorySegment context;

    public Store(Engine engine) {
        this.engine = engine;
        // No host data and no finalizer: the Java side keeps its own state.
        this.store = new NativeResource(this, "store",
            WasmtimeC.wasmtime_store_new(engine.pointer(), MemorySegment.NULL, MemorySegment.NULL),
            WasmtimeC::wasmtime_store_delete);
        this.context = WasmtimeC.wasmtime_store_context(store.get()); // lives as long as the store
    }

    public Engine engine() { return engine; }

    /** The {@code wasmtime_context_t*}; throws once the store is closed. */
    MemorySegment context() {
        store.get();
        return context;
    }

    boolean isClosed() { return store.isClosed(); }

    @Override public void close() { store.close(); }

    @Override public String toString() { return "Store[" + engine.config().name() + (store.isClosed() ? ", closed" : "") + "]"; }
}
