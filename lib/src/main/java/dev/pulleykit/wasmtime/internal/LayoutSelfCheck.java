package dev.pulleykit.wasmtime.internal;

import static dev.pulleykit.wasmtime.internal.Layouts.*;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Proves, against the loaded library, that {@link Layouts} match it, before anything relies
 * on them. Values are built in Java memory with the Java layouts, copied by Wasmtime's own
 * {@code wasmtime_component_val_clone} into a canary-filled buffer, and read back: a wrong
 * offset, kind number or struct size shows up as a mismatch instead of memory corruption.
 * Runs once per JVM, when the binding is first used.
 */
public final class LayoutSelfCheck {
    private LayoutSelfCheck() {}

    private static final byte CANARY = (byte) 0xA5;
    private static volatile boolean passed;

    public static void ensure() {
        if (passed) return;
        synchronized (LayoutSelfCheck.class) {
            if (passed) return;
            run();
            passed = true;
        }
    }

    private static void run() {
        try (Arena arena = Arena.ofConfined()) {
            // A string: kind byte, union offset, vec {size, data}.
            MemorySegment str = arena.allocate(VAL);
            str.set(JAVA_BYTE, VAL_KIND, STRING);
            NativeStrings.writeName(arena, str, VAL_OF, "pulley");
            MemorySegment copy = cloneChecked(arena, str, "string");
            check(NativeStrings.readName(copy, VAL_OF).equals("pulley"), "string payload at offset " + VAL_OF);
            WasmtimeC.wasmtime_component_val_delete(copy);

            // A variant: its payload pointer sits in the last 8 bytes, so the struct is exactly 32.
            MemorySegment payload = arena.allocate(VAL);
            payload.set(JAVA_BYTE, VAL_KIND, U32);
            payload.set(JAVA_INT, VAL_OF, 0xC0FFEE);
            MemorySegment variant = arena.allocate(VAL);
            variant.set(JAVA_BYTE, VAL_KIND, VARIANT);
            NativeStrings.writeName(arena, variant, VAL_OF, "case-a");
            variant.set(ADDRESS, VARIANT_VAL, payload);
            copy = cloneChecked(arena, variant, "variant");
            check(NativeStrings.readName(copy, VAL_OF).equals("case-a"), "variant discriminant");
            MemorySegment copied = copy.get(ADDRESS, VARIANT_VAL).reinterpret(VAL.byteSize());
            check(copied.get(JAVA_BYTE, VAL_KIND) == U32 && copied.get(JAVA_INT, VAL_OF) == 0xC0FFEE,
                "variant payload pointer at offset " + VARIANT_VAL);
            WasmtimeC.wasmtime_component_val_delete(copy);

            // A record of one field: the 48-byte entry {name, val} and the RECORD kind number.
            MemorySegment entries = arena.allocate(RECORD_ENTRY);
            NativeStrings.writeName(arena, entries, 0, "field");
            entries.set(JAVA_BYTE, RECORD_ENTRY_VAL + VAL_KIND, S64);
            entries.set(JAVA_LONG, RECORD_ENTRY_VAL + VAL_OF, -42L);
            MemorySegment record = arena.allocate(VAL);
            record.set(JAVA_BYTE, VAL_KIND, RECORD);
            record.set(JAVA_LONG, VAL_OF, 1);
            record.set(ADDRESS, VAL_OF_DATA, entries);
            copy = cloneChecked(arena, record, "record");
            MemorySegment e = copy.get(ADDRESS, VAL_OF_DATA).reinterpret(RECORD_ENTRY.byteSize());
            check(copy.get(JAVA_LONG, VAL_OF) == 1 && NativeStrings.readName(e, 0).equals("field")
                && e.get(JAVA_BYTE, RECORD_ENTRY_VAL) == S64 && e.get(JAVA_LONG, RECORD_ENTRY_VAL + VAL_OF) == -42L,
                "record entry layout");
            WasmtimeC.wasmtime_component_val_delete(copy);

            // A result: is_ok flag, then the payload pointer.
            MemorySegment result = arena.allocate(VAL);
            result.set(JAVA_BYTE, VAL_KIND, RESULT);
            result.set(JAVA_BOOLEAN, VAL_OF, true);
            result.set(ADDRESS, VAL_OF_DATA, payload);
            copy = cloneChecked(arena, result, "result");
            check(copy.get(JAVA_BOOLEAN, VAL_OF)
                && copy.get(ADDRESS, VAL_OF_DATA).reinterpret(VAL.byteSize()).get(JAVA_INT, VAL_OF) == 0xC0FFEE,
                "result layout");
            WasmtimeC.wasmtime_component_val_delete(copy);
        }
    }

    /** Clones {@code src} into a buffer twice the struct's size and checks nothing past it was written. */
    private static MemorySegment cloneChecked(Arena arena, MemorySegment src, String what) {
        MemorySegment buffer = arena.allocate(VAL.byteSize() * 2, 8);
        buffer.fill(CANARY);
        WasmtimeC.wasmtime_component_val_clone(src, buffer);
        for (long i = VAL.byteSize(); i < buffer.byteSize(); i++) {
            check(buffer.get(JAVA_BYTE, i) == CANARY, what + ": Wasmtime wrote past byte " + VAL.byteSize()
                + " of wasmtime_component_val_t");
        }
        check(buffer.get(JAVA_BYTE, VAL_KIND) == src.get(JAVA_BYTE, VAL_KIND), what + ": kind byte");
        return buffer.asSlice(0, VAL.byteSize());
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("libwasmtime does not match the binding's struct layouts (" + what
                + "). The layouts are transcribed from the Wasmtime " + Pins.wasmtimeVersion()
                + " headers; load that exact library (./kit setup fetches it).");
        }
    }

    /**
     * Checks that a struct the C API filled in stayed within {@code size} bytes of a larger
     * canary-filled buffer, as for {@code wasmtime_component_func_t} and instance_t, whose
     * contents are private and so can only be checked for size.
     */
    public static MemorySegment canaryBuffer(Arena arena, long size) {
        MemorySegment buffer = arena.allocate(size + 16, 8);
        buffer.fill(CANARY);
        return buffer;
    }

    public static void checkCanary(MemorySegment buffer, long size, String struct) {
        for (long i = size; i < buffer.byteSize(); i++) {
            check(buffer.get(JAVA_BYTE, i) == CANARY, "Wasmtime wrote past byte " + size + " of " + struct);
        }
    }
}
