package dev.pulleykit.wasmtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pulleykit.wasmtime.WitType.Primitive;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The value model on its own: WAVE text, unsigned ranges, and the plain-Java conversions. */
class WitValueTest {

    @Test void printsWave() {
        Map<String, WitValue> fields = new LinkedHashMap<>();
        fields.put("a", WitValue.u32(7));
        fields.put("b", WitValue.string("x\"y\n"));
        fields.put("c", new WitValue.ListValue(List.of(new WitValue.U8(1), new WitValue.U8(2))));
        assertEquals("{a: 7, b: \"x\\\"y\\n\", c: [1, 2]}", new WitValue.RecordValue(fields).toString());
        assertEquals("some(\"x\")", WitValue.some(WitValue.string("x")).toString());
        assertEquals("none", WitValue.none().toString());
        assertEquals("ok(3)", WitValue.ok(WitValue.s32(3)).toString());
        assertEquals("err", new WitValue.ResultValue(false, null).toString());
        assertEquals("{read, exec}", new WitValue.FlagsValue(Set.of("read", "exec").stream().sorted((x, y) -> y.compareTo(x)).collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new))).toString());
        assertEquals("'€'", new WitValue.Char('€').toString());
        assertEquals("num(42)", new WitValue.VariantValue("num", WitValue.s32(42)).toString());
        assertEquals("(1, \"a\")", new WitValue.TupleValue(List.of(WitValue.s32(1), WitValue.string("a"))).toString());
        assertEquals("nan", new WitValue.F64(Double.NaN).toString());
        assertEquals("-inf", new WitValue.F32(Float.NEGATIVE_INFINITY).toString());
        assertEquals("-0", new WitValue.F64(-0.0).toString());
        assertEquals("1.5", new WitValue.F32(1.5f).toString());
        assertEquals("18446744073709551615", new WitValue.U64(-1L).toString());
    }

    @Test void unsignedValuesKeepTheirRange() {
        assertEquals(new BigInteger("18446744073709551615"), new WitValue.U64(-1L).toBigInteger());
        assertEquals(4_294_967_295L, new WitValue.U32(0xFFFF_FFFFL).value());
        assertThrows(IllegalArgumentException.class, () -> new WitValue.U32(-1));
        assertThrows(IllegalArgumentException.class, () -> new WitValue.U32(1L << 32));
        assertThrows(IllegalArgumentException.class, () -> new WitValue.U8(256));
        assertThrows(IllegalArgumentException.class, () -> new WitValue.Char(0xD800));
        assertEquals(new WitValue.U64(-1L),
            JavaValues.toWit(new BigInteger("18446744073709551615"), Primitive.U64, "x"));
        assertThrows(SignatureMismatchException.class, () -> JavaValues.toWit(-1, Primitive.U64, "x"));
        assertThrows(SignatureMismatchException.class, () -> JavaValues.toWit(300, Primitive.S8, "x"));
    }

    @Test void nanRoundTripsAsEqual() {
        assertEquals(new WitValue.F64(Double.NaN), new WitValue.F64(Double.NaN));
    }

    @Test void plainJavaConvertsByType() {
        var optString = new WitType.OptionType(Primitive.STRING);
        assertEquals(WitValue.none(), JavaValues.toWit(null, optString, "x"));
        assertEquals(WitValue.none(), JavaValues.toWit(Optional.empty(), optString, "x"));
        assertEquals(WitValue.some(WitValue.string("k")), JavaValues.toWit("k", optString, "x"));
        assertEquals(Optional.of("k"), JavaValues.toJava(WitValue.some(WitValue.string("k")), optString));
        var bytes = new WitType.ListType(Primitive.U8);
        WitValue list = JavaValues.toWit(new byte[] {1, (byte) 255}, bytes, "x");
        assertEquals("[1, 255]", list.toString());
        assertArrayEquals(new byte[] {1, (byte) 255}, (byte[]) JavaValues.toJava(list, bytes));
        var record = new WitType.RecordType(List.of(new WitType.Field("a", Primitive.U32), new WitType.Field("b", Primitive.STRING)));
        assertEquals("{a: 7, b: \"x\"}", JavaValues.toWit(Map.of("a", 7, "b", "x"), record, "r").toString());
        var missing = assertThrows(SignatureMismatchException.class, () -> JavaValues.toWit(Map.of("a", 7), record, "r"));
        assertEquals("r: field 'b' (string) is missing", missing.getMessage());
        assertEquals(new WitValue.EnumValue("read-only"), JavaValues.toWit(Mode.READ_ONLY, new WitType.EnumType(List.of("read-only")), "e"));
    }

    enum Mode { READ_ONLY }

    @Test void typesPrintAsWit() {
        var t = new FuncType(List.of(new FuncType.Param("name", new WitType.OptionType(Primitive.STRING))), Primitive.STRING);
        assertEquals("func(name: option<string>) -> string", t.toString());
        assertEquals("result<_, string>", new WitType.ResultType(null, Primitive.STRING).toString());
        assertEquals("tuple<u8, list<s64>>", new WitType.TupleType(List.of(Primitive.U8, new WitType.ListType(Primitive.S64))).toString());
    }
}
