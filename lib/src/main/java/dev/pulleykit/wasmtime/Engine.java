package dev.pulleykit.wasmtime;

import dev.pulleykit.wasmtime.internal.Errors;
import dev.pulleykit.wasmtime.internal.LayoutSelfCheck;
import dev.pulleykit.wasmtime.internal.NativeResource;
import dev.pulleykit.wasmtime.internal.WasmtimeC;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A Wasmtime engine: the compiler settings and the code it has compiled. Thread-safe and
 * meant to be shared; create one per configuration and keep it. Closing it is safe while
 * components or stores made from it are still alive (Wasmtime keeps what they need).
 */
public final class Engine implements AutoCloseable {
    private final EngineConfig config;
    private final NativeResource engine;

    public Engine(EngineConfig config) {
        LayoutSelfCheck.ensure();
        this.config = config;
        MemorySegment cfg = WasmtimeC.wasm_config_new();
        try (Arena arena = Arena.ofConfined()) {
            WasmtimeC.wasmtime_config_wasm_component_model_set(cfg, true);
            if (config.target() != null) {
                String err = Errors.take(WasmtimeC.wasmtime_config_target_set(cfg, arena.allocateFrom(config.target())));
                if (err != null) {
                    WasmtimeC.wasm_config_delete(cfg);
                    throw new WasmtimeException("engine profile " + config.name() + ": target '" + config.target()
                        + "' is not available in this libwasmtime (try pulley64, pulley32, or null for native)", err);
                }
            }
            WasmtimeC.wasmtime_config_signals_based_traps_set(cfg, config.signalsBasedTraps());
            WasmtimeC.wasmtime_config_consume_fuel_set(cfg, config.consumeFuel());
            WasmtimeC.wasmtime_config_epoch_interruption_set(cfg, config.epochInterruption());
            WasmtimeC.wasmtime_config_memory_init_cow_set(cfg, config.memoryInitCow());
            if (config.memoryReservation() != null) WasmtimeC.wasmtime_config_memory_reservation_set(cfg, config.memoryReservation());
            if (config.memoryGuardSize() != null) WasmtimeC.wasmtime_config_memory_guard_size_set(cfg, config.memoryGuardSize());
        }
        // wasm_engine_new_with_config takes ownership of cfg, whatever happens.
        MemorySegment pointer = WasmtimeC.wasm_engine_new_with_config(cfg);
        EpochTicker ticker = config.epochInterruption() ? new EpochTicker(pointer, config.name()) : null;
        // The ticker must stop before the engine is freed, whether by close() or by the Cleaner.
        this.engine = new NativeResource(this, "engine", pointer, p -> {
            if (ticker != null) ticker.stop();
            WasmtimeC.wasm_engine_delete(p);
        });
        if (ticker != null) ticker.start();
    }

    /** How often the engine's epoch advances; the resolution of per-call timeouts. */
    public static final java.time.Duration EPOCH_TICK = java.time.Duration.ofMillis(5);

    /** Epoch ticks that cover at least {@code timeout}. */
    static long ticksFor(java.time.Duration timeout) {
        long tick = EPOCH_TICK.toNanos();
        return (timeout.toNanos() + tick - 1) / tick + 1;
    }

    /** One daemon thread per engine that advances its epoch, which is what interrupts a call past its deadline. */
    private static final class EpochTicker implements Runnable {
        private final MemorySegment engine;
        private final Thread thread;
        private volatile boolean running = true;

        EpochTicker(MemorySegment engine, String name) {
            this.engine = engine;
            this.thread = Thread.ofPlatform().daemon().name("pulley-kit-epoch-" + name).unstarted(this);
        }

        void start() { thread.start(); }

        void stop() {
            running = false;
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override public void run() {
            long tick = EPOCH_TICK.toNanos();
            while (running) {
                java.util.concurrent.locks.LockSupport.parkNanos(tick);
                if (running) WasmtimeC.wasmtime_engine_increment_epoch(engine);
            }
        }
    }

    /** An engine with the kit's desktop profile ({@link EngineConfig#DESKTOP}). */
    public static Engine desktop() { return new Engine(EngineConfig.DESKTOP); }

    public EngineConfig config() { return config; }

    /** True when this engine runs code on the Pulley interpreter rather than as native machine code. */
    public boolean isPulley() { return use(WasmtimeC::wasmtime_engine_is_pulley); }

    /**
     * Runs {@code call} with the {@code wasm_engine_t*}, which another thread's {@link #close()}
     * cannot free until the call returns; for the binding's own classes.
     */
    <T> T use(java.util.function.Function<MemorySegment, T> call) { return engine.use(call); }

    /** The {@code wasm_engine_t*} as an identity, never to be passed to C. */
    long address() { return use(MemorySegment::address); }

    @Override public void close() { engine.close(); }

    @Override public String toString() { return "Engine[" + config + (engine.isClosed() ? ", closed" : "") + "]"; }
}
