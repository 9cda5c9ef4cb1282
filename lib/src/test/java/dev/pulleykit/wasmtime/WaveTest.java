package dev.pulleykit.wasmtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulleykit.wasmtime.WitType.Primitive;
import dev.pulleykit.wasmtime.WitValue.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** WAVE text read by type: every WIT kind, the spec's shorthand forms, errors, and round trips. */
class WaveTest {
    static final WitType.RecordType POINT = new WitType.RecordType(List.of(
        new WitType.Field("x", Primitive.S32), new WitType.Field("y", Primitive.S32),
        new WitType.Field("label", new WitType.OptionType(Primitive.STRING))));
    static final WitType.VariantType SHAPE = new WitType.VariantType(List.of(
        new WitType.Case("num", Primitive.S32), new WitType.Case("empty", null), new WitType.Case("none", Primitive.U8)));
    static final WitType.EnumType COLOR = new WitType.EnumType(List.of("red", "light-blue", "ok"));
    static final WitType.FlagsType PERMS = new WitType.FlagsType(List.of("read", "write", "exec"));

    private static void reads(String text, WitType type, WitValue expected) {
        assertEquals(expected, Wave.parse(text, type), text + " as " + type);
    }

    private static String error(String text, WitType type) {
        return assertThrows(SignatureMismatchException.class, () -> Wave.parse(text, type), text + " as " + type).getMessage();
    }

    @Test void boolsAndIntegers() {
        reads("true", Primitive.BOOL, new Bool(true));
        reads(" false ", Primitive.BOOL, new Bool(false));
        reads("-128", Primitive.S8, new S8((byte) -128));
        reads("255", Primitive.U8, new U8(255));
        reads("-32768", Primitive.S16, new S16((short) -32768));
        reads("65535", Primitive.U16, new U16(65535));
        reads("-2147483648", Primitive.S32, new S32(Integer.MIN_VALUE));
        reads("4294967295", Primitive.U32, new U32(0xFFFF_FFFFL));
        reads("-9223372036854775808", Primitive.S64, new S64(Long.MIN_VALUE));
        reads("18446744073709551615", Primitive.U64, new U64(-1L));
        reads("-0", Primitive.S32, new S32(0));
    }

    @Test void integersOutsideTheirRangeAreRefused() {
        assertTrue(error("300", Primitive.U8).startsWith("WAVE value: expected u8, found 300 (out of range 0..255), at column 1"));
        assertTrue(error("-1", Primitive.U64).contains("found -1 (unsigned, never negative: 0..18446744073709551615)"));
        assertTrue(error("-0", Primitive.U8).contains("unsigned, never negative"));
        assertTrue(error("18446744073709551616", Primitive.U64).contains("out of range 0..18446744073709551615"));
        assertTrue(error("128", Primitive.S8).contains("out of range -128..127"));
        assertTrue(error("1.5", Primitive.S32).contains("found 1.5 (not a whole number)"));
        assertTrue(error("1e3", Primitive.U32).contains("not a whole number"));
        assertTrue(error("007", Primitive.U32).contains("found 007"));
        assertTrue(error("0x10", Primitive.U32).contains("found 0x10"));
        assertTrue(error("\"5\"", Primitive.U32).contains("found \"5\""));
    }

    @Test void floats() {
        reads("1.5", Primitive.F32, new F32(1.5f));
        reads("6.022e+23", Primitive.F64, new F64(6.022e23));
        reads("-0", Primitive.F64, new F64(-0.0));
        reads("nan", Primitive.F64, new F64(Double.NaN));
        reads("inf", Primitive.F32, new F32(Float.POSITIVE_INFINITY));
        reads("-inf", Primitive.F64, new F64(Double.NEGATIVE_INFINITY));
        reads("0.1", Primitive.F32, new F32(0.1f));
        assertTrue(error("NaN", Primitive.F64).contains("found NaN"));
        assertTrue(error(".5", Primitive.F64).contains("expected f64, found ."));
        assertTrue(error("1.", Primitive.F64).contains("found 1."));
    }

    @Test void charsAndStrings() {
        reads("'x'", Primitive.CHAR, new Char('x'));
        reads("'€'", Primitive.CHAR, new Char('€'));
        reads("'\\n'", Primitive.CHAR, new Char('\n'));
        reads("'\\''", Primitive.CHAR, new Char('\''));
        reads("'\"'", Primitive.CHAR, new Char('"'));
        reads("'\\u{1F600}'", Primitive.CHAR, new Char(0x1F600));
        reads("'😀'", Primitive.CHAR, new Char(0x1F600));
        reads("\"\"", Primitive.STRING, new Str(""));
        reads("\"a\\\"b\\\\c\\nd\\te\\rf\\'g\\u{0}h\\u{10FFFF}\"", Primitive.STRING, new Str("a\"b\\c\nd\te\rf'g\0h\uDBFF\uDFFF"));
        reads("\"it's 😀\"", Primitive.STRING, new Str("it's 😀"));
        assertTrue(error("'ab'", Primitive.CHAR).contains("a char holds exactly one character"));
        assertTrue(error("''", Primitive.CHAR).contains("expected char"));
        assertTrue(error("'\\u{D800}'", Primitive.CHAR).contains("surrogates"));
        assertTrue(error("\"abc", Primitive.STRING).contains("an unclosed string"));
        assertTrue(error("\"a\\qb\"", Primitive.STRING).contains("found \\q"));
        assertTrue(error("\"a\nb\"", Primitive.STRING).contains("line break"));
        assertTrue(error("hello", Primitive.STRING).contains("strings are written in double quotes"));
    }

    @Test void multilineStringsDropTheClosingIndent() {
        reads("\"\"\"\n    Indentation determined\n      by ending delimiter\n  \"\"\"", Primitive.STRING,
            new Str("  Indentation determined\n    by ending delimiter"));
        reads("\"\"\"\nA single line\n\"\"\"", Primitive.STRING, new Str("A single line"));
        reads("\"\"\"\r\n  one\r\n\r\n  two \"\"\\\"\r\n  \"\"\"", Primitive.STRING, new Str("one\n\ntwo \"\"\""));
        assertTrue(error("\"\"\"x\n\"\"\"", Primitive.STRING).contains("starts a new line"));
        assertTrue(error("\"\"\"\n a\n  \"\"\"", Primitive.STRING).contains("indented at least as far"));
    }

    @Test void listsTuplesAndRecords() {
        reads("[1, 2, 3,]", new WitType.ListType(Primitive.U8), new ListValue(List.of(new U8(1), new U8(2), new U8(3))));
        reads("[ ]", new WitType.ListType(Primitive.STRING), new ListValue(List.of()));
        reads("(1, \"a\")", new WitType.TupleType(List.of(Primitive.U32, Primitive.STRING)),
            new TupleValue(List.of(new U32(1), new Str("a"))));
        WitValue point = record("x", new S32(7), "y", new S32(-1), "label", WitValue.none());
        reads("{x: 7, y: -1, label: none}", POINT, point);
        reads("{ y: -1 , x: 7 }", POINT, point);
        reads("{x: 7, y: -1, label: \"p\"}", POINT, record("x", new S32(7), "y", new S32(-1), "label", WitValue.some(new Str("p"))));
        var allOptional = new WitType.RecordType(List.of(new WitType.Field("a", new WitType.OptionType(Primitive.U8))));
        reads("{:}", allOptional, record("a", WitValue.none()));
        assertTrue(error("{}", allOptional).contains("written {:}"));
        assertTrue(error("{x: 7}", POINT).contains("found no field y (add y: <s32>)"));
        assertTrue(error("{x: 7, y: 1, z: 2}", POINT).contains("found field z (its fields are x, y, label)"));
        assertTrue(error("{x: 7, x: 1}", POINT).contains("field x twice"));
        assertTrue(error("(1)", new WitType.TupleType(List.of(Primitive.U32, Primitive.U32))).contains("has exactly 2 items"));
        assertTrue(error("[1, 2", new WitType.ListType(Primitive.U8)).contains("expected ',' or ']' in list<u8>, found end of input"));
    }

    @Test void variantsAndEnums() {
        reads("num(42)", SHAPE, new VariantValue("num", new S32(42)));
        reads("empty", SHAPE, new VariantValue("empty", null));
        reads("%none(3)", SHAPE, new VariantValue("none", new U8(3)));
        reads("%empty", SHAPE, new VariantValue("empty", null));
        reads("light-blue", COLOR, new EnumValue("light-blue"));
        reads("%ok", COLOR, new EnumValue("ok"));
        assertTrue(error("ok", COLOR).contains("is written %ok"));
        assertTrue(error("blue", COLOR).contains("found blue (the cases are red, light-blue, ok)"));
        assertTrue(error("num", SHAPE).contains("write num(<s32>)"));
        assertTrue(error("empty(1)", SHAPE).contains("empty carries no value"));
    }

    @Test void optionsTakeTheSpelledOutOrTheBareForm() {
        var optU8 = new WitType.OptionType(Primitive.U8);
        reads("some(7)", optU8, WitValue.some(new U8(7)));
        reads("7", optU8, WitValue.some(new U8(7)));
        reads("none", optU8, WitValue.none());
        var nested = new WitType.OptionType(optU8);
        reads("some(none)", nested, WitValue.some(WitValue.none()));
        reads("some(some(1))", nested, WitValue.some(WitValue.some(new U8(1))));
        reads("some(1)", nested, WitValue.some(WitValue.some(new U8(1))));
        assertTrue(error("1", nested).contains("write some(...) or none"));
        var optEnum = new WitType.OptionType(new WitType.EnumType(List.of("none", "all")));
        reads("none", optEnum, WitValue.none());
        reads("%none", optEnum, WitValue.some(new EnumValue("none")));
    }

    @Test void resultsAndFlags() {
        var full = new WitType.ResultType(Primitive.U32, Primitive.STRING);
        reads("ok(3)", full, WitValue.ok(new U32(3)));
        reads("3", full, WitValue.ok(new U32(3)));
        reads("err(\"x\")", full, WitValue.err(new Str("x")));
        reads("ok", new WitType.ResultType(null, Primitive.STRING), new ResultValue(true, null));
        reads("err", new WitType.ResultType(null, null), new ResultValue(false, null));
        assertTrue(error("ok(1)", new WitType.ResultType(null, null)).contains("ok carries no value"));
        assertTrue(error("err", full).contains("write err(<string>)"));
        reads("{read, exec}", PERMS, new FlagsValue(Set.of("read", "exec")));
        reads("{exec, read,}", PERMS, new FlagsValue(Set.of("read", "exec")));
        reads("{}", PERMS, new FlagsValue(Set.of()));
        assertEquals("{read, exec}", Wave.parse("{exec, read}", PERMS).toString(), "flags come back in declaration order");
        assertTrue(error("{read, fly}", PERMS).contains("found fly (the flags are read, write, exec)"));
        assertTrue(error("{read, read}", PERMS).contains("read twice"));
    }

    @Test void whitespaceAndCommentsAnywhereBetweenTokens() {
        var type = new WitType.ListType(POINT);
        reads(" [ // points\n {x:1,y:2} ,\n\t{ label : some( \"a\" ) , x : 3 , y : 4 } ] // done", type,
            new ListValue(List.of(record("x", new S32(1), "y", new S32(2), "label", WitValue.none()),
                record("x", new S32(3), "y", new S32(4), "label", WitValue.some(new Str("a"))))));
    }

    @Test void errorsSayWhereWhatAndWhy() {
        String m = error("[{x: 1, y: \"2\"}]", new WitType.ListType(POINT));
        assertTrue(m.startsWith("WAVE value: expected s32, found \"2\""), m);
        assertTrue(m.contains("at column 12 in value[0].y"), m);
        assertTrue(m.endsWith("\n  [{x: 1, y: \"2\"}]\n             ^"), m);
        assertTrue(error("1 2", Primitive.U8).contains("expected nothing more after the value (u8), found 2"));
        assertTrue(error("", Primitive.U8).contains("found end of input"));
    }

    @Test void callsSplitAtTopLevelCommas() {
        Wave.Call call = Wave.parseCall(" add( 1, [2, 3], {a: \"x, y)\"}, (1, 'c'), ',' ) ");
        assertEquals("add", call.name());
        assertEquals(List.of("1", "[2, 3]", "{a: \"x, y)\"}", "(1, 'c')", "','"),
            call.arguments().stream().map(Wave.Call.Argument::text).toList());
        assertEquals(6, call.arguments().get(0).offset());
        assertEquals(List.of(), Wave.parseCall("describe()").arguments());
        assertEquals(List.of("1"), Wave.parseCall("f(1,)").arguments().stream().map(Wave.Call.Argument::text).toList());
        assertTrue(assertThrows(SignatureMismatchException.class, () -> Wave.parseCall("run")).getMessage().contains("e.g. run(some(\"Kevin\"))"));
        assertTrue(assertThrows(SignatureMismatchException.class, () -> Wave.parseCall("f(1, [2)")).getMessage().contains("expected ']', found ')'"));
        assertTrue(assertThrows(SignatureMismatchException.class, () -> Wave.parseCall("f(1, [2]")).getMessage().contains("expected ')', found end of input"));
        assertTrue(assertThrows(SignatureMismatchException.class, () -> Wave.parseCall("f(1,,2)")).getMessage().contains("missing between two commas"));
        assertTrue(assertThrows(SignatureMismatchException.class, () -> Wave.parseCall("f(1) g(2)")).getMessage().contains("found 'g(2)'"));
    }

    @Test void callArgumentsAreReadByTheParameterTypes() {
        FuncType add = new FuncType(List.of(new FuncType.Param("a", Primitive.U8), new FuncType.Param("b", Primitive.U8),
            new FuncType.Param("c", new WitType.OptionType(Primitive.U8))), Primitive.U8);
        assertEquals(List.of(new U8(1), new U8(2), WitValue.none()), Wave.parseCall("add(1, 2)").values(add));
        assertEquals(List.of(new U8(1), new U8(2), WitValue.some(new U8(3))), Wave.parseCall("add(1, 2, 3)").values(add));
        String m = assertThrows(SignatureMismatchException.class, () -> Wave.parseCall("add(1, 300)").values(add)).getMessage();
        assertTrue(m.startsWith("argument 2 (b): expected u8, found 300 (out of range 0..255), at column 8"), m);
        assertTrue(m.endsWith("add(1, 300)\n         ^"), m);
        m = assertThrows(SignatureMismatchException.class, () -> Wave.parseCall("add(1)").values(add)).getMessage();
        assertTrue(m.contains("argument 2 (b: u8) is missing"), m);
        m = assertThrows(SignatureMismatchException.class, () -> Wave.parseCall("add(1, 2, 3, 4)").values(add)).getMessage();
        assertTrue(m.contains("expected 3 arguments, found 4"), m);
    }

    // ---- round trips: WitValue.toString() and Wave.parse are inverses ----------------------------

    @Test void edgeValuesRoundTrip() {
        roundTrip(new S8(Byte.MIN_VALUE), Primitive.S8);
        roundTrip(new S64(Long.MAX_VALUE), Primitive.S64);
        roundTrip(new U64(-1L), Primitive.U64);
        roundTrip(new U64(Long.MIN_VALUE), Primitive.U64);
        for (float f : new float[] {Float.NaN, -0.0f, 0f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MIN_NORMAL, 1e-10f, 16777216f, 0.1f, Float.NEGATIVE_INFINITY}) {
            roundTrip(new F32(f), Primitive.F32);
        }
        for (double d : new double[] {Double.NaN, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e15, 1e16, 9007199254740993.0, 0.1, Double.POSITIVE_INFINITY}) {
            roundTrip(new F64(d), Primitive.F64);
        }
        for (int cp : new int[] {0, '\'', '"', '\\', '\n', '\r', '\t', 0x7F, 0x85, 0xFEFF, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF}) {
            roundTrip(new Char(cp), Primitive.CHAR);
        }
        roundTrip(new Str(""), Primitive.STRING);
        roundTrip(new Str("\"'\\\n\r\t\0\u007F 😀 €"), Primitive.STRING);
        roundTrip(new ListValue(List.of()), new WitType.ListType(Primitive.U8));
        var nested = new WitType.OptionType(new WitType.OptionType(new WitType.OptionType(Primitive.BOOL)));
        roundTrip(WitValue.some(WitValue.some(WitValue.none())), nested);
        roundTrip(new VariantValue("none", new U8(0)), SHAPE);
        roundTrip(new EnumValue("ok"), COLOR);
        roundTrip(new FlagsValue(Set.of()), PERMS);
    }

    @Test void generatedValuesRoundTrip() {
        Random random = new Random(20250101);
        for (int i = 0; i < 3000; i++) {
            WitType type = randomType(random, 3);
            WitValue value = randomValue(random, type);
            roundTrip(value, type);
        }
    }

    private static void roundTrip(WitValue value, WitType type) {
        String text = value.toString();
        WitValue back = Wave.parse(text, type);
        assertEquals(value, back, () -> "round trip of " + text + " as " + type);
        assertEquals(text, back.toString());
    }

    static WitType randomType(Random r, int depth) {
        int kinds = depth == 0 ? 1 : 10;
        return switch (r.nextInt(kinds)) {
            case 0 -> Primitive.values()[r.nextInt(Primitive.values().length)];
            case 1 -> new WitType.ListType(randomType(r, depth - 1));
            case 2 -> {
                List<WitType.Field> fields = new ArrayList<>();
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n; i++) fields.add(new WitType.Field(randomLabel(r, i), randomType(r, depth - 1)));
                yield new WitType.RecordType(fields);
            }
            case 3 -> new WitType.TupleType(List.of(randomType(r, depth - 1), randomType(r, depth - 1)));
            case 4 -> {
                List<WitType.Case> cases = new ArrayList<>();
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n; i++) cases.add(new WitType.Case(randomLabel(r, i), r.nextBoolean() ? null : randomType(r, depth - 1)));
                yield new WitType.VariantType(cases);
            }
            case 5 -> new WitType.EnumType(List.of("red", "ok", "light-blue"));
            case 6, 7 -> new WitType.OptionType(randomType(r, depth - 1));
            case 8 -> new WitType.ResultType(r.nextBoolean() ? null : randomType(r, depth - 1), r.nextBoolean() ? null : randomType(r, depth - 1));
            default -> PERMS;
        };
    }

    /** Distinct labels by position, some of them WAVE keywords. */
    private static String randomLabel(Random r, int i) {
        String[] words = {"a", "none", "field-two", "ok", "HTTP3", "x9"};
        return words[r.nextInt(words.length)] + "-" + i;
    }

    static WitValue randomValue(Random r, WitType type) {
        return switch (type) {
            case Primitive p -> switch (p) {
                case BOOL -> new Bool(r.nextBoolean());
                case S8 -> new S8((byte) edgeOr(r, r.nextInt()));
                case U8 -> new U8(r.nextInt(256));
                case S16 -> new S16((short) edgeOr(r, r.nextInt()));
                case U16 -> new U16(r.nextInt(65536));
                case S32 -> new S32((int) edgeOr(r, r.nextInt()));
                case U32 -> new U32(edgeOr(r, r.nextLong()) & 0xFFFF_FFFFL);
                case S64 -> new S64(edgeOr(r, r.nextLong()));
                case U64 -> new U64(edgeOr(r, r.nextLong()));
                case F32 -> new F32(r.nextInt(8) == 0 ? new float[] {Float.NaN, -0f, Float.MAX_VALUE, Float.NEGATIVE_INFINITY}[r.nextInt(4)]
                    : Float.intBitsToFloat(r.nextInt()));
                case F64 -> new F64(r.nextInt(8) == 0 ? new double[] {Double.NaN, -0.0, Double.MIN_VALUE, Double.POSITIVE_INFINITY}[r.nextInt(4)]
                    : r.nextBoolean() ? Double.longBitsToDouble(r.nextLong()) : r.nextInt(2000) / 8.0);
                case CHAR -> new Char(randomCodePoint(r));
                case STRING -> {
                    StringBuilder b = new StringBuilder();
                    int n = r.nextInt(6);
                    for (int i = 0; i < n; i++) b.appendCodePoint(randomCodePoint(r));
                    yield new Str(b.toString());
                }
            };
            case WitType.ListType(WitType element) -> {
                List<WitValue> items = new ArrayList<>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) items.add(randomValue(r, element));
                yield new ListValue(items);
            }
            case WitType.RecordType(List<WitType.Field> fields) -> {
                Map<String, WitValue> m = new LinkedHashMap<>();
                for (WitType.Field f : fields) m.put(f.name(), randomValue(r, f.type()));
                yield new RecordValue(m);
            }
            case WitType.TupleType(List<WitType> types) -> new TupleValue(types.stream().map(t -> randomValue(r, t)).toList());
            case WitType.VariantType(List<WitType.Case> cases) -> {
                WitType.Case c = cases.get(r.nextInt(cases.size()));
                yield new VariantValue(c.name(), c.payload() == null ? null : randomValue(r, c.payload()));
            }
            case WitType.EnumType(List<String> names) -> new EnumValue(names.get(r.nextInt(names.size())));
            case WitType.OptionType(WitType inner) -> r.nextInt(3) == 0 ? WitValue.none() : WitValue.some(randomValue(r, inner));
            case WitType.ResultType(WitType ok, WitType err) -> {
                boolean isOk = r.nextBoolean();
                WitType t = isOk ? ok : err;
                yield new ResultValue(isOk, t == null ? null : randomValue(r, t));
            }
            case WitType.FlagsType(List<String> names) -> {
                Set<String> set = new LinkedHashSet<>();
                for (String n : names) if (r.nextBoolean()) set.add(n);
                yield new FlagsValue(set);
            }
            default -> throw new IllegalArgumentException(type.toString());
        };
    }

    private static long edgeOr(Random r, long v) {
        long[] edges = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE, 127, -128, 255};
        return r.nextInt(4) == 0 ? edges[r.nextInt(edges.length)] : v;
    }

    private static int randomCodePoint(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> "\"'\\\n\r\t\0{}(),:%".codePointAt(r.nextInt(14));
            case 1 -> 0x10000 + r.nextInt(0x10FFFF - 0x10000);
            case 2 -> 0x80 + r.nextInt(0xD800 - 0x80);
            default -> 0x20 + r.nextInt(0x5F);
        };
    }

    private static RecordValue record(Object... kv) {
        Map<String, WitValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (WitValue) kv[i + 1]);
        return new RecordValue(m);
    }
}
