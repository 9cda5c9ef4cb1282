package dev.pulleykit.wasmtime;

import dev.pulleykit.wasmtime.WitType.Primitive;
import dev.pulleykit.wasmtime.WitValue.*;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plain Java values to and from {@link WitValue}s, guided by the WIT type:
 *
 * <table>
 * <tr><th>WIT</th><th>Java in</th><th>Java out</th></tr>
 * <tr><td>bool</td><td>Boolean</td><td>Boolean</td></tr>
 * <tr><td>s8, s16, s32, s64</td><td>any integral Number in range</td><td>Byte, Short, Integer, Long</td></tr>
 * <tr><td>u8, u16, u32, u64</td><td>any integral Number in range</td><td>Integer, Integer, Long, BigInteger</td></tr>
 * <tr><td>f32, f64</td><td>Number</td><td>Float, Double</td></tr>
 * <tr><td>char</td><td>Character, a one-code-point String, or an Integer code point</td><td>String</td></tr>
 * <tr><td>string</td><td>CharSequence</td><td>String</td></tr>
 * <tr><td>list&lt;u8&gt;</td><td>byte[] or a List</td><td>byte[]</td></tr>
 * <tr><td>list&lt;T&gt;, tuple</td><td>List or array</td><td>List</td></tr>
 * <tr><td>record</td><td>Map of field name to value</td><td>Map (in field order)</td></tr>
 * <tr><td>option&lt;T&gt;</td><td>Optional, null (none), or a T (some)</td><td>Optional</td></tr>
 * <tr><td>enum</td><td>String or a Java enum constant</td><td>String</td></tr>
 * <tr><td>flags</td><td>a Collection of names</td><td>Set of names</td></tr>
 * <tr><td>variant, result</td><td>{@link WitValue} only</td><td>the {@link WitValue}</td></tr>
 * </table>
 * Any {@link WitValue} is also accepted as is.
 */
public final class JavaValues {
    private JavaValues() {}

    public static WitValue toWit(Object v, WitType type, String where) {
        if (v instanceof WitValue w) return w;
        try {
            return convert(v, type, where);
        } catch (ArithmeticException | IllegalArgumentException e) {
            if (e instanceof SignatureMismatchException s) throw s;
            throw new SignatureMismatchException(where + ": " + e.getMessage() + " (expected " + type + ")");
        }
    }

    private static WitValue convert(Object v, WitType type, String where) {
        if (type instanceof WitType.OptionType(WitType inner)) {
            if (v == null) return WitValue.none();
            if (v instanceof Optional<?> o) return new OptionValue(o.isEmpty() ? null : toWit(o.get(), inner, where));
            return new OptionValue(toWit(v, inner, where));
        }
        if (v == null) throw mismatch(where, type, null);
        switch (type) {
            case Primitive p -> {
                switch (p) {
                    case BOOL -> { if (v instanceof Boolean b) return new Bool(b); }
                    case S8 -> { if (integral(v)) return new S8(big(v).byteValueExact()); }
                    case S16 -> { if (integral(v)) return new S16(big(v).shortValueExact()); }
                    case S32 -> { if (integral(v)) return new S32(big(v).intValueExact()); }
                    case S64 -> { if (integral(v)) return new S64(big(v).longValueExact()); }
                    case U8 -> { if (integral(v)) return new U8(big(v).intValueExact()); }
                    case U16 -> { if (integral(v)) return new U16(big(v).intValueExact()); }
                    case U32 -> { if (integral(v)) return new U32(big(v).longValueExact()); }
                    case U64 -> {
                        if (integral(v)) {
                            BigInteger b = big(v);
                            if (b.signum() < 0 || b.bitLength() > 64) throw new IllegalArgumentException(b + " is out of range for u64");
                            return new U64(b.longValue());
                        }
                    }
                    case F32 -> { if (v instanceof Number n) return new F32(n.floatValue()); }
                    case F64 -> { if (v instanceof Number n) return new F64(n.doubleValue()); }
                    case CHAR -> {
                        if (v instanceof Character c) return new Char(c);
                        if (v instanceof Integer cp) return new Char(cp);
                        if (v instanceof String s && s.codePointCount(0, s.length()) == 1) return new Char(s.codePointAt(0));
                    }
                    case STRING -> { if (v instanceof CharSequence s) return new Str(s.toString()); }
                }
            }
            case WitType.ListType(WitType element) -> {
                if (v instanceof byte[] bytes && element == Primitive.U8) {
                    List<WitValue> out = new ArrayList<>(bytes.length);
                    for (byte b : bytes) out.add(new U8(Byte.toUnsignedInt(b)));
                    return new ListValue(out);
                }
                List<?> items = asList(v);
                if (items != null) {
                    List<WitValue> out = new ArrayList<>(items.size());
                    for (int i = 0; i < items.size(); i++) out.add(toWit(items.get(i), element, where + "[" + i + "]"));
                    return new ListValue(out);
                }
            }
            case WitType.TupleType(List<WitType> types) -> {
                List<?> items = asList(v);
                if (items != null && items.size() == types.size()) {
                    List<WitValue> out = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) out.add(toWit(items.get(i), types.get(i), where + "." + i));
                    return new TupleValue(out);
                }
            }
            case WitType.RecordType(List<WitType.Field> fields) -> {
                if (v instanceof Map<?, ?> m) {
                    Map<String, WitValue> out = new LinkedHashMap<>();
                    for (WitType.Field f : fields) {
                        if (!m.containsKey(f.name())) throw new SignatureMismatchException(where + ": field '" + f.name() + "' (" + f.type() + ") is missing");
                        out.put(f.name(), toWit(m.get(f.name()), f.type(), where + "." + f.name()));
                    }
                    for (Object k : m.keySet()) {
                        if (fields.stream().noneMatch(f -> f.name().equals(k))) throw new SignatureMismatchException(where + ": the record has no field '" + k + "'; expected " + type);
                    }
                    return new RecordValue(out);
                }
            }
            case WitType.EnumType(List<String> names) -> {
                String name = v instanceof Enum<?> e ? kebab(e.name()) : v instanceof String s ? s : null;
                if (name != null && names.contains(name)) return new EnumValue(name);
            }
            case WitType.FlagsType(List<String> names) -> {
                if (v instanceof Collection<?> c) {
                    Set<String> set = new LinkedHashSet<>();
                    for (Object o : c) set.add(o instanceof Enum<?> e ? kebab(e.name()) : String.valueOf(o));
                    return new FlagsValue(set);
                }
            }
            default -> { }
        }
        throw mismatch(where, type, v);
    }

    /** The plain Java form of a value of type {@code type} (see the class table). */
    public static Object toJava(WitValue v, WitType type) {
        return switch (v) {
            case Bool(boolean b) -> b;
            case S8(byte b) -> b;
            case U8(int i) -> i;
            case S16(short s) -> s;
            case U16(int i) -> i;
            case S32(int i) -> i;
            case U32(long l) -> l;
            case S64(long l) -> l;
            case U64 u -> u.toBigInteger();
            case F32(float f) -> f;
            case F64(double d) -> d;
            case Char(int cp) -> Character.toString(cp);
            case Str(String s) -> s;
            case ListValue(List<WitValue> items) -> {
                WitType element = type instanceof WitType.ListType(WitType e) ? e : null;
                if (element == Primitive.U8) {
                    byte[] bytes = new byte[items.size()];
                    for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) ((U8) items.get(i)).value();
                    yield bytes;
                }
                yield items.stream().map(i -> toJava(i, element)).toList();
            }
            case TupleValue(List<WitValue> items) -> {
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    out.add(toJava(items.get(i), type instanceof WitType.TupleType(List<WitType> ts) ? ts.get(i) : null));
                }
                yield java.util.Collections.unmodifiableList(out);
            }
            case RecordValue(Map<String, WitValue> fields) -> {
                Map<String, Object> out = new LinkedHashMap<>();
                fields.forEach((k, fv) -> out.put(k, toJava(fv, fieldType(type, k))));
                yield java.util.Collections.unmodifiableMap(out);
            }
            case OptionValue(WitValue inner) -> inner == null ? Optional.empty()
                : Optional.of(toJava(inner, type instanceof WitType.OptionType(WitType t) ? t : null));
            case EnumValue(String name) -> name;
            case FlagsValue(Set<String> names) -> names;
            case VariantValue x -> x;
            case ResultValue x -> x;
        };
    }

    /** The Java form of {@code v} as an instance of {@code target}. */
    public static <T> T toJava(WitValue v, WitType type, Class<T> target) {
        Object plain = toJava(v, type);
        if (target.isInstance(plain)) return target.cast(plain);
        throw new SignatureMismatchException("a " + type + " value cannot be read as " + target.getName());
    }

    private static WitType fieldType(WitType type, String field) {
        if (type instanceof WitType.RecordType(List<WitType.Field> fields)) {
            for (WitType.Field f : fields) if (f.name().equals(field)) return f.type();
        }
        return null;
    }

    private static boolean integral(Object v) {
        return v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long || v instanceof BigInteger;
    }

    private static BigInteger big(Object v) {
        return v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue());
    }

    private static List<?> asList(Object v) {
        if (v instanceof List<?> l) return l;
        if (v instanceof Object[] a) return List.of(a);
        return null;
    }

    /** Java's SOME_NAME or SomeName to WIT's some-name. */
    static String kebab(String javaName) {
        if (javaName.equals(javaName.toUpperCase(java.util.Locale.ROOT))) return javaName.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static SignatureMismatchException mismatch(String where, WitType type, Object v) {
        String got = v == null ? "null" : v instanceof String s ? "\"" + s + "\" (a String)" : v + " (a " + v.getClass().getSimpleName() + ")";
        return new SignatureMismatchException(where + ": expected " + type + ", got " + got);
    }
}
