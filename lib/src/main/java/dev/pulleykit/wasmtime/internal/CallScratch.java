package dev.pulleykit.wasmtime.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

/**
 * Native memory for one call's arguments and results, reused from call to call on the same
 * thread. Making and freeing a fresh arena for every call costs more than many small calls
 * themselves, so each thread keeps one buffer and hands out slices of it; what does not fit
 * spills into a confined arena for that call alone. Slices are not zeroed: callers write
 * every byte they hand to Wasmtime, or zero it ({@link #allocateZeroed}).
 *
 * <p>A guest can call back into Java (a host function) that calls a guest again on the same
 * thread; such a nested call gets an arena of its own instead of the thread's buffer.
 *
 * <p>A scratch also carries the call's store context, which resource handles need on their
 * way across, and the {@code resource_any_t} boxes made for the call, freed when it closes.
 */
public final class CallScratch implements SegmentAllocator, AutoCloseable {
    private static final long SIZE = 64 * 1024;
    private static final ThreadLocal<CallScratch> PER_THREAD = ThreadLocal.withInitial(CallScratch::new);

    // The thread's buffer, freed by the garbage collector once the thread is gone. A one-off
    // scratch for a nested call has none: it would cost more than the call.
    private final MemorySegment buffer;
    private final SegmentAllocator nested; // non-null for a one-off scratch
    private final Arena nestedArena;
    private long used;
    private Arena spill;
    private boolean inUse;
    private MemorySegment context = MemorySegment.NULL;
    private java.util.List<MemorySegment> handles; // resource_any_t* to delete on close
    private java.util.List<Runnable> undo; // what undoMovedIn takes back: handles this call moved

    private CallScratch() {
        this.buffer = Arena.ofAuto().allocate(SIZE, 16);
        this.nested = null;
        this.nestedArena = null;
    }

    private CallScratch(Arena arena) {
        this.buffer = null;
        this.nestedArena = arena;
        this.nested = arena;
    }

    /** This thread's scratch, ready for one call in the store with {@code context}; close it when the call is done. */
    public static CallScratch begin(MemorySegment context) {
        CallScratch s = PER_THREAD.get();
        if (s.inUse) {
            s = new CallScratch(Arena.ofConfined());
        } else {
            s.inUse = true;
            s.used = 0;
        }
        s.context = context;
        return s;
    }

    /** The store context of the call. */
    public MemorySegment context() { return context; }

    /** Frees {@code resourceAny} (a {@code resource_any_t*} the call made) when this scratch closes. */
    public void deleteOnClose(MemorySegment resourceAny) {
        if (handles == null) handles = new java.util.ArrayList<>(2);
        handles.add(resourceAny);
    }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        if (nested != null) return nested.allocate(byteSize, byteAlignment);
        long start = (used + byteAlignment - 1) & -byteAlignment;
        if (start + byteSize <= SIZE) {
            used = start + byteSize;
            return buffer.asSlice(start, byteSize);
        }
        if (spill == null) spill = Arena.ofConfined();
        return spill.allocate(byteSize, byteAlignment);
    }

    /** A zero-filled slice: for result slots, which Wasmtime drops before it writes them. */
    public MemorySegment allocateZeroed(long byteSize, long byteAlignment) {
        MemorySegment s = allocate(byteSize, byteAlignment);
        s.fill((byte) 0);
        return s;
    }

    /** Records that an owned handle went into the call's store ({@link ResourceTypes#movedIn}). */
    public void movedIn(dev.pulleykit.wasmtime.HostResource<?> resource, int rep) {
        MemorySegment store = context;
        ResourceTypes.movedIn(store, resource, rep);
        onUndo(() -> ResourceTypes.movedOut(store, resource, rep));
    }

    /**
     * Takes back the moves {@link #movedIn} and {@link #onUndo} recorded: for a call that failed
     * before it reached the guest, so that handles Java still owns stay Java's (closing the
     * store later does not drop them, and a guest handle can be passed again).
     */
    public void undoMovedIn() {
        if (undo != null) undo.forEach(Runnable::run);
        undo = null;
    }

    /** Runs {@code action} if {@link #undoMovedIn} is called: for a handle this call moved. */
    public void onUndo(Runnable action) {
        if (undo == null) undo = new java.util.ArrayList<>(2);
        undo.add(action);
    }

    @Override
    public void close() {
        undo = null;
        if (handles != null) {
            for (MemorySegment h : handles) WasmtimeC.wasmtime_component_resource_any_delete(h);
            handles = null;
        }
        context = MemorySegment.NULL;
        if (nestedArena != null) {
            nestedArena.close();
            return;
        }
        if (spill != null) {
            spill.close();
            spill = null;
        }
        inUse = false;
    }
}
