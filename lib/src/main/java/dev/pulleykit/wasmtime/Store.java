package dev.pulleykit.wasmtime;

import dev.pulleykit.wasmtime.internal.NativeResource;
import dev.pulleykit.wasmtime.internal.ResourceTypes;
import dev.pulleykit.wasmtime.internal.WasmtimeC;
import java.lang.foreign.MemorySegment;

/**
 * A store holds the state of instances: their memories, tables and globals. Every instance
 * lives in exactly one store and dies with it. A store is not thread-safe: use one per thread
 * (they can share one {@link Engine}).
 */
public final class Store implements AutoCloseable {
    private static final java.util.concurrent.atomic.AtomicInteger LIVE = new java.util.concurrent.atomic.AtomicInteger();
    private static final int GC_EVERY_LIVE_STORES = 1024;

    private final Engine engine;
    private final NativeResource store;
    private final MemorySegment context;

    public Store(Engine engine) {
        this.engine = engine;
        // No host data and no finalizer: the Java side keeps its own state.
        MemorySegment pointer = engine.use(e -> WasmtimeC.wasmtime_store_new(e, MemorySegment.NULL, MemorySegment.NULL));
        MemorySegment ctx = pointer.equals(MemorySegment.NULL) ? pointer : WasmtimeC.wasmtime_store_context(pointer);
        this.store = new NativeResource(this, "store", pointer, p -> {
            LIVE.decrementAndGet();
            WasmtimeC.wasmtime_store_delete(p);
            dropHeldHandles(ctx);
        });
        // Each store reserves address space for its memories (gigabytes, most never touched) but
        // costs the Java heap almost nothing, so stores nobody closed do not prompt a collection
        // and their Cleaners never run: a loop in a notebook can run out of address space. Every
        // so many live stores, ask for one.
        if (LIVE.incrementAndGet() % GC_EVERY_LIVE_STORES == 0) System.gc();
        this.context = ctx; // lives as long as the store
    }

    /**
     * Drops the host resource objects that guests in the store still owned when it went away:
     * Wasmtime runs no destructors then. Runs after the store is deleted, before its context
     * address can be reused.
     */
    private static void dropHeldHandles(MemorySegment ctx) {
        for (ResourceTypes.Held h : ResourceTypes.releaseStore(ctx)) {
            try {
                h.resource().dropRep(h.rep());
            } catch (RuntimeException e) {
                // Closing must not fail halfway; a drop action that throws is reported and skipped.
                System.err.println("pulley-kit: dropping " + h.resource().name() + " #" + h.rep() + " as its store closed failed: " + e);
            }
        }
    }

    private volatile long fuelPerCall = -1;
    private volatile java.time.Duration timeoutPerCall;
    private volatile long memoryLimit = -1;
    private volatile String trappedBy;

    public Engine engine() { return engine; }

    /**
     * Gives every call (and instantiation) in this store {@code fuel} units to spend: roughly one
     * per WebAssembly instruction. A call that runs out throws {@link OutOfFuelException}.
     * Needs an engine whose profile consumes fuel.
     */
    public Store setFuelPerCall(long fuel) {
        if (!engine.config().consumeFuel()) {
            throw new IllegalStateException("engine profile " + engine.config().name() + " does not consume fuel; "
                + "use a profile with consumeFuel (EngineConfig.DESKTOP_LIMITS)");
        }
        if (fuel < 0) throw new IllegalArgumentException("fuel must be 0 or more");
        fuelPerCall = fuel;
        return this;
    }

    /**
     * Interrupts any call in this store that runs longer than {@code timeout} (wall clock),
     * with {@link CallTimeoutException}. Needs an engine whose profile uses epoch interruption;
     * the engine's ticker sets the resolution ({@link Engine#EPOCH_TICK}).
     */
    public Store setTimeoutPerCall(java.time.Duration timeout) {
        if (!engine.config().epochInterruption()) {
            throw new IllegalStateException("engine profile " + engine.config().name() + " has no epoch interruption; "
                + "use a profile with epochInterruption (EngineConfig.DESKTOP_LIMITS)");
        }
        timeoutPerCall = timeout;
        return this;
    }

    /**
     * Caps each linear memory of the instances in this store at {@code bytes}: growing past it
     * fails inside the guest, which then usually traps ({@link MemoryLimitException}).
     */
    public Store setMemoryLimit(long bytes) {
        if (bytes < 0) throw new IllegalArgumentException("the memory cap must be 0 or more bytes");
        WasmtimeC.wasmtime_store_limiter(store.get(), bytes, -1, -1, -1, -1);
        java.lang.ref.Reference.reachabilityFence(this);
        memoryLimit = bytes;
        return this;
    }

    /** Why a call in this store trapped, or null: after a trap Wasmtime enters none of its instances again. */
    public String trappedBy() { return trappedBy; }

    void markTrapped(String reason) { trappedBy = reason; }

    /** The memory cap in bytes, or -1 for none. */
    public long memoryLimit() { return memoryLimit; }

    public long fuelPerCall() { return fuelPerCall; }

    public java.time.Duration timeoutPerCall() { return timeoutPerCall; }

    /**
     * Arms the limits for one entry into the guest. Without a limit set, fuel and the epoch
     * deadline are set out of reach: both default to zero in Wasmtime, which would stop the
     * first instruction.
     */
    void beforeEntering() {
        MemorySegment ctx = context();
        if (engine.config().consumeFuel()) {
            String err = dev.pulleykit.wasmtime.internal.Errors.take(
                WasmtimeC.wasmtime_context_set_fuel(ctx, fuelPerCall >= 0 ? fuelPerCall : Long.MAX_VALUE));
            if (err != null) throw new WasmtimeException("setting fuel failed", err);
        }
        if (engine.config().epochInterruption()) {
            java.time.Duration t = timeoutPerCall;
            long ticks = t == null ? Long.MAX_VALUE / 2 : Math.max(1, Engine.ticksFor(t));
            WasmtimeC.wasmtime_context_set_epoch_deadline(ctx, ticks);
        }
    }

    /** The {@code wasmtime_context_t*}; throws once the store is closed. */
    MemorySegment context() {
        store.get();
        return context;
    }

    boolean isClosed() { return store.isClosed(); }

    @Override public void close() { store.close(); }

    @Override public String toString() { return "Store[" + engine.config().name() + (store.isClosed() ? ", closed" : "") + "]"; }
}
