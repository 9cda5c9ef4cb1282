package dev.pulleykit.wasmtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lights guest imports {@code resource output-pin} from embedded:platform/pins; Java
 * defines it with a {@link HostResource}. Every way a handle can cross is exercised: the
 * guest constructs and drops one, the host lends one (borrow), gives one away (own), gets one
 * back from an export, and receives one in a host function.
 */
class HostResourcesTest {
    static final String PINS = "embedded:platform/pins";
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

    /** What a pin is on this simulated board: a number, a level, and whether it was closed. */
    static final class Pin implements AutoCloseable {
        final long number;
        boolean high, closed;
        final List<String> events;

        Pin(long number, List<String> events) {
            this.number = number;
            this.events = events;
            events.add("open " + number);
        }

        @Override public void close() {
            closed = true;
            events.add("close " + number);
        }
    }

    /** The board: the pins resource and its functions, as plain Java. */
    static final class Board {
        final List<String> events = new ArrayList<>();
        final HostResource<Pin> pins;
        final Engine engine;

        Board() { this(new HostResource<>("output-pin")); }

        Board(HostResource<Pin> pins) { this(HostResourcesTest.engine, pins); }

        Board(Engine engine, HostResource<Pin> pins) {
            this.engine = engine;
            this.pins = pins;
        }

        Linker linker() { return linker(Map.of()); }

        /** The board's linker, with the functions named in {@code replaced} swapped for the test's own. */
        Linker linker(Map<String, JavaHostFunction> replaced) {
            Map<String, JavaHostFunction> functions = new LinkedHashMap<>();
            functions.put("[constructor]output-pin", a -> {
                long n = (Long) a[0];
                if (pins.live().values().stream().anyMatch(p -> p.number == n)) {
                    throw new IllegalStateException("pin " + n + " is already open");
                }
                return new Pin(n, events);
            });
            functions.put("[method]output-pin.number", a -> ((Pin) a[0]).number);
            functions.put("[method]output-pin.set", a -> { ((Pin) a[0]).high = (Boolean) a[1]; return null; });
            functions.put("[method]output-pin.toggle", a -> { Pin p = (Pin) a[0]; p.high = !p.high; return null; });
            functions.put("[method]output-pin.is-high", a -> ((Pin) a[0]).high);
            functions.put("[static]output-pin.open-count", a -> (long) pins.liveCount());
            functions.put("release", a -> ((Pin) a[0]).number);
            functions.putAll(replaced);
            Linker linker = new Linker(engine).defineResource(PINS, pins);
            functions.forEach((name, f) -> linker.defineJava(PINS, name, f));
            return linker;
        }
    }

    @Test void theComponentsTypeNamesItsResource() {
        String wit = lights.type().toString();
        assertTrue(wit.contains("output-pin: resource;"), wit);
        assertTrue(wit.contains("[constructor]output-pin: func(number: u32) -> own<output-pin>;"), wit);
        assertTrue(wit.contains("[method]output-pin.toggle: func(self: borrow<output-pin>);"), wit);
        assertTrue(wit.contains("release: func(pin: own<output-pin>) -> u32;"), wit);
        assertTrue(wit.contains("export flip: func(pin: borrow<output-pin>) -> bool;"), wit);
    }

    @Test void theGuestOpensDrivesAndDropsAPin() {
        Board board = new Board();
        try (Store store = new Store(engine); Linker linker = board.linker()) {
            Instance guest = linker.instantiate(store, lights);
            assertEquals(true, guest.call("blink", 25, 3), "three toggles from low leave the pin high");
            assertEquals(List.of("open 25", "close 25"), board.events, "the guest's drop ran the host's destructor");
            assertEquals(0, board.pins.liveCount());
            assertEquals(false, guest.call("blink", 25, 4), "the pin can be opened again once closed");
        }
    }

    @Test void anOwnedHandleComesBackToJavaAndGoesBackToTheGuest() {
        Board board = new Board();
        try (Store store = new Store(engine); Linker linker = board.linker()) {
            Instance guest = linker.instantiate(store, lights);
            Object opened = guest.call("open", 7);
            Pin pin = assertInstanceOf(Pin.class, opened, "an own<output-pin> result reads as the Java object");
            assertEquals(7, pin.number);
            assertTrue(board.pins.isLive(pin), "Java owns it now; it stays in the table");
            assertEquals(1L, guest.call("open-count"), "the guest's static call sees it");

            assertEquals(true, guest.call("flip", pin), "lent to the guest for one call");
            assertEquals(false, guest.call("flip", pin));
            assertFalse(pin.closed, "lending does not give it away");

            assertEquals(7L, guest.call("close", pin), "given to the guest, which drops it");
            assertTrue(pin.closed);
            assertFalse(board.pins.isLive(pin));
            assertEquals(0L, guest.call("open-count"));
        }
    }

    @Test void theWitValueLayerSeesHandles() {
        Board board = new Board();
        try (Store store = new Store(engine); Linker linker = board.linker()) {
            Instance guest = linker.instantiate(store, lights);
            Func open = guest.func("open");
            assertEquals("func(pin: u32) -> own<output-pin>", open.type().toString(), "the instance's type names the host resource");
            assertEquals("func(pin: borrow<output-pin>) -> bool", guest.func("flip").type().toString());
            WitValue.Handle h = assertInstanceOf(WitValue.Handle.class, open.callWit(new WitValue.U32(3)));
            assertTrue(h.own());
            assertSame(board.pins, h.resource());
            assertEquals("own<output-pin>(" + h.rep() + ")", h.toString());
            assertEquals(new WitValue.Bool(true), guest.func("flip").callWit(h.borrow()));
            assertEquals(new WitValue.Bool(false), guest.func("flip").callWit(h), "an owned handle may be lent as a borrow");

            var e = assertThrows(SignatureMismatchException.class, () -> guest.func("close").callWit(h.borrow()));
            assertTrue(e.getMessage().contains("only the owner can give a resource away"), e.getMessage());

            board.pins.drop(h);
            assertEquals(List.of("open 3", "close 3"), board.events, "Java dropped the handle it owned");
            var dropped = assertThrows(IllegalStateException.class, () -> board.pins.get(h));
            assertTrue(dropped.getMessage().contains("not live"), dropped.getMessage());
        }
    }

    @Test void aCallRefusedAfterItsOwnedHandleWasEncodedLeavesThePinWithJava() {
        // The handle, the first argument, goes into the store before the label, the second,
        // is found unsendable: the call never happens and the move is taken back.
        Board board = new Board();
        Store store = new Store(engine);
        try (Linker linker = board.linker()) {
            Instance guest = linker.instantiate(store, lights);
            Pin pin = (Pin) guest.call("open", 5);
            var e = assertThrows(SignatureMismatchException.class, () -> guest.call("close-labelled", pin, "bad \uD800"));
            assertTrue(e.getMessage().contains("unpaired surrogate"), e.getMessage());
            assertTrue(board.pins.isLive(pin), "still Java's");
            store.close();
            assertFalse(pin.closed, "closing the store did not drop a pin it never got");
            assertEquals(List.of("open 5"), board.events);

            try (Store again = new Store(engine)) {
                Instance next = linker.instantiate(again, lights);
                assertEquals("done: pin 5 closed", next.call("close-labelled", pin, "done"), "Java can still give it away");
                assertTrue(pin.closed);
                assertEquals(0, board.pins.liveCount());
            }
        }
    }

    @Test void anOwnedHandleGivenToAHostFunctionIsDroppedWhenItReturns() {
        Board board = new Board();
        try (Store store = new Store(engine); Linker linker = board.linker()) {
            Instance guest = linker.instantiate(store, lights);
            assertEquals(12L, guest.call("open-and-release", 12));
            assertEquals(List.of("open 12", "close 12"), board.events);
            assertEquals(0, board.pins.liveCount());
        }
    }

    @Test void aHostFunctionCanTakeAnOwnedHandleAndKeepTheObject() {
        List<Pin> kept = new ArrayList<>();
        Board board = new Board();
        try (Store store = new Store(engine); Linker linker = board.linker(Map.of("release", a -> {
                Pin p = board.pins.take(a[0]);
                kept.add(p);
                return p.number;
            }))) {
            Instance guest = linker.instantiate(store, lights);
            assertEquals(4L, guest.call("open-and-release", 4));
            assertEquals(1, kept.size());
            assertFalse(kept.getFirst().closed, "taken, so not dropped");
            assertEquals(0, board.pins.liveCount(), "taken out of the table");
        }
    }

    @Test void aHostFunctionThatThrowsInAConstructorComesOutAsItsCause() {
        Board board = new Board();
        try (Store store = new Store(engine); Linker linker = board.linker()) {
            Instance guest = linker.instantiate(store, lights);
            Pin held = (Pin) guest.call("open", 25);
            var e = assertThrows(HostFunctionException.class, () -> guest.call("blink", 25, 1));
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("pin 25 is already open"), e.getCause().getMessage());
            assertFalse(held.closed, "the pin Java holds is untouched");
        }
    }

    @Test void pinsAGuestStillHoldsAreDroppedWhenItsStoreCloses() {
        // A pin that fails mid-blink, so the guest never gets to drop its handle.
        Board board = new Board();
        Store store = new Store(engine);
        try (Linker linker = board.linker(Map.of("[method]output-pin.toggle", a -> { throw new IllegalStateException("pin shorted"); }))) {
            Instance guest = linker.instantiate(store, lights);
            assertThrows(HostFunctionException.class, () -> guest.call("blink", 13, 1));
            assertEquals(List.of("open 13"), board.events, "the trap left pin 13 in the guest's hands");
            assertEquals(1, board.pins.liveCount());
            store.close();
            assertEquals(List.of("open 13", "close 13"), board.events, "closing the store dropped it");
            assertEquals(0, board.pins.liveCount());
        }
    }

    @Test void aDropActionThatThrowsComesOutOfTheCall() {
        Board board = new Board(new HostResource<>("output-pin", p -> { throw new IllegalStateException("pin " + p.number + " is stuck"); }));
        try (Store store = new Store(engine); Linker linker = board.linker()) {
            Instance guest = linker.instantiate(store, lights);
            var e = assertThrows(HostFunctionException.class, () -> guest.call("blink", 9, 1));
            assertTrue(e.getCause().getMessage().contains("pin 9 is stuck"), e.getCause().getMessage());
            assertTrue(e.wasmtimeMessage().contains("dropping embedded:platform/pins#output-pin #"), e.wasmtimeMessage());
        }
    }

    @Test void withoutTheResourceTheImportIsNamed() {
        try (Store store = new Store(engine); Linker linker = new Linker(engine)) {
            var e = assertThrows(LinkException.class, () -> linker.instantiate(store, lights));
            assertTrue(e.wasmtimeMessage().contains("embedded:platform/pins"), e.wasmtimeMessage());
        }
    }

    @Test void aHandleOfAnotherResourceIsRefused() {
        Board board = new Board();
        HostResource<Object> other = new HostResource<>("lamp");
        try (Store store = new Store(engine); Linker linker = board.linker()) {
            Instance guest = linker.instantiate(store, lights);
            var e = assertThrows(SignatureMismatchException.class, () -> guest.func("flip").callWit(other.own(new Object())));
            assertTrue(e.getMessage().contains("borrow<output-pin>"), e.getMessage());
            assertNotNull(guest.call("open", 1), "the store is still usable: nothing reached the guest");
        }
    }
}
