package dev.pulleykit.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulleykit.wasmtime.Component;
import dev.pulleykit.wasmtime.CourseGuests;
import dev.pulleykit.wasmtime.Engine;
import dev.pulleykit.wasmtime.EngineConfig;
import dev.pulleykit.wasmtime.Instance;
import dev.pulleykit.wasmtime.Linker;
import dev.pulleykit.wasmtime.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Threads sharing what the binding says may be shared (an {@link Engine}, a {@link Component},
 * a {@link Linker}), each with its own {@link Store}: every answer must be that thread's own.
 * Engines are also created and closed while other engines work.
 */
class ConcurrencyTest {
    static final int THREADS = 8;
    static final int CALLS_PER_THREAD = 25_000;
    /** Each thread instantiates anew this often, so that instantiations also overlap. */
    static final int CALLS_PER_INSTANCE = 1_000;
    static final Duration LIMIT = Duration.ofMinutes(3);

    static final byte[] GUEST1 = CourseGuests.bytes("guest1.cwasm");
    static final byte[] GUEST2 = CourseGuests.bytes("guest2.cwasm");

    static String expected(String name) { return "guest2 run() called: hello, " + name + "!"; }

    @Test void threadsSharingOneEngineAndComponentEachGetTheirOwnAnswers() throws InterruptedException {
        Queue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicLong calls = new AtomicLong();
        long nanos;
        try (Engine engine = new Engine(EngineConfig.DESKTOP);
             Component guest2 = Component.deserialize(engine, GUEST2);
             Linker linker = new Linker(engine)) {
            nanos = runAll(THREADS, t -> {
                for (int i = 0; i < CALLS_PER_THREAD; ) {
                    try (Store store = new Store(engine)) {
                        Instance instance = linker.instantiate(store, guest2);
                        for (int k = 0; k < CALLS_PER_INSTANCE; k++, i++) {
                            // Names of different lengths and scripts, so that a mixed-up buffer would show.
                            String name = "thread " + t + " call " + i + (i % 3 == 0 ? " ünïcödé 😀" : "");
                            Object answer = instance.call("run", Optional.of(name));
                            if (!expected(name).equals(answer)) errors.add("thread " + t + " call " + i + ": got " + answer);
                            calls.incrementAndGet();
                        }
                        Object described = instance.call("describe");
                        if (!"guest2 has an extra `describe` export".equals(described)) errors.add("thread " + t + ": describe gave " + described);
                    }
                }
            }, errors);
        }
        System.out.printf("ConcurrencyTest: %d threads, one engine and component: %,d calls in %,d ms (%,.0f calls/s), "
            + "%d instantiations%n", THREADS, calls.get(), nanos / 1_000_000, calls.get() * 1e9 / nanos,
            THREADS * CALLS_PER_THREAD / CALLS_PER_INSTANCE);
        assertTrue(errors.isEmpty(), errors.size() + " wrong answers or errors, the first ones:\n" + first(errors));
        assertEquals((long) THREADS * CALLS_PER_THREAD, calls.get(), "every call was made");
    }

    @Test void enginesAreClosedWhileOtherEnginesWork() throws InterruptedException {
        Queue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicLong steadyCalls = new AtomicLong(), churned = new AtomicLong();
        int churners = THREADS / 2, engineCycles = 100;
        CountDownLatch churnersDone = new CountDownLatch(churners);
        byte[] guest2ForLimits;
        try (Engine limits = new Engine(EngineConfig.DESKTOP_LIMITS);
             Component c = Component.compile(limits, CourseGuests.bytes("guest2.component.wasm"))) {
            guest2ForLimits = c.serialize();
        }
        long nanos = runAll(THREADS, t -> {
            if (t < churners) {
                // Create an engine, load, call, close it: half of them with an epoch ticker thread to stop,
                // and every tenth compiling rather than deserializing.
                try {
                    for (int n = 0; n < engineCycles; n++) {
                        EngineConfig profile = n % 2 == 0 ? EngineConfig.DESKTOP : EngineConfig.DESKTOP_LIMITS;
                        byte[] artifact = profile == EngineConfig.DESKTOP ? GUEST2 : guest2ForLimits;
                        try (Engine engine = new Engine(profile);
                             Component guest2 = n % 10 == 9
                                 ? Component.compile(engine, CourseGuests.bytes("guest2.component.wasm"))
                                 : Component.deserialize(engine, artifact);
                             Store store = new Store(engine); Linker linker = new Linker(engine)) {
                            if (profile == EngineConfig.DESKTOP_LIMITS) store.setTimeoutPerCall(Duration.ofSeconds(30)).setFuelPerCall(10_000_000);
                            String name = "churner " + t + " engine " + n;
                            Object answer = linker.instantiate(store, guest2).call("run", Optional.of(name));
                            if (!expected(name).equals(answer)) errors.add(name + ": got " + answer);
                            churned.incrementAndGet();
                        }
                    }
                } finally {
                    churnersDone.countDown();
                }
            } else {
                // A long-lived engine of its own, calling until the churners are done.
                try (Engine engine = new Engine(EngineConfig.DESKTOP); Component guest1 = Component.deserialize(engine, GUEST1);
                     Store store = new Store(engine); Linker linker = new Linker(engine)) {
                    Instance instance = linker.instantiate(store, guest1);
                    while (churnersDone.getCount() > 0) {
                        Object answer = instance.call("run");
                        if (!"guest1 run() called".equals(answer)) errors.add("steady thread " + t + ": got " + answer);
                        steadyCalls.incrementAndGet();
                    }
                }
            }
        }, errors);
        System.out.printf("ConcurrencyTest: %d engines created, used and closed by %d threads while %d threads made %,d calls "
            + "on engines of their own, in %,d ms%n", churned.get(), churners, THREADS - churners, steadyCalls.get(), nanos / 1_000_000);
        assertTrue(errors.isEmpty(), errors.size() + " wrong answers or errors, the first ones:\n" + first(errors));
        assertEquals((long) churners * engineCycles, churned.get(), "every engine cycle answered");
        assertTrue(steadyCalls.get() > 0, "the steady threads made calls meanwhile");
    }

    /** The engine's documentation promises that closing it leaves components and stores made from it working. */
    @Test void closingASharedEngineLeavesTheInstancesOfOtherThreadsWorking() throws InterruptedException {
        Queue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicLong callsBefore = new AtomicLong(), callsAfter = new AtomicLong();
        Engine engine = new Engine(EngineConfig.DESKTOP);
        CountDownLatch warmedUp = new CountDownLatch(THREADS), engineClosed = new CountDownLatch(1);
        Thread closer = Thread.ofPlatform().start(() -> {
            try {
                warmedUp.await();
                engine.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                engineClosed.countDown();
            }
        });
        try (Component guest2 = Component.deserialize(engine, GUEST2)) {
            runAll(THREADS, t -> {
                boolean counted = false;
                try (Store store = new Store(engine); Linker linker = new Linker(engine)) {
                    Instance instance = linker.instantiate(store, guest2);
                    // Calls before, during and after the close.
                    for (int i = 0; i < 2_000 || engineClosed.getCount() > 0; i++) {
                        boolean closed = engineClosed.getCount() == 0;
                        String name = "thread " + t + " call " + i;
                        Object answer = instance.call("run", Optional.of(name));
                        if (!expected(name).equals(answer)) errors.add(name + ": got " + answer);
                        (closed ? callsAfter : callsBefore).incrementAndGet();
                        if (i == 499) {
                            warmedUp.countDown();
                            counted = true;
                        }
                    }
                } finally {
                    if (!counted) warmedUp.countDown(); // on failure too, or the closer would wait for ever
                }
            }, errors);
        }
        closer.join();
        System.out.printf("ConcurrencyTest: %,d calls before their engine was closed under them, %,d after%n",
            callsBefore.get(), callsAfter.get());
        assertTrue(errors.isEmpty(), errors.size() + " wrong answers or errors, the first ones:\n" + first(errors));
        assertTrue(callsBefore.get() >= THREADS * 500L && callsAfter.get() > 0, "calls happened before and after the close");
        var e = assertThrows(IllegalStateException.class, () -> new Store(engine), "a closed engine makes no new stores");
        assertTrue(e.getMessage().contains("engine is closed"), e.getMessage());
    }

    /**
     * Closing an engine while other threads are making stores, linkers and components on it:
     * each attempt either works or says the engine is closed, and none gets a freed pointer
     * (that would crash the JVM, or corrupt Wasmtime's heap for the rounds that follow).
     */
    @Test void closingAnEngineWhileOthersAreStillCreatingOnItIsSafe() throws InterruptedException {
        Queue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicLong made = new AtomicLong(), refused = new AtomicLong();
        for (int round = 0; round < 300; round++) {
            Engine engine = new Engine(EngineConfig.DESKTOP);
            CountDownLatch started = new CountDownLatch(3);
            Thread closer = Thread.ofPlatform().start(() -> {
                try {
                    started.await();
                    engine.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            runAll(3, t -> {
                started.countDown();
                for (int i = 0; i < 50; i++) {
                    try {
                        switch ((t + i) % 3) {
                            case 0 -> new Store(engine).close();
                            case 1 -> new Linker(engine).close();
                            default -> Component.deserialize(engine, GUEST1).close();
                        }
                        made.incrementAndGet();
                    } catch (IllegalStateException e) {
                        if (!e.getMessage().contains("engine is closed")) errors.add("unexpected: " + e);
                        refused.incrementAndGet();
                    }
                }
            }, errors);
            closer.join();
        }
        System.out.printf("ConcurrencyTest: engines closed under their creators: %,d objects made, %,d refused%n",
            made.get(), refused.get());
        assertTrue(errors.isEmpty(), first(errors));
        assertTrue(made.get() > 0 && refused.get() > 0, "the close landed in the middle of the work: " + made + " made, " + refused + " refused");
        // Wasmtime still works after all that.
        try (Engine engine = new Engine(EngineConfig.DESKTOP); Component guest2 = Component.deserialize(engine, GUEST2);
             Store store = new Store(engine); Linker linker = new Linker(engine)) {
            assertEquals(expected("after"), linker.instantiate(store, guest2).call("run", Optional.of("after")));
        }
    }

    // ---- the harness ---------------------------------------------------------------------------

    interface Body { void run(int thread) throws Exception; }

    /** Starts {@code threads} threads at once, waits for all of them, and returns the wall time in nanoseconds. */
    private static long runAll(int threads, Body body, Queue<String> errors) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(threads), go = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            started.add(Thread.ofPlatform().name("concurrency-" + t).start(() -> {
                ready.countDown();
                try {
                    go.await();
                    body.run(id);
                } catch (Throwable e) {
                    errors.add("thread " + id + " threw " + e);
                }
            }));
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        long deadline = start + LIMIT.toNanos();
        for (Thread thread : started) {
            thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            assertTrue(!thread.isAlive(), thread.getName() + " did not finish within " + LIMIT + " (a deadlock or a hang?)");
        }
        return System.nanoTime() - start;
    }

    private static String first(Queue<String> errors) {
        return String.join("\n", errors.stream().limit(10).toList());
    }
}
