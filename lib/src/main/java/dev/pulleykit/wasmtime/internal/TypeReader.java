package dev.pulleykit.wasmtime.internal;

import static dev.pulleykit.wasmtime.internal.Layouts.*;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.pulleykit.wasmtime.FuncType;
import dev.pulleykit.wasmtime.HostResource;
import dev.pulleykit.wasmtime.WitType;
import dev.pulleykit.wasmtime.WitType.Primitive;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Wasmtime's type objects ({@code wasmtime_component_valtype_t},
 * {@code wasmtime_component_func_type_t}) into Java {@link WitType}s. Every type object the
 * C API hands out here is owned, so each is deleted as soon as it has been read.
 */
public final class TypeReader {
    private TypeReader() {}

    /** Reads an owned {@code func_type_t*} and deletes it. */
    public static FuncType readFuncType(MemorySegment funcType) {
        try {
            return readBorrowedFuncType(funcType);
        } finally {
            WasmtimeC.wasmtime_component_func_type_delete(funcType);
        }
    }

    /** Reads a {@code func_type_t*} that something else owns (an item), leaving it alone. */
    public static FuncType readBorrowedFuncType(MemorySegment funcType) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment namePtr = arena.allocate(ADDRESS), nameLen = arena.allocate(JAVA_LONG);
            long n = WasmtimeC.wasmtime_component_func_type_param_count(funcType);
            List<FuncType.Param> params = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                MemorySegment vt = arena.allocate(VALTYPE);
                if (!WasmtimeC.wasmtime_component_func_type_param_nth(funcType, i, namePtr, nameLen, vt)) break;
                params.add(new FuncType.Param(NativeStrings.readOut(namePtr, nameLen), takeValType(vt)));
            }
            MemorySegment rt = arena.allocate(VALTYPE);
            WitType result = WasmtimeC.wasmtime_component_func_type_result(funcType, rt) ? takeValType(rt) : null;
            return new FuncType(params, result);
        }
    }

    /** Reads an owned valtype in {@code vt} (a VALTYPE-sized slot) and deletes what it owns. */
    public static WitType takeValType(MemorySegment vt) {
        try {
            return readValType(vt);
        } finally {
            WasmtimeC.wasmtime_component_valtype_delete(vt);
        }
    }

    private static WitType readValType(MemorySegment vt) {
        byte kind = vt.get(JAVA_BYTE, 0);
        MemorySegment of = vt.get(ADDRESS, VALTYPE_OF);
        return switch (kind) {
            case T_BOOL -> Primitive.BOOL; case T_S8 -> Primitive.S8; case T_S16 -> Primitive.S16;
            case T_S32 -> Primitive.S32; case T_S64 -> Primitive.S64; case T_U8 -> Primitive.U8;
            case T_U16 -> Primitive.U16; case T_U32 -> Primitive.U32; case T_U64 -> Primitive.U64;
            case T_F32 -> Primitive.F32; case T_F64 -> Primitive.F64; case T_CHAR -> Primitive.CHAR;
            case T_STRING -> Primitive.STRING;
            case T_LIST -> new WitType.ListType(nested(slot -> WasmtimeC.wasmtime_component_list_type_element(of, slot)));
            case T_OPTION -> new WitType.OptionType(nested(slot -> WasmtimeC.wasmtime_component_option_type_ty(of, slot)));
            case T_RESULT -> new WitType.ResultType(
                nestedIf(slot -> WasmtimeC.wasmtime_component_result_type_ok(of, slot)),
                nestedIf(slot -> WasmtimeC.wasmtime_component_result_type_err(of, slot)));
            case T_RECORD -> {
                List<WitType.Field> fields = new ArrayList<>();
                long n = WasmtimeC.wasmtime_component_record_type_field_count(of);
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment np = arena.allocate(ADDRESS), nl = arena.allocate(JAVA_LONG);
                    for (long i = 0; i < n; i++) {
                        MemorySegment slot = arena.allocate(VALTYPE);
                        WasmtimeC.wasmtime_component_record_type_field_nth(of, i, np, nl, slot);
                        fields.add(new WitType.Field(NativeStrings.readOut(np, nl), takeValType(slot)));
                    }
                }
                yield new WitType.RecordType(fields);
            }
            case T_TUPLE -> {
                List<WitType> types = new ArrayList<>();
                long n = WasmtimeC.wasmtime_component_tuple_type_types_count(of);
                for (long i = 0; i < n; i++) {
                    final long idx = i;
                    types.add(nested(slot -> WasmtimeC.wasmtime_component_tuple_type_types_nth(of, idx, slot)));
                }
                yield new WitType.TupleType(types);
            }
            case T_VARIANT -> {
                List<WitType.Case> cases = new ArrayList<>();
                long n = WasmtimeC.wasmtime_component_variant_type_case_count(of);
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment np = arena.allocate(ADDRESS), nl = arena.allocate(JAVA_LONG), has = arena.allocate(JAVA_BOOLEAN);
                    for (long i = 0; i < n; i++) {
                        MemorySegment slot = arena.allocate(VALTYPE);
                        WasmtimeC.wasmtime_component_variant_type_case_nth(of, i, np, nl, has, slot);
                        String name = NativeStrings.readOut(np, nl);
                        cases.add(new WitType.Case(name, has.get(JAVA_BOOLEAN, 0) ? takeValType(slot) : null));
                    }
                }
                yield new WitType.VariantType(cases);
            }
            case T_ENUM -> new WitType.EnumType(names(of, WasmtimeC::wasmtime_component_enum_type_names_count,
                (i, np, nl) -> WasmtimeC.wasmtime_component_enum_type_names_nth(of, i, np, nl)));
            case T_FLAGS -> new WitType.FlagsType(names(of, WasmtimeC::wasmtime_component_flags_type_names_count,
                (i, np, nl) -> WasmtimeC.wasmtime_component_flags_type_names_nth(of, i, np, nl)));
            // `of` is the resource's type object, owned by this valtype; a host resource is found by it.
            case T_OWN, T_BORROW -> {
                HostResource<?> host = ResourceTypes.matching(of);
                // A guest's own resources have no name here; ComponentTypeReader names them where it can.
                yield new WitType.HandleType(kind == T_OWN, null, host);
            }
            case T_FUTURE -> new WitType.Unsupported("future");
            case T_STREAM -> new WitType.Unsupported("stream");
            case T_ERROR_CONTEXT -> new WitType.Unsupported("error-context");
            case T_MAP -> new WitType.Unsupported("map");
            default -> new WitType.Unsupported("unknown type kind " + kind);
        };
    }

    private interface Fill { void into(MemorySegment slot); }
    private interface FillIf { boolean into(MemorySegment slot); }
    private interface NthName { boolean read(long i, MemorySegment namePtr, MemorySegment nameLen); }

    private static WitType nested(Fill fill) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = arena.allocate(VALTYPE);
            fill.into(slot);
            return takeValType(slot);
        }
    }

    private static WitType nestedIf(FillIf fill) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = arena.allocate(VALTYPE);
            return fill.into(slot) ? takeValType(slot) : null;
        }
    }

    private static List<String> names(MemorySegment of, java.util.function.ToLongFunction<MemorySegment> count, NthName nth) {
        List<String> names = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment np = arena.allocate(ADDRESS), nl = arena.allocate(JAVA_LONG);
            long n = count.applyAsLong(of);
            for (long i = 0; i < n; i++) if (nth.read(i, np, nl)) names.add(NativeStrings.readOut(np, nl));
        }
        return names;
    }
}
