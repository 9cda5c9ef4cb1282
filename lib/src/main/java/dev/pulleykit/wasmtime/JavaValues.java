package dev.pulleykit.wasmtime;

import dev.pulleykit.wasmtime.WitType.Primitive;
import dev.pulleykit.wasmtime.WitValue.*;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
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
 * <tr><td>record</td><td>a Java record, or a Map of field name to value</td><td>Map (in field order)</td></tr>
 * <tr><td>option&lt;T&gt;</td><td>Optional, null (none), or a T (some)</td><td>Optional</td></tr>
 * <tr><td>enum</td><td>String or a Java enum constant</td><td>String</td></tr>
 * <tr><td>flags</td><td>a Collection of names or enum constants (an EnumSet)</td><td>Set of names</td></tr>
 * <tr><td>result</td><td>{@link Result}</td><td>the {@link WitValue}</td></tr>
 * <tr><td>variant</td><td>{@link WitValue} only</td><td>the {@link WitValue}</td></tr>
 * <tr><td>own&lt;R&gt;, borrow&lt;R&gt; of a {@link HostResource}</td><td>the Java object, or a
 *     {@link WitValue.Handle}</td><td>the Java object</td></tr>
 * <tr><td>own&lt;R&gt;, borrow&lt;R&gt; of a resource the guest exports</td><td>the {@link GuestResource},
 *     or a {@link WitValue.GuestHandle}</td><td>the {@link GuestResource}</td></tr>
 * </table>
 * Any {@link WitValue} is also accepted as is.
 *
 * <p>{@link #toJava(WitValue, WitType, Class)} reads into a Java type of your choice instead:
 * a record class for a WIT record (component {@code sensorId} for field {@code sensor-id}) or
 * a tuple (components by position), an enum for an enum ({@code LIGHT_BLUE} or {@code LightBlue}
 * for {@code light-blue}), {@code EnumSet<E>} or {@code Set<String>} for flags, {@code Optional<T>}
 * (or a nullable T) for an option, {@link Result} for a result, {@code List<T>} or an array for a
 * list, {@code byte[]} for {@code list<u8>}, and any integer or float type the value fits.
 * Generic element types come from the record components' declarations.
 */
public final class JavaValues {
    private JavaValues() {}

    public static WitValue toWit(Object v, WitType type, String where) {
        if (v instanceof WitValue w) return w;
        WitValue fast = fastScalar(v, type);
        if (fast != null) return fast;
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
                    for (byte b : bytes) out.add(U8.of(Byte.toUnsignedInt(b)));
                    return new ListValue(out);
                }
                List<?> items = asList(v);
                if (items != null) {
                    List<WitValue> out = new ArrayList<>(items.size());
                    for (int i = 0; i < items.size(); i++) {
                        WitValue fast = fastScalar(items.get(i), element);
                        out.add(fast != null ? fast : toWit(items.get(i), element, where + "[" + i + "]"));
                    }
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
                if (v instanceof Record r) return fromRecord(r, (WitType.RecordType) type, where);
                if (v instanceof Map<?, ?> m) {
                    Map<String, WitValue> out = new LinkedHashMap<>();
                    for (WitType.Field f : fields) {
                        if (!m.containsKey(f.name())) throw new SignatureMismatchException(where + ": field '" + f.name() + "' (" + f.type() + ") is missing");
                        WitValue fast = fastScalar(m.get(f.name()), f.type());
                        out.put(f.name(), fast != null ? fast : toWit(m.get(f.name()), f.type(), where + "." + f.name()));
                    }
                    if (m.size() != fields.size()) { // every field was found, so some key is not one
                        for (Object k : m.keySet()) {
                            if (!out.containsKey(k)) throw new SignatureMismatchException(where + ": the record has no field '" + k + "'; expected " + type);
                        }
                    }
                    return new RecordValue(out);
                }
            }
            case WitType.EnumType(List<String> names) -> {
                String name = v instanceof Enum<?> e ? kebab(e.name()) : v instanceof String s ? s : null;
                if (name != null && names.contains(name)) return new EnumValue(name);
                if (name != null) throw new SignatureMismatchException(where + ": " + type + " has no case '" + name + "'");
            }
            case WitType.FlagsType(List<String> names) -> {
                if (v instanceof Collection<?> c) {
                    Set<String> set = new LinkedHashSet<>();
                    for (Object o : c) {
                        String name = o instanceof Enum<?> e ? kebab(e.name()) : String.valueOf(o);
                        if (!names.contains(name)) throw new SignatureMismatchException(where + ": " + type + " has no flag '" + name + "'");
                        set.add(name);
                    }
                    return new FlagsValue(set);
                }
            }
            case WitType.ResultType(WitType ok, WitType err) -> {
                if (v instanceof Result<?, ?> r) {
                    boolean isOk = r.isOk();
                    Object payload = r instanceof Result.Ok<?, ?>(Object value) ? value : ((Result.Err<?, ?>) r).error();
                    WitType payloadType = isOk ? ok : err;
                    String tag = isOk ? "ok" : "err";
                    if (payloadType == null && payload != null) {
                        throw new SignatureMismatchException(where + ": " + type + " carries no " + tag + " value, but got " + payload + "; use Result." + tag + "(null)");
                    }
                    return new ResultValue(isOk, payloadType == null ? null : toWit(payload, payloadType, where + "." + tag));
                }
            }
            case WitType.HandleType t -> {
                if (v instanceof GuestResource g) return new WitValue.GuestHandle(g, t.own());
                if (t.resource() != null) return t.resource().handleFor(v, t.own());
                throw new SignatureMismatchException(where + ": " + type + " is not a resource this linker defines, so a plain "
                    + "object cannot stand for it; pass a WitValue.Handle, or define the resource with linker.defineResource");
            }
            default -> { }
        }
        throw mismatch(where, type, v);
    }

    /** A Java record as a WIT record: every WIT field from the component of the same (camelCase) name. */
    private static WitValue fromRecord(Record r, WitType.RecordType type, String where) {
        JavaShapes.RecordShape shape = JavaShapes.record(r.getClass());
        checkSameFields(shape, type, where);
        Map<String, WitValue> out = new LinkedHashMap<>();
        for (WitType.Field f : type.fields()) {
            Object component = shape.components().get(f.name()).read(r);
            WitValue fast = fastScalar(component, f.type());
            out.put(f.name(), fast != null ? fast : toWit(component, f.type(), where + "." + f.name()));
        }
        return new RecordValue(out);
    }

    private static void checkSameFields(JavaShapes.RecordShape shape, WitType.RecordType type, String where) {
        String java = shape.type().getSimpleName();
        for (WitType.Field f : type.fields()) {
            if (!shape.components().containsKey(f.name())) {
                throw new SignatureMismatchException(where + ": record " + java + " has no component for WIT field '" + f.name()
                    + "' (" + f.type() + "); add a component named " + camel(f.name()) + " (the WIT record is " + type + ")");
            }
        }
        for (var e : shape.components().entrySet()) {
            if (type.fields().stream().noneMatch(f -> f.name().equals(e.getKey()))) {
                throw new SignatureMismatchException(where + ": component " + java + "." + e.getValue().name() + " has no WIT field '"
                    + e.getKey() + "' to match; the WIT record is " + type);
            }
        }
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
            case Handle h -> h.resource().get(h);
            case WitValue.GuestHandle g -> g.resource();
        };
    }

    /**
     * The Java form of {@code v} as an instance of {@code target} (see the class comment): a
     * record class, an enum, {@link Result}, {@code byte[]}, a number type, String, or a plain
     * type such as {@code Optional}, {@code List} or {@code Map} as {@link #toJava(WitValue, WitType)} gives.
     */
    public static <T> T toJava(WitValue v, WitType type, Class<T> target) {
        Object out = typed(v, type, target, "result");
        @SuppressWarnings("unchecked")
        Class<T> boxed = (Class<T>) MethodType.methodType(target).wrap().returnType();
        return boxed.cast(out);
    }

    private static Object typed(WitValue v, WitType type, Type target, String where) {
        Class<?> raw = rawClass(target);
        if (raw == Object.class) return toJava(v, type);
        if (raw.isInstance(v)) return v;
        if (v instanceof OptionValue(WitValue inner) && type instanceof WitType.OptionType(WitType innerType)) {
            if (raw == Optional.class) {
                return inner == null ? Optional.empty() : Optional.of(typed(inner, innerType, typeArgument(target, 0), where));
            }
            if (inner != null) return typed(inner, innerType, target, where);
            if (raw.isPrimitive()) throw cannotRead(where, type, target, "none has no " + raw + " value; use Optional or a boxed type");
            return null;
        }
        switch (v) {
            case RecordValue(Map<String, WitValue> fields) when raw.isRecord() -> {
                JavaShapes.RecordShape shape = JavaShapes.record(raw);
                checkSameFields(shape, (WitType.RecordType) type, where);
                Object[] args = new Object[shape.components().size()];
                int i = 0;
                for (var e : shape.components().entrySet()) {
                    args[i++] = typed(fields.get(e.getKey()), fieldType(type, e.getKey()), e.getValue().genericType(), where + "." + e.getKey());
                }
                return shape.newInstance(args);
            }
            case TupleValue(List<WitValue> items) when raw.isRecord() -> {
                JavaShapes.RecordShape shape = JavaShapes.record(raw);
                List<WitType> types = ((WitType.TupleType) type).types();
                if (shape.components().size() != items.size()) {
                    throw cannotRead(where, type, target, "the record has " + shape.components().size() + " components and the tuple " + items.size() + " items");
                }
                Object[] args = new Object[items.size()];
                int i = 0;
                for (var c : shape.components().values()) {
                    args[i] = typed(items.get(i), types.get(i), c.genericType(), where + "." + i);
                    i++;
                }
                return shape.newInstance(args);
            }
            case RecordValue(Map<String, WitValue> fields) when raw.isAssignableFrom(Map.class) -> {
                Map<String, Object> out = new LinkedHashMap<>();
                fields.forEach((k, fv) -> out.put(k, typed(fv, fieldType(type, k), typeArgument(target, 1), where + "." + k)));
                return java.util.Collections.unmodifiableMap(out);
            }
            case EnumValue(String name) when raw.isEnum() -> {
                Enum<?> constant = JavaShapes.enumConstants(raw).get(name);
                if (constant == null) {
                    throw cannotRead(where, type, target, raw.getSimpleName() + " has no constant for case '" + name + "'; its constants read as "
                        + JavaShapes.enumConstants(raw).keySet());
                }
                return constant;
            }
            case FlagsValue(Set<String> names) when raw.isAssignableFrom(EnumSet.class) && rawClass(typeArgument(target, 0)).isEnum() -> {
                return enumSet(names, rawClass(typeArgument(target, 0)), type, target, where);
            }
            case ResultValue(boolean isOk, WitValue payload) when raw == Result.class -> {
                WitType.ResultType rt = (WitType.ResultType) type;
                if (isOk) return Result.ok(payload == null ? null : typed(payload, rt.ok(), typeArgument(target, 0), where + ".ok"));
                return Result.err(payload == null ? null : typed(payload, rt.err(), typeArgument(target, 1), where + ".err"));
            }
            case ListValue(List<WitValue> items) when raw.isArray() && raw != byte[].class -> {
                WitType element = ((WitType.ListType) type).element();
                Object array = Array.newInstance(raw.getComponentType(), items.size());
                for (int i = 0; i < items.size(); i++) Array.set(array, i, typed(items.get(i), element, raw.getComponentType(), where + "[" + i + "]"));
                return array;
            }
            case ListValue(List<WitValue> items) when raw.isAssignableFrom(List.class) -> {
                WitType element = ((WitType.ListType) type).element();
                List<Object> out = new ArrayList<>(items.size());
                for (int i = 0; i < items.size(); i++) out.add(typed(items.get(i), element, typeArgument(target, 0), where + "[" + i + "]"));
                return java.util.Collections.unmodifiableList(out);
            }
            default -> { }
        }
        return scalar(toJava(v, type), type, target, raw, where);
    }

    /** The plain value itself if it fits the target, or a number widened or narrowed exactly. */
    private static Object scalar(Object plain, WitType type, Type target, Class<?> raw, String where) {
        Class<?> boxed = MethodType.methodType(raw).wrap().returnType();
        if (boxed.isInstance(plain)) return plain;
        if (integral(plain)) {
            BigInteger n = big(plain);
            try {
                if (boxed == Byte.class) return n.byteValueExact();
                if (boxed == Short.class) return n.shortValueExact();
                if (boxed == Integer.class) return n.intValueExact();
                if (boxed == Long.class) return n.longValueExact();
                if (boxed == BigInteger.class || boxed == Number.class) return n;
            } catch (ArithmeticException e) {
                throw cannotRead(where, type, target, n + " does not fit");
            }
        }
        if (plain instanceof Float f && boxed == Double.class) return f.doubleValue();
        if (plain instanceof String s && type == Primitive.CHAR && boxed == Character.class) {
            if (s.length() == 1) return s.charAt(0);
            throw cannotRead(where, type, target, s + " is outside the Basic Multilingual Plane; read it as a String or int");
        }
        if (plain instanceof String s && type == Primitive.CHAR && boxed == Integer.class) return s.codePointAt(0);
        throw cannotRead(where, type, target, null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Set<?> enumSet(Set<String> names, Class<?> enumClass, WitType type, Type target, String where) {
        EnumSet set = EnumSet.noneOf((Class) enumClass);
        Map<String, Enum<?>> constants = JavaShapes.enumConstants(enumClass);
        for (String name : names) {
            Enum<?> constant = constants.get(name);
            if (constant == null) {
                throw cannotRead(where, type, target, enumClass.getSimpleName() + " has no constant for flag '" + name + "'");
            }
            set.add(constant);
        }
        return set;
    }

    private static Class<?> rawClass(Type t) {
        return switch (t) {
            case Class<?> c -> c;
            case ParameterizedType p -> (Class<?>) p.getRawType();
            case WildcardType w -> rawClass(w.getUpperBounds()[0]);
            case TypeVariable<?> v -> rawClass(v.getBounds()[0]);
            case GenericArrayType a -> Array.newInstance(rawClass(a.getGenericComponentType()), 0).getClass();
            default -> Object.class;
        };
    }

    /** The i-th type argument of a generic type ({@code List<Point>} gives Point), or Object for a raw one. */
    private static Type typeArgument(Type t, int i) {
        return t instanceof ParameterizedType p && p.getActualTypeArguments().length > i ? p.getActualTypeArguments()[i] : Object.class;
    }

    private static SignatureMismatchException cannotRead(String where, WitType type, Type target, String why) {
        return new SignatureMismatchException(where + ": a " + type + " value cannot be read as " + target.getTypeName()
            + (why == null ? "" : " (" + why + ")"));
    }

    private static WitType fieldType(WitType type, String field) {
        if (type instanceof WitType.RecordType(List<WitType.Field> fields)) {
            for (WitType.Field f : fields) if (f.name().equals(field)) return f.type();
        }
        return null;
    }

    /**
     * The common scalars, converted without the general path: no range arithmetic through
     * BigInteger, and no description of the value's place unless something is wrong. Null
     * when the value needs the general path (which also reports mismatches).
     */
    private static WitValue fastScalar(Object v, WitType type) {
        if (!(type instanceof Primitive p) || v == null) return null;
        return switch (p) {
            case BOOL -> v instanceof Boolean b ? new Bool(b) : null;
            case STRING -> v instanceof String s ? new Str(s) : null;
            case S32 -> v instanceof Integer i ? new S32(i) : null;
            case S64 -> v instanceof Long l ? new S64(l) : v instanceof Integer i ? new S64(i) : null;
            case U8 -> v instanceof Integer i && (i & ~0xFF) == 0 ? U8.of(i) : null;
            case U16 -> v instanceof Integer i && (i & ~0xFFFF) == 0 ? new U16(i) : null;
            case U32 -> v instanceof Integer i && i >= 0 ? new U32(i) : v instanceof Long l && (l >>> 32) == 0 ? new U32(l) : null;
            case F32 -> v instanceof Float f ? new F32(f) : null;
            case F64 -> v instanceof Double d ? new F64(d) : null;
            default -> null;
        };
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

    private static String kebab(String javaName) { return JavaShapes.kebab(javaName); }

    /** WIT's sensor-id as Java's sensorId. */
    private static String camel(String witName) {
        StringBuilder b = new StringBuilder();
        for (String word : witName.split("-")) {
            b.append(b.isEmpty() ? word.toLowerCase(java.util.Locale.ROOT)
                : Character.toUpperCase(word.charAt(0)) + word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return b.toString();
    }

    private static SignatureMismatchException mismatch(String where, WitType type, Object v) {
        String got = v == null ? "null" : v instanceof String s ? "\"" + s + "\" (a String)" : v + " (" + article(v.getClass().getSimpleName()) + ")";
        return new SignatureMismatchException(where + ": expected " + type + ", got " + got);
    }

    /** "a Long", "an Integer". */
    private static String article(String noun) {
        return ("AEIOU".indexOf(Character.toUpperCase(noun.isEmpty() ? 'x' : noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }
}
