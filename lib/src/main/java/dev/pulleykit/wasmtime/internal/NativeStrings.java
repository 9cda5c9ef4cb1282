package dev.pulleykit.wasmtime.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/** UTF-8 text across the boundary: {@code wasm_name_t} vecs and (pointer, length) pairs. */
public final class NativeStrings {
    private NativeStrings() {}

    /**
     * The index of the first unpaired surrogate in {@code s}, or -1 when {@code s} is valid
     * Unicode. The C API aborts the whole process on a string that is not valid UTF-8, and
     * Java would silently turn a lone surrogate into '?', so such strings are refused before
     * they cross.
     */
    public static int firstUnpairedSurrogate(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) i++;
                else return i;
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code s} as UTF-8 in {@code arena} memory, or null when {@code s} has an unpaired
     * surrogate. The segment is the bytes alone (its allocation carries a NUL after them).
     *
     * <p>{@code allocateFrom} copies an ASCII string straight into native memory, with no
     * {@code byte[]} in between; other strings go through {@code getBytes}, which turns each
     * unpaired surrogate into '?'. So when every char became one byte, the string was ASCII
     * unless some byte is a '?' that the string does not have: only then, and for non-ASCII
     * strings, are the chars themselves looked at.
     */
    public static MemorySegment utf8(SegmentAllocator arena, String s) {
        MemorySegment bytes = unchecked(arena, s);
        long n = bytes.byteSize();
        boolean mayHaveSurrogates = n != s.length() || containsByte(bytes, n, (byte) '?');
        if (mayHaveSurrogates && firstUnpairedSurrogate(s) >= 0) return null;
        return bytes;
    }

    /** {@code s} as UTF-8 in {@code arena} memory, without its NUL; unpaired surrogates become '?'. */
    private static MemorySegment unchecked(SegmentAllocator arena, String s) {
        MemorySegment terminated = arena.allocateFrom(s, StandardCharsets.UTF_8);
        return terminated.asSlice(0, terminated.byteSize() - 1);
    }

    private static final int SCAN_WORDS = 512; // 4 KiB of longs per step
    private static final ThreadLocal<long[]> SCAN_BUFFER = ThreadLocal.withInitial(() -> new long[SCAN_WORDS]);

    /**
     * Whether the first {@code n} bytes of {@code m} hold {@code b}. The bytes are copied
     * into a per-thread {@code long[]} a block at a time and tested eight per word with no
     * early exit: a loop the JIT vectorizes, several times faster than reading the segment
     * word by word.
     */
    static boolean containsByte(MemorySegment m, long n, byte b) {
        final long ones = 0x0101010101010101L, highs = 0x8080808080808080L;
        long pattern = ones * (b & 0xFF);
        long[] words = SCAN_BUFFER.get();
        long i = 0;
        while (n - i >= 8) {
            int count = (int) Math.min(SCAN_WORDS, (n - i) >>> 3);
            MemorySegment.copy(m, JAVA_LONG_UNALIGNED, i, words, 0, count);
            long found = 0;
            for (int w = 0; w < count; w++) {
                long x = words[w] ^ pattern; // a zero byte where m has b
                found |= (x - ones) & ~x;
            }
            if ((found & highs) != 0) return true;
            i += (long) count << 3;
        }
        for (; i < n; i++) if (m.get(JAVA_BYTE, i) == b) return true;
        return false;
    }

    /** Writes a {@code wasm_name_t} {size, data} at {@code offset} of {@code vec}, pointing at {@code utf8}. */
    public static void writeVec(MemorySegment vec, long offset, MemorySegment utf8) {
        vec.set(JAVA_LONG, offset + Layouts.VEC_SIZE, utf8.byteSize());
        vec.set(ADDRESS, offset + Layouts.VEC_DATA, utf8);
    }

    /** Writes a {@code wasm_name_t} {size, data} at {@code vec} pointing at arena memory. */
    public static void writeName(SegmentAllocator arena, MemorySegment vec, long offset, String s) {
        writeVec(vec, offset, unchecked(arena, s));
    }

    /** Reads a {@code wasm_name_t} at {@code offset} of {@code vec}. */
    public static String readName(MemorySegment vec, long offset) {
        long size = vec.get(JAVA_LONG, offset + Layouts.VEC_SIZE);
        MemorySegment data = vec.get(ADDRESS, offset + Layouts.VEC_DATA);
        return read(data, size);
    }

    private static final int READ_BUFFER = 16 * 1024;
    private static final ThreadLocal<byte[]> READ_BYTES = ThreadLocal.withInitial(() -> new byte[READ_BUFFER]);

    /**
     * Reads {@code length} UTF-8 bytes at {@code data}. Up to 16 KiB go through a per-thread
     * buffer, so the String's own array is the only one made.
     */
    public static String read(MemorySegment data, long length) {
        if (length == 0) return "";
        if (length <= READ_BUFFER) {
            byte[] buffer = READ_BYTES.get();
            MemorySegment.copy(data.reinterpret(length), JAVA_BYTE, 0, buffer, 0, (int) length);
            return new String(buffer, 0, (int) length, StandardCharsets.UTF_8);
        }
        return new String(data.reinterpret(length).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
    }

    /** Reads a {@code (const char *name, size_t len)} pair that the C API returned through out-params. */
    public static String readOut(MemorySegment namePtrOut, MemorySegment lenOut) {
        return read(namePtrOut.get(ADDRESS, 0), lenOut.get(JAVA_LONG, 0));
    }
}
