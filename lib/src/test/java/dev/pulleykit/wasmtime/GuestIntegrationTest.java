package dev.pulleykit.wasmtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reference project's fifteen integration tests, run on Pulley (pulley64) rather than
 * native code, each on both paths: compiling the component at run time and deserializing the
 * artifact the build precompiled.
 */
class GuestIntegrationTest {
    static Engine engine;

    @BeforeAll static void engine() {
        engine = new Engine(EngineConfig.DESKTOP);
        assertTrue(engine.isPulley(), "the desktop profile must run on Pulley");
    }

    @AfterAll static void close() { engine.close(); }

    /** Instantiates a guest in a fresh store and hands its instance to {@code body}. */
    private static <T> T withInstance(CourseGuests path, String guest, java.util.function.Function<Instance, T> body) {
        try (Component component = path.load(engine, guest); Store store = new Store(engine); Linker linker = new Linker(engine)) {
            return body.apply(linker.instantiate(store, component));
        }
    }

    @ParameterizedTest @EnumSource(CourseGuests.class)
    void guest1ComponentLoads(CourseGuests path) {
        try (Component c = path.load(engine, "guest1")) {
            assertEquals(List.of("run"), c.type().exportNames());
        }
    }

    @ParameterizedTest @EnumSource(CourseGuests.class)
    void guest2ComponentLoads(CourseGuests path) {
        try (Component c = path.load(engine, "guest2")) {
            assertEquals(List.of("run", "describe"), c.type().exportNames());
        }
    }

    @ParameterizedTest @EnumSource(CourseGuests.class)
    void guest1RunSignature(CourseGuests path) {
        assertEquals("func() -> string", withInstance(path, "guest1", i -> i.func("run").type().toString()));
    }

    @ParameterizedTest @EnumSource(CourseGuests.class)
    void guest2RunSignature(CourseGuests path) {
        FuncType type = withInstance(path, "guest2", i -> i.func("run").type());
        assertEquals(List.of(new FuncType.Param("name", new WitType.OptionType(WitType.Primitive.STRING))), type.params());
        assertEquals(WitType.Primitive.STRING, type.result());
    }

    @ParameterizedTest @EnumSource(CourseGuests.class)
    void guest2HasDescribeExport(CourseGuests path) {
        assertEquals("func() -> string", withInstance(path, "guest2", i -> i.func("describe").type().toString()));
    }

    @ParameterizedTest @EnumSource(CourseGuests.class)
    void guest1HasNoDescribeExport(CourseGuests path) {
        try (Component c = path.load(engine, "guest1")) {
            assertTrue(c.type().exportedFunc("describe").isEmpty());
        }
        assertThrows(NoSuchExportException.class, () -> withInstance(path, "guest1", i -> i.func("describe")));
    }

    @ParameterizedTest @EnumSource(CourseGuests.class)
    void guest1RunReturnsItsMessage(CourseGuests path) {
        assertEquals("guest1 run() called", withInstance(path, "guest1", i -> i.call("run")));
    }

    @ParameterizedTest @EnumSource(CourseGuests.class)
    void guest1RunReturnsAWitString(CourseGuests path) {
        assertEquals(new WitValue.Str("guest1 run() called"), withInstance(path, "guest1", i -> i.func("run").callWit()));
    }

    @ParameterizedTest @EnumSource(CourseGuests.class)
    void guest2DescribeReturnsItsDescription(CourseGuests path) {
        assertEquals("guest2 has an extra `describe` export", withInstance(path, "guest2", i -> i.call("describe")));
    }

    @ParameterizedTest @EnumSource(CourseGuests.class)
    void guest1ImportsNothing(CourseGuests path) {
        try (Component c = path.load(engine, "guest1")) {
            assertEquals(List.of(), c.type().imports(), "a no_std guest needs no WASI imports");
        }
    }

    @ParameterizedTest @EnumSource(CourseGuests.class)
    void guest2ImportsNothing(CourseGuests path) {
        try (Component c = path.load(engine, "guest2")) {
            assertTrue(c.type().imports().stream().noneMatch(i -> i.name().startsWith("wasi:")));
            assertEquals(0, c.type().imports().size());
        }
    }

    @ParameterizedTest @EnumSource(CourseGuests.class)
    void guest2DefaultsToWorldWithoutAName(CourseGuests path) {
        assertEquals("guest2 run() called: hello, world!", withInstance(path, "guest2", i -> i.call("run", Optional.empty())));
    }

    @ParameterizedTest @EnumSource(CourseGuests.class)
    void guest2GreetsTheGivenName(CourseGuests path) {
        assertEquals("guest2 run() called: hello, Pulley!", withInstance(path, "guest2", i -> i.call("run", Optional.of("Pulley"))));
    }

    @ParameterizedTest @EnumSource(CourseGuests.class)
    void guest2GreetsAnotherName(CourseGuests path) {
        String answer = (String) withInstance(path, "guest2", i -> i.call("run", "Kevin"));
        assertTrue(answer.endsWith("hello, Kevin!"), answer);
        assertFalse(answer.contains("world"), answer);
    }

    @ParameterizedTest @EnumSource(CourseGuests.class)
    void guest2ExactMessageWithWitValues(CourseGuests path) {
        WitValue answer = withInstance(path, "guest2", i -> i.func("run").callWit(WitValue.some(WitValue.string("Ferris ü €"))));
        assertEquals(new WitValue.Str("guest2 run() called: hello, Ferris ü €!"), answer);
    }
}
