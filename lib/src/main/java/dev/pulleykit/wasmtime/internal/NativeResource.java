package dev.pulleykit.wasmtime.internal;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.util.function.Consumer;

/**
 * One owned native pointer and the C function that frees it. {@link #close()} frees it at
 * once; if the owner is forgotten (a notebook cell re-run, say), a {@link Cleaner} frees it
 * after the owner becomes unreachable. The cleaning action captures only the pointer and the
 * deleter, never the owner, or the owner could never become unreachable.
 */
public final class NativeResource implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final String what;
    private final MemorySegment pointer;
    private final Cleaner.Cleanable cleanable;
    private volatile boolean closed;

    public NativeResource(Object owner, String what, MemorySegment pointer, Consumer<MemorySegment> deleter) {
        if (pointer == null || pointer.equals(MemorySegment.NULL)) {
            throw new IllegalStateException("Wasmtime returned no " + what);
        }
        this.what = what;
        this.pointer = pointer;
        this.cleanable = CLEANER.register(owner, () -> deleter.accept(pointer));
    }

    /** The live pointer; throws if this resource was closed. */
    public MemorySegment get() {
        if (closed) throw new IllegalStateException("this " + what + " is closed; create a new one");
        return pointer;
    }

    public boolean isClosed() { return closed; }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            cleanable.clean(); // runs the deleter exactly once, whether here or from the Cleaner
        }
    }
}
