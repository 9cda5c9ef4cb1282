package dev.pulleykit.wasmtime;

import dev.pulleykit.wasmtime.internal.CallScratch;
import dev.pulleykit.wasmtime.internal.ComponentTypeReader;
import dev.pulleykit.wasmtime.internal.Errors;
import dev.pulleykit.wasmtime.internal.HandleTypes;
import dev.pulleykit.wasmtime.internal.HostCallbacks;
import dev.pulleykit.wasmtime.internal.Layouts;
import dev.pulleykit.wasmtime.internal.TypeReader;
import dev.pulleykit.wasmtime.internal.ValueCodec;
import dev.pulleykit.wasmtime.internal.WasmtimeC;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.util.List;

/** An exported component function, bound to its instance. Calls check arguments against its WIT type. */
public final class Func {
    private static final long VAL = Layouts.VAL.byteSize();

    private final Instance instance;
    private final String name;
    private final MemorySegment func;
    private final FuncType type;

    Func(Instance instance, String name, MemorySegment func) {
        this.instance = instance;
        this.name = name;
        this.func = func;
        FuncType read = TypeReader.readFuncType(WasmtimeC.wasmtime_component_func_type(func, instance.enter()));
        // Only a guest's own resources come unnamed; the component's listing has their names.
        this.type = HandleTypes.in(read).anyMatch(h -> h.name() == null)
            ? ComponentTypeReader.namesFrom(read, instance.component().type().exportedFunc(name).orElse(null)) : read;
        this.guestResourceName = HandleTypes.in(type.result()).filter(h -> h.resource() == null).findFirst()
            .map(h -> h.name() == null ? "resource" : h.name()).orElse(null);
        this.paramTypes = type.params().stream().map(FuncType.Param::type).toArray(WitType[]::new);
        this.wheres = new String[paramTypes.length];
        for (int i = 0; i < wheres.length; i++) wheres[i] = name + " argument " + (i + 1) + " (" + type.params().get(i).name() + ")";
    }

    // The name of the guest resource this function returns handles to, if it does.
    private final String guestResourceName;

    // Per parameter, worked out once: its type, and how error messages name it.
    private final WitType[] paramTypes;
    private final String[] wheres;

    public String name() { return name; }

    /** The WIT signature, e.g. {@code func(name: option<string>) -> string}. */
    public FuncType type() { return type; }

    /**
     * Calls with plain Java arguments, converted by the WIT parameter types ({@link JavaValues}):
     * a String for a string, an Optional or null for an option, a Number for an integer, or
     * any {@link WitValue}. Returns the result as plain Java (String, Optional, ...), or null
     * for a function without a result.
     */
    public Object call(Object... args) {
        WitValue result = callWit(toWitArgs(args));
        return result == null ? null : JavaValues.toJava(result, type.result());
    }

    /**
     * Calls with plain Java arguments and converts the result to {@code resultType}: a Java
     * record for a WIT record, an enum for an enum, {@code EnumSet} for flags, and so on
     * ({@link JavaValues#toJava(WitValue, WitType, Class)}).
     */
    public <T> T callAs(Class<T> resultType, Object... args) {
        WitValue result = callWit(toWitArgs(args));
        return result == null ? null : JavaValues.toJava(result, type.result(), resultType);
    }

    private WitValue[] toWitArgs(Object[] args) {
        checkArity(args.length);
        WitValue[] values = new WitValue[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = JavaValues.toWit(args[i], type.params().get(i).type(), where(i));
        }
        return values;
    }

    /** Calls with {@link WitValue}s and returns the result as one, or null when there is none. */
    public WitValue callWit(WitValue... args) {
        checkArity(args.length);
        MemorySegment ctx = instance.enter();
        instance.store().beforeEntering();
        try (CallScratch scratch = CallScratch.begin(ctx)) {
            MemorySegment argv = scratch.allocate(VAL * Math.max(1, args.length), 8);
            try {
                for (int i = 0; i < args.length; i++) {
                    ValueCodec.encode(scratch, argv.asSlice(i * VAL, VAL), args[i], paramTypes[i], wheres[i]);
                }
            } catch (RuntimeException e) {
                scratch.undoMovedIn(); // the call never happened: owned handles stay Java's
                throw e;
            }
            int nresults = type.result() == null ? 0 : 1;
            // Zeroed (kind 0, a bool): func_call drops a slot's old value before writing the result.
            MemorySegment results = scratch.allocateZeroed(VAL * Math.max(1, nresults), 8);
            Errors.NativeError error = Errors.takeWithTrace(
                WasmtimeC.wasmtime_component_func_call(func, ctx, argv, args.length, results, nresults));
            if (error != null) throw failure(error, HostCallbacks.takePending());
            if (nresults == 0) return null;
            try {
                return ValueCodec.decode(ctx, results, guestResourceName == null ? null
                    : any -> new WitValue.GuestHandle(new GuestResource(instance.store(), guestResourceName, any), true));
            } finally {
                WasmtimeC.wasmtime_component_val_delete(results);
            }
        } finally {
            // The store (through the instance) must outlive the call, even when the caller keeps
            // no reference to any of them: `linker.instantiate(new Store(engine), c).call(...)`.
            Reference.reachabilityFence(this);
        }
    }

    /** Turns a failed call into the most specific exception; the instance is unusable afterwards. */
    private RuntimeException failure(Errors.NativeError error, Throwable fromHost) {
        String message = error.message();
        List<String> trace = error.backtrace();
        // Any error that unwinds through the guest leaves the whole store unusable in this Wasmtime version.
        Store store = instance.store();
        store.markTrapped(name + ": " + firstLine(message));
        String call = "calling " + name + type.toString().substring(4);
        String fresh = " Its store cannot be entered again; instantiate the component anew in a new Store.";
        if (fromHost != null) {
            return new HostFunctionException(call + " failed: a host function it called threw " + fromHost + "." + fresh, message, fromHost);
        }
        return switch (TrapException.Kind.of(message)) {
            case OUT_OF_FUEL -> new OutOfFuelException(call + " ran out of fuel: it may run " + store.fuelPerCall()
                + " units per call (store.setFuelPerCall)." + fresh, message, trace);
            case INTERRUPT -> new CallTimeoutException(call + " was interrupted after its per-call timeout of "
                + store.timeoutPerCall() + " (store.setTimeoutPerCall)." + fresh, message, trace);
            default -> store.memoryLimit() >= 0 && trace.stream().anyMatch(Func::isAllocationFailure)
                ? new MemoryLimitException(call + " trapped because the guest could not get more memory: the store caps each "
                    + "linear memory at " + store.memoryLimit() + " bytes (store.setMemoryLimit)." + fresh, message, trace)
                : new TrapException(call + " failed: the guest trapped (" + TrapException.Kind.of(message).name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + ")." + fresh, message, trace);
        };
    }

    /**
     * Frames of Rust's allocation-failure path, which is how a Rust guest meets a refused
     * memory.grow: {@code handle_alloc_error} and {@code __rdl_oom}, or, once those are inlined
     * in a panic=abort build, the non-unwinding panic they end in. Only consulted for a store
     * that has a memory cap.
     */
    private static boolean isAllocationFailure(String frame) {
        return frame.contains("alloc_error") || frame.contains("__rdl_oom") || frame.contains("capacity_overflow")
            || frame.contains("panic_nounwind");
    }

    private void checkArity(int given) {
        if (given != type.params().size()) {
            throw new SignatureMismatchException(name + " is " + type + ": it takes " + type.params().size()
                + " argument" + (type.params().size() == 1 ? "" : "s") + ", but " + given + " were given"
                + (type.params().isEmpty() ? "" : " (" + type.params().stream().map(Object::toString).toList() + ")"));
        }
    }

    private String where(int i) { return wheres[i]; }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override public String toString() { return name + ": " + type; }
}
