// Chapter 4: AOT precompilation and the anatomy of a .cwasm (the JShell twin of notebooks/04-aot-and-cwasm.ipynb).
// Run:  ./kit jshell jshell/04-aot-and-cwasm.jsh
import dev.pulleykit.kit.show.*;

// guest2's component, as the kit's build encoded it into lib.jar.
Engine engine = Kit.engine();
ComponentBytes component = Kit.bundledComponent("guest2");
System.out.println(component);

// Precompile: Pulley bytecode, serialized as a .cwasm, with its profile, Wasmtime version and SHA-256.
Artifact artifact = Kit.precompile(engine, component);
System.out.println(artifact);

// An ELF file: 7f 45 4c 46 is "\x7fELF".
System.out.println(Show.hex(artifact.bytes(), 0, 64));

// The anatomy: facts, ELF sections, the .wasmtime.engine settings, the functions in .text.
System.out.println(Show.anatomy(artifact));

// Where the bytes go: mostly the 64 KiB-aligned memory image and the padding before it.
System.out.println(Show.bytes(artifact));

// Compile against deserialize: warm up, then the fastest of three batches of ten.
double fastestBatchMicros(Runnable step) {
    double best = Double.MAX_VALUE;
    for (int batch = 0; batch < 3; batch++) {
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) step.run();
        best = Math.min(best, (System.nanoTime() - start) / 1_000.0 / 10);
    }
    return best;
}
Runnable compileStep = () -> Kit.compile(engine, component).close();
Runnable deserializeStep = () -> Kit.load(engine, artifact).close();
for (int i = 0; i < 5; i++) { compileStep.run(); deserializeStep.run(); }
var readyTimes = new LinkedHashMap<String, Double>();
readyTimes.put("compile (Kit.compile)", fastestBatchMicros(compileStep));
readyTimes.put("deserialize (Kit.load)", fastestBatchMicros(deserializeStep));
System.out.println(String.format("deserializing was %.0f times faster than compiling",
    readyTimes.get("compile (Kit.compile)") / readyTimes.get("deserialize (Kit.load)")));
System.out.println(Show.timingsLog("guest2 ready to run: fastest batch of 10, per load", "µs", readyTimes));

// Write the artifact in the kit's signed envelope, read it back, and run it.
Path file = Files.createTempFile("guest2-", ".cwasm");
ArtifactFiles.write(artifact, file);
Artifact readBack = ArtifactFiles.read(file);
System.out.println(String.format("the file has %,d bytes: the artifact's %,d plus %,d of envelope",
    Files.size(file), artifact.size(), Files.size(file) - artifact.size()));
System.out.println("read back the same artifact: " + readBack.equals(artifact));
try (Component loaded = Kit.load(engine, readBack); RunningGuest guest = Kit.instantiate(loaded)) {
    System.out.println(guest.call("run", Optional.of("Kevin")));
}

// Flip one bit in the middle of the file: the signature no longer matches, and the file is refused.
byte[] stored = Files.readAllBytes(file);
stored[stored.length / 2] ^= 0x01;
Files.write(file, stored);
try {
    ArtifactFiles.read(file);
    System.out.println("loaded a damaged file (this should not happen)");
} catch (ArtifactRejectedException e) {
    System.out.println("the damaged file was refused, signature mismatch: " + e.getMessage().contains("its signature does not match"));
    System.out.println(e.getMessage());
}
Files.delete(file);
engine.close();
/exit
