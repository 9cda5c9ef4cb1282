package dev.pulleykit.wasmtime.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

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
     * Like {@link #firstUnpairedSurrogate(String)}, given {@code utf8 = s.getBytes(UTF_8)}, which
     * Java makes with every unpaired surrogate replaced by '?'. When every char became one byte
     * the string is ASCII, save for such replacements, so only the '?' bytes need a look: the
     * common case costs a byte scan instead of a char-by-char test.
     */
    public static int firstUnpairedSurrogate(String s, byte[] utf8) {
        if (utf8.length != s.length()) return firstUnpairedSurrogate(s);
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '?' && s.charAt(i) != '?') return i;
        }
        return -1;
    }

    /** Writes a {@code wasm_name_t} {size, data} at {@code offset} of {@code vec}, the data copied from {@code utf8}. */
    public static void writeUtf8(SegmentAllocator arena, MemorySegment vec, long offset, byte[] utf8) {
        MemorySegment data = utf8.length == 0 ? arena.allocate(1) : arena.allocateFrom(JAVA_BYTE, utf8);
        vec.set(JAVA_LONG, offset + Layouts.VEC_SIZE, utf8.length);
        vec.set(ADDRESS, offset + Layouts.VEC_DATA, data);
    }

    /** Writes a {@code wasm_name_t} {size, data} at {@code vec} pointing at arena memory. */
    public static void writeName(SegmentAllocator arena, MemorySegment vec, long offset, String s) {
        writeUtf8(arena, vec, offset, s.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a {@code wasm_name_t} at {@code offset} of {@code vec}. */
    public static String readName(MemorySegment vec, long offset) {
        long size = vec.get(JAVA_LONG, offset + Layouts.VEC_SIZE);
        MemorySegment data = vec.get(ADDRESS, offset + Layouts.VEC_DATA);
        return read(data, size);
    }

    /** Reads {@code length} UTF-8 bytes at {@code data}. */
    public static String read(MemorySegment data, long length) {
        if (length == 0) return "";
        byte[] bytes = data.reinterpret(length).toArray(JAVA_BYTE);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Reads a {@code (const char *name, size_t len)} pair that the C API returned through out-params. */
    public static String readOut(MemorySegment namePtrOut, MemorySegment lenOut) {
        return read(namePtrOut.get(ADDRESS, 0), lenOut.get(JAVA_LONG, 0));
    }
}
