// Chapter 1: the engine and Pulley (the JShell twin of notebooks/01-engine-and-pulley.ipynb).
// Run:  ./kit jshell jshell/01-engine-and-pulley.jsh
import dev.pulleykit.kit.show.*;

// An engine with the kit's desktop profile: target pulley64, signals-based traps off.
Engine engine = Kit.engine();
System.out.println(engine);

// Wasmtime confirms that this engine interprets Pulley bytecode.
System.out.println("isPulley() = " + engine.isPulley());

// The profile's settings.
EngineConfig profile = engine.config();
System.out.println(Show.table("The desktop profile (EngineConfig.DESKTOP)", List.of("setting", "value"), List.of(
    List.of("name", profile.name()),
    List.of("target", profile.target()),
    List.of("signals-based traps", String.valueOf(profile.signalsBasedTraps())),
    List.of("fuel", String.valueOf(profile.consumeFuel())),
    List.of("epoch interruption", String.valueOf(profile.epochInterruption())),
    List.of("copy-on-write memory image", String.valueOf(profile.memoryInitCow())))));

// For comparison: an engine that produces native machine code (target null).
Engine nativeEngine = Kit.engine(EngineConfig.DESKTOP.withName("desktop-native").withTarget(null));
System.out.println(nativeEngine + ", isPulley() = " + nativeEngine.isPulley());

// The same guest on both: the Pulley engine loads the precompiled artifact, the native one compiles.
Component onPulley = Kit.load(engine, Kit.bundledArtifact("guest1"));
Component onNative = Kit.compile(nativeEngine, Kit.bundledComponent("guest1"));
RunningGuest pulleyGuest = Kit.instantiate(onPulley);
RunningGuest nativeGuest = Kit.instantiate(onNative);
System.out.println("Pulley: " + pulleyGuest.call("run"));
System.out.println("native: " + nativeGuest.call("run"));

// Time per call of run(): 5,000 calls after as many untimed ones, fastest of 3 rounds.
double microsPerCall(RunningGuest guest, int calls) {
    Func run = guest.func("run");
    for (int i = 0; i < calls; i++) run.call();
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 3; round++) {
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) run.call();
        best = Math.min(best, (System.nanoTime() - start) / 1_000.0 / calls);
    }
    return best;
}
var perCall = new LinkedHashMap<String, Double>();
perCall.put("Pulley (desktop-pulley64)", microsPerCall(pulleyGuest, 5_000));
perCall.put("native (desktop-native)", microsPerCall(nativeGuest, 5_000));
System.out.println(Show.timings("guest1 run(): time per call, 5,000 calls, fastest of 3 rounds", "µs", perCall));

// Real work shows the interpreter's cost: runaway's spin-for(100000) on each engine.
double millisPerSpin(Component component, long iterations, int calls) {
    try (RunningGuest guest = Kit.instantiate(component)) {
        Func spin = guest.func("spin-for");
        spin.call(iterations);
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) spin.call(iterations);
            best = Math.min(best, (System.nanoTime() - start) / 1e6 / calls);
        }
        return best;
    }
}
Component spinOnPulley = Kit.load(engine, Kit.bundledArtifact("runaway"));
Component spinOnNative = Kit.compile(nativeEngine, Kit.bundledComponent("runaway"));
var perSpin = new LinkedHashMap<String, Double>();
perSpin.put("Pulley (desktop-pulley64)", millisPerSpin(spinOnPulley, 100_000, 5));
perSpin.put("native (desktop-native)", millisPerSpin(spinOnNative, 100_000, 5));
System.out.println(Show.timings("runaway spin-for(100000): time per call, 5 calls, fastest of 3 rounds", "ms", perSpin));

pulleyGuest.close();
nativeGuest.close();
for (Component c : List.of(onPulley, onNative, spinOnPulley, spinOnNative)) c.close();
nativeEngine.close();
engine.close();
System.out.println(engine);
/exit
