package dev.pulleykit.wasmtime;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A value that crosses a component's boundary: one record type per WIT kind.
 *
 * <p>Unsigned integers are held in a wider Java type so they never change sign: {@code u8}
 * and {@code u16} in an int, {@code u32} in a long, {@code u64} in a long read as unsigned
 * ({@link U64#toBigInteger()}). A {@code char} is a Unicode scalar value (a code point).
 *
 * <p>{@link #toString()} prints WAVE, the value syntax of {@code wasmtime run --invoke}:
 * {@code "hi"}, {@code some(7)}, {@code [1, 2]}, {@code {a: 1, b: "x"}}, {@code ok("done")}.
 */
public sealed interface WitValue {

    record Bool(boolean value) implements WitValue {
        @Override public String toString() { return Boolean.toString(value); }
    }

    record S8(byte value) implements WitValue {
        @Override public String toString() { return Byte.toString(value); }
    }

    record U8(int value) implements WitValue {
        public U8 { checkRange("u8", value, 0, 0xFF); }
        /** The u8 {@code value}, shared: byte lists make many. */
        public static U8 of(int value) {
            if ((value & ~0xFF) != 0) return new U8(value); // the constructor says what is wrong
            return SHARED[value];
        }
        private static final U8[] SHARED = new U8[256];
        static { for (int i = 0; i < 256; i++) SHARED[i] = new U8(i); }
        @Override public String toString() { return Integer.toString(value); }
    }

    record S16(short value) implements WitValue {
        @Override public String toString() { return Short.toString(value); }
    }

    record U16(int value) implements WitValue {
        public U16 { checkRange("u16", value, 0, 0xFFFF); }
        @Override public String toString() { return Integer.toString(value); }
    }

    record S32(int value) implements WitValue {
        @Override public String toString() { return Integer.toString(value); }
    }

    record U32(long value) implements WitValue {
        public U32 { checkRange("u32", value, 0, 0xFFFF_FFFFL); }
        @Override public String toString() { return Long.toString(value); }
    }

    record S64(long value) implements WitValue {
        @Override public String toString() { return Long.toString(value); }
    }

    /** A u64: {@code bits} is the value's two's-complement pattern; read it as unsigned. */
    record U64(long bits) implements WitValue {
        public BigInteger toBigInteger() { return new BigInteger(Long.toUnsignedString(bits)); }
        @Override public String toString() { return Long.toUnsignedString(bits); }
    }

    record F32(float value) implements WitValue {
        // Records compare floats bit by bit, so NaN equals NaN here, as a round trip needs.
        @Override public String toString() { return waveFloat(value, Float.toString(value)); }
    }

    record F64(double value) implements WitValue {
        @Override public String toString() { return waveFloat(value, Double.toString(value)); }
    }

    /** A Unicode scalar value: any code point except the surrogates U+D800..U+DFFF. */
    record Char(int codePoint) implements WitValue {
        public Char {
            if (!Character.isValidCodePoint(codePoint) || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                throw new IllegalArgumentException(String.format(
                    "U+%04X is not a Unicode scalar value, so it cannot be a WIT char", codePoint));
            }
        }
        @Override public String toString() { return "'" + escape(Character.toString(codePoint), '\'') + "'"; }
    }

    record Str(String value) implements WitValue {
        public Str { Objects.requireNonNull(value, "a WIT string cannot be null; use option<string> for 'maybe'"); }
        @Override public String toString() { return "\"" + escape(value, '"') + "\""; }
    }

    record ListValue(List<WitValue> elements) implements WitValue {
        public ListValue { elements = List.copyOf(elements); }
        @Override public String toString() { return "[" + join(elements) + "]"; }
    }

    /** A record's fields in declaration order, by their WIT (kebab-case) names. */
    record RecordValue(Map<String, WitValue> fields) implements WitValue {
        public RecordValue { fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields)); }
        @Override public String toString() {
            if (fields.isEmpty()) return "{:}";  // "{}" would read as empty flags
            return fields.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
        }
    }

    record TupleValue(List<WitValue> elements) implements WitValue {
        public TupleValue { elements = List.copyOf(elements); }
        @Override public String toString() { return "(" + join(elements) + ")"; }
    }

    /** A variant case; {@code payload} is null for a case that carries none. */
    record VariantValue(String caseName, WitValue payload) implements WitValue {
        @Override public String toString() {
            String label = caseLabel(caseName);
            return payload == null ? label : label + "(" + payload + ")";
        }
    }

    record EnumValue(String caseName) implements WitValue {
        @Override public String toString() { return caseLabel(caseName); }
    }

    /** An option: {@code value} is null for {@code none}. */
    record OptionValue(WitValue value) implements WitValue {
        public boolean isSome() { return value != null; }
        @Override public String toString() { return value == null ? "none" : "some(" + value + ")"; }
    }

    /** A result: {@code ok} or {@code err}, each with an optional payload (null when absent). */
    record ResultValue(boolean isOk, WitValue payload) implements WitValue {
        @Override public String toString() {
            String tag = isOk ? "ok" : "err";
            return payload == null ? tag : tag + "(" + payload + ")";
        }
    }

    /** The set flags, by name. */
    record FlagsValue(Set<String> names) implements WitValue {
        public FlagsValue { names = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(names)); }
        @Override public String toString() { return "{" + String.join(", ", names) + "}"; }
    }

    /**
     * A handle to an object of a host-defined resource: which resource, the object's number in
     * that resource's table, and whether the handle owns the object or borrows it. WAVE has no
     * syntax for handles; they print as {@code own<output-pin>(1)} or {@code borrow<output-pin>(1)}.
     * The object itself is {@code resource.get(handle)}.
     */
    record Handle(HostResource<?> resource, int rep, boolean own) implements WitValue {
        public Handle { Objects.requireNonNull(resource, "resource"); }
        /** A borrowed handle to the same object. */
        public Handle borrow() { return own ? new Handle(resource, rep, false) : this; }
        @Override public String toString() { return (own ? "own<" : "borrow<") + resource.name() + ">(" + rep + ")"; }
    }

    /**
     * A handle to a resource the guest defines ({@link GuestResource}); {@code own} when it is
     * given to the guest, a borrow when it is lent for one call.
     */
    record GuestHandle(GuestResource resource, boolean own) implements WitValue {
        public GuestHandle { Objects.requireNonNull(resource, "resource"); }
        /** A borrowed handle to the same object. */
        public GuestHandle borrow() { return own ? new GuestHandle(resource, false) : this; }
        @Override public String toString() { return (own ? "own<" : "borrow<") + resource.name() + ">(guest)"; }
    }

    // ---- short factories, for readable calls: WitValue.some(WitValue.string("Kevin")) ----

    static Str string(String s) { return new Str(s); }
    static Bool bool(boolean b) { return new Bool(b); }
    static S32 s32(int v) { return new S32(v); }
    static U32 u32(long v) { return new U32(v); }
    static S64 s64(long v) { return new S64(v); }
    static OptionValue some(WitValue v) { return new OptionValue(Objects.requireNonNull(v)); }
    static OptionValue none() { return new OptionValue(null); }
    static ResultValue ok(WitValue v) { return new ResultValue(true, v); }
    static ResultValue err(WitValue v) { return new ResultValue(false, v); }

    // ---- helpers for the WAVE text ------------------------------------------------------

    private static void checkRange(String type, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " is out of range for " + type + " (" + min + ".." + max + ")");
        }
    }

    /** A case named like a WAVE keyword ({@code none}, {@code ok}, ...) is written with a {@code %}. */
    private static String caseLabel(String name) { return WaveReader.isKeyword(name) ? "%" + name : name; }

    private static String join(List<WitValue> values) {
        return values.stream().map(WitValue::toString).collect(Collectors.joining(", "));
    }

    /** WAVE spells floats as numbers, {@code nan}, {@code inf} and {@code -inf}; Java's shortest form otherwise. */
    private static String waveFloat(double d, String javaText) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return 1 / d < 0 ? "-0" : "0";
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return javaText.replace("E", "e");
    }

    private static String escape(String s, char quote) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (cp == quote) b.append('\\').appendCodePoint(cp);
                    else if (cp < 0x20 || cp == 0x7F) b.append(String.format("\\u{%x}", cp));
                    else b.appendCodePoint(cp);
                }
            }
        });
        return b.toString();
    }
}
