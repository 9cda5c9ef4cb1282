package dev.pulleykit.wasmtime.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/** Reads and frees {@code wasmtime_error_t} objects. */
public final class Errors {
    private Errors() {}

    /** What an error said: Wasmtime's message and the guest's backtrace (innermost frame first; may be empty). */
    public record NativeError(String message, List<String> backtrace) {}

    /** Wasmtime's message for an owned error, or null when {@code error} is NULL (success). Frees the error. */
    public static String take(MemorySegment error) {
        NativeError e = takeWithTrace(error);
        return e == null ? null : e.message();
    }

    /** The message and guest backtrace of an owned error, or null for NULL. Frees the error. */
    public static NativeError takeWithTrace(MemorySegment error) {
        if (error.equals(MemorySegment.NULL)) return null;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment message = arena.allocate(Layouts.VEC);
            WasmtimeC.wasmtime_error_message(error, message);
            String text;
            try {
                text = NativeStrings.readName(message, 0);
            } finally {
                WasmtimeC.wasm_byte_vec_delete(message);
            }
            List<String> frames = backtrace(arena, error);
            List<String> readable = framesFromMessage(text);
            return new NativeError(text, readable.size() == frames.size() ? readable : frames);
        } finally {
            WasmtimeC.wasmtime_error_delete(error);
        }
    }

    private static List<String> backtrace(Arena arena, MemorySegment error) {
        MemorySegment frames = arena.allocate(Layouts.VEC);
        WasmtimeC.wasmtime_error_wasm_trace(error, frames);
        try {
            long n = frames.get(JAVA_LONG, Layouts.VEC_SIZE);
            if (n == 0) return List.of();
            MemorySegment data = frames.get(ADDRESS, Layouts.VEC_DATA).reinterpret(n * ADDRESS.byteSize());
            List<String> out = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                MemorySegment frame = data.getAtIndex(ADDRESS, i);
                MemorySegment name = WasmtimeC.wasmtime_frame_func_name(frame);
                String fn = name.equals(MemorySegment.NULL)
                    ? "function[" + Integer.toUnsignedString(WasmtimeC.wasm_frame_func_index(frame)) + "]"
                    : NativeStrings.readName(name.reinterpret(Layouts.VEC.byteSize()), 0);
                out.add(fn);
            }
            return List.copyOf(out);
        } finally {
            WasmtimeC.wasm_frame_vec_delete(frames);
        }
    }

    private static final java.util.regex.Pattern FRAME =
        java.util.regex.Pattern.compile("^\\s*\\d+:\\s+0x[0-9a-f]+ - (?:[^!\\s]+!)?(.+)$");

    /**
     * The frame names from the "wasm backtrace:" block of Wasmtime's message, where Wasmtime has
     * already demangled Rust's names ({@code core::panicking::panic_fmt} rather than
     * {@code _RNvNtCs...}); crate hashes in brackets are dropped.
     */
    static List<String> framesFromMessage(String message) {
        List<String> out = new ArrayList<>();
        for (String line : message.split("\n")) {
            var m = FRAME.matcher(line);
            if (m.matches()) out.add(m.group(1).replaceAll("\\[[0-9a-f]+\\]", "").strip());
        }
        return out;
    }

    /** An owned error with {@code message}, for a host callback to return to Wasmtime. */
    public static MemorySegment newError(String message) {
        try (Arena arena = Arena.ofConfined()) {
            return WasmtimeC.wasmtime_error_new(arena.allocateFrom(message.replace('\0', ' ')));
        }
    }
}
