package dev.pulleykit.kit.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulleykit.kit.Artifact;
import dev.pulleykit.kit.ComponentBytes;
import dev.pulleykit.kit.ComponentEncoder;
import dev.pulleykit.kit.CoreModule;
import dev.pulleykit.kit.GuestBuilder;
import dev.pulleykit.kit.Precompiler;
import dev.pulleykit.wasmtime.Engine;
import dev.pulleykit.wasmtime.EngineConfig;
import dev.pulleykit.wasmtime.Wasmtime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The build step that the reference did in build.rs, run by Maven after the library compiles:
 * every guest in {@code guests/} is built with cargo, encoded as a component, and precompiled
 * to Pulley. Writes {@code NAME.component.wasm}, {@code NAME.cwasm} and {@code index.json} into
 * the output directory, which becomes {@code guests/} inside lib.jar.
 *
 * <p>Usage: {@code BuildGuests GUESTS_WORKSPACE OUTPUT_DIR}
 */
public final class BuildGuests {
    private BuildGuests() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BuildGuests GUESTS_WORKSPACE OUTPUT_DIR");
            System.exit(2);
        }
        Path workspace = Path.of(args[0]), out = Path.of(args[1]);
        Files.createDirectories(out);
        GuestBuilder builder = new GuestBuilder(workspace);
        System.err.println("[guests] cargo build (" + String.join(", ", builder.guestNames()) + ") for " + GuestBuilder.TARGET);
        List<CoreModule> modules = builder.build(line -> System.err.println("[guests]   " + line.strip()));

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode index = json.createObjectNode()
            .put("wasmtime", Wasmtime.version())
            .put("target", EngineConfig.DESKTOP.target());
        index.set("profile", json.valueToTree(EngineConfig.DESKTOP));
        ArrayNode guests = index.putArray("guests");
        try (Engine engine = new Engine(EngineConfig.DESKTOP)) {
            for (CoreModule module : modules) {
                ComponentBytes component = ComponentEncoder.encode(module, line -> System.err.println("[guests]   " + line));
                long start = System.nanoTime();
                Artifact artifact = Precompiler.precompile(engine, component);
                double ms = (System.nanoTime() - start) / 1e6;
                Files.write(out.resolve(module.name() + ".component.wasm"), component.bytes());
                Files.write(out.resolve(module.name() + ".cwasm"), artifact.bytes());
                guests.addObject()
                    .put("name", module.name())
                    .put("component", module.name() + ".component.wasm")
                    .put("artifact", module.name() + ".cwasm")
                    .put("coreModuleBytes", module.bytes().length)
                    .put("componentBytes", component.bytes().length)
                    .put("artifactBytes", artifact.bytes().length)
                    .put("artifactSha256", artifact.sha256());
                System.err.printf("[guests] %s: core %,d B -> component %,d B -> %s artifact %,d B (precompiled in %.1f ms)%n",
                    module.name(), module.bytes().length, component.bytes().length, EngineConfig.DESKTOP.target(),
                    artifact.bytes().length, ms);
            }
        }
        json.writeValue(out.resolve("index.json").toFile(), index);
    }
}
