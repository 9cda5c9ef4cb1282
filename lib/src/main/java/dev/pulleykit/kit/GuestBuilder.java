package dev.pulleykit.kit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Step 1 of the course: cargo compiles a {@code #![no_std]} Rust guest to a core module for
 * wasm32-unknown-unknown. Cargo tracks its own inputs, so building again after an edit
 * rebuilds exactly what changed, and building an unchanged guest takes a moment.
 */
public final class GuestBuilder {
    public static final String TARGET = "wasm32-unknown-unknown";

    private final Path workspace;
    private final Path targetDir;

    /** @param workspace the cargo workspace holding the guests (the kit's {@code guests/}) */
    public GuestBuilder(Path workspace) { this(workspace, null); }

    /** @param targetDir where cargo keeps its build output; null for the workspace's {@code target/} */
    public GuestBuilder(Path workspace, Path targetDir) {
        if (!Files.isRegularFile(workspace.resolve("Cargo.toml"))) {
            throw new KitException(workspace + " has no Cargo.toml: it is not a cargo workspace of guests.");
        }
        this.workspace = workspace.toAbsolutePath().normalize();
        this.targetDir = targetDir == null ? this.workspace.resolve("target") : targetDir.toAbsolutePath().normalize();
    }

    /** The guest crates in the workspace: its subdirectories that have a Cargo.toml. */
    public List<String> guestNames() {
        try (Stream<Path> dirs = Files.list(workspace)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("Cargo.toml")) && Files.isDirectory(d.resolve("src")))
                .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw Tools.io("listing " + workspace, e);
        }
    }

    /** Builds the named guests (all of them when none are named), reporting cargo's progress lines. */
    public List<CoreModule> build(Consumer<String> progress, String... guests) {
        List<String> names = guests.length == 0 ? guestNames() : List.of(guests);
        List<String> command = new ArrayList<>(List.of(Toolchain.cargo(), "build", "--release", "--target", TARGET,
            "--target-dir", targetDir.toString()));
        for (String g : names) { command.add("-p"); command.add(g); }
        Tools.run(command, workspace, progress, "building " + String.join(", ", names) + " with cargo failed",
            "Read cargo's message below: it names the file and line. If the wasm32 target is missing, run ./kit setup.");
        List<CoreModule> modules = new ArrayList<>();
        for (String g : names) {
            Path wasm = targetDir.resolve(TARGET).resolve("release").resolve(g.replace('-', '_') + ".wasm");
            try {
                modules.add(new CoreModule(g, Files.readAllBytes(wasm)));
            } catch (IOException e) {
                throw new KitException("cargo built " + g + " but " + wasm + " is missing: is its crate-type \"cdylib\"?");
            }
        }
        return modules;
    }

    public CoreModule build(String guest, Consumer<String> progress) { return build(progress, guest).getFirst(); }

    public Path workspace() { return workspace; }
}
