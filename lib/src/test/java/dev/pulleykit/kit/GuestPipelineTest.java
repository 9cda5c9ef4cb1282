package dev.pulleykit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulleykit.wasmtime.Component;
import dev.pulleykit.wasmtime.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole course path with real tools, on a copy of the guests: cargo, wasm-tools, the
 * precompiler, deserialize and call. Then the guest's source changes and the same steps
 * must produce the new behaviour, as the Maven build does for the real guests.
 */
class GuestPipelineTest {

    @Test void editingAGuestRebuildsIt(@TempDir Path tmp) throws IOException {
        Path repo = Kit.guestsDir().getParent();
        Path workspace = tmp.resolve("guests");
        copyTree(repo.resolve("guests"), workspace, "target");
        copyTree(repo.resolve("wit"), tmp.resolve("wit"), null);
        // A target directory that outlives the test, so that only the first run compiles dependencies.
        GuestBuilder builder = new GuestBuilder(workspace, Toolchain.cacheDir().resolve("test-guests-target"));
        List<String> progress = new ArrayList<>();

        try (Engine engine = Kit.engine()) {
            assertEquals("guest1 run() called", buildAndRun(builder, engine, progress));

            Path source = workspace.resolve("guest1/src/lib.rs");
            Files.writeString(source, Files.readString(source).replace("guest1 run() called", "guest1 was rebuilt"));
            assertEquals("guest1 was rebuilt", buildAndRun(builder, engine, progress));
        }
        assertTrue(progress.stream().anyMatch(l -> l.contains("Compiling guest1")), "cargo recompiled guest1: " + progress);
    }

    @Test void aCompileErrorNamesTheFileAndLine(@TempDir Path tmp) throws IOException {
        Path repo = Kit.guestsDir().getParent();
        Path workspace = tmp.resolve("guests");
        copyTree(repo.resolve("guests"), workspace, "target");
        copyTree(repo.resolve("wit"), tmp.resolve("wit"), null);
        Path source = workspace.resolve("guest1/src/lib.rs");
        Files.writeString(source, Files.readString(source).replace("String::from(\"guest1 run() called\")", "42"));
        GuestBuilder builder = new GuestBuilder(workspace, Toolchain.cacheDir().resolve("test-guests-target"));
        KitException e = assertThrows(KitException.class, () -> builder.build("guest1", line -> { }));
        assertTrue(e.getMessage().contains("guest1/src/lib.rs"), e.getMessage());
        assertTrue(e.getMessage().contains("mismatched types"), e.getMessage());
    }

    private static String buildAndRun(GuestBuilder builder, Engine engine, List<String> progress) {
        CoreModule module = builder.build("guest1", progress::add);
        ComponentBytes component = ComponentEncoder.encode(module, progress::add);
        Artifact artifact = Precompiler.precompile(engine, component);
        try (Component loaded = Precompiler.load(engine, artifact); RunningGuest guest = new RunningGuest(loaded)) {
            return (String) guest.call("run");
        }
    }

    private static void copyTree(Path from, Path to, String skipDir) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path rel = from.relativize(p);
                if (skipDir != null && rel.startsWith(skipDir)) continue;
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
