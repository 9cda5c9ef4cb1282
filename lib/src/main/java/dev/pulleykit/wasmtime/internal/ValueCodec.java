package dev.pulleykit.wasmtime.internal;

import static dev.pulleykit.wasmtime.internal.Layouts.*;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.pulleykit.wasmtime.HostResource;
import dev.pulleykit.wasmtime.SignatureMismatchException;
import dev.pulleykit.wasmtime.WitType;
import dev.pulleykit.wasmtime.WitType.Primitive;
import dev.pulleykit.wasmtime.WitValue;
import dev.pulleykit.wasmtime.WitValue.*;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Java {@link WitValue}s to and from {@code wasmtime_component_val_t}.
 *
 * <p>Encoding writes into memory from a caller's arena: Wasmtime only reads arguments, so they
 * need not be Wasmtime-allocated. Each value is checked against the WIT type it must have, so
 * a mismatch is a Java exception naming the place, never undefined behaviour in the C API.
 * Decoding copies a Wasmtime-owned value into Java; the caller then deletes the native one.
 */
public final class ValueCodec {
    private ValueCodec() {}

    /** Encodes {@code value} (of type {@code type}) into the 32-byte slot {@code slot}. */
    public static void encode(CallScratch arena, MemorySegment slot, WitValue value, WitType type, String where) {
        if (value == null) throw mismatch(where, type, null);
        switch (type) {
            case Primitive p -> encodePrimitive(arena, slot, value, p, where);
            case WitType.ListType t -> {
                if (!(value instanceof ListValue(List<WitValue> elements))) throw mismatch(where, type, value);
                slot.set(JAVA_BYTE, VAL_KIND, LIST);
                MemorySegment items = allocVals(arena, elements.size());
                for (int i = 0; i < elements.size(); i++) {
                    MemorySegment item = items.asSlice(i * VAL.byteSize(), VAL.byteSize());
                    // A scalar that fits needs no "where[i]": that text is built only to name a mismatch.
                    if (!encodeScalar(item, elements.get(i), t.element())) {
                        encode(arena, item, elements.get(i), t.element(), where + "[" + i + "]");
                    }
                }
                writeVec(slot, elements.size(), items);
            }
            case WitType.RecordType t -> {
                if (!(value instanceof RecordValue(Map<String, WitValue> fields))) throw mismatch(where, type, value);
                if (fields.size() != t.fields().size()) { // a missing field is named below; look for an extra one
                    for (String name : fields.keySet()) {
                        if (t.fields().stream().noneMatch(f -> f.name().equals(name))) {
                            throw new SignatureMismatchException(where + ": the record has no field '" + name + "'; expected " + type);
                        }
                    }
                }
                slot.set(JAVA_BYTE, VAL_KIND, RECORD);
                MemorySegment entries = arena.allocate(RECORD_ENTRY.byteSize() * Math.max(1, t.fields().size()), 8);
                for (int i = 0; i < t.fields().size(); i++) {
                    WitType.Field f = t.fields().get(i);
                    WitValue fv = fields.get(f.name());
                    if (fv == null) throw new SignatureMismatchException(where + ": field '" + f.name() + "' (" + f.type() + ") is missing");
                    MemorySegment entry = entries.asSlice(i * RECORD_ENTRY.byteSize(), RECORD_ENTRY.byteSize());
                    NativeStrings.writeName(arena, entry, 0, f.name());
                    MemorySegment val = entry.asSlice(RECORD_ENTRY_VAL, VAL.byteSize());
                    if (!encodeScalar(val, fv, f.type())) encode(arena, val, fv, f.type(), where + "." + f.name());
                }
                writeVec(slot, t.fields().size(), entries);
            }
            case WitType.TupleType t -> {
                if (!(value instanceof TupleValue(List<WitValue> elements)) || elements.size() != t.types().size()) {
                    throw mismatch(where, type, value);
                }
                slot.set(JAVA_BYTE, VAL_KIND, TUPLE);
                MemorySegment items = allocVals(arena, elements.size());
                for (int i = 0; i < elements.size(); i++) {
                    encode(arena, items.asSlice(i * VAL.byteSize(), VAL.byteSize()), elements.get(i), t.types().get(i), where + "." + i);
                }
                writeVec(slot, elements.size(), items);
            }
            case WitType.VariantType t -> {
                if (!(value instanceof VariantValue(String caseName, WitValue payload))) throw mismatch(where, type, value);
                WitType.Case c = t.cases().stream().filter(k -> k.name().equals(caseName)).findFirst()
                    .orElseThrow(() -> new SignatureMismatchException(where + ": '" + caseName + "' is not a case of " + type));
                slot.set(JAVA_BYTE, VAL_KIND, VARIANT);
                NativeStrings.writeName(arena, slot, VAL_OF, caseName);
                slot.set(ADDRESS, VARIANT_VAL, encodeOptional(arena, payload, c.payload(), where + "(" + caseName + ")"));
            }
            case WitType.EnumType t -> {
                if (!(value instanceof EnumValue(String caseName)) || !t.names().contains(caseName)) throw mismatch(where, type, value);
                slot.set(JAVA_BYTE, VAL_KIND, ENUM);
                NativeStrings.writeName(arena, slot, VAL_OF, caseName);
            }
            case WitType.OptionType t -> {
                if (!(value instanceof OptionValue(WitValue inner))) throw mismatch(where, type, value);
                slot.set(JAVA_BYTE, VAL_KIND, OPTION);
                slot.set(ADDRESS, VAL_OF, inner == null ? MemorySegment.NULL : encodeBoxed(arena, inner, t.inner(), where + ".some"));
            }
            case WitType.ResultType t -> {
                if (!(value instanceof ResultValue(boolean isOk, WitValue payload))) throw mismatch(where, type, value);
                slot.set(JAVA_BYTE, VAL_KIND, RESULT);
                slot.set(JAVA_BOOLEAN, VAL_OF, isOk);
                slot.set(ADDRESS, VAL_OF_DATA, encodeOptional(arena, payload, isOk ? t.ok() : t.err(), where + (isOk ? ".ok" : ".err")));
            }
            case WitType.FlagsType t -> {
                if (!(value instanceof FlagsValue(Set<String> names))) throw mismatch(where, type, value);
                for (String n : names) {
                    if (!t.names().contains(n)) throw new SignatureMismatchException(where + ": '" + n + "' is not a flag of " + type);
                }
                slot.set(JAVA_BYTE, VAL_KIND, FLAGS);
                MemorySegment vecs = arena.allocate(VEC.byteSize() * Math.max(1, names.size()), 8);
                int i = 0;
                for (String n : names) NativeStrings.writeName(arena, vecs, (i++) * VEC.byteSize(), n);
                writeVec(slot, names.size(), vecs);
            }
            case WitType.HandleType t when value instanceof WitValue.GuestHandle g -> {
                if (t.resource() != null || (t.name() != null && !t.name().equals(g.resource().name()))) throw mismatch(where, type, value);
                if (t.own() && !g.own()) throw new SignatureMismatchException(where + ": expected " + type
                    + ", an owned handle, but " + g + " is borrowed; only the owner can give a resource away");
                slot.set(JAVA_BYTE, VAL_KIND, RESOURCE);
                slot.set(ADDRESS, VAL_OF, g.resource().lendTo(arena, t.own(), where));
            }
            case WitType.HandleType t -> {
                if (!(value instanceof Handle h)) throw mismatch(where, type, value);
                if (t.resource() != null && t.resource() != h.resource()) throw mismatch(where, type, value);
                if (t.resource() == null && t.name() != null && !t.name().equals(h.resource().name())) throw mismatch(where, type, value);
                if (t.own() && !h.own()) {
                    throw new SignatureMismatchException(where + ": expected " + type + ", an owned handle, but " + h
                        + " is borrowed; only the owner can give a resource away");
                }
                slot.set(JAVA_BYTE, VAL_KIND, RESOURCE);
                slot.set(ADDRESS, VAL_OF, toAny(arena, h, t.own(), where));
            }
            case WitType.Unsupported t -> throw new SignatureMismatchException(where + ": values of type " + t + " cannot be passed yet");
        }
    }

    /**
     * Writes {@code value} if {@code type} is a primitive other than string and the value is
     * of that kind; returns false, having written nothing, otherwise.
     */
    private static boolean encodeScalar(MemorySegment slot, WitValue value, WitType type) {
        if (!(type instanceof Primitive p) || p == Primitive.STRING || value == null) return false;
        switch (p) {
            case BOOL -> { if (value instanceof Bool(boolean v)) { kind(slot, BOOL); slot.set(JAVA_BOOLEAN, VAL_OF, v); return true; } }
            case S8 -> { if (value instanceof S8(byte v)) { kind(slot, S8); slot.set(JAVA_BYTE, VAL_OF, v); return true; } }
            case U8 -> { if (value instanceof U8(int v)) { kind(slot, U8); slot.set(JAVA_BYTE, VAL_OF, (byte) v); return true; } }
            case S16 -> { if (value instanceof S16(short v)) { kind(slot, S16); slot.set(JAVA_SHORT, VAL_OF, v); return true; } }
            case U16 -> { if (value instanceof U16(int v)) { kind(slot, U16); slot.set(JAVA_SHORT, VAL_OF, (short) v); return true; } }
            case S32 -> { if (value instanceof S32(int v)) { kind(slot, S32); slot.set(JAVA_INT, VAL_OF, v); return true; } }
            case U32 -> { if (value instanceof U32(long v)) { kind(slot, U32); slot.set(JAVA_INT, VAL_OF, (int) v); return true; } }
            case S64 -> { if (value instanceof S64(long v)) { kind(slot, S64); slot.set(JAVA_LONG, VAL_OF, v); return true; } }
            case U64 -> { if (value instanceof U64(long v)) { kind(slot, U64); slot.set(JAVA_LONG, VAL_OF, v); return true; } }
            case F32 -> { if (value instanceof F32(float v)) { kind(slot, F32); slot.set(JAVA_FLOAT, VAL_OF, v); return true; } }
            case F64 -> { if (value instanceof F64(double v)) { kind(slot, F64); slot.set(JAVA_DOUBLE, VAL_OF, v); return true; } }
            case CHAR -> { if (value instanceof Char(int v)) { kind(slot, CHAR); slot.set(JAVA_INT, VAL_OF, v); return true; } }
            case STRING -> { }
        }
        return false;
    }

    private static void encodePrimitive(CallScratch arena, MemorySegment slot, WitValue value, Primitive p, String where) {
        if (encodeScalar(slot, value, p)) return;
        if (p == Primitive.STRING && value instanceof Str(String s)) {
            MemorySegment utf8 = NativeStrings.utf8(arena, s);
            if (utf8 == null) {
                int bad = NativeStrings.firstUnpairedSurrogate(s);
                throw new SignatureMismatchException(String.format(
                    "%s: the string has an unpaired surrogate (U+%04X) at index %d, so it is not valid Unicode "
                        + "and has no UTF-8 form; WIT strings must be valid Unicode", where, (int) s.charAt(bad), bad));
            }
            kind(slot, STRING);
            NativeStrings.writeVec(slot, VAL_OF, utf8);
            return;
        }
        throw mismatch(where, p, value);
    }

    /**
     * A {@code resource_any_t*} for a host handle, put in the call's store (an owned one moves
     * there; the guest's drop later reaches the resource's destructor). The box is freed when
     * the call's scratch closes: Wasmtime copies the handle out of it.
     */
    private static MemorySegment toAny(CallScratch arena, Handle h, boolean own, String where) {
        MemorySegment host = WasmtimeC.wasmtime_component_resource_host_new(own, h.rep(), h.resource().typeId());
        try {
            MemorySegment out = arena.allocate(ADDRESS);
            String err = Errors.take(WasmtimeC.wasmtime_component_resource_host_to_any(arena.context(), host, out));
            if (err != null) throw new SignatureMismatchException(where + ": " + h + " cannot be handed to the guest: " + err);
            MemorySegment any = out.get(ADDRESS, 0);
            arena.deleteOnClose(any);
            if (own) arena.movedIn(h.resource(), h.rep());
            return any;
        } finally {
            WasmtimeC.wasmtime_component_resource_host_delete(host);
        }
    }

    private static void kind(MemorySegment slot, byte kind) { slot.set(JAVA_BYTE, VAL_KIND, kind); }

    private static void writeVec(MemorySegment slot, long size, MemorySegment data) {
        slot.set(JAVA_LONG, VAL_OF, size);
        slot.set(ADDRESS, VAL_OF_DATA, data);
    }

    private static MemorySegment allocVals(CallScratch arena, int n) {
        return arena.allocate(VAL.byteSize() * Math.max(1, n), VAL.byteAlignment());
    }

    private static MemorySegment encodeBoxed(CallScratch arena, WitValue value, WitType type, String where) {
        MemorySegment boxed = allocVals(arena, 1);
        encode(arena, boxed, value, type, where);
        return boxed;
    }

    /** A payload pointer for a variant case or result arm: NULL exactly when the type has none. */
    private static MemorySegment encodeOptional(CallScratch arena, WitValue payload, WitType payloadType, String where) {
        if (payloadType == null) {
            if (payload != null) throw new SignatureMismatchException(where + ": carries no payload, but one was given: " + payload);
            return MemorySegment.NULL;
        }
        if (payload == null) throw new SignatureMismatchException(where + ": needs a payload of type " + payloadType);
        return encodeBoxed(arena, payload, payloadType, where);
    }

    private static SignatureMismatchException mismatch(String where, WitType expected, WitValue got) {
        return new SignatureMismatchException(where + ": expected " + expected + ", got "
            + (got == null ? "nothing (null)" : got + " (" + describe(got) + ")"));
    }

    /** The WIT kind of a value, for error messages. */
    public static String describe(WitValue v) {
        return switch (v) {
            case Bool b -> "bool"; case S8 x -> "s8"; case U8 x -> "u8"; case S16 x -> "s16"; case U16 x -> "u16";
            case S32 x -> "s32"; case U32 x -> "u32"; case S64 x -> "s64"; case U64 x -> "u64";
            case F32 x -> "f32"; case F64 x -> "f64"; case Char x -> "char"; case Str x -> "string";
            case ListValue x -> "a list"; case RecordValue x -> "a record"; case TupleValue x -> "a tuple";
            case VariantValue x -> "a variant case"; case EnumValue x -> "an enum case"; case OptionValue x -> "an option";
            case ResultValue x -> "a result"; case FlagsValue x -> "flags";
            case Handle x -> "a handle to " + x.resource().name();
            case WitValue.GuestHandle x -> "a handle to the guest's " + x.resource().name();
        };
    }

    // ---- decoding ---------------------------------------------------------------------------

    /**
     * Copies the native value at {@code val} into Java. Does not free it. Resource handles are
     * lifted out of the store with {@code context}, as Wasmtime requires of every handle a
     * host receives.
     */
    public static WitValue decode(MemorySegment context, MemorySegment val) { return decode(context, val, null); }

    /**
     * Turns a guest-defined resource's {@code resource_any_t*} (still owned by the value being
     * read) into a Java value; the binding's {@code GuestResource}.
     */
    @FunctionalInterface
    public interface GuestHandles { WitValue adopt(MemorySegment any); }

    /**
     * {@link #decode(MemorySegment, MemorySegment)}, with handles to guest-defined resources
     * turned into Java values by {@code guests}; with null they are dropped and refused.
     */
    public static WitValue decode(MemorySegment context, MemorySegment val, GuestHandles guests) {
        byte kind = val.get(JAVA_BYTE, VAL_KIND);
        return switch (kind) {
            case BOOL -> new Bool(val.get(JAVA_BOOLEAN, VAL_OF));
            case S8 -> new S8(val.get(JAVA_BYTE, VAL_OF));
            case U8 -> WitValue.U8.of(Byte.toUnsignedInt(val.get(JAVA_BYTE, VAL_OF)));
            case S16 -> new S16(val.get(JAVA_SHORT, VAL_OF));
            case U16 -> new U16(Short.toUnsignedInt(val.get(JAVA_SHORT, VAL_OF)));
            case S32 -> new S32(val.get(JAVA_INT, VAL_OF));
            case U32 -> new U32(Integer.toUnsignedLong(val.get(JAVA_INT, VAL_OF)));
            case S64 -> new S64(val.get(JAVA_LONG, VAL_OF));
            case U64 -> new U64(val.get(JAVA_LONG, VAL_OF));
            case F32 -> new F32(val.get(JAVA_FLOAT, VAL_OF));
            case F64 -> new F64(val.get(JAVA_DOUBLE, VAL_OF));
            case CHAR -> new Char(val.get(JAVA_INT, VAL_OF));
            case STRING -> new Str(NativeStrings.readName(val, VAL_OF));
            case LIST -> new ListValue(decodeVals(context, val, guests));
            case TUPLE -> new TupleValue(decodeVals(context, val, guests));
            case RECORD -> {
                long n = val.get(JAVA_LONG, VAL_OF);
                MemorySegment entries = val.get(ADDRESS, VAL_OF_DATA).reinterpret(n * RECORD_ENTRY.byteSize());
                Map<String, WitValue> fields = new LinkedHashMap<>();
                for (long i = 0; i < n; i++) {
                    MemorySegment e = entries.asSlice(i * RECORD_ENTRY.byteSize(), RECORD_ENTRY.byteSize());
                    fields.put(NativeStrings.readName(e, 0), decode(context, e.asSlice(RECORD_ENTRY_VAL, VAL.byteSize()), guests));
                }
                yield new RecordValue(fields);
            }
            case VARIANT -> new VariantValue(NativeStrings.readName(val, VAL_OF), decodePointer(context, val.get(ADDRESS, VARIANT_VAL), guests));
            case ENUM -> new EnumValue(NativeStrings.readName(val, VAL_OF));
            case OPTION -> new OptionValue(decodePointer(context, val.get(ADDRESS, VAL_OF), guests));
            case RESULT -> new ResultValue(val.get(JAVA_BOOLEAN, VAL_OF), decodePointer(context, val.get(ADDRESS, VAL_OF_DATA), guests));
            case FLAGS -> {
                long n = val.get(JAVA_LONG, VAL_OF);
                MemorySegment names = val.get(ADDRESS, VAL_OF_DATA).reinterpret(n * VEC.byteSize());
                Set<String> set = new LinkedHashSet<>();
                for (long i = 0; i < n; i++) set.add(NativeStrings.readName(names, i * VEC.byteSize()));
                yield new FlagsValue(set);
            }
            case RESOURCE -> fromAny(context, val.get(ADDRESS, VAL_OF), guests);
            default -> throw new SignatureMismatchException("a result of value kind " + kind
                + " (map or newer) cannot be read into Java yet");
        };
    }

    /** A host handle from a {@code resource_any_t*}; a guest-defined resource is dropped and refused. */
    private static WitValue fromAny(MemorySegment context, MemorySegment any, GuestHandles guests) {
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            String err = Errors.take(WasmtimeC.wasmtime_component_resource_any_to_host(context, any, out));
            if (err != null && guests != null) return guests.adopt(any);
            if (err != null) {
                // Not ours: end it, or it stays in the store's table (Wasmtime traps on a leaked borrow).
                Errors.take(WasmtimeC.wasmtime_component_resource_any_drop(context, any));
                throw new SignatureMismatchException("a guest-defined resource reached a host function, and host functions take "
                    + "only host-defined resources (HostResource); Java holds guest resources that exports return: " + err);
            }
            MemorySegment host = out.get(ADDRESS, 0);
            try {
                int typeId = WasmtimeC.wasmtime_component_resource_host_type(host);
                HostResource<?> resource = ResourceTypes.byId(typeId);
                if (resource == null) throw new SignatureMismatchException("a handle of resource type #" + typeId + " reached the host, but no HostResource has that number");
                int rep = WasmtimeC.wasmtime_component_resource_host_rep(host);
                boolean owned = WasmtimeC.wasmtime_component_resource_host_owned(host);
                if (owned) ResourceTypes.movedOut(context, resource, rep);
                return new Handle(resource, rep, owned);
            } finally {
                WasmtimeC.wasmtime_component_resource_host_delete(host);
            }
        }
    }

    private static List<WitValue> decodeVals(MemorySegment context, MemorySegment val, GuestHandles guests) {
        long n = val.get(JAVA_LONG, VAL_OF);
        MemorySegment items = val.get(ADDRESS, VAL_OF_DATA).reinterpret(n * VAL.byteSize());
        List<WitValue> out = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) out.add(decode(context, items.asSlice(i * VAL.byteSize(), VAL.byteSize()), guests));
        return out;
    }

    private static WitValue decodePointer(MemorySegment context, MemorySegment p, GuestHandles guests) {
        return p.equals(MemorySegment.NULL) ? null : decode(context, p.reinterpret(VAL.byteSize()), guests);
    }
}
