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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The cost of one call per kind of value, through the binding on the desktop profile: a
 * record, a long list, a long string, and a call that goes back out to a Java host function.
 * The C baseline (bench/c) makes the same calls with the same arguments, so the two compare.
 * The arguments are built once as WitValues (the binding's raw path); each call still encodes
 * them into native memory and copies the whole result back into Java.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ValueKindBenchmark {
    /** The sizes the C baseline uses too (scripts/bench_c_baseline.sh). */
    static final int LIST_ITEMS = 1000, STRING_BYTES = 4096;

    private Engine engine;
    private Component types, blinky;
    private Store store;
    private Func echoRecord, echoListU32, echoString, status;

    private final WitValue record = new WitValue.RecordValue(Map.of(
        "a", WitValue.u32(7), "b", WitValue.string("x"),
        "c", new WitValue.ListValue(List.of(new WitValue.U8(1), new WitValue.U8(2), new WitValue.U8(3)))));
    private final Map<String, Object> recordJava = Map.of("a", 7, "b", "x", "c", new byte[] {1, 2, 3});
    private final WitValue listU32 = listU32(LIST_ITEMS);
    private final WitValue string = WitValue.string(text(STRING_BYTES));

    private static final WitValue LOW = WitValue.bool(false), HIGH = WitValue.bool(true);

    /** 0, 1, ..., n - 1, as the C baseline builds it. */
    static WitValue listU32(int n) {
        List<WitValue> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) items.add(WitValue.u32(i));
        return new WitValue.ListValue(items);
    }

    /** n bytes of ASCII, "abc...zabc...", as the C baseline builds it. */
    static String text(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) b.append((char) ('a' + i % 26));
        return b.toString();
    }

    @Setup(Level.Trial)
    public void setUp() {
        engine = new Engine(EngineConfig.DESKTOP);
        types = Kit.load(engine, Kit.bundledArtifact("types"));
        blinky = Kit.load(engine, Kit.bundledArtifact("blinky"));
        store = new Store(engine);
        // blinky's board: gpio.read is the import status() calls (pin 25 reads low); the
        // others are never called by status() and do nothing.
        try (Linker linker = new Linker(engine)
                .define("embedded:platform/gpio", "read", args -> ((WitValue.U32) args[0]).value() == 25 ? LOW : HIGH)
                .define("embedded:platform/gpio", "set-high", args -> null)
                .define("embedded:platform/gpio", "set-low", args -> null)
                .define("embedded:platform/timer", "delay-ms", args -> null)
                .define("embedded:platform/timer", "now-ms", args -> new WitValue.U64(0))
                .define("embedded:platform/log", "info", args -> null)) {
            Instance t = linker.instantiate(store, types);
            Instance b = linker.instantiate(store, blinky);
            echoRecord = t.func("echo-record");
            echoListU32 = t.func("echo-list-u32");
            echoString = t.func("echo-string");
            status = b.func("status");
        }
        // A benchmark that measured a wrong answer would be worse than none.
        check(echoRecord.callWit(record).equals(record), "echo-record");
        check(echoListU32.callWit(listU32).equals(listU32), "echo-list-u32");
        check(echoString.callWit(string).equals(string), "echo-string");
        check(status.callWit().equals(WitValue.string("pin 25 is low")), "status");
        @SuppressWarnings("unchecked") Map<String, Object> back = (Map<String, Object>) echoRecord.call(recordJava);
        check(back.get("a").equals(7L) && back.get("b").equals("x")
            && java.util.Arrays.equals((byte[]) back.get("c"), new byte[] {1, 2, 3}), "echo-record (plain Java)");
    }

    private static void check(boolean ok, String what) {
        if (!ok) throw new IllegalStateException(what + " did not return what the benchmark expects");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
        types.close();
        blinky.close();
        engine.close();
    }

    /** {@code echo-record({a: 7, b: "x", c: [1, 2, 3]})}, with WitValues. */
    @Benchmark public WitValue echoRecord() { return echoRecord.callWit(record); }

    /** The same record call with a plain Java Map in and out, as notebooks write it. */
    @Benchmark public Object echoRecordPlainJava() { return echoRecord.call(recordJava); }

    /** {@code echo-list-u32([0, 1, ..., 999])}: 1,000 values each way. */
    @Benchmark public WitValue echoListU32() { return echoListU32.callWit(listU32); }

    /** {@code echo-string} with 4 KiB of ASCII: copied into the guest and back out. */
    @Benchmark public WitValue echoString4k() { return echoString.callWit(string); }

    /** blinky {@code status()}: the guest calls the Java host function {@code gpio.read} once. */
    @Benchmark public WitValue hostImportRoundTrip() { return status.callWit(); }
}
