package dev.pulleykit.kit;

import dev.pulleykit.wasmtime.ArtifactRejectedException;
import dev.pulleykit.wasmtime.Component;
import dev.pulleykit.wasmtime.Engine;
import dev.pulleykit.wasmtime.Wasmtime;

/**
 * Step 3: ahead-of-time compilation. The engine compiles the component to its target
 * (Pulley bytecode for {@code pulley64}) and serializes the result; loading it later skips
 * compilation entirely, which is how a microcontroller runs components it could never compile.
 */
public final class Precompiler {
    private Precompiler() {}

    public static Artifact precompile(Engine engine, ComponentBytes component) {
        try (Component compiled = Component.compile(engine, component.bytes())) {
            return Artifact.of(component.name(), compiled.serialize(), engine.config(), Wasmtime.version());
        }
    }

    /**
     * Step 4: deserialize an artifact into an engine. The artifact's recorded profile must be
     * the engine's: Wasmtime would refuse a mismatch too, but this names both profiles.
     */
    public static Component load(Engine engine, Artifact artifact) {
        if (!artifact.profile().equals(engine.config())) {
            throw new ArtifactRejectedException("artifact " + artifact.name() + " was precompiled for engine profile "
                + artifact.profile() + ", but this engine's profile is " + engine.config()
                + ". Load it into an engine of that profile, or precompile the component again for this one.");
        }
        if (!artifact.wasmtimeVersion().equals(Wasmtime.version())) {
            throw new ArtifactRejectedException("artifact " + artifact.name() + " was made by Wasmtime " + artifact.wasmtimeVersion()
                + ", but this kit runs Wasmtime " + Wasmtime.version() + ". Precompile the component again.");
        }
        return Component.deserialize(engine, artifact.bytesUnsafe());
    }
}
