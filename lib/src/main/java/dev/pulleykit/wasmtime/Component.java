package dev.pulleykit.wasmtime;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.pulleykit.wasmtime.internal.ComponentTypeReader;
import dev.pulleykit.wasmtime.internal.Errors;
import dev.pulleykit.wasmtime.internal.Layouts;
import dev.pulleykit.wasmtime.internal.NativeResource;
import dev.pulleykit.wasmtime.internal.WasmtimeC;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A compiled component, ready to instantiate. Made by compiling component bytes (or text) on
 * an engine, or by deserializing an artifact that an engine of the same configuration wrote
 * with {@link #serialize()}.
 */
public final class Component implements AutoCloseable {
    private final Engine engine;
    private final NativeResource component;
    private volatile ComponentType type;

    private Component(Engine engine, MemorySegment pointer) {
        this.engine = engine;
        this.component = new NativeResource(this, "component", pointer, WasmtimeC::wasmtime_component_delete);
    }

    /**
     * Compiles a component from its binary encoding (a {@code .component.wasm}) or its text
     * format ({@code .wat}) into the engine's target, e.g. Pulley bytecode.
     */
    public static Component compile(Engine engine, byte[] bytes) {
        String what = "compiling " + bytes.length + " bytes as a component for " + engine.config().name();
        if (bytes.length >= 8 && bytes[0] == 0 && bytes[1] == 'a' && bytes[2] == 's' && bytes[3] == 'm' && bytes[4] == 1) {
            throw new CompileException(what + " failed: these bytes are a core WebAssembly module, not a component. "
                + "Encode it first (wasm-tools component new), as the kit's encode step does.");
        }
        return create(engine, bytes, what, true);
    }

    /**
     * Loads an artifact written by {@link #serialize()}. Only load artifacts you made: this maps
     * their code as is. Wasmtime checks the artifact's header (its Wasmtime version, target and
     * configuration) and refuses a mismatch.
     */
    public static Component deserialize(Engine engine, byte[] artifact) {
        String what = "loading a " + artifact.length + "-byte artifact into an engine with profile " + engine.config();
        if (artifact.length < 4 || artifact[0] != 0x7F || artifact[1] != 'E' || artifact[2] != 'L' || artifact[3] != 'F') {
            throw new ArtifactRejectedException(what + " failed: it is not a Wasmtime artifact (no ELF header). "
                + "A .cwasm comes from Component.serialize() or the kit's precompile step.");
        }
        return create(engine, artifact, what, false);
    }

    private static Component create(Engine engine, byte[] bytes, String what, boolean compile) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocateFrom(JAVA_BYTE, bytes);
            MemorySegment out = arena.allocate(ADDRESS);
            MemorySegment err = engine.use(e -> compile
                ? WasmtimeC.wasmtime_component_new(e, buf, bytes.length, out)
                : WasmtimeC.wasmtime_component_deserialize(e, buf, bytes.length, out));
            String message = Errors.take(err);
            if (message != null) {
                if (compile) throw new CompileException(what + " failed.", message);
                throw new ArtifactRejectedException(what + " failed. Rebuild the artifact with an engine of the same "
                    + "profile and the same Wasmtime version (./kit build rebuilds the course's).", message);
            }
            return new Component(engine, out.get(ADDRESS, 0));
        }
    }

    /** The component compiled for its engine's target, as artifact bytes (a {@code .cwasm}). */
    public byte[] serialize() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment vec = arena.allocate(Layouts.VEC);
            String message = Errors.take(use(c -> WasmtimeC.wasmtime_component_serialize(c, vec)));
            if (message != null) throw new WasmtimeException("serializing a component failed", message);
            try {
                long size = vec.get(java.lang.foreign.ValueLayout.JAVA_LONG, Layouts.VEC_SIZE);
                return vec.get(ADDRESS, Layouts.VEC_DATA).reinterpret(size).toArray(JAVA_BYTE);
            } finally {
                WasmtimeC.wasm_byte_vec_delete(vec);
            }
        }
    }

    /** The component's imports and exports with their WIT signatures. */
    public ComponentType type() {
        ComponentType t = type;
        if (t == null) type = t = use(c -> engine.use(e -> ComponentTypeReader.read(c, e)));
        return t;
    }

    public Engine engine() { return engine; }

    /** Runs {@code call} with the {@code wasmtime_component_t*}, safe from a racing {@link #close()}. */
    <T> T use(java.util.function.Function<MemorySegment, T> call) { return component.use(call); }

    @Override public void close() { component.close(); }

    @Override public String toString() {
        return component.isClosed() ? "Component[closed]" : "Component[" + engine.config().name() + "]\n" + type();
    }
}
