package dev.pulleykit.kit;

import dev.pulleykit.wasmtime.Component;
import dev.pulleykit.wasmtime.Engine;
import dev.pulleykit.wasmtime.EngineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One line for each step of the course, for notebooks, JShell and the kit's own commands:
 *
 * <pre>{@code
 * var engine   = Kit.engine();                       // pulley64, signals-based traps off
 * var module   = Kit.buildGuest("guest2");           // cargo -> core wasm
 * var comp     = Kit.encode(module);                 // wasm-tools -> component
 * var artifact = Kit.precompile(engine, comp);       // AOT -> Pulley bytecode (.cwasm)
 * try (var guest = Kit.instantiate(Kit.load(engine, artifact))) {
 *     guest.call("run", "Kevin");                    // "guest2 run() called: hello, Kevin!"
 * }
 * }</pre>
 */
public final class Kit {
    private Kit() {}

    /** Checks everything the course needs from inside this JVM; renders as a table in a notebook. */
    public static SetupCheck checkSetup() { return SetupCheck.run(); }

    /** A new engine with the desktop profile: Pulley (pulley64), signals-based traps off. */
    public static Engine engine() { return new Engine(EngineConfig.DESKTOP); }

    /** A new engine with the given profile. */
    public static Engine engine(EngineConfig profile) { return new Engine(profile); }

    /** Compiles a guest crate of the kit's {@code guests/} workspace with cargo, showing cargo's progress. */
    public static CoreModule buildGuest(String name) {
        return new GuestBuilder(guestsDir()).build(name, progress("cargo"));
    }

    /** Encodes a core module as a component. */
    public static ComponentBytes encode(CoreModule module) { return ComponentEncoder.encode(module, progress("wasm-tools")); }

    /** Precompiles a component to the engine's target (Pulley bytecode on the desktop profile). */
    public static Artifact precompile(Engine engine, ComponentBytes component) { return Precompiler.precompile(engine, component); }

    /** Deserializes an artifact: no compilation happens at this point. */
    public static Component load(Engine engine, Artifact artifact) { return Precompiler.load(engine, artifact); }

    /** Compiles a component's bytes directly (the just-in-time path, for comparison). */
    public static Component compile(Engine engine, ComponentBytes component) { return Component.compile(engine, component.bytes()); }

    /**
     * Loads a component from a file: a {@code .wasm} component or {@code .wat} component text
     * (compiled now), or a {@code .cwasm} artifact file that the kit wrote ({@link ArtifactFiles}:
     * verified before it is deserialized; anything else is refused).
     */
    public static Component loadFile(Engine engine, Path file) {
        if (file.getFileName().toString().endsWith(".cwasm")) return load(engine, ArtifactFiles.read(file));
        try {
            return Component.compile(engine, Files.readAllBytes(file));
        } catch (java.io.IOException e) {
            throw new KitException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Instantiates a component in a fresh store with an empty linker. */
    public static RunningGuest instantiate(Component component) { return new RunningGuest(component); }

    /** A course guest's precompiled artifact, as built into lib.jar. */
    public static Artifact bundledArtifact(String guest) { return BundledGuests.artifact(guest); }

    /** A course guest's component bytes, as built into lib.jar. */
    public static ComponentBytes bundledComponent(String guest) { return BundledGuests.component(guest); }

    /**
     * The kit's {@code guests/} workspace: from the system property {@code kit.root} or the
     * environment variable {@code PULLEY_KIT_ROOT}, else the first parent of the working
     * directory that has one (notebooks run in {@code notebooks/}).
     */
    public static Path guestsDir() {
        String root = System.getProperty("kit.root", System.getenv("PULLEY_KIT_ROOT"));
        if (root != null && !root.isBlank()) return Path.of(root).resolve("guests");
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("guests/Cargo.toml"))) return p.resolve("guests");
        }
        throw new KitException("cannot find the kit's guests/ directory from " + Path.of("").toAbsolutePath()
            + ". Start from inside the kit's folder, or set -Dkit.root=/path/to/pulley-kit.");
    }

    /** Progress lines from a tool, indented on stderr so that they stand apart from results. */
    static Consumer<String> progress(String tool) {
        return line -> System.err.println("  [" + tool + "] " + line.strip());
    }
}
