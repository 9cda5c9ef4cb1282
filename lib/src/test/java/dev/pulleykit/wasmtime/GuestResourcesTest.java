package dev.pulleykit.wasmtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulleykit.wasmtime.HostResourcesTest.Board;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lights guest also exports a resource of its own: {@code pattern} in
 * embedded:platform/patterns, a blink pattern that owns one of the host's pins. Java holds
 * handles to patterns ({@link GuestResource}); the guest keeps the patterns.
 */
class GuestResourcesTest {
    static final String PATTERNS = "embedded:platform/patterns#";
    static final String NEW = PATTERNS + "[constructor]pattern", STEP = PATTERNS + "[method]pattern.step",
        STEPS = PATTERNS + "[method]pattern.steps", FINISH = PATTERNS + "finish";
    static Engine engine;
    static Component lights;

    @BeforeAll static void load() {
        engine = new Engine(EngineConfig.DESKTOP);
        lights = Component.deserialize(engine, CourseGuests.bytes("lights.cwasm"));
    }

    @AfterAll static void close() {
        lights.close();
        engine.close();
    }

    static Board board() { return new Board(engine, new HostResource<>("output-pin")); }

    @Test void theListingAndTheFunctionTypesNameTheGuestsResource() {
        String wit = lights.type().toString();
        assertTrue(wit.contains("export embedded:platform/patterns: interface {\n    pattern: resource;"), wit);
        assertTrue(wit.contains("[constructor]pattern: func(pin: u32, levels: list<bool>) -> own<pattern>;"), wit);
        assertTrue(wit.contains("finish: func(p: own<pattern>) -> u32;"), wit);
        assertTrue(wit.contains("release: func(pin: own<output-pin>) -> u32;"), "the host's resource keeps its name: " + wit);
        Board board = board();
        try (Store store = new Store(engine); Linker linker = board.linker()) {
            Instance guest = linker.instantiate(store, lights);
            assertEquals("func(self: borrow<pattern>) -> bool", guest.func(STEP).type().toString());
            assertEquals("func(pin: u32, levels: list<bool>) -> own<pattern>", guest.func(NEW).type().toString());
        }
    }

    @Test void aPatternIsMadeDrivenAndDroppedFromJava() {
        Board board = board();
        try (Store store = new Store(engine); Linker linker = board.linker()) {
            Instance guest = linker.instantiate(store, lights);
            GuestResource pattern = assertInstanceOf(GuestResource.class, guest.call(NEW, 25, List.of(true, false, false)));
            assertEquals("pattern", pattern.name());
            assertEquals("own<pattern> (guest, live)", pattern.toString());
            assertEquals(List.of("open 25"), board.events, "the guest's constructor opened the host's pin");

            assertEquals(List.of(true, false, false, true), List.of(guest.call(STEP, pattern), guest.call(STEP, pattern),
                guest.call(STEP, pattern), guest.call(STEP, pattern)), "lent to the guest for each step");
            assertEquals(4L, guest.call(STEPS, pattern));
            assertTrue(board.pins.live().values().iterator().next().high, "the guest set the host's pin");

            pattern.close();
            assertEquals(List.of("open 25", "close 25"), board.events, "the guest's destructor dropped its pin");
            assertFalse(pattern.isLive());
            var e = assertThrows(SignatureMismatchException.class, () -> guest.call(STEP, pattern));
            assertTrue(e.getMessage().contains("it was dropped"), e.getMessage());
            pattern.close(); // a second close does nothing
            assertEquals(2, board.events.size());
        }
    }

    @Test void givingAPatternToTheGuestMovesIt() {
        Board board = board();
        try (Store store = new Store(engine); Linker linker = board.linker()) {
            Instance guest = linker.instantiate(store, lights);
            GuestResource pattern = (GuestResource) guest.call(NEW, 3, List.of(true));
            guest.call(STEP, pattern);
            guest.call(STEP, pattern);
            assertEquals(2L, guest.call(FINISH, pattern), "finish takes own<pattern>");
            assertEquals(List.of("open 3", "close 3"), board.events);
            assertFalse(pattern.isLive());
            assertEquals("own<pattern> (guest, given to the guest)", pattern.toString());
            var e = assertThrows(SignatureMismatchException.class, () -> guest.call(STEPS, pattern));
            assertTrue(e.getMessage().contains("it was given to the guest"), e.getMessage());
            pattern.close(); // nothing left to drop
            assertEquals(2, board.events.size());
        }
    }

    @Test void theWitValueLayerSeesGuestHandles() {
        Board board = board();
        try (Store store = new Store(engine); Linker linker = board.linker()) {
            Instance guest = linker.instantiate(store, lights);
            WitValue made = guest.func(NEW).callWit(new WitValue.U32(8), new WitValue.ListValue(List.of(new WitValue.Bool(true))));
            WitValue.GuestHandle h = assertInstanceOf(WitValue.GuestHandle.class, made);
            assertTrue(h.own());
            assertEquals("own<pattern>(guest)", h.toString());
            assertEquals(new WitValue.Bool(true), guest.func(STEP).callWit(h.borrow()));
            var e = assertThrows(SignatureMismatchException.class, () -> guest.func(FINISH).callWit(h.borrow()));
            assertTrue(e.getMessage().contains("only the owner can give a resource away"), e.getMessage());
            assertEquals(new WitValue.U32(1), guest.func(FINISH).callWit(h));
        }
    }

    @Test void aRefusedCallLeavesThePatternWithJava() {
        Board board = board();
        try (Store store = new Store(engine); Linker linker = board.linker()) {
            Instance guest = linker.instantiate(store, lights);
            GuestResource pattern = (GuestResource) guest.call(NEW, 4, List.of());
            var e = assertThrows(SignatureMismatchException.class, () -> guest.func(FINISH).callWit(
                new WitValue.GuestHandle(pattern, true), new WitValue.U32(1)));
            assertTrue(e.getMessage().contains("takes 1 argument"), e.getMessage());
            // A handle of the host's resource where the guest's is expected: refused before the call.
            Object pin = guest.call("open", 9);
            e = assertThrows(SignatureMismatchException.class, () -> guest.call(FINISH, pin));
            assertTrue(e.getMessage().contains("own<pattern>"), e.getMessage());
            e = assertThrows(SignatureMismatchException.class, () -> guest.func(FINISH).callWit(board.pins.own((HostResourcesTest.Pin) pin)));
            assertTrue(e.getMessage().contains("own<pattern>"), e.getMessage());
            // The reverse: a pattern where a host pin is expected.
            e = assertThrows(SignatureMismatchException.class, () -> guest.call("close", pattern));
            assertTrue(e.getMessage().contains("own<output-pin>"), e.getMessage());
            assertTrue(pattern.isLive(), "still Java's");
            assertEquals(false, guest.call(STEP, pattern), "an empty pattern keeps its pin low");
            assertEquals(1L, guest.call(FINISH, pattern));
        }
    }

    @Test void aPatternOfAnotherStoreIsRefusedByName() {
        Board board = board();
        try (Store one = new Store(engine); Store two = new Store(engine); Linker linker = board.linker()) {
            Instance first = linker.instantiate(one, lights), second = linker.instantiate(two, lights);
            GuestResource pattern = (GuestResource) first.call(NEW, 5, List.of(true));
            var e = assertThrows(SignatureMismatchException.class, () -> second.call(STEP, pattern));
            assertTrue(e.getMessage().contains("belongs to another store"), e.getMessage());
            assertEquals(true, first.call(STEP, pattern), "its own store still takes it");
            assertEquals(0L, second.call(STEPS, second.call(NEW, 6, List.of())), "the other store's instance is unharmed");
        }
    }

    @Test void aHostFailureInTheGuestsDestructorComesOutOfClose() {
        // The pattern's destructor drops its pin, and the host's drop action for pins throws.
        Board board = new Board(engine, new HostResource<>("output-pin", p -> { throw new IllegalStateException("pin " + p.number + " is stuck"); }));
        try (Store store = new Store(engine); Linker linker = board.linker()) {
            Instance guest = linker.instantiate(store, lights);
            GuestResource pattern = (GuestResource) guest.call(NEW, 21, List.of(true));
            var e = assertThrows(HostFunctionException.class, pattern::close);
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertTrue(e.getMessage().startsWith("dropping the guest's pattern failed: a host function its destructor called threw"), e.getMessage());
            assertFalse(pattern.isLive());
            var again = assertThrows(TrapException.class, () -> guest.call(NEW, 22, List.of()));
            assertTrue(again.getMessage().contains("dropping pattern"), again.getMessage());
        }
    }

    @Test void patternsStillOpenWhenTheirStoreClosesDieWithIt() {
        Board board = board();
        Store store = new Store(engine);
        try (Linker linker = board.linker()) {
            Instance guest = linker.instantiate(store, lights);
            GuestResource pattern = (GuestResource) guest.call(NEW, 11, List.of(true));
            store.close();
            assertFalse(pattern.isLive());
            assertEquals("own<pattern> (guest, store closed)", pattern.toString());
            pattern.close(); // frees Java's copy of the handle; no destructor runs in a closed store
            assertEquals(List.of("open 11", "close 11"), board.events, "the pin the guest held was dropped with the store");
        }
    }
}
