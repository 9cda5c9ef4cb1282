package dev.pulleykit.wasmtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input gets a clear exception, never a crash: each test ends by proving the engine still
 * works, so a corrupted process would show here and not three tests later.
 */
class BadInputTest {
    static Engine engine;

    @BeforeAll static void engine() { engine = new Engine(EngineConfig.DESKTOP); }

    @AfterAll static void close() { engine.close(); }

    private static void engineStillWorks() {
        try (Component c = Component.deserialize(engine, CourseGuests.bytes("guest1.cwasm"));
             Store store = new Store(engine); Linker linker = new Linker(engine)) {
            assertEquals("guest1 run() called", linker.instantiate(store, c).call("run"));
        }
    }

    @Test void garbageBytesAreNotAComponent() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        CompileException e = assertThrows(CompileException.class, () -> Component.compile(engine, garbage));
        assertNotNull(e.wasmtimeMessage(), "Wasmtime's own words are kept");
        assertTrue(e.getMessage().contains("compiling 4096 bytes as a component"), e.getMessage());
        engineStillWorks();
    }

    @Test void garbageBytesAreNotAnArtifact() {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        var e = assertThrows(ArtifactRejectedException.class, () -> Component.deserialize(engine, garbage));
        assertTrue(e.getMessage().contains("not a Wasmtime artifact"), e.getMessage());
        engineStillWorks();
    }

    @Test void emptyInputIsRefusedBothWays() {
        assertThrows(CompileException.class, () -> Component.compile(engine, new byte[0]));
        assertThrows(ArtifactRejectedException.class, () -> Component.deserialize(engine, new byte[0]));
        engineStillWorks();
    }

    @ParameterizedTest @ValueSource(ints = {9, 100, 1000, 5000, 9000}) // 8 bytes would be a valid, empty component
    void truncatedComponentIsRefused(int length) {
        byte[] component = CourseGuests.bytes("guest1.component.wasm");
        byte[] cut = Arrays.copyOf(component, Math.min(length, component.length - 1));
        CompileException e = assertThrows(CompileException.class, () -> Component.compile(engine, cut));
        assertNotNull(e.wasmtimeMessage());
        engineStillWorks();
    }

    @ParameterizedTest @ValueSource(ints = {4, 64, 4096, 65536, 100_000})
    void truncatedArtifactIsRefused(int length) {
        byte[] artifact = CourseGuests.bytes("guest1.cwasm");
        byte[] cut = Arrays.copyOf(artifact, Math.min(length, artifact.length - 1));
        assertThrows(ArtifactRejectedException.class, () -> Component.deserialize(engine, cut));
        engineStillWorks();
    }

    @Test void coreModuleIsNotAComponent() {
        byte[] core = {0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00};
        CompileException e = assertThrows(CompileException.class, () -> Component.compile(engine, core));
        assertTrue(e.getMessage().contains("core WebAssembly module"), e.getMessage());
        assertTrue(e.getMessage().contains("component new"), "says what to do next: " + e.getMessage());
    }

    @Test void artifactForNativeCodeIsRefusedByPulley() {
        byte[] nativeArtifact;
        try (Engine nativeEngine = new Engine(EngineConfig.DESKTOP.withName("native").withTarget(null));
             Component c = Component.compile(nativeEngine, CourseGuests.bytes("guest1.component.wasm"))) {
            nativeArtifact = c.serialize();
        }
        var e = assertThrows(ArtifactRejectedException.class, () -> Component.deserialize(engine, nativeArtifact));
        assertTrue(e.wasmtimeMessage().contains("x86_64"), "Wasmtime names the artifact's architecture: " + e.wasmtimeMessage());
        engineStillWorks();
    }

    @Test void artifactFromAnotherConfigurationIsRefused() {
        EngineConfig fuelled = EngineConfig.DESKTOP.withName("desktop-fuel").withConsumeFuel(true);
        byte[] fuelArtifact;
        try (Engine other = new Engine(fuelled); Component c = Component.compile(other, CourseGuests.bytes("guest1.component.wasm"))) {
            fuelArtifact = c.serialize();
        }
        var e = assertThrows(ArtifactRejectedException.class, () -> Component.deserialize(engine, fuelArtifact));
        assertTrue(e.wasmtimeMessage().contains("fuel"), e.wasmtimeMessage());
        assertTrue(e.getMessage().contains("desktop-pulley64"), "names the engine's profile: " + e.getMessage());
        engineStillWorks();
    }

    @Test void unknownTargetIsRefused() {
        var e = assertThrows(WasmtimeException.class, () -> new Engine(EngineConfig.DESKTOP.withName("bad").withTarget("pulley99")));
        assertTrue(e.getMessage().contains("pulley99"), e.getMessage());
        engineStillWorks();
    }

    @Test void refusedAddressSpaceIsNotCalledAMissingImport() {
        // A reservation of 128 TiB per linear memory cannot be mapped: the same refusal as when
        // tens of thousands of forgotten stores have used up the address space.
        EngineConfig huge = EngineConfig.DESKTOP.withName("huge-reservation").withMemory(1L << 47, 0L);
        try (Engine big = new Engine(huge); Component c = Component.compile(big, CourseGuests.bytes("guest1.component.wasm"));
             Store store = new Store(big); Linker linker = new Linker(big)) {
            var e = assertThrows(WasmtimeException.class, () -> linker.instantiate(store, c));
            assertFalse(e instanceof LinkException, "nothing is missing from the linker: " + e.getMessage());
            assertTrue(e.getMessage().contains("refused memory") && e.getMessage().contains("close the stores"), e.getMessage());
            assertTrue(e.wasmtimeMessage().contains("mmap"), e.wasmtimeMessage());
        }
        engineStillWorks();
    }

    @Test void missingExportNamesTheExportsThereAre() {
        try (Component c = Component.deserialize(engine, CourseGuests.bytes("guest2.cwasm"));
             Store store = new Store(engine); Linker linker = new Linker(engine)) {
            Instance instance = linker.instantiate(store, c);
            var e = assertThrows(NoSuchExportException.class, () -> instance.func("greet"));
            assertTrue(e.getMessage().contains("'greet'") && e.getMessage().contains("[run, describe]"), e.getMessage());
            assertEquals("guest2 has an extra `describe` export", instance.call("describe"), "the instance is still usable");
        }
    }

    @Test void wrongArgumentsAreRefusedBeforeTheCall() {
        try (Component c = Component.deserialize(engine, CourseGuests.bytes("guest2.cwasm"));
             Store store = new Store(engine); Linker linker = new Linker(engine)) {
            Instance instance = linker.instantiate(store, c);
            var tooMany = assertThrows(SignatureMismatchException.class, () -> instance.call("describe", "extra"));
            assertTrue(tooMany.getMessage().contains("takes 0 arguments, but 1 were given"), tooMany.getMessage());
            var tooFew = assertThrows(SignatureMismatchException.class, () -> instance.call("run"));
            assertTrue(tooFew.getMessage().contains("name: option<string>"), tooFew.getMessage());
            var wrongType = assertThrows(SignatureMismatchException.class, () -> instance.call("run", 42));
            assertTrue(wrongType.getMessage().contains("expected string, got 42"), wrongType.getMessage());
            var wrongWit = assertThrows(SignatureMismatchException.class, () -> instance.func("run").callWit(WitValue.s32(1)));
            assertTrue(wrongWit.getMessage().contains("expected option<string>"), wrongWit.getMessage());
            assertEquals("guest2 run() called: hello, ok!", instance.call("run", "ok"), "nothing was entered, so the instance still works");
        }
    }

    @Test void aWrongPartOfAValueIsNamedByItsPlace() {
        try (Component c = Component.deserialize(engine, CourseGuests.bytes("types.cwasm"));
             Store store = new Store(engine); Linker linker = new Linker(engine)) {
            Instance instance = linker.instantiate(store, c);
            var item = assertThrows(SignatureMismatchException.class, () -> instance.func("echo-list-u32").callWit(
                new WitValue.ListValue(java.util.List.of(WitValue.u32(1), WitValue.u32(2), WitValue.s32(3)))));
            assertTrue(item.getMessage().contains("echo-list-u32 argument 1 (v)[2]: expected u32, got 3 (s32)"), item.getMessage());
            var field = assertThrows(SignatureMismatchException.class, () -> instance.func("echo-record").callWit(
                new WitValue.RecordValue(java.util.Map.of("a", WitValue.s32(7), "b", WitValue.string("x"),
                    "c", new WitValue.ListValue(java.util.List.of())))));
            assertTrue(field.getMessage().contains("echo-record argument 1 (v).a: expected u32, got 7 (s32)"), field.getMessage());
            var byteItem = assertThrows(SignatureMismatchException.class, () -> instance.call("echo-record",
                java.util.Map.of("a", 7, "b", "x", "c", java.util.List.of(1, 2, 300))));
            assertTrue(byteItem.getMessage().contains("echo-record argument 1 (v).c[2]"), byteItem.getMessage());
        }
    }

    @Test void stringThatIsNotValidUnicodeIsRefused() {
        try (Component c = Component.deserialize(engine, CourseGuests.bytes("guest2.cwasm"));
             Store store = new Store(engine); Linker linker = new Linker(engine)) {
            Instance instance = linker.instantiate(store, c);
            String loneSurrogate = "Kev\uD800in";
            var e = assertThrows(SignatureMismatchException.class, () -> instance.call("run", Optional.of(loneSurrogate)));
            assertTrue(e.getMessage().contains("unpaired surrogate (U+D800) at index 3"), e.getMessage());
            assertThrows(SignatureMismatchException.class, () -> instance.call("run", "\uDC00"));
            // All-ASCII but for the lone surrogate, and with real '?' around it: the fast path must still find it.
            var ascii = assertThrows(SignatureMismatchException.class, () -> instance.call("run", "a?b\uD83Dc?"));
            assertTrue(ascii.getMessage().contains("at index 3"), ascii.getMessage());
            assertEquals("guest2 run() called: hello, what?!", instance.call("run", "what?"), "a real '?' is fine");
            assertEquals("guest2 run() called: hello, 😀!", instance.call("run", "😀"), "a proper pair is fine");
        }
    }

    @Test void closedObjectsSayWhatToDo() {
        Component c = Component.deserialize(engine, CourseGuests.bytes("guest1.cwasm"));
        Store store = new Store(engine);
        Instance instance;
        try (Linker linker = new Linker(engine)) {
            instance = linker.instantiate(store, c);
        }
        store.close();
        var e = assertThrows(IllegalStateException.class, () -> instance.call("run"));
        assertTrue(e.getMessage().contains("store"), e.getMessage());
        c.close();
        c.close(); // closing twice is harmless
        assertThrows(IllegalStateException.class, c::serialize);
        engineStillWorks();
    }
}
