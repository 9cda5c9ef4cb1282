package dev.pulleykit.wasmtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The blinky guest imports a board's capabilities (embedded:platform/gpio, timer, log); here
 * Java provides them, as the kit's desktop stands in for the RP2350.
 */
class HostFunctionsTest {
    static Engine engine;
    static Component blinky;

    @BeforeAll static void load() {
        engine = new Engine(EngineConfig.DESKTOP);
        blinky = Component.deserialize(engine, CourseGuests.bytes("blinky.cwasm"));
    }

    @AfterAll static void close() {
        blinky.close();
        engine.close();
    }

    /** A simulated board: pins that remember their level, a clock, and a log. */
    static final class Board {
        final Set<Long> high = new HashSet<>();
        final List<String> log = new ArrayList<>();
        long now;

        Linker linker() {
            return new Linker(engine)
                .defineJava("embedded:platform/gpio", "set-high", a -> { high.add((Long) a[0]); return null; })
                .defineJava("embedded:platform/gpio", "set-low", a -> { high.remove((Long) a[0]); return null; })
                .defineJava("embedded:platform/gpio", "read", a -> high.contains((Long) a[0]))
                .defineJava("embedded:platform/timer", "delay-ms", a -> { now += (Long) a[0]; return null; })
                .define("embedded:platform/timer", "now-ms", args -> new WitValue.U64(now))
                .defineJava("embedded:platform/log", "info", a -> { log.add((String) a[0]); return null; });
        }
    }

    @Test void javaProvidesTheBoard() {
        Board board = new Board();
        try (Store store = new Store(engine); Linker linker = board.linker()) {
            Instance instance = linker.instantiate(store, blinky);
            assertEquals(6L, instance.call("run", 3));
            assertEquals(3, board.log.size(), board.log.toString());
            assertTrue(board.log.getFirst().startsWith("blink 1 of 3 on pin 25"), board.log.getFirst());
            assertEquals(600, board.now, "six delays of 100 ms on the simulated clock");
            assertEquals("pin 25 is low", instance.call("status"));
            board.high.add(25L);
            assertEquals("pin 25 is high", instance.call("status"));
        }
    }

    /**
     * Nothing but the call chain refers to the store, the linker or the instance, and the
     * collector runs (and the Cleaner gets time) in the middle of the guest's call: the store
     * must live until the call is over, or Wasmtime would run on freed memory.
     */
    @Test void aStoreNobodyHoldsLivesThroughItsCall() {
        for (int i = 0; i < 20; i++) {
            Object toggles = new Linker(engine)
                .defineJava("embedded:platform/gpio", "set-high", a -> null)
                .defineJava("embedded:platform/gpio", "set-low", a -> null)
                .defineJava("embedded:platform/gpio", "read", a -> false)
                .defineJava("embedded:platform/timer", "delay-ms", a -> {
                    System.gc();
                    Thread.sleep(2);
                    return null;
                })
                .defineJava("embedded:platform/timer", "now-ms", a -> 0L)
                .defineJava("embedded:platform/log", "info", a -> null)
                .instantiate(new Store(engine), blinky).call("run", 2);
            assertEquals(4L, toggles);
        }
    }

    @Test void aMissingImportIsNamed() {
        try (Store store = new Store(engine); Linker linker = new Linker(engine)
                .defineJava("embedded:platform/gpio", "set-high", a -> null)) {
            var e = assertThrows(LinkException.class, () -> linker.instantiate(store, blinky));
            assertTrue(e.wasmtimeMessage().contains("embedded:platform/"), e.getMessage());
            assertTrue(e.getMessage().contains("embedded:platform/timer"), "lists what the component imports: " + e.getMessage());
        }
    }

    @Test void anExceptionInJavaComesOutWithItsCause() {
        Board board = new Board();
        IllegalStateException boom = new IllegalStateException("pin 25 is wired to ground");
        try (Store store = new Store(engine); Linker linker = board.linker()
                .defineJava("embedded:platform/gpio", "set-high", a -> { throw boom; })) {
            // Redefining an import is refused, so build the failing board from scratch instead.
            assertThrows(LinkException.class, () -> linker.instantiate(store, blinky).call("run", 1));
        } catch (LinkException redefined) {
            assertTrue(redefined.getMessage().contains("set-high"), redefined.getMessage());
        }
        try (Store store = new Store(engine); Linker linker = new Linker(engine)
                .defineJava("embedded:platform/gpio", "set-high", a -> { throw boom; })
                .defineJava("embedded:platform/gpio", "set-low", a -> null)
                .defineJava("embedded:platform/gpio", "read", a -> false)
                .defineJava("embedded:platform/timer", "delay-ms", a -> null)
                .defineJava("embedded:platform/timer", "now-ms", a -> 0L)
                .defineJava("embedded:platform/log", "info", a -> null)) {
            Instance instance = linker.instantiate(store, blinky);
            HostFunctionException e = assertThrows(HostFunctionException.class, () -> instance.call("run", 1));
            assertSame(boom, e.getCause());
            assertTrue(e.getMessage().contains("set-high"), e.getMessage());
            assertInstanceOf(TrapException.class, assertThrows(TrapException.class, () -> instance.call("status")),
                "the store is unusable after the failed call");
        }
        try (Store store = new Store(engine); Linker linker = new Board().linker()) {
            assertEquals(2L, linker.instantiate(store, blinky).call("run", 1), "a fresh store works");
        }
    }

    @Test void aResultOfTheWrongTypeIsAnError() {
        try (Store store = new Store(engine); Linker linker = new Linker(engine)
                .defineJava("embedded:platform/gpio", "set-high", a -> null)
                .defineJava("embedded:platform/gpio", "set-low", a -> null)
                .defineJava("embedded:platform/gpio", "read", a -> "yes")
                .defineJava("embedded:platform/timer", "delay-ms", a -> null)
                .defineJava("embedded:platform/timer", "now-ms", a -> 0L)
                .defineJava("embedded:platform/log", "info", a -> null)) {
            Instance instance = linker.instantiate(store, blinky);
            HostFunctionException e = assertThrows(HostFunctionException.class, () -> instance.call("status"));
            assertInstanceOf(SignatureMismatchException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("expected bool"), e.getCause().getMessage());
        }
    }
}
