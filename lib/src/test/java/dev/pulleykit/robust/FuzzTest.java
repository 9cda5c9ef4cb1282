package dev.pulleykit.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulleykit.kit.Artifact;
import dev.pulleykit.kit.ArtifactFiles;
import dev.pulleykit.kit.Kit;
import dev.pulleykit.kit.KitException;
import dev.pulleykit.kit.RunningGuest;
import dev.pulleykit.wasmtime.CompileException;
import dev.pulleykit.wasmtime.Component;
import dev.pulleykit.wasmtime.ComponentType;
import dev.pulleykit.wasmtime.CourseGuests;
import dev.pulleykit.wasmtime.Engine;
import dev.pulleykit.wasmtime.EngineConfig;
import dev.pulleykit.wasmtime.Func;
import dev.pulleykit.wasmtime.Instance;
import dev.pulleykit.wasmtime.Linker;
import dev.pulleykit.wasmtime.Store;
import dev.pulleykit.wasmtime.TrapException;
import dev.pulleykit.wasmtime.WasmtimeException;
import dev.pulleykit.wasmtime.WitValue;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated inputs through compile, deserialize and call. Every input must end in a result or an
 * exception of the kit's documented kinds ({@link WasmtimeException} and its subclasses,
 * {@link KitException}): no other exception, no hang, and no crash (a crash ends the test JVM,
 * which fails the build; {@code target/fuzz-failures/last-input.*} then holds the input that did it).
 *
 * <p>Raw {@link Component#deserialize} is deliberately not fed mutated bytes. Wasmtime maps an
 * artifact's code as it is and trusts it (the C API documents deserialization as unsafe on
 * untrusted input), so a damaged artifact may crash the process by design. The kit's defence is
 * the signed envelope of {@link ArtifactFiles}, and that is what is fuzzed here: no mutated
 * envelope may verify, so no mutated artifact ever reaches Wasmtime. Artifacts made here from
 * mutated components that did compile are deserialized, since those are genuine.
 *
 * <p>{@code -Dkit.fuzz.count=N} sets the number of inputs (default 10,000, split between the two
 * tests), {@code -Dkit.fuzz.seed=S} the seed, and {@code -Dkit.fuzz.only=I} runs input I alone.
 */
class FuzzTest {
    static final long SEED = Long.getLong("kit.fuzz.seed", 0x5EED_2025L);
    static final int COUNT = Integer.getInteger("kit.fuzz.count", 10_000);
    static final Integer ONLY = Integer.getInteger("kit.fuzz.only");
    /** Compiling dominates the time (a mutant is often refused only after most of it was compiled), so components get 40%. */
    static final int COMPONENT_COUNT = COUNT * 4 / 10;
    static final int ENVELOPE_COUNT = COUNT - COMPONENT_COUNT;
    /** Generous: the slowest legitimate input (a mutant that compiles, runs and round-trips) takes well under a second. */
    static final Duration PER_INPUT = Duration.ofSeconds(60);
    static final long FUEL_PER_CALL = 5_000_000;
    static final long MEMORY_CAP = 64L << 20;
    static final Path FAILURES = Path.of(System.getProperty("basedir", "."), "target", "fuzz-failures");
    static final int MAX_FAILURES = 10;

    static Engine limits;   // fuel and epochs: a mutant that loops forever is stopped
    static Engine desktop;  // the bundled artifacts' profile
    static ExecutorService worker;
    static LastInput lastInput;

    @BeforeAll static void setUp() throws IOException {
        limits = new Engine(EngineConfig.DESKTOP_LIMITS);
        desktop = Kit.engine();
        worker = newWorker();
        Files.createDirectories(FAILURES);
        lastInput = new LastInput(FAILURES.resolve("last-input.bin"), FAILURES.resolve("last-input.txt"));
        System.out.println("FuzzTest: seed " + SEED + " (-Dkit.fuzz.seed), " + COUNT + " inputs (-Dkit.fuzz.count)"
            + (ONLY != null ? ", only input " + ONLY : ""));
    }

    @AfterAll static void tearDown() throws IOException {
        lastInput.closeAndDelete(); // the JVM survived every input: nothing to keep
        worker.shutdownNow();
        limits.close();
        desktop.close();
    }

    // ---- components: compile, instantiate, call every export -----------------------------------

    @Test void mutatedComponentsCompileAndRunOrAreRefused() {
        List<byte[]> seeds = List.of(CourseGuests.bytes("guest1.component.wasm"), CourseGuests.bytes("guest2.component.wasm"));
        Mutator mutator = new Mutator(seeds);
        assertTrue(mutator.lengthFields(0).length > 5 && mutator.lengthFields(1).length > 5,
            "the mutator finds the section sizes of both components and their core modules");
        // The harness itself: the unmutated guests compile and every export answers.
        assertEquals("run=\"guest1 run() called\"", runComponent(seeds.get(0), new Tally()));
        assertEquals("run=\"guest2 run() called: hello, x!\" describe=\"guest2 has an extra `describe` export\"",
            runComponent(seeds.get(1), new Tally()));

        Tally tally = new Tally();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = first(); i < end(COMPONENT_COUNT) && failures.size() < MAX_FAILURES; i++) {
            Mutator.Mutant m = mutator.mutate(random("component", i));
            tally.inputs++;
            Throwable problem = bounded("component", i, m, () -> runComponent(m.bytes(), tally));
            if (problem != null) failures.add(failure("component", i, m, problem));
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("FuzzTest components: %d inputs in %d ms: %s%n", tally.inputs, ms, tally);
        assertTrue(failures.isEmpty(), failures.size() + " mutated component(s) got an undocumented outcome:\n"
            + String.join("\n", failures));
        if (ONLY == null) {
            assertTrue(tally.refused > 0 && tally.compiled > 0 && tally.calls > 0,
                "the mutations reach every stage (refused, compiled, called): " + tally);
        }
    }

    /**
     * Compiles {@code bytes}; if that works, calls every exported function with plausible arguments
     * in a fresh instance, and checks that the component serialized and deserialized again answers
     * the same. Returns what happened, one entry per export; documented exceptions are outcomes.
     */
    static String runComponent(byte[] bytes, Tally tally) {
        Component compiled;
        try {
            compiled = Component.compile(limits, bytes);
        } catch (CompileException e) {
            tally.refused++;
            return "refused";
        }
        try (compiled) {
            tally.compiled++;
            String direct = callEveryExport(compiled, tally);
            byte[] artifact = compiled.serialize();
            try (Component back = Component.deserialize(limits, artifact)) {
                tally.roundTrips++;
                String again = callEveryExport(back, new Tally());
                // A timeout is wall-clock and may strike one run and not the other; anything else must agree.
                if (!direct.contains("CallTimeoutException") && !again.contains("CallTimeoutException")) {
                    assertEquals(direct, again, "the deserialized artifact of a mutant answers as the compiled mutant did");
                }
            }
            return direct;
        }
    }

    private static String callEveryExport(Component component, Tally tally) {
        StringBuilder outcome = new StringBuilder();
        for (ComponentType.Item item : component.type().exports()) {
            if (!(item instanceof ComponentType.FuncItem f)) continue;
            if (!outcome.isEmpty()) outcome.append(' ');
            outcome.append(f.name()).append('=');
            // A fresh instance per export: a trap leaves an instance unusable.
            try (Store store = new Store(component.engine()); Linker linker = new Linker(component.engine())) {
                store.setFuelPerCall(FUEL_PER_CALL).setTimeoutPerCall(Duration.ofSeconds(10)).setMemoryLimit(MEMORY_CAP);
                Instance instance;
                try {
                    instance = linker.instantiate(store, component);
                } catch (WasmtimeException e) {
                    tally.notInstantiated++;
                    outcome.append("instantiate:").append(e.getClass().getSimpleName());
                    continue;
                }
                try {
                    Func func = instance.func(f.name());
                    WitValue[] args = PlausibleArgs.of(func.type());
                    if (args == null) {
                        tally.notCallable++;
                        outcome.append("not-callable:").append(func.type());
                        continue;
                    }
                    WitValue result = func.callWit(args);
                    tally.calls++;
                    outcome.append(result);
                } catch (TrapException e) {
                    tally.traps++;
                    outcome.append(e.getClass().getSimpleName()).append(':').append(e.kind());
                } catch (WasmtimeException e) {
                    tally.callRefused++;
                    outcome.append(e.getClass().getSimpleName());
                }
            }
        }
        return outcome.toString();
    }

    // ---- artifact envelopes: verify, then load and call --------------------------------------

    @Test void mutatedArtifactEnvelopesAreAllRefused(@TempDir Path dir) throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (String guest : List.of("guest1", "guest2")) {
            seeds.add(Files.readAllBytes(ArtifactFiles.write(Kit.bundledArtifact(guest), dir.resolve(guest + ".cwasm"))));
        }
        Mutator mutator = new Mutator(seeds);
        // The harness itself: the unmutated envelopes verify, load and answer.
        Tally check = new Tally();
        assertEquals("guest1 run() called", runEnvelope(seeds.get(0), seeds, check));
        assertEquals("guest2 run() called: hello, x!", runEnvelope(seeds.get(1), seeds, check));

        Tally tally = new Tally();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = first(); i < end(ENVELOPE_COUNT) && failures.size() < MAX_FAILURES; i++) {
            Mutator.Mutant m = mutator.mutate(random("envelope", i));
            tally.inputs++;
            Throwable problem = bounded("envelope", i, m, () -> runEnvelope(m.bytes(), seeds, tally));
            if (problem != null) failures.add(failure("envelope", i, m, problem));
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("FuzzTest envelopes: %d inputs in %d ms: %d refused by the envelope, %d no-op mutations loaded%n",
            tally.inputs, ms, tally.refused, tally.calls);
        assertTrue(failures.isEmpty(), failures.size() + " mutated envelope(s) were not refused as they must be:\n"
            + String.join("\n", failures));
        assertEquals(tally.inputs, tally.refused + tally.calls, "every input was refused or was one of the originals");
    }

    /** Verifies, loads and calls an envelope; a mutated one must be refused unless it is byte for byte an original. */
    private static String runEnvelope(byte[] bytes, List<byte[]> originals, Tally tally) {
        Artifact artifact;
        try {
            artifact = ArtifactFiles.verify(bytes, "mutated envelope");
        } catch (WasmtimeException | KitException e) {
            tally.refused++;
            return "refused";
        }
        assertTrue(originals.stream().anyMatch(o -> Arrays.equals(o, bytes)),
            "a changed envelope verified: " + artifact + " (it would reach Wasmtime's deserialize)");
        try (Component c = Kit.load(desktop, artifact); RunningGuest g = Kit.instantiate(c)) {
            Object answer = c.type().exportedFunc("run").orElseThrow().params().isEmpty() ? g.call("run") : g.call("run", java.util.Optional.of("x"));
            tally.calls++;
            return (String) answer;
        }
    }

    // ---- the harness ---------------------------------------------------------------------------

    /** Outcome counts. */
    static final class Tally {
        int inputs, refused, compiled, roundTrips, notInstantiated, calls, traps, callRefused, notCallable;

        @Override public String toString() {
            return String.format("%d refused at compile, %d compiled (%d round-tripped through serialize/deserialize); "
                + "exports: %d called, %d trapped, %d calls refused, %d not callable; %d instantiations refused",
                refused, compiled, roundTrips, calls, traps, callRefused, notCallable, notInstantiated);
        }
    }

    private static int first() { return ONLY != null ? ONLY : 0; }

    private static int end(int count) { return ONLY != null ? ONLY + 1 : count; }

    /** Each input has its own generator, so that seed and index reproduce it without the inputs before it. */
    private static Random random(String kind, int index) {
        return new Random(SEED * 31 + kind.hashCode() ^ index * 0x9E37_79B9_7F4A_7C15L);
    }

    /**
     * Runs one input on the worker thread with a time limit. Returns null when it ended in a
     * result or a documented exception, else what went wrong. Before it runs, the input is
     * written to {@code last-input.*}, so that a crash of the whole JVM still leaves it behind.
     */
    private static Throwable bounded(String kind, int index, Mutator.Mutant m, Callable<?> work) {
        lastInput.record(m.bytes(), kind + " input " + index + ", seed " + SEED + ": " + m.how()
            + "\nrerun with -Dkit.fuzz.seed=" + SEED + " -Dkit.fuzz.only=" + index + "\n");
        Future<?> future = worker.submit(work);
        try {
            future.get(PER_INPUT.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            future.cancel(true);
            worker.shutdownNow();
            worker = newWorker(); // the stuck thread is a daemon: it cannot keep the JVM alive
            return new AssertionError("no answer within " + PER_INPUT.toSeconds() + " s (a hang)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return cause instanceof WasmtimeException || cause instanceof KitException ? null : cause;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    /**
     * The input about to run, on disk. Both files stay open and are overwritten in place:
     * creating a file per input would cost more than most inputs take to run.
     */
    static final class LastInput {
        private final Path bin, txt;
        private final FileChannel bytes, text;

        LastInput(Path bin, Path txt) throws IOException {
            this.bin = bin;
            this.txt = txt;
            this.bytes = FileChannel.open(bin, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            this.text = FileChannel.open(txt, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        }

        void record(byte[] input, String description) {
            try {
                overwrite(bytes, input);
                overwrite(text, description.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void overwrite(FileChannel channel, byte[] content) throws IOException {
            channel.position(0);
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) channel.write(buffer);
            channel.truncate(content.length);
        }

        void closeAndDelete() throws IOException {
            bytes.close();
            text.close();
            Files.deleteIfExists(bin);
            Files.deleteIfExists(txt);
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("fuzz-worker").unstarted(r));
    }

    /** Saves the input and describes the failure with what reproduces it. */
    private static String failure(String kind, int index, Mutator.Mutant m, Throwable problem) {
        Path saved = FAILURES.resolve(kind + "-seed" + SEED + "-input" + index + ".bin");
        try {
            Files.write(saved, m.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringWriter trace = new StringWriter();
        problem.printStackTrace(new PrintWriter(trace));
        return "seed " + SEED + ", " + kind + " input " + index + " (" + m.how() + "; " + m.bytes().length + " bytes, saved as "
            + saved + "; rerun with -Dkit.fuzz.seed=" + SEED + " -Dkit.fuzz.only=" + index + "): " + trace;
    }
}
