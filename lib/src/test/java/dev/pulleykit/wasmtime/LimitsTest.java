package dev.pulleykit.wasmtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A learner's runaway guest meets the store's limits: each ends in its own exception, and the JVM carries on. */
class LimitsTest {
    static Engine engine;
    static Component runaway;

    @BeforeAll static void load() {
        engine = new Engine(EngineConfig.DESKTOP_LIMITS);
        runaway = Component.compile(engine, CourseGuests.bytes("runaway.component.wasm"));
    }

    @AfterAll static void close() {
        runaway.close();
        engine.close();
    }

    private static Instance fresh(Store store) {
        try (Linker linker = new Linker(engine)) {
            return linker.instantiate(store, runaway);
        }
    }

    @Test void fuelStopsAnEndlessLoop() {
        try (Store store = new Store(engine).setFuelPerCall(1_000_000)) {
            Instance instance = fresh(store);
            OutOfFuelException e = assertThrows(OutOfFuelException.class, () -> instance.call("spin"));
            assertEquals(TrapException.Kind.OUT_OF_FUEL, e.kind());
            assertTrue(e.getMessage().contains("1000000 units per call"), e.getMessage());
            assertFalse(e.guestBacktrace().isEmpty(), "Wasmtime gives the guest's frames");
            assertTrue(e.guestBacktrace().stream().anyMatch(f -> f.contains("spin")), e.guestBacktrace().toString());
        }
    }

    @Test void fuelIsPerCall() {
        try (Store store = new Store(engine).setFuelPerCall(5_000_000)) {
            Instance instance = fresh(store);
            for (int i = 0; i < 5; i++) {
                assertEquals(new BigInteger("18220332723799401601"), instance.call("spin-for", 10L), "call " + i + " gets a full tank");
            }
        }
    }

    @Test void aTimeoutStopsAnEndlessLoop() {
        try (Store store = new Store(engine).setTimeoutPerCall(Duration.ofMillis(200))) {
            Instance instance = fresh(store);
            long start = System.nanoTime();
            CallTimeoutException e = assertThrows(CallTimeoutException.class, () -> instance.call("spin"));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(TrapException.Kind.INTERRUPT, e.kind());
            assertTrue(ms >= 190, "not before the timeout: " + ms + " ms");
            assertTrue(ms < 10_000, "well before forever: " + ms + " ms");
            assertThrows(TrapException.class, () -> instance.call("ok"), "the store is spent after a trap");
        }
        try (Store store = new Store(engine).setTimeoutPerCall(Duration.ofMillis(200))) {
            assertEquals("still alive", fresh(store).call("ok"), "a call within its time is untouched");
        }
    }

    @Test void aMemoryCapStopsGrowth() {
        try (Store store = new Store(engine).setMemoryLimit(8L << 20)) {
            long got = (Long) fresh(store).call("grow", 64);
            assertTrue(got < 8, "the guest got only what fits under 8 MiB: " + got + " MiB");
        }
        try (Store store = new Store(engine)) {
            assertEquals(64L, fresh(store).call("grow", 64), "without a cap it gets all 64 MiB");
        }
    }

    @Test void aGuestThatCannotCopeWithTheCapTrapsAsMemoryLimit() {
        try (Store store = new Store(engine).setMemoryLimit(8L << 20)) {
            Instance instance = fresh(store);
            MemoryLimitException e = assertThrows(MemoryLimitException.class, () -> instance.call("hog", 32));
            assertTrue(e.getMessage().contains(String.valueOf(8L << 20)), e.getMessage());
            assertEquals(java.util.List.of("core::panicking::panic_nounwind_fmt", "hog"), e.guestBacktrace(), "readable, demangled frames");
        }
        try (Store store = new Store(engine).setMemoryLimit(64L << 20)) {
            assertEquals(32L, fresh(store).call("hog", 32), "under a larger cap the same call succeeds");
        }
    }

    @Test void aMemoryCapBelowTheInitialMemoryFailsInstantiation() {
        try (Store store = new Store(engine).setMemoryLimit(4096)) {
            MemoryLimitException e = assertThrows(MemoryLimitException.class, () -> fresh(store));
            assertTrue(e.getMessage().contains("4096 bytes"), e.getMessage());
        }
    }

    @Test void trapsHaveKindsAndBacktraces() {
        try (Store store = new Store(engine)) {
            TrapException e = assertThrows(TrapException.class, () -> fresh(store).call("crash"));
            assertEquals(TrapException.Kind.UNREACHABLE, e.kind());
            assertFalse(e.guestBacktrace().isEmpty());
        }
        try (Store store = new Store(engine)) {
            TrapException e = assertThrows(TrapException.class, () -> fresh(store).call("recurse", 1_000_000));
            assertEquals(TrapException.Kind.STACK_OVERFLOW, e.kind());
        }
    }

    @Test void limitsNeedAProfileThatHasThem() {
        try (Engine plain = new Engine(EngineConfig.DESKTOP); Store store = new Store(plain)) {
            var e = assertThrows(IllegalStateException.class, () -> store.setFuelPerCall(10));
            assertTrue(e.getMessage().contains("DESKTOP_LIMITS"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> store.setTimeoutPerCall(Duration.ofSeconds(1)));
        }
    }
}
