package dev.pulleykit.wasmtime;

import dev.pulleykit.wasmtime.internal.CallScratch;
import dev.pulleykit.wasmtime.internal.Errors;
import dev.pulleykit.wasmtime.internal.HostCallbacks;
import dev.pulleykit.wasmtime.internal.NativeResource;
import dev.pulleykit.wasmtime.internal.WasmtimeC;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Java's handle to a resource the guest defines and exports, such as {@code pattern} in
 * {@code embedded:platform/patterns}. The guest keeps the object; Java holds a handle that is
 * valid in one {@link Store}. Handles come out of the guest's constructor
 * ({@code iface#[constructor]pattern}) and any export that returns {@code own<pattern>}, and
 * go back in as the {@code self} of the resource's methods.
 *
 * <ul>
 *   <li>{@link #close()} drops the handle: the guest's destructor runs at once.</li>
 *   <li>Passing it where a function takes {@code own<pattern>} gives it to the guest; Java
 *       cannot use it afterwards.</li>
 *   <li>Handles still open when their store closes die with it. Wasmtime runs no guest
 *       destructors then.</li>
 * </ul>
 */
public final class GuestResource implements AutoCloseable {
    private enum State { LIVE, GIVEN, DROPPED }

    private final Store store;
    private final String name;
    private final NativeResource handle; // Java's own resource_any_t box for the handle
    private volatile State state = State.LIVE;

    /** Takes a copy of {@code any}, an owned handle that a call in {@code store} returned. */
    GuestResource(Store store, String name, MemorySegment any) {
        this.store = store;
        this.name = name;
        // The result value owns `any` and frees it with the rest of the result: Java keeps a clone.
        this.handle = new NativeResource(this, "handle to " + name, WasmtimeC.wasmtime_component_resource_any_clone(any),
            WasmtimeC::wasmtime_component_resource_any_delete);
    }

    /** The resource's name in WIT, e.g. {@code pattern}. */
    public String name() { return name; }

    /** The store the handle is valid in. */
    public Store store() { return store; }

    /** Whether Java still holds the handle: not dropped, not given to the guest, and its store open. */
    public boolean isLive() { return state == State.LIVE && !store.isClosed(); }

    /**
     * Drops the handle, which runs the guest's destructor now. Does nothing for a handle that
     * is gone already: dropped, given to the guest, or in a closed store.
     *
     * @throws TrapException if the guest's destructor traps, or {@link HostFunctionException} if a
     *     host function it calls throws; the store is unusable afterwards
     */
    @Override
    public void close() {
        boolean drop = state == State.LIVE && !store.isClosed() && store.trappedBy() == null;
        if (state == State.LIVE) state = State.DROPPED;
        if (!drop) {
            handle.close();
            return;
        }
        String error = Errors.take(WasmtimeC.wasmtime_component_resource_any_drop(store.context(), handle.get()));
        handle.close();
        if (error != null) {
            // The destructor is guest code: it may trap, or call a host function that throws.
            Throwable fromHost = HostCallbacks.takePending();
            store.markTrapped("dropping " + name + ": " + error.lines().findFirst().orElse(error));
            String fresh = " Its store cannot be entered again; instantiate the component anew in a new Store.";
            if (fromHost != null) {
                throw new HostFunctionException("dropping the guest's " + name + " failed: a host function its destructor called threw "
                    + fromHost + "." + fresh, error, fromHost);
            }
            throw new TrapException("dropping the guest's " + name + " failed: its destructor trapped." + fresh, error, List.of());
        }
    }

    /**
     * The handle for an argument of the call that {@code scratch} belongs to; given to the guest
     * when {@code give} (until {@link CallScratch#undoMovedIn} takes that back). Used by the
     * binding as the handle crosses; refuses a handle that is gone or of another store.
     */
    public MemorySegment lendTo(CallScratch scratch, boolean give, String where) {
        if (state != State.LIVE || store.isClosed()) {
            throw new SignatureMismatchException(where + ": " + this + " cannot be passed: "
                + (state == State.GIVEN ? "it was given to the guest" : state == State.DROPPED ? "it was dropped" : "its store is closed"));
        }
        if (!store.context().equals(scratch.context())) {
            throw new SignatureMismatchException(where + ": " + this + " belongs to another store; a guest handle is valid only "
                + "in the store of the instance that made it");
        }
        if (give) {
            state = State.GIVEN;
            scratch.onUndo(() -> state = State.LIVE);
        }
        return handle.get();
    }

    @Override public String toString() {
        String s = switch (state) {
            case LIVE -> store.isClosed() ? "store closed" : "live";
            case GIVEN -> "given to the guest";
            case DROPPED -> "dropped";
        };
        return "own<" + name + "> (guest, " + s + ")";
    }
}
