package dev.pulleykit.wasmtime;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.pulleykit.wasmtime.internal.Errors;
import dev.pulleykit.wasmtime.internal.LayoutSelfCheck;
import dev.pulleykit.wasmtime.internal.Layouts;
import dev.pulleykit.wasmtime.internal.NativeResource;
import dev.pulleykit.wasmtime.internal.WasmtimeC;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Supplies a component's imports and instantiates it. An empty linker suits components that
 * import nothing, like the course's first guests (no WASI: they are {@code #![no_std]}).
 */
public final class Linker implements AutoCloseable {
    private final Engine engine;
    private final NativeResource linker;

    public Linker(Engine engine) {
        this.engine = engine;
        this.linker = new NativeResource(this, "linker", WasmtimeC.wasmtime_component_linker_new(engine.pointer()),
            WasmtimeC::wasmtime_component_linker_delete);
    }

    /** Instantiates {@code component} in {@code store}. */
    public Instance instantiate(Store store, Component component) {
        if (component.engine().pointer().address() != store.engine().pointer().address()) {
            throw new LinkException("the component and the store come from different engines; use one engine for both");
        }
        // The instance struct must outlive this call: it lives as long as the Java Instance does.
        MemorySegment instance = LayoutSelfCheck.canaryBuffer(Arena.ofAuto(), Layouts.INSTANCE.byteSize());
        String message = Errors.take(WasmtimeC.wasmtime_component_linker_instantiate(
            linker.get(), store.context(), component.pointer(), instance));
        if (message != null) {
            ComponentType type = component.type();
            String imports = type.imports().isEmpty() ? "" : " It imports: "
                + type.imports().stream().map(ComponentType.Item::name).toList() + ".";
            throw new LinkException("instantiating the component failed." + imports
                + " Provide every import in the linker before instantiating.", message);
        }
        LayoutSelfCheck.checkCanary(instance, Layouts.INSTANCE.byteSize(), "wasmtime_component_instance_t");
        return new Instance(store, component, instance.asSlice(0, Layouts.INSTANCE.byteSize()));
    }

    public Engine engine() { return engine; }

    @Override public void close() { linker.close(); }
}
