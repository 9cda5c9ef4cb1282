package dev.pulleykit.bench;

import dev.pulleykit.kit.Kit;
import dev.pulleykit.wasmtime.Component;
import dev.pulleykit.wasmtime.Engine;
import dev.pulleykit.wasmtime.EngineConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Why precompile: compiling a component to Pulley at run time against deserializing the
 * artifact the build made ahead of time, for each course guest.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class LoadBenchmark {
    @Param({"guest1", "guest2"})
    public String guest;

    private Engine engine;
    private byte[] component, artifact;

    @Setup(Level.Trial)
    public void setUp() {
        engine = new Engine(EngineConfig.DESKTOP);
        component = Kit.bundledComponent(guest).bytes();
        artifact = Kit.bundledArtifact(guest).bytes();
    }

    @TearDown(Level.Trial)
    public void tearDown() { engine.close(); }

    // Each returns the component after closing it: JMH consumes it, and the measured work is
    // exactly create + free, as in the C baseline.
    @Benchmark public Component compile() {
        Component c = Component.compile(engine, component);
        c.close();
        return c;
    }

    @Benchmark public Component deserialize() {
        Component c = Component.deserialize(engine, artifact);
        c.close();
        return c;
    }
}
