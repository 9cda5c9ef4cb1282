package dev.pulleykit.wasmtime.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/**
 * The C structs the binding reads and writes, transcribed from the headers of the pinned
 * Wasmtime (see {@link Pins#wasmtimeVersion()}): include/wasm.h and include/wasmtime/component/*.h.
 * {@link LayoutSelfCheck} verifies them against the loaded library before first use.
 *
 * <p>Only x86-64 / LP64 is supported, so {@code size_t} and pointers are 8 bytes.
 */
public final class Layouts {
    private Layouts() {}

    /** wasm.h: {@code wasm_byte_vec_t} (also {@code wasm_name_t} and every DECLARE_VEC type): {size, data}. */
    public static final StructLayout VEC = MemoryLayout.structLayout(
        JAVA_LONG.withName("size"),
        ADDRESS.withName("data"));
    public static final long VEC_SIZE = 0, VEC_DATA = 8;

    /**
     * component/val.h: {@code wasmtime_component_val_t} = {uint8 kind; 7 bytes padding; union of}.
     * The union's largest member is {@code wasmtime_component_valvariant_t} (a name and a pointer,
     * 24 bytes), so the struct is 32 bytes, 8-aligned.
     */
    public static final StructLayout VAL = MemoryLayout.structLayout(
        JAVA_BYTE.withName("kind"),
        MemoryLayout.paddingLayout(7),
        MemoryLayout.sequenceLayout(3, JAVA_LONG).withName("of"));
    public static final long VAL_KIND = 0;
    /** Offset of the union: scalars, a vec's size, an option's pointer, a result's is_ok. */
    public static final long VAL_OF = 8;
    /** A vec member's data pointer; a result's value pointer. */
    public static final long VAL_OF_DATA = 16;
    /** A variant's payload pointer (after its 16-byte discriminant name). */
    public static final long VARIANT_VAL = 24;

    /** component/val.h: {@code wasmtime_component_valrecord_entry_t} = {wasm_name_t name; val_t val}. */
    public static final StructLayout RECORD_ENTRY = MemoryLayout.structLayout(
        VEC.withName("name"),
        VAL.withName("val"));
    public static final long RECORD_ENTRY_VAL = 16;

    /**
     * component/func.h: {@code wasmtime_component_func_t} = {{uint64 store_id; uint32 private1};
     * uint32 private2; void *private3}: 32 bytes (older headers had 24). Opaque to Java.
     */
    public static final StructLayout FUNC = MemoryLayout.structLayout(
        JAVA_LONG.withName("store_id"), JAVA_INT.withName("private1"), MemoryLayout.paddingLayout(4),
        JAVA_INT.withName("private2"), MemoryLayout.paddingLayout(4), ADDRESS.withName("private3"));

    /** component/instance.h: {@code wasmtime_component_instance_t} = {uint64 store_id; uint32 private}. */
    public static final StructLayout INSTANCE = MemoryLayout.structLayout(
        JAVA_LONG.withName("store_id"), JAVA_INT.withName("private"), MemoryLayout.paddingLayout(4));

    /** component/types/val.h: {@code wasmtime_component_valtype_t} = {uint8 kind; union of pointers}. */
    public static final StructLayout VALTYPE = MemoryLayout.structLayout(
        JAVA_BYTE.withName("kind"), MemoryLayout.paddingLayout(7), ADDRESS.withName("of"));
    public static final long VALTYPE_OF = 8;

    /**
     * component/types/component.h: {@code wasmtime_component_item_t} = {uint8 kind; union}, whose
     * largest member is a whole {@code wasmtime_component_valtype_t} (16 bytes): 24 bytes.
     */
    public static final StructLayout ITEM = MemoryLayout.structLayout(
        JAVA_BYTE.withName("kind"), MemoryLayout.paddingLayout(7), VALTYPE.withName("of"));
    public static final long ITEM_OF = 8;

    // component/val.h: value kinds (WASMTIME_COMPONENT_*).
    public static final byte BOOL = 0, S8 = 1, U8 = 2, S16 = 3, U16 = 4, S32 = 5, U32 = 6, S64 = 7, U64 = 8,
        F32 = 9, F64 = 10, CHAR = 11, STRING = 12, LIST = 13, RECORD = 14, TUPLE = 15, VARIANT = 16, ENUM = 17,
        OPTION = 18, RESULT = 19, FLAGS = 20, RESOURCE = 21, MAP = 22;

    // component/types/val.h: value *type* kinds (WASMTIME_COMPONENT_VALTYPE_*), numbered differently.
    public static final byte T_BOOL = 0, T_S8 = 1, T_S16 = 2, T_S32 = 3, T_S64 = 4, T_U8 = 5, T_U16 = 6,
        T_U32 = 7, T_U64 = 8, T_F32 = 9, T_F64 = 10, T_CHAR = 11, T_STRING = 12, T_LIST = 13, T_RECORD = 14,
        T_TUPLE = 15, T_VARIANT = 16, T_ENUM = 17, T_OPTION = 18, T_RESULT = 19, T_FLAGS = 20, T_OWN = 21,
        T_BORROW = 22, T_FUTURE = 23, T_STREAM = 24, T_ERROR_CONTEXT = 25, T_MAP = 26;

    // component/types/component.h: item kinds (WASMTIME_COMPONENT_ITEM_*).
    public static final byte ITEM_COMPONENT = 0, ITEM_COMPONENT_INSTANCE = 1, ITEM_MODULE = 2,
        ITEM_COMPONENT_FUNC = 3, ITEM_RESOURCE = 4, ITEM_CORE_FUNC = 5, ITEM_TYPE = 6;
}
