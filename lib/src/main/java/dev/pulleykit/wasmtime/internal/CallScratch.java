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
 */
public final class CallScratch implements SegmentAllocator, AutoCloseable {
    private static final long SIZE = 64 * 1024;
    private static final ThreadLocal<CallScratch> PER_THREAD = ThreadLocal.withInitial(CallScratch::new);

    // Freed by the garbage collector once the thread (and so this scratch) is gone.
    private final MemorySegment buffer = Arena.ofAuto().allocate(SIZE, 16);
    private final SegmentAllocator nested; // non-null for a one-off scratch
    private final Arena nestedArena;
    private long used;
    private Arena spill;
    private boolean inUse;

    private CallScratch() {
        this.nested = null;
        this.nestedArena = null;
    }

    private CallScratch(Arena arena) {
        this.nestedArena = arena;
        this.nested = arena;
    }

    /** This thread's scratch, ready for one call; close it when the call is done. */
    public static CallScratch begin() {
        CallScratch s = PER_THREAD.get();
        if (s.inUse) return new CallScratch(Arena.ofConfined());
        s.inUse = true;
        s.used = 0;
        return s;
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

    @Override
    public void close() {
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
