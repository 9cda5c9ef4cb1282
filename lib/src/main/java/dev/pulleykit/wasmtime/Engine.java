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
        this.engine = new NativeResource(this, "engine", WasmtimeC.wasm_engine_new_with_config(cfg), WasmtimeC::wasm_engine_delete);
    }

    /** An engine with the kit's desktop profile ({@link EngineConfig#DESKTOP}). */
    public static Engine desktop() { return new Engine(EngineConfig.DESKTOP); }

    public EngineConfig config() { return config; }

    /** True when this engine runs code on the Pulley interpreter rather than as native machine code. */
    public boolean isPulley() { return WasmtimeC.wasmtime_engine_is_pulley(pointer()); }

    /** The {@code wasm_engine_t*}; for the binding's own classes. */
    MemorySegment pointer() { return engine.get(); }

    @Override public void close() { engine.close(); }

    @Override public String toString() { return "Engine[" + config + (engine.isClosed() ? ", closed" : "") + "]"; }
}
