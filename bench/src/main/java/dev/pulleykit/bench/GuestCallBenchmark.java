package dev.pulleykit.bench;

import dev.pulleykit.kit.Kit;
import dev.pulleykit.wasmtime.Component;
import dev.pulleykit.wasmtime.Engine;
import dev.pulleykit.wasmtime.EngineConfig;
import dev.pulleykit.wasmtime.Func;
import dev.pulleykit.wasmtime.Instance;
import dev.pulleykit.wasmtime.Linker;
import dev.pulleykit.wasmtime.Store;
import dev.pulleykit.wasmtime.WitValue;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one call into a guest through the binding, on Pulley: the same calls the C
 * baseline (bench/c) makes directly through the C API, so the two can be compared.
 * Each call encodes its arguments, enters the guest, and copies the result string into Java.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class GuestCallBenchmark {
    private Engine engine;
    private Component guest1, guest2;
    private Store store;
    private Func guest1Run, guest2Run;
    private final WitValue kevin = WitValue.some(WitValue.string("Kevin"));
    private final Optional<String> kevinJava = Optional.of("Kevin");

    @Setup(Level.Trial)
    public void setUp() {
        engine = new Engine(EngineConfig.DESKTOP);
        guest1 = Kit.load(engine, Kit.bundledArtifact("guest1"));
        guest2 = Kit.load(engine, Kit.bundledArtifact("guest2"));
        store = new Store(engine);
        try (Linker linker = new Linker(engine)) {
            Instance i1 = linker.instantiate(store, guest1);
            Instance i2 = linker.instantiate(store, guest2);
            guest1Run = i1.func("run");
            guest2Run = i2.func("run");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
        guest1.close();
        guest2.close();
        engine.close();
    }

    /** guest1 {@code run() -> string}, with WitValues. */
    @Benchmark public WitValue guest1Run() { return guest1Run.callWit(); }

    /** guest2 {@code run(some("Kevin")) -> string}, with WitValues. */
    @Benchmark public WitValue guest2RunKevin() { return guest2Run.callWit(kevin); }

    /** The same guest2 call with plain Java values (Optional in, String out), as notebooks write it. */
    @Benchmark public Object guest2RunKevinPlainJava() { return guest2Run.call(kevinJava); }
}
