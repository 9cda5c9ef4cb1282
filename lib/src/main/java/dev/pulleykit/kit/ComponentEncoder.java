package dev.pulleykit.kit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Step 2: a core module becomes a component. wit-bindgen's {@code generate!} already embedded
 * the WIT world in a custom section of the module; {@code wasm-tools component new} reads it
 * and wraps the module in the component's typed imports and exports (the canonical ABI glue).
 */
public final class ComponentEncoder {
    private ComponentEncoder() {}

    public static ComponentBytes encode(CoreModule module, Consumer<String> progress) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("pulley-kit-encode");
            Path in = dir.resolve(module.name() + ".wasm"), out = dir.resolve(module.name() + ".component.wasm");
            Files.write(in, module.bytes());
            Tools.run(List.of(Toolchain.wasmTools(), "component", "new", in.toString(), "-o", out.toString()), null, progress,
                "encoding " + module.name() + " as a component failed",
                "A module needs the component-type section that wit-bindgen's generate! embeds; check the guest uses it.");
            return new ComponentBytes(module.name(), Files.readAllBytes(out));
        } catch (IOException e) {
            throw Tools.io("encoding " + module.name(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
