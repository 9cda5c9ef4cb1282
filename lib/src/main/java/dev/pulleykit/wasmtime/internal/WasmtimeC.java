package dev.pulleykit.wasmtime.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Every C function of libwasmtime that the binding calls, one downcall handle each, with the
 * C signature from the pinned headers beside it. Ownership notes follow the headers' docs:
 * "owned" results must be deleted by the caller with the named function.
 *
 * <p>Pointer-typed parameters and results are {@link MemorySegment}s; {@code size_t} is long.
 */
public final class WasmtimeC {
    private WasmtimeC() {}

    private static final Linker LINKER = Linker.nativeLinker();

    private static MethodHandle fn(String name, MemoryLayout result, MemoryLayout... args) {
        var symbol = NativeLibrary.lookup().find(name).orElseThrow(() -> new IllegalStateException(
            "libwasmtime has no symbol " + name + ": it is not Wasmtime " + Pins.wasmtimeVersion()));
        var descriptor = result == null ? FunctionDescriptor.ofVoid(args) : FunctionDescriptor.of(result, args);
        return LINKER.downcallHandle(symbol, descriptor);
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        throw new IllegalStateException(t);
    }

    private static final MemoryLayout P = ADDRESS, SIZE = JAVA_LONG, BOOL = JAVA_BOOLEAN, U64 = JAVA_LONG,
        I64 = JAVA_LONG, U32 = JAVA_INT;

    // ---- wasm.h ---------------------------------------------------------------------------
    /** void wasm_byte_vec_delete(wasm_byte_vec_t*): frees the data of a vec Wasmtime filled. */
    private static final MethodHandle H_wasm_byte_vec_delete = fn("wasm_byte_vec_delete", null, P);
    public static void wasm_byte_vec_delete(MemorySegment a0) {
        try { H_wasm_byte_vec_delete.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    /** void wasm_byte_vec_new(wasm_byte_vec_t *out, size_t, const uint8_t*): copies into Wasmtime memory. */
    private static final MethodHandle H_wasm_byte_vec_new = fn("wasm_byte_vec_new", null, P, SIZE, P);
    public static void wasm_byte_vec_new(MemorySegment a0, long a1, MemorySegment a2) {
        try { H_wasm_byte_vec_new.invokeExact(a0, a1, a2); } catch (Throwable t) { throw rethrow(t); }
    }
    /** wasm_config_t* wasm_config_new(void): owned until handed to wasm_engine_new_with_config. */
    private static final MethodHandle H_wasm_config_new = fn("wasm_config_new", P);
    public static MemorySegment wasm_config_new() {
        try { return (MemorySegment) H_wasm_config_new.invokeExact(); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasm_config_delete = fn("wasm_config_delete", null, P);
    public static void wasm_config_delete(MemorySegment a0) {
        try { H_wasm_config_delete.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    /** wasm_engine_t* wasm_engine_new_with_config(wasm_config_t*): takes ownership of the config. */
    private static final MethodHandle H_wasm_engine_new_with_config = fn("wasm_engine_new_with_config", P, P);
    public static MemorySegment wasm_engine_new_with_config(MemorySegment a0) {
        try { return (MemorySegment) H_wasm_engine_new_with_config.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasm_engine_delete = fn("wasm_engine_delete", null, P);
    public static void wasm_engine_delete(MemorySegment a0) {
        try { H_wasm_engine_delete.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }

    // ---- wasmtime/config.h, engine.h ------------------------------------------------------
    private static final MethodHandle H_wasmtime_config_wasm_component_model_set = fn("wasmtime_config_wasm_component_model_set", null, P, BOOL);
    public static void wasmtime_config_wasm_component_model_set(MemorySegment a0, boolean a1) {
        try { H_wasmtime_config_wasm_component_model_set.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    /** wasmtime_error_t* wasmtime_config_target_set(wasm_config_t*, const char*): owned error or NULL. */
    private static final MethodHandle H_wasmtime_config_target_set = fn("wasmtime_config_target_set", P, P, P);
    public static MemorySegment wasmtime_config_target_set(MemorySegment a0, MemorySegment a1) {
        try { return (MemorySegment) H_wasmtime_config_target_set.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_config_signals_based_traps_set = fn("wasmtime_config_signals_based_traps_set", null, P, BOOL);
    public static void wasmtime_config_signals_based_traps_set(MemorySegment a0, boolean a1) {
        try { H_wasmtime_config_signals_based_traps_set.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_config_consume_fuel_set = fn("wasmtime_config_consume_fuel_set", null, P, BOOL);
    public static void wasmtime_config_consume_fuel_set(MemorySegment a0, boolean a1) {
        try { H_wasmtime_config_consume_fuel_set.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_config_epoch_interruption_set = fn("wasmtime_config_epoch_interruption_set", null, P, BOOL);
    public static void wasmtime_config_epoch_interruption_set(MemorySegment a0, boolean a1) {
        try { H_wasmtime_config_epoch_interruption_set.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_config_memory_init_cow_set = fn("wasmtime_config_memory_init_cow_set", null, P, BOOL);
    public static void wasmtime_config_memory_init_cow_set(MemorySegment a0, boolean a1) {
        try { H_wasmtime_config_memory_init_cow_set.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_config_memory_reservation_set = fn("wasmtime_config_memory_reservation_set", null, P, U64);
    public static void wasmtime_config_memory_reservation_set(MemorySegment a0, long a1) {
        try { H_wasmtime_config_memory_reservation_set.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_config_memory_guard_size_set = fn("wasmtime_config_memory_guard_size_set", null, P, U64);
    public static void wasmtime_config_memory_guard_size_set(MemorySegment a0, long a1) {
        try { H_wasmtime_config_memory_guard_size_set.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_config_max_wasm_stack_set = fn("wasmtime_config_max_wasm_stack_set", null, P, SIZE);
    public static void wasmtime_config_max_wasm_stack_set(MemorySegment a0, long a1) {
        try { H_wasmtime_config_max_wasm_stack_set.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_engine_is_pulley = fn("wasmtime_engine_is_pulley", BOOL, P);
    public static boolean wasmtime_engine_is_pulley(MemorySegment a0) {
        try { return (boolean) H_wasmtime_engine_is_pulley.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_engine_increment_epoch = fn("wasmtime_engine_increment_epoch", null, P);
    public static void wasmtime_engine_increment_epoch(MemorySegment a0) {
        try { H_wasmtime_engine_increment_epoch.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }

    // ---- wasmtime/error.h -----------------------------------------------------------------
    /** void wasmtime_error_message(const wasmtime_error_t*, wasm_name_t *message): message is owned. */
    private static final MethodHandle H_wasmtime_error_message = fn("wasmtime_error_message", null, P, P);
    public static void wasmtime_error_message(MemorySegment a0, MemorySegment a1) {
        try { H_wasmtime_error_message.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_error_delete = fn("wasmtime_error_delete", null, P);
    public static void wasmtime_error_delete(MemorySegment a0) {
        try { H_wasmtime_error_delete.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }

    // ---- wasmtime/store.h -----------------------------------------------------------------
    /** wasmtime_store_t* wasmtime_store_new(wasm_engine_t*, void *data, void (*finalizer)(void*)). */
    private static final MethodHandle H_wasmtime_store_new = fn("wasmtime_store_new", P, P, P, P);
    public static MemorySegment wasmtime_store_new(MemorySegment a0, MemorySegment a1, MemorySegment a2) {
        try { return (MemorySegment) H_wasmtime_store_new.invokeExact(a0, a1, a2); } catch (Throwable t) { throw rethrow(t); }
    }
    /** wasmtime_context_t* wasmtime_store_context(wasmtime_store_t*): borrowed, lives as long as the store. */
    private static final MethodHandle H_wasmtime_store_context = fn("wasmtime_store_context", P, P);
    public static MemorySegment wasmtime_store_context(MemorySegment a0) {
        try { return (MemorySegment) H_wasmtime_store_context.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_store_delete = fn("wasmtime_store_delete", null, P);
    public static void wasmtime_store_delete(MemorySegment a0) {
        try { H_wasmtime_store_delete.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_context_set_fuel = fn("wasmtime_context_set_fuel", P, P, U64);
    public static MemorySegment wasmtime_context_set_fuel(MemorySegment a0, long a1) {
        try { return (MemorySegment) H_wasmtime_context_set_fuel.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_context_get_fuel = fn("wasmtime_context_get_fuel", P, P, P);
    public static MemorySegment wasmtime_context_get_fuel(MemorySegment a0, MemorySegment a1) {
        try { return (MemorySegment) H_wasmtime_context_get_fuel.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_context_set_epoch_deadline = fn("wasmtime_context_set_epoch_deadline", null, P, U64);
    public static void wasmtime_context_set_epoch_deadline(MemorySegment a0, long a1) {
        try { H_wasmtime_context_set_epoch_deadline.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }

    // ---- wasmtime/component/component.h ---------------------------------------------------
    /** wasmtime_error_t* wasmtime_component_new(const wasm_engine_t*, const uint8_t*, size_t, wasmtime_component_t **out). */
    private static final MethodHandle H_wasmtime_component_new = fn("wasmtime_component_new", P, P, P, SIZE, P);
    public static MemorySegment wasmtime_component_new(MemorySegment a0, MemorySegment a1, long a2, MemorySegment a3) {
        try { return (MemorySegment) H_wasmtime_component_new.invokeExact(a0, a1, a2, a3); } catch (Throwable t) { throw rethrow(t); }
    }
    /** wasmtime_error_t* wasmtime_component_serialize(const wasmtime_component_t*, wasm_byte_vec_t *ret): ret owned. */
    private static final MethodHandle H_wasmtime_component_serialize = fn("wasmtime_component_serialize", P, P, P);
    public static MemorySegment wasmtime_component_serialize(MemorySegment a0, MemorySegment a1) {
        try { return (MemorySegment) H_wasmtime_component_serialize.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    /** wasmtime_error_t* wasmtime_component_deserialize(const wasm_engine_t*, const uint8_t*, size_t, wasmtime_component_t **out). */
    private static final MethodHandle H_wasmtime_component_deserialize = fn("wasmtime_component_deserialize", P, P, P, SIZE, P);
    public static MemorySegment wasmtime_component_deserialize(MemorySegment a0, MemorySegment a1, long a2, MemorySegment a3) {
        try { return (MemorySegment) H_wasmtime_component_deserialize.invokeExact(a0, a1, a2, a3); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_delete = fn("wasmtime_component_delete", null, P);
    public static void wasmtime_component_delete(MemorySegment a0) {
        try { H_wasmtime_component_delete.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    /** wasmtime_component_type_t* wasmtime_component_type(const wasmtime_component_t*): owned. */
    private static final MethodHandle H_wasmtime_component_type = fn("wasmtime_component_type", P, P);
    public static MemorySegment wasmtime_component_type(MemorySegment a0) {
        try { return (MemorySegment) H_wasmtime_component_type.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }

    // ---- wasmtime/component/types/component.h, instance.h, func.h, val.h ------------------
    private static final MethodHandle H_wasmtime_component_type_delete = fn("wasmtime_component_type_delete", null, P);
    public static void wasmtime_component_type_delete(MemorySegment a0) {
        try { H_wasmtime_component_type_delete.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_type_import_count = fn("wasmtime_component_type_import_count", SIZE, P, P);
    public static long wasmtime_component_type_import_count(MemorySegment a0, MemorySegment a1) {
        try { return (long) H_wasmtime_component_type_import_count.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    /** bool ..._import_nth(ty, engine, nth, const char **name, size_t *len, wasmtime_component_extern_t **ret): name borrowed from ty, ret owned. */
    private static final MethodHandle H_wasmtime_component_type_import_nth = fn("wasmtime_component_type_import_nth", BOOL, P, P, SIZE, P, P, P);
    public static boolean wasmtime_component_type_import_nth(MemorySegment a0, MemorySegment a1, long a2, MemorySegment a3, MemorySegment a4, MemorySegment a5) {
        try { return (boolean) H_wasmtime_component_type_import_nth.invokeExact(a0, a1, a2, a3, a4, a5); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_type_export_count = fn("wasmtime_component_type_export_count", SIZE, P, P);
    public static long wasmtime_component_type_export_count(MemorySegment a0, MemorySegment a1) {
        try { return (long) H_wasmtime_component_type_export_count.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_type_export_nth = fn("wasmtime_component_type_export_nth", BOOL, P, P, SIZE, P, P, P);
    public static boolean wasmtime_component_type_export_nth(MemorySegment a0, MemorySegment a1, long a2, MemorySegment a3, MemorySegment a4, MemorySegment a5) {
        try { return (boolean) H_wasmtime_component_type_export_nth.invokeExact(a0, a1, a2, a3, a4, a5); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_instance_type_export_count = fn("wasmtime_component_instance_type_export_count", SIZE, P, P);
    public static long wasmtime_component_instance_type_export_count(MemorySegment a0, MemorySegment a1) {
        try { return (long) H_wasmtime_component_instance_type_export_count.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_instance_type_export_nth = fn("wasmtime_component_instance_type_export_nth", BOOL, P, P, SIZE, P, P, P);
    public static boolean wasmtime_component_instance_type_export_nth(MemorySegment a0, MemorySegment a1, long a2, MemorySegment a3, MemorySegment a4, MemorySegment a5) {
        try { return (boolean) H_wasmtime_component_instance_type_export_nth.invokeExact(a0, a1, a2, a3, a4, a5); } catch (Throwable t) { throw rethrow(t); }
    }
    /** void wasmtime_component_extern_type(const extern*, wasmtime_component_item_t *ret): ret owned (item_delete). */
    private static final MethodHandle H_wasmtime_component_extern_type = fn("wasmtime_component_extern_type", null, P, P);
    public static void wasmtime_component_extern_type(MemorySegment a0, MemorySegment a1) {
        try { H_wasmtime_component_extern_type.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_extern_delete = fn("wasmtime_component_extern_delete", null, P);
    public static void wasmtime_component_extern_delete(MemorySegment a0) {
        try { H_wasmtime_component_extern_delete.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_item_delete = fn("wasmtime_component_item_delete", null, P);
    public static void wasmtime_component_item_delete(MemorySegment a0) {
        try { H_wasmtime_component_item_delete.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_func_type_delete = fn("wasmtime_component_func_type_delete", null, P);
    public static void wasmtime_component_func_type_delete(MemorySegment a0) {
        try { H_wasmtime_component_func_type_delete.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_func_type_param_count = fn("wasmtime_component_func_type_param_count", SIZE, P);
    public static long wasmtime_component_func_type_param_count(MemorySegment a0) {
        try { return (long) H_wasmtime_component_func_type_param_count.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    /** bool ..._param_nth(ty, nth, const char **name, size_t *len, valtype_t *type_ret): type_ret owned. */
    private static final MethodHandle H_wasmtime_component_func_type_param_nth = fn("wasmtime_component_func_type_param_nth", BOOL, P, SIZE, P, P, P);
    public static boolean wasmtime_component_func_type_param_nth(MemorySegment a0, long a1, MemorySegment a2, MemorySegment a3, MemorySegment a4) {
        try { return (boolean) H_wasmtime_component_func_type_param_nth.invokeExact(a0, a1, a2, a3, a4); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_func_type_result = fn("wasmtime_component_func_type_result", BOOL, P, P);
    public static boolean wasmtime_component_func_type_result(MemorySegment a0, MemorySegment a1) {
        try { return (boolean) H_wasmtime_component_func_type_result.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_valtype_delete = fn("wasmtime_component_valtype_delete", null, P);
    public static void wasmtime_component_valtype_delete(MemorySegment a0) {
        try { H_wasmtime_component_valtype_delete.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_list_type_element = fn("wasmtime_component_list_type_element", null, P, P);
    public static void wasmtime_component_list_type_element(MemorySegment a0, MemorySegment a1) {
        try { H_wasmtime_component_list_type_element.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_record_type_field_count = fn("wasmtime_component_record_type_field_count", SIZE, P);
    public static long wasmtime_component_record_type_field_count(MemorySegment a0) {
        try { return (long) H_wasmtime_component_record_type_field_count.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_record_type_field_nth = fn("wasmtime_component_record_type_field_nth", BOOL, P, SIZE, P, P, P);
    public static boolean wasmtime_component_record_type_field_nth(MemorySegment a0, long a1, MemorySegment a2, MemorySegment a3, MemorySegment a4) {
        try { return (boolean) H_wasmtime_component_record_type_field_nth.invokeExact(a0, a1, a2, a3, a4); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_tuple_type_types_count = fn("wasmtime_component_tuple_type_types_count", SIZE, P);
    public static long wasmtime_component_tuple_type_types_count(MemorySegment a0) {
        try { return (long) H_wasmtime_component_tuple_type_types_count.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_tuple_type_types_nth = fn("wasmtime_component_tuple_type_types_nth", BOOL, P, SIZE, P);
    public static boolean wasmtime_component_tuple_type_types_nth(MemorySegment a0, long a1, MemorySegment a2) {
        try { return (boolean) H_wasmtime_component_tuple_type_types_nth.invokeExact(a0, a1, a2); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_variant_type_case_count = fn("wasmtime_component_variant_type_case_count", SIZE, P);
    public static long wasmtime_component_variant_type_case_count(MemorySegment a0) {
        try { return (long) H_wasmtime_component_variant_type_case_count.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    /** bool ..._case_nth(ty, nth, const char **name, size_t *len, bool *has_payload, valtype_t *payload). */
    private static final MethodHandle H_wasmtime_component_variant_type_case_nth = fn("wasmtime_component_variant_type_case_nth", BOOL, P, SIZE, P, P, P, P);
    public static boolean wasmtime_component_variant_type_case_nth(MemorySegment a0, long a1, MemorySegment a2, MemorySegment a3, MemorySegment a4, MemorySegment a5) {
        try { return (boolean) H_wasmtime_component_variant_type_case_nth.invokeExact(a0, a1, a2, a3, a4, a5); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_enum_type_names_count = fn("wasmtime_component_enum_type_names_count", SIZE, P);
    public static long wasmtime_component_enum_type_names_count(MemorySegment a0) {
        try { return (long) H_wasmtime_component_enum_type_names_count.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_enum_type_names_nth = fn("wasmtime_component_enum_type_names_nth", BOOL, P, SIZE, P, P);
    public static boolean wasmtime_component_enum_type_names_nth(MemorySegment a0, long a1, MemorySegment a2, MemorySegment a3) {
        try { return (boolean) H_wasmtime_component_enum_type_names_nth.invokeExact(a0, a1, a2, a3); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_option_type_ty = fn("wasmtime_component_option_type_ty", null, P, P);
    public static void wasmtime_component_option_type_ty(MemorySegment a0, MemorySegment a1) {
        try { H_wasmtime_component_option_type_ty.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_result_type_ok = fn("wasmtime_component_result_type_ok", BOOL, P, P);
    public static boolean wasmtime_component_result_type_ok(MemorySegment a0, MemorySegment a1) {
        try { return (boolean) H_wasmtime_component_result_type_ok.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_result_type_err = fn("wasmtime_component_result_type_err", BOOL, P, P);
    public static boolean wasmtime_component_result_type_err(MemorySegment a0, MemorySegment a1) {
        try { return (boolean) H_wasmtime_component_result_type_err.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_flags_type_names_count = fn("wasmtime_component_flags_type_names_count", SIZE, P);
    public static long wasmtime_component_flags_type_names_count(MemorySegment a0) {
        try { return (long) H_wasmtime_component_flags_type_names_count.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_flags_type_names_nth = fn("wasmtime_component_flags_type_names_nth", BOOL, P, SIZE, P, P);
    public static boolean wasmtime_component_flags_type_names_nth(MemorySegment a0, long a1, MemorySegment a2, MemorySegment a3) {
        try { return (boolean) H_wasmtime_component_flags_type_names_nth.invokeExact(a0, a1, a2, a3); } catch (Throwable t) { throw rethrow(t); }
    }

    // ---- wasmtime/component/linker.h, instance.h, func.h, val.h ---------------------------
    private static final MethodHandle H_wasmtime_component_linker_new = fn("wasmtime_component_linker_new", P, P);
    public static MemorySegment wasmtime_component_linker_new(MemorySegment a0) {
        try { return (MemorySegment) H_wasmtime_component_linker_new.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_linker_delete = fn("wasmtime_component_linker_delete", null, P);
    public static void wasmtime_component_linker_delete(MemorySegment a0) {
        try { H_wasmtime_component_linker_delete.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    /** wasmtime_error_t* ..._linker_instantiate(linker, context, component, wasmtime_component_instance_t *out). */
    private static final MethodHandle H_wasmtime_component_linker_instantiate = fn("wasmtime_component_linker_instantiate", P, P, P, P, P);
    public static MemorySegment wasmtime_component_linker_instantiate(MemorySegment a0, MemorySegment a1, MemorySegment a2, MemorySegment a3) {
        try { return (MemorySegment) H_wasmtime_component_linker_instantiate.invokeExact(a0, a1, a2, a3); } catch (Throwable t) { throw rethrow(t); }
    }
    /** export_index_t* ..._instance_get_export_index(instance*, context, parent index or NULL, name, len): owned or NULL. */
    private static final MethodHandle H_wasmtime_component_instance_get_export_index = fn("wasmtime_component_instance_get_export_index", P, P, P, P, P, SIZE);
    public static MemorySegment wasmtime_component_instance_get_export_index(MemorySegment a0, MemorySegment a1, MemorySegment a2, MemorySegment a3, long a4) {
        try { return (MemorySegment) H_wasmtime_component_instance_get_export_index.invokeExact(a0, a1, a2, a3, a4); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_wasmtime_component_export_index_delete = fn("wasmtime_component_export_index_delete", null, P);
    public static void wasmtime_component_export_index_delete(MemorySegment a0) {
        try { H_wasmtime_component_export_index_delete.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    /** bool ..._instance_get_func(instance*, context, export_index*, wasmtime_component_func_t *out). */
    private static final MethodHandle H_wasmtime_component_instance_get_func = fn("wasmtime_component_instance_get_func", BOOL, P, P, P, P);
    public static boolean wasmtime_component_instance_get_func(MemorySegment a0, MemorySegment a1, MemorySegment a2, MemorySegment a3) {
        try { return (boolean) H_wasmtime_component_instance_get_func.invokeExact(a0, a1, a2, a3); } catch (Throwable t) { throw rethrow(t); }
    }
    /** func_type_t* wasmtime_component_func_type(const func*, context): owned. */
    private static final MethodHandle H_wasmtime_component_func_type = fn("wasmtime_component_func_type", P, P, P);
    public static MemorySegment wasmtime_component_func_type(MemorySegment a0, MemorySegment a1) {
        try { return (MemorySegment) H_wasmtime_component_func_type.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    /**
     * wasmtime_error_t* wasmtime_component_func_call(func*, context, const val_t *args, size_t,
     * val_t *results, size_t). Reads args only; assigns each result slot, dropping what was
     * there first, so result slots must start zeroed (kind 0, a bool, owns nothing).
     */
    private static final MethodHandle H_wasmtime_component_func_call = fn("wasmtime_component_func_call", P, P, P, P, SIZE, P, SIZE);
    public static MemorySegment wasmtime_component_func_call(MemorySegment a0, MemorySegment a1, MemorySegment a2, long a3, MemorySegment a4, long a5) {
        try { return (MemorySegment) H_wasmtime_component_func_call.invokeExact(a0, a1, a2, a3, a4, a5); } catch (Throwable t) { throw rethrow(t); }
    }
    /** void wasmtime_component_val_clone(const val_t *src, val_t *dst): dst owned. */
    private static final MethodHandle H_wasmtime_component_val_clone = fn("wasmtime_component_val_clone", null, P, P);
    public static void wasmtime_component_val_clone(MemorySegment a0, MemorySegment a1) {
        try { H_wasmtime_component_val_clone.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    /** void wasmtime_component_val_delete(val_t*): frees what the value owns, not the slot itself. */
    private static final MethodHandle H_wasmtime_component_val_delete = fn("wasmtime_component_val_delete", null, P);
    public static void wasmtime_component_val_delete(MemorySegment a0) {
        try { H_wasmtime_component_val_delete.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }

    // ---- added: errors with backtraces, host functions, limits ---------------------------
    /** wasmtime_error_t* wasmtime_error_new(const char*): an owned error with that message (returned from host callbacks). */
    private static final MethodHandle H_wasmtime_error_new = fn("wasmtime_error_new", P, P);
    public static MemorySegment wasmtime_error_new(MemorySegment a0) {
        try { return (MemorySegment) H_wasmtime_error_new.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    /** void wasmtime_error_wasm_trace(const wasmtime_error_t*, wasm_frame_vec_t *out): out owned. */
    private static final MethodHandle H_wasmtime_error_wasm_trace = fn("wasmtime_error_wasm_trace", null, P, P);
    public static void wasmtime_error_wasm_trace(MemorySegment a0, MemorySegment a1) {
        try { H_wasmtime_error_wasm_trace.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    /** void wasm_frame_vec_delete(wasm_frame_vec_t*). */
    private static final MethodHandle H_wasm_frame_vec_delete = fn("wasm_frame_vec_delete", null, P);
    public static void wasm_frame_vec_delete(MemorySegment a0) {
        try { H_wasm_frame_vec_delete.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    /** const wasm_name_t* wasmtime_frame_func_name(const wasm_frame_t*): borrowed, or NULL without a name section. */
    private static final MethodHandle H_wasmtime_frame_func_name = fn("wasmtime_frame_func_name", P, P);
    public static MemorySegment wasmtime_frame_func_name(MemorySegment a0) {
        try { return (MemorySegment) H_wasmtime_frame_func_name.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    /** const wasm_name_t* wasmtime_frame_module_name(const wasm_frame_t*): borrowed, or NULL. */
    private static final MethodHandle H_wasmtime_frame_module_name = fn("wasmtime_frame_module_name", P, P);
    public static MemorySegment wasmtime_frame_module_name(MemorySegment a0) {
        try { return (MemorySegment) H_wasmtime_frame_module_name.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    /** uint32_t wasm_frame_func_index(const wasm_frame_t*). */
    private static final MethodHandle H_wasm_frame_func_index = fn("wasm_frame_func_index", U32, P);
    public static int wasm_frame_func_index(MemorySegment a0) {
        try { return (int) H_wasm_frame_func_index.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    /** void wasmtime_store_limiter(store, memory_size, table_elements, instances, tables, memories): -1 leaves a limit off. */
    private static final MethodHandle H_wasmtime_store_limiter = fn("wasmtime_store_limiter", null, P, I64, I64, I64, I64, I64);
    public static void wasmtime_store_limiter(MemorySegment a0, long a1, long a2, long a3, long a4, long a5) {
        try { H_wasmtime_store_limiter.invokeExact(a0, a1, a2, a3, a4, a5); } catch (Throwable t) { throw rethrow(t); }
    }
    /** linker_instance_t* wasmtime_component_linker_root(linker): owned; the linker is locked until it is deleted. */
    private static final MethodHandle H_wasmtime_component_linker_root = fn("wasmtime_component_linker_root", P, P);
    public static MemorySegment wasmtime_component_linker_root(MemorySegment a0) {
        try { return (MemorySegment) H_wasmtime_component_linker_root.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    /** error* ..._add_instance(linker_instance, name, len, linker_instance_t **out): out owned; re-opening an existing instance is allowed. */
    private static final MethodHandle H_wasmtime_component_linker_instance_add_instance = fn("wasmtime_component_linker_instance_add_instance", P, P, P, SIZE, P);
    public static MemorySegment wasmtime_component_linker_instance_add_instance(MemorySegment a0, MemorySegment a1, long a2, MemorySegment a3) {
        try { return (MemorySegment) H_wasmtime_component_linker_instance_add_instance.invokeExact(a0, a1, a2, a3); } catch (Throwable t) { throw rethrow(t); }
    }
    /** error* ..._add_func(linker_instance, name, len, callback, void *data, void (*finalizer)(void*)). */
    private static final MethodHandle H_wasmtime_component_linker_instance_add_func = fn("wasmtime_component_linker_instance_add_func", P, P, P, SIZE, P, P, P);
    public static MemorySegment wasmtime_component_linker_instance_add_func(MemorySegment a0, MemorySegment a1, long a2, MemorySegment a3, MemorySegment a4, MemorySegment a5) {
        try { return (MemorySegment) H_wasmtime_component_linker_instance_add_func.invokeExact(a0, a1, a2, a3, a4, a5); } catch (Throwable t) { throw rethrow(t); }
    }
    /** void wasmtime_component_linker_instance_delete(linker_instance_t*). */
    private static final MethodHandle H_wasmtime_component_linker_instance_delete = fn("wasmtime_component_linker_instance_delete", null, P);
    public static void wasmtime_component_linker_instance_delete(MemorySegment a0) {
        try { H_wasmtime_component_linker_instance_delete.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }

    // ---- resources: host-defined resource types, and handles crossing the boundary ---------
    /** resource_type_t* wasmtime_component_resource_type_new_host(uint32_t ty): owned; equal to any other made from the same ty. */
    private static final MethodHandle H_resource_type_new_host = fn("wasmtime_component_resource_type_new_host", P, U32);
    public static MemorySegment wasmtime_component_resource_type_new_host(int a0) {
        try { return (MemorySegment) H_resource_type_new_host.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    /** bool wasmtime_component_resource_type_equal(const resource_type_t*, const resource_type_t*). */
    private static final MethodHandle H_resource_type_equal = fn("wasmtime_component_resource_type_equal", BOOL, P, P);
    public static boolean wasmtime_component_resource_type_equal(MemorySegment a0, MemorySegment a1) {
        try { return (boolean) H_resource_type_equal.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    /** void wasmtime_component_resource_type_delete(resource_type_t*). */
    private static final MethodHandle H_resource_type_delete = fn("wasmtime_component_resource_type_delete", null, P);
    public static void wasmtime_component_resource_type_delete(MemorySegment a0) {
        try { H_resource_type_delete.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    /**
     * error* ..._linker_instance_add_resource(linker_instance, name, len, const resource_type_t*,
     * destructor, void *data, void (*finalizer)(void*)): the type is copied, not taken; the
     * destructor runs with (data, context, rep) when a guest drops an owned handle.
     */
    private static final MethodHandle H_linker_instance_add_resource = fn("wasmtime_component_linker_instance_add_resource", P, P, P, SIZE, P, P, P, P);
    public static MemorySegment wasmtime_component_linker_instance_add_resource(MemorySegment a0, MemorySegment a1, long a2, MemorySegment a3, MemorySegment a4, MemorySegment a5, MemorySegment a6) {
        try { return (MemorySegment) H_linker_instance_add_resource.invokeExact(a0, a1, a2, a3, a4, a5, a6); } catch (Throwable t) { throw rethrow(t); }
    }
    /** resource_host_t* wasmtime_component_resource_host_new(bool owned, uint32_t rep, uint32_t ty): owned. */
    private static final MethodHandle H_resource_host_new = fn("wasmtime_component_resource_host_new", P, BOOL, U32, U32);
    public static MemorySegment wasmtime_component_resource_host_new(boolean a0, int a1, int a2) {
        try { return (MemorySegment) H_resource_host_new.invokeExact(a0, a1, a2); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_resource_host_rep = fn("wasmtime_component_resource_host_rep", U32, P);
    public static int wasmtime_component_resource_host_rep(MemorySegment a0) {
        try { return (int) H_resource_host_rep.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_resource_host_type = fn("wasmtime_component_resource_host_type", U32, P);
    public static int wasmtime_component_resource_host_type(MemorySegment a0) {
        try { return (int) H_resource_host_type.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_resource_host_owned = fn("wasmtime_component_resource_host_owned", BOOL, P);
    public static boolean wasmtime_component_resource_host_owned(MemorySegment a0) {
        try { return (boolean) H_resource_host_owned.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    private static final MethodHandle H_resource_host_delete = fn("wasmtime_component_resource_host_delete", null, P);
    public static void wasmtime_component_resource_host_delete(MemorySegment a0) {
        try { H_resource_host_delete.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    /**
     * error* wasmtime_component_resource_any_to_host(context, const resource_any_t*, resource_host_t **out):
     * out owned. Lifts the handle out of the store's table: an owned one is the caller's from then on.
     * Fails for a guest-defined resource.
     */
    private static final MethodHandle H_resource_any_to_host = fn("wasmtime_component_resource_any_to_host", P, P, P, P);
    public static MemorySegment wasmtime_component_resource_any_to_host(MemorySegment a0, MemorySegment a1, MemorySegment a2) {
        try { return (MemorySegment) H_resource_any_to_host.invokeExact(a0, a1, a2); } catch (Throwable t) { throw rethrow(t); }
    }
    /** error* wasmtime_component_resource_host_to_any(context, const resource_host_t*, resource_any_t **out): out owned. */
    private static final MethodHandle H_resource_host_to_any = fn("wasmtime_component_resource_host_to_any", P, P, P, P);
    public static MemorySegment wasmtime_component_resource_host_to_any(MemorySegment a0, MemorySegment a1, MemorySegment a2) {
        try { return (MemorySegment) H_resource_host_to_any.invokeExact(a0, a1, a2); } catch (Throwable t) { throw rethrow(t); }
    }
    /** error* wasmtime_component_resource_any_drop(context, const resource_any_t*): ends the logical resource (runs its destructor). */
    private static final MethodHandle H_resource_any_drop = fn("wasmtime_component_resource_any_drop", P, P, P);
    public static MemorySegment wasmtime_component_resource_any_drop(MemorySegment a0, MemorySegment a1) {
        try { return (MemorySegment) H_resource_any_drop.invokeExact(a0, a1); } catch (Throwable t) { throw rethrow(t); }
    }
    /** resource_any_t* wasmtime_component_resource_any_clone(const resource_any_t*): a second box for the same handle; caller deletes it. */
    private static final MethodHandle H_resource_any_clone = fn("wasmtime_component_resource_any_clone", P, P);
    public static MemorySegment wasmtime_component_resource_any_clone(MemorySegment a0) {
        try { return (MemorySegment) H_resource_any_clone.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    /** bool wasmtime_component_resource_any_owned(const resource_any_t*): own (true) or borrow. */
    private static final MethodHandle H_resource_any_owned = fn("wasmtime_component_resource_any_owned", BOOL, P);
    public static boolean wasmtime_component_resource_any_owned(MemorySegment a0) {
        try { return (boolean) H_resource_any_owned.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
    /** void wasmtime_component_resource_any_delete(resource_any_t*): frees the handle's memory only, no drop. */
    private static final MethodHandle H_resource_any_delete = fn("wasmtime_component_resource_any_delete", null, P);
    public static void wasmtime_component_resource_any_delete(MemorySegment a0) {
        try { H_resource_any_delete.invokeExact(a0); } catch (Throwable t) { throw rethrow(t); }
    }
}
