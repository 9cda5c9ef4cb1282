package dev.pulleykit.wasmtime.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Reads and frees {@code wasmtime_error_t} objects. */
public final class Errors {
    private Errors() {}

    /**
     * Wasmtime's own message for an owned error, or null when {@code error} is NULL (success).
     * Frees the error either way.
     */
    public static String take(MemorySegment error) {
        if (error.equals(MemorySegment.NULL)) return null;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment message = arena.allocate(Layouts.VEC);
            WasmtimeC.wasmtime_error_message(error, message);
            try {
                return NativeStrings.readName(message, 0);
            } finally {
                WasmtimeC.wasm_byte_vec_delete(message);
            }
        } finally {
            WasmtimeC.wasmtime_error_delete(error);
        }
    }
}
