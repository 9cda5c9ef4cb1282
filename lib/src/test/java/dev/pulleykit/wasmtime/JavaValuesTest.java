package dev.pulleykit.wasmtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulleykit.wasmtime.WitType.Primitive;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Java records, enums, sets, optionals and results to and from WIT values, with hand-built WIT types. */
class JavaValuesTest {
    enum Color { RED, LIGHT_BLUE }
    enum Shade { Dark, LightBlue }
    enum Perm { READ, WRITE, EXEC }

    record Point(int x, int y) {}
    record Reading(long sensorId, Optional<String> label, List<Point> points, Color color, EnumSet<Perm> perms,
                   Result<Integer, String> status, List<Optional<Integer>> samples) {}
    record Blob(byte[] data, String note) {}
    record Pair(long first, String second) {}
    record Lacking(long sensorId) {}

    static final WitType.RecordType POINT = new WitType.RecordType(List.of(
        new WitType.Field("x", Primitive.S32), new WitType.Field("y", Primitive.S32)));
    static final WitType.EnumType COLOR = new WitType.EnumType(List.of("red", "light-blue"));
    static final WitType.FlagsType PERMS = new WitType.FlagsType(List.of("read", "write", "exec"));
    static final WitType.RecordType READING = new WitType.RecordType(List.of(
        new WitType.Field("sensor-id", Primitive.U32),
        new WitType.Field("label", new WitType.OptionType(Primitive.STRING)),
        new WitType.Field("points", new WitType.ListType(POINT)),
        new WitType.Field("color", COLOR),
        new WitType.Field("perms", PERMS),
        new WitType.Field("status", new WitType.ResultType(Primitive.U8, Primitive.STRING)),
        new WitType.Field("samples", new WitType.ListType(new WitType.OptionType(Primitive.S16)))));

    @Test void recordsRoundTripWithNestedGenericTypes() {
        Reading reading = new Reading(4_000_000_000L, Optional.of("kitchen"), List.of(new Point(1, 2), new Point(-3, 4)),
            Color.LIGHT_BLUE, EnumSet.of(Perm.READ, Perm.EXEC), Result.ok(7), List.of(Optional.of(5), Optional.empty()));
        WitValue wit = JavaValues.toWit(reading, READING, "reading");
        assertEquals("{sensor-id: 4000000000, label: some(\"kitchen\"), points: [{x: 1, y: 2}, {x: -3, y: 4}], "
            + "color: light-blue, perms: {read, exec}, status: ok(7), samples: [some(5), none]}", wit.toString());
        assertEquals(reading, JavaValues.toJava(wit, READING, Reading.class));
        assertEquals(reading, JavaValues.toJava(Wave.parse(wit.toString(), READING), READING, Reading.class));
    }

    @Test void aMapWithAFieldTooManyOrTooFewIsRefusedByName() {
        Map<String, Object> extra = new java.util.LinkedHashMap<>(Map.of("x", 1, "y", 2));
        extra.put("z", 3);
        String m = assertThrows(SignatureMismatchException.class, () -> JavaValues.toWit(extra, POINT, "p")).getMessage();
        assertTrue(m.contains("the record has no field 'z'"), m);
        m = assertThrows(SignatureMismatchException.class, () -> JavaValues.toWit(Map.of("x", 1), POINT, "p")).getMessage();
        assertTrue(m.contains("field 'y'") && m.contains("is missing"), m);
        assertEquals(2, ((WitValue.RecordValue) JavaValues.toWit(Map.of("x", 1, "y", 2), POINT, "p")).fields().size());
    }

    @Test void enumsMatchByKebabCaseWhateverTheJavaStyle() {
        assertEquals(Color.LIGHT_BLUE, JavaValues.toJava(new WitValue.EnumValue("light-blue"), COLOR, Color.class));
        var shades = new WitType.EnumType(List.of("dark", "light-blue"));
        assertEquals(Shade.LightBlue, JavaValues.toJava(new WitValue.EnumValue("light-blue"), shades, Shade.class));
        assertEquals(new WitValue.EnumValue("light-blue"), JavaValues.toWit(Shade.LightBlue, shades, "e"));
        String m = assertThrows(SignatureMismatchException.class,
            () -> JavaValues.toJava(new WitValue.EnumValue("dark"), shades, Color.class)).getMessage();
        assertTrue(m.contains("Color has no constant for case 'dark'"), m);
        assertTrue(assertThrows(SignatureMismatchException.class, () -> JavaValues.toWit(Shade.Dark, COLOR, "e"))
            .getMessage().contains("has no case 'dark'"));
    }

    @Test void flagsAsEnumSetOrStrings() {
        WitValue flags = new WitValue.FlagsValue(Set.of("write"));
        assertEquals(Set.of("write"), JavaValues.toJava(flags, PERMS, Set.class));
        assertEquals(new WitValue.FlagsValue(Set.of("read", "write")), JavaValues.toWit(Set.of("read", "write"), PERMS, "f"));
        assertTrue(assertThrows(SignatureMismatchException.class, () -> JavaValues.toWit(Set.of("fly"), PERMS, "f"))
            .getMessage().contains("has no flag 'fly'"));
    }

    @Test void optionsAsOptionalOrNullable() {
        var optU8 = new WitType.OptionType(Primitive.U8);
        assertEquals(Optional.of(5), JavaValues.toJava(WitValue.some(new WitValue.U8(5)), optU8, Optional.class));
        assertEquals(5, JavaValues.toJava(WitValue.some(new WitValue.U8(5)), optU8, Integer.class));
        assertNull(JavaValues.toJava(WitValue.none(), optU8, Integer.class));
        assertTrue(assertThrows(SignatureMismatchException.class, () -> JavaValues.toJava(WitValue.none(), optU8, int.class))
            .getMessage().contains("none has no int value"));
    }

    @Test void resultsBothWays() {
        var noOk = new WitType.ResultType(null, Primitive.STRING);
        assertEquals(new WitValue.ResultValue(true, null), JavaValues.toWit(Result.ok(null), noOk, "r"));
        assertEquals(WitValue.err(WitValue.string("x")), JavaValues.toWit(Result.err("x"), noOk, "r"));
        Result<?, ?> back = JavaValues.toJava(new WitValue.ResultValue(true, null), noOk, Result.class);
        assertTrue(back.isOk());
        assertEquals(Optional.empty(), back.ok());
        Result<?, ?> err = JavaValues.toJava(WitValue.err(WitValue.string("x")), noOk, Result.class);
        assertEquals(Optional.of("x"), err.err());
        assertTrue(assertThrows(SignatureMismatchException.class, () -> JavaValues.toWit(Result.ok(1), noOk, "r"))
            .getMessage().contains("carries no ok value"));
    }

    @Test void bytesTuplesAndNumbers() {
        var blob = new WitType.RecordType(List.of(new WitType.Field("data", new WitType.ListType(Primitive.U8)),
            new WitType.Field("note", Primitive.STRING)));
        Blob b = JavaValues.toJava(JavaValues.toWit(new Blob(new byte[] {1, (byte) 200}, "n"), blob, "b"), blob, Blob.class);
        assertArrayEquals(new byte[] {1, (byte) 200}, b.data());
        var tuple = new WitType.TupleType(List.of(Primitive.U32, Primitive.STRING));
        assertEquals(new Pair(7, "a"), JavaValues.toJava(Wave.parse("(7, \"a\")", tuple), tuple, Pair.class));
        assertEquals(300L, JavaValues.toJava(new WitValue.U16(300), Primitive.U16, long.class));
        assertTrue(assertThrows(SignatureMismatchException.class, () -> JavaValues.toJava(new WitValue.U16(300), Primitive.U16, byte.class))
            .getMessage().contains("300 does not fit"));
        assertEquals('x', JavaValues.toJava(new WitValue.Char('x'), Primitive.CHAR, char.class));
    }

    @Test void mismatchesNameTheFieldPath() {
        String m = assertThrows(SignatureMismatchException.class,
            () -> JavaValues.toJava(Wave.parse("{sensor-id: 1, label: none, points: [], color: red, perms: {}, status: ok(1), samples: []}", READING),
                READING, Lacking.class)).getMessage();
        assertTrue(m.startsWith("result: record Lacking has no component for WIT field 'label' (option<string>); add a component named label"), m);
        var withExtra = new WitType.RecordType(List.of(new WitType.Field("sensor-id", Primitive.U32), new WitType.Field("room-name", Primitive.STRING)));
        m = assertThrows(SignatureMismatchException.class, () -> JavaValues.toWit(new Lacking(1), withExtra, "arg")).getMessage();
        assertTrue(m.contains("arg: record Lacking has no component for WIT field 'room-name' (string); add a component named roomName"), m);
        record Named(List<String> points) {}
        var pts = new WitType.RecordType(List.of(new WitType.Field("points", new WitType.ListType(POINT))));
        m = assertThrows(SignatureMismatchException.class,
            () -> JavaValues.toJava(Wave.parse("{points: [{x: 1, y: 2}]}", pts), pts, Named.class)).getMessage();
        assertTrue(m.startsWith("result.points[0]: a record { x: s32, y: s32 } value cannot be read as java.lang.String"), m);
    }

    @Test void shapesAreComputedOncePerClass() {
        assertSame(JavaShapes.record(Reading.class), JavaShapes.record(Reading.class));
        assertEquals(List.of("sensor-id", "label", "points", "color", "perms", "status", "samples"),
            List.copyOf(JavaShapes.record(Reading.class).components().keySet()));
        assertEquals("light-blue", JavaShapes.kebab("LIGHT_BLUE"));
        assertEquals("light-blue", JavaShapes.kebab("LightBlue"));
        assertEquals("sensor-id", JavaShapes.kebab("sensorId"));
    }
}
