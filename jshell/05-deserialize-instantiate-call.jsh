// Chapter 5: deserialize, instantiate, call (the JShell twin of notebooks/05-deserialize-instantiate-call.ipynb).
// The reference host program, one step at a time; jshell/demo.jsh is the same in its shortest form.
// Run:  ./kit jshell jshell/05-deserialize-instantiate-call.jsh
import dev.pulleykit.kit.show.*;

String name = Demo.DEFAULT_NAME;

// Step 1: the engine (new Engine(EngineConfig.DESKTOP)).
System.out.println("Building Pulley component engine...");
Engine engine = Demo.buildEngine();

// Step 2: deserialize guest1's precompiled artifact from lib.jar; nothing is compiled.
System.out.println("Deserializing guest1 component...");
Artifact artifact1 = Kit.bundledArtifact("guest1");
Component guest1 = Demo.loadComponent(engine, artifact1);

// Step 3: a store for the instance's state, and an empty linker (guest1 imports nothing).
Store store1 = new Store(engine);
Linker linker = new Linker(engine);

// Step 4: instantiate.
Instance instance1 = linker.instantiate(store1, guest1);

// Step 5: look up run and call it.
Func run1 = instance1.func("run");
System.out.println(run1.call());

// guest2: the same steps, in a store of its own.
System.out.println("Deserializing guest2 component...");
Component guest2 = Demo.loadComponent(engine, Kit.bundledArtifact("guest2"));
Store store2 = new Store(engine);
Instance instance2 = linker.instantiate(store2, guest2);
System.out.println(instance2.func("run").call(Optional.of(name)));
System.out.println("describe: " + instance2.func("describe").call());
System.out.println("Done.");

// What the instances export, and their contracts.
System.out.println(instance1 + " " + instance2);
System.out.println(Show.wit(guest2));

// A missing export: the message lists the exports there are, and the instance carries on.
try {
    instance1.func("describe");
} catch (NoSuchExportException e) {
    System.out.println("no such export: " + e.getMessage());
}
System.out.println("still there: " + run1.call());

// Time per call of each export: 5,000 calls after as many untimed ones, fastest of 3 rounds.
double microsPerCall(Func f, Object... args) {
    int calls = 5_000;
    for (int i = 0; i < calls; i++) f.call(args);
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 3; round++) {
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) f.call(args);
        best = Math.min(best, (System.nanoTime() - start) / 1_000.0 / calls);
    }
    return best;
}
var perCall = new LinkedHashMap<String, Double>();
perCall.put("guest1 run()", microsPerCall(run1));
perCall.put("guest2 run(some(\"Pulley\"))", microsPerCall(instance2.func("run"), Optional.of(name)));
perCall.put("guest2 run(none)", microsPerCall(instance2.func("run"), Optional.empty()));
perCall.put("guest2 describe()", microsPerCall(instance2.func("describe")));
System.out.println(Show.timings("Time per call: 5,000 calls, fastest of 3 rounds", "µs", perCall));

// The short way: Kit.instantiate = a fresh store + an empty linker + instantiate.
try (RunningGuest guest = Kit.instantiate(guest2)) {
    System.out.println(guest);
    System.out.println(guest.call("run", Optional.of("Kevin")));
}

store1.close();
store2.close();
linker.close();
guest1.close();
guest2.close();
engine.close();
/exit
