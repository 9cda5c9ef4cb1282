package dev.pulleykit.wasmtime.internal;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One owned native pointer and the C function that frees it. {@link #close()} frees it at
 * once; if the owner is forgotten (a notebook cell re-run, say), a {@link Cleaner} frees it
 * after the owner becomes unreachable. The cleaning action captures only the pointer and the
 * deleter, never the owner, or the owner could never become unreachable.
 *
 * <p>Objects shared between threads (an engine, a component) pass their pointer to C calls
 * through {@link #use}, which counts the calls in flight: a {@link #close()} that races with
 * one frees the pointer only when that call is done, so no call ever gets a freed pointer.
 * {@link #use} also keeps the owner reachable until the call returns: without that, an owner
 * that nothing else refers to (as in {@code new Linker(engine).instantiate(...)}) could be
 * collected, and its Cleaner free the pointer, while C is still using it.
 */
public final class NativeResource implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final Object owner; // never reached from the cleaning action
    private final String what;
    private final MemorySegment pointer;
    private final Cleaner.Cleanable cleanable;
    private final AtomicInteger inUse = new AtomicInteger();
    private volatile boolean closed;

    public NativeResource(Object owner, String what, MemorySegment pointer, Consumer<MemorySegment> deleter) {
        if (pointer == null || pointer.equals(MemorySegment.NULL)) {
            throw new IllegalStateException("Wasmtime returned no " + what);
        }
        this.owner = owner;
        this.what = what;
        this.pointer = pointer;
        this.cleanable = CLEANER.register(owner, () -> deleter.accept(pointer));
    }

    /**
     * The live pointer; throws if this resource was closed. For objects used by one thread at
     * a time (a store, a linker); shared ones go through {@link #use}.
     */
    public MemorySegment get() {
        if (closed) throw closedException();
        return pointer;
    }

    /** Runs {@code call} with the live pointer, which stays valid until it returns, whatever other threads close. */
    public <T> T use(Function<MemorySegment, T> call) {
        inUse.incrementAndGet();
        try {
            if (closed) throw closedException();
            return call.apply(pointer);
        } finally {
            // The last call out of a closed resource frees it; clean() runs the deleter at most once.
            if (inUse.decrementAndGet() == 0 && closed) cleanable.clean();
            Reference.reachabilityFence(owner);
        }
    }

    public boolean isClosed() { return closed; }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            // A call inside use() frees it on its way out instead.
            if (inUse.get() == 0) cleanable.clean();
        }
    }

    private IllegalStateException closedException() {
        return new IllegalStateException("this " + what + " is closed; create a new one");
    }
}
