package dev.pulleykit.kit;

import dev.pulleykit.wasmtime.Component;
import dev.pulleykit.wasmtime.Engine;
import java.io.PrintStream;
import java.util.Optional;

/**
 * The reference host program, step for step: build the engine, deserialize each precompiled
 * guest, instantiate it with an empty linker in a fresh store, and call its exports. Nothing
 * is compiled at run time: the artifacts were precompiled by the build.
 */
public final class Demo {
    private Demo() {}

    public static final String DEFAULT_NAME = "Pulley";

    /** guest2's two answers. */
    public record Guest2Answers(String run, String describe) {}

    /** An engine for the Component Model that targets Pulley (pulley64). */
    public static Engine buildEngine() { return Kit.engine(); }

    /** Deserializes a precompiled artifact: the reference's {@code Component::deserialize}. */
    public static Component loadComponent(Engine engine, Artifact artifact) { return Precompiler.load(engine, artifact); }

    /** Instantiates guest1 and calls {@code run()}. */
    public static String runGuest1(Component component) {
        try (RunningGuest guest = new RunningGuest(component)) {
            return (String) guest.call("run");
        }
    }

    /** Instantiates guest2 and calls {@code run(some(name))}, then {@code describe()}. */
    public static Guest2Answers runGuest2(Component component, String name) {
        try (RunningGuest guest = new RunningGuest(component)) {
            return new Guest2Answers((String) guest.call("run", Optional.ofNullable(name)), (String) guest.call("describe"));
        }
    }

    /** Prints the demo's seven lines to {@code out}. */
    public static void run(String name, PrintStream out) {
        out.println("Building Pulley component engine...");
        try (Engine engine = buildEngine()) {
            out.println("Deserializing guest1 component...");
            try (Component guest1 = loadComponent(engine, BundledGuests.artifact("guest1"))) {
                out.println(runGuest1(guest1));
            }
            out.println("Deserializing guest2 component...");
            try (Component guest2 = loadComponent(engine, BundledGuests.artifact("guest2"))) {
                Guest2Answers answers = runGuest2(guest2, name);
                out.println(answers.run());
                out.println("describe: " + answers.describe());
            }
        }
        out.println("Done.");
    }
}
