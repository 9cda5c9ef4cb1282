package dev.pulleykit.wasmtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulleykit.wasmtime.WitValue.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every WIT value kind crosses into the types guest and comes back unchanged, edge values
 * included: the guest's echo exports return their argument, so any loss is the binding's.
 */
class ValueRoundTripTest {
    static Engine engine;
    static Component types;
    static Store store;
    static Instance instance;

    @BeforeAll static void load() {
        engine = new Engine(EngineConfig.DESKTOP);
        types = Component.deserialize(engine, CourseGuests.bytes("types.cwasm"));
        store = new Store(engine);
        try (Linker linker = new Linker(engine)) {
            instance = linker.instantiate(store, types);
        }
    }

    @AfterAll static void close() {
        store.close();
        types.close();
        engine.close();
    }

    private static Map<String, WitValue> fields(Object... kv) {
        Map<String, WitValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (WitValue) kv[i + 1]);
        return m;
    }

    static WitValue point(int x, int y, String label) {
        return new RecordValue(fields("x", WitValue.s32(x), "y", WitValue.s32(y), "label", WitValue.string(label)));
    }

    static Stream<Arguments> values() {
        List<Arguments> a = new ArrayList<>();
        a.add(Arguments.of("echo-bool", new Bool(true)));
        a.add(Arguments.of("echo-bool", new Bool(false)));
        for (byte b : new byte[] {Byte.MIN_VALUE, -1, 0, Byte.MAX_VALUE}) a.add(Arguments.of("echo-s8", new S8(b)));
        for (int u : new int[] {0, 1, 128, 255}) a.add(Arguments.of("echo-u8", new U8(u)));
        for (short v : new short[] {Short.MIN_VALUE, 0, Short.MAX_VALUE}) a.add(Arguments.of("echo-s16", new S16(v)));
        for (int u : new int[] {0, 0x8000, 0xFFFF}) a.add(Arguments.of("echo-u16", new U16(u)));
        for (int v : new int[] {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE}) a.add(Arguments.of("echo-s32", new S32(v)));
        for (long u : new long[] {0, 0x8000_0000L, 0xFFFF_FFFFL}) a.add(Arguments.of("echo-u32", new U32(u)));
        for (long v : new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}) a.add(Arguments.of("echo-s64", new S64(v)));
        for (long bits : new long[] {0, Long.MIN_VALUE, -1L}) a.add(Arguments.of("echo-u64", new U64(bits)));
        for (float f : new float[] {0f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, Float.NEGATIVE_INFINITY, 1.5f}) {
            a.add(Arguments.of("echo-f32", new F32(f)));
        }
        for (double d : new double[] {-0d, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Math.PI}) {
            a.add(Arguments.of("echo-f64", new F64(d)));
        }
        for (int cp : new int[] {0, 'a', 0x7F, 0x20AC, 0xD7FF, 0xE000, 0x1F600, 0x10FFFF}) a.add(Arguments.of("echo-char", new Char(cp)));
        for (String s : new String[] {"", "plain", "quote \" and \\ and \n", "€ ü 日本", "😀 outside the BMP", "nul\0inside", "x".repeat(100_000)}) {
            a.add(Arguments.of("echo-string", WitValue.string(s)));
        }
        a.add(Arguments.of("echo-bytes", new ListValue(List.of())));
        a.add(Arguments.of("echo-bytes", new ListValue(List.of(new U8(0), new U8(255), new U8(7)))));
        a.add(Arguments.of("echo-list-u32", new ListValue(Stream.iterate(0L, i -> i < 1000, i -> i + 1).map(i -> (WitValue) new U32(i * 4_294_967L)).toList())));
        a.add(Arguments.of("echo-strings", new ListValue(List.of(WitValue.string(""), WitValue.string("b"), WitValue.string("ç")))));
        a.add(Arguments.of("echo-point", point(-3, 4, "p")));
        a.add(Arguments.of("echo-sensor-reading", new RecordValue(fields("sensor-id", new U32(0xFFFF_FFFFL), "value", new F64(-273.15),
            "tags", new ListValue(List.of(WitValue.string("lab"), WitValue.string("cold"))), "location", WitValue.some(point(1, 2, "desk"))))));
        a.add(Arguments.of("echo-sensor-reading", new RecordValue(fields("sensor-id", new U32(0), "value", new F64(Double.NaN),
            "tags", new ListValue(List.of()), "location", WitValue.none()))));
        a.add(Arguments.of("echo-tuple", new TupleValue(List.of(new U8(255), WitValue.string("t"), new F32(-1.25f)))));
        a.add(Arguments.of("echo-shape", new VariantValue("circle", new F64(2.5))));
        a.add(Arguments.of("echo-shape", new VariantValue("rectangle", point(0, 0, "origin"))));
        a.add(Arguments.of("echo-shape", new VariantValue("empty", null)));
        for (String c : new String[] {"red", "green", "light-blue"}) a.add(Arguments.of("echo-color", new EnumValue(c)));
        a.add(Arguments.of("echo-permissions", new FlagsValue(Set.of())));
        a.add(Arguments.of("echo-permissions", new FlagsValue(new LinkedHashSet<>(List.of("read", "write", "exec")))));
        a.add(Arguments.of("echo-option-string", WitValue.none()));
        a.add(Arguments.of("echo-option-string", WitValue.some(WitValue.string(""))));
        a.add(Arguments.of("echo-option-option-u32", WitValue.none()));
        a.add(Arguments.of("echo-option-option-u32", WitValue.some(WitValue.none())));
        a.add(Arguments.of("echo-option-option-u32", WitValue.some(WitValue.some(new U32(7)))));
        a.add(Arguments.of("echo-result-u32-string", WitValue.ok(new U32(42))));
        a.add(Arguments.of("echo-result-u32-string", WitValue.err(WitValue.string("bad"))));
        a.add(Arguments.of("echo-result-unit-string", new ResultValue(true, null)));
        a.add(Arguments.of("echo-result-unit-string", WitValue.err(WitValue.string("e"))));
        a.add(Arguments.of("echo-result", new ResultValue(true, null)));
        a.add(Arguments.of("echo-result", new ResultValue(false, null)));
        a.add(Arguments.of("echo-record", new RecordValue(fields("a", new U32(1), "b", WitValue.string("x".repeat(4096)),
            "c", new ListValue(List.of(new U8(1), new U8(2)))))));
        return a.stream();
    }

    @ParameterizedTest(name = "{0} {1}") @MethodSource("values")
    void roundTrips(String export, WitValue value) {
        assertEquals(value, instance.func(export).callWit(value));
    }

    @Test void theGuestReallyReadsTheValues() {
        assertEquals(new java.math.BigInteger("8589934592"),
            instance.call("sum-u32", List.of(0xFFFF_FFFFL, 0xFFFF_FFFFL, 2L)));
        assertEquals(2, instance.call("count-flags", Set.of("read", "exec")));
        assertEquals(new ResultValue(true, WitValue.s32(3)), instance.call("divide", 7, 2));
        assertEquals(new ResultValue(false, WitValue.string("division by zero")), instance.call("divide", 7, 0));
        assertEquals(String.class, instance.call("describe-shape", new VariantValue("circle", new F64(1))).getClass());
    }

    @Test void aRecordWithAFieldTooManyIsRefusedByName() {
        Map<String, WitValue> fields = new java.util.LinkedHashMap<>(((WitValue.RecordValue) point(1, 2, "p")).fields());
        fields.put("z", new WitValue.S32(3));
        var e = assertThrows(SignatureMismatchException.class, () -> instance.func("echo-point").callWit(new WitValue.RecordValue(fields)));
        assertTrue(e.getMessage().contains("the record has no field 'z'"), e.getMessage());
        assertEquals(point(1, 2, "p"), instance.func("echo-point").callWit(point(1, 2, "p")), "the store is still usable");
    }

    @Test void signaturesPrintAsWit() {
        assertEquals("func(v: option<option<u32>>) -> option<option<u32>>", instance.func("echo-option-option-u32").type().toString());
        assertEquals("func(v: result<_, string>) -> result<_, string>", instance.func("echo-result-unit-string").type().toString());
        assertEquals("func(v: flags { read, write, exec }) -> flags { read, write, exec }", instance.func("echo-permissions").type().toString());
    }
}
