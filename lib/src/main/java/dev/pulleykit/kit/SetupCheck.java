package dev.pulleykit.kit;

import dev.pulleykit.kit.show.Html;
import dev.pulleykit.kit.show.HtmlRenderable;
import dev.pulleykit.wasmtime.Engine;
import dev.pulleykit.wasmtime.EngineConfig;
import dev.pulleykit.wasmtime.Wasmtime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the course needs, checked from inside the running JVM: Java 22+, native access, the
 * pinned libwasmtime with layouts that pass the self-check, a Pulley engine, a bundled guest
 * that answers, and the tools for building guests. Each line says what to do if it fails.
 */
public record SetupCheck(List<Item> items) implements HtmlRenderable {

    /** One check: what, the finding, whether it passed, and what to do if not. */
    public record Item(String what, String finding, boolean ok, String fix) {}

    public boolean allOk() { return items.stream().allMatch(Item::ok); }

    public static SetupCheck run() {
        List<Item> items = new ArrayList<>();
        int feature = Runtime.version().feature();
        items.add(new Item("Java", Runtime.version() + " (" + System.getProperty("java.vendor") + ")", feature >= 22,
            "use a JDK 22 or newer (./kit setup finds Temurin 25)"));
        boolean nativeAccess = SetupCheck.class.getModule().isNativeAccessEnabled();
        items.add(new Item("native access", String.valueOf(nativeAccess), nativeAccess,
            "start the JVM with --enable-native-access=ALL-UNNAMED (in JShell: -R--enable-native-access=ALL-UNNAMED)"));
        if (!nativeAccess) return new SetupCheck(items);
        try {
            Path lib = Wasmtime.library();
            items.add(new Item("libwasmtime", "Wasmtime " + Wasmtime.version() + " from " + lib + "; struct layouts verified", true, ""));
        } catch (RuntimeException | LinkageError e) {
            items.add(new Item("libwasmtime", e.getMessage(), false, "run ./kit setup and ./kit build"));
            return new SetupCheck(items);
        }
        try (Engine engine = new Engine(EngineConfig.DESKTOP);
             var guest1 = Kit.load(engine, Kit.bundledArtifact("guest1"));
             RunningGuest g = Kit.instantiate(guest1)) {
            items.add(new Item("Pulley engine", engine.config().toString(), engine.isPulley(), "the desktop profile must target pulley64"));
            Object answer = g.call("run");
            items.add(new Item("bundled guest1", "run() returned \"" + answer + "\"", "guest1 run() called".equals(answer),
                "rebuild lib.jar with ./kit build"));
        } catch (RuntimeException e) {
            items.add(new Item("bundled guest1", e.getMessage(), false, "rebuild lib.jar with ./kit build"));
        }
        items.add(tool("cargo (builds guests)", Toolchain.cargo()));
        items.add(tool("wasm-tools (encodes components)", Toolchain.wasmTools()));
        return new SetupCheck(items);
    }

    private static Item tool(String what, String command) {
        boolean found = command.contains("/") ? Files.isExecutable(Path.of(command)) : onPath(command);
        return new Item(what, found ? command : command + " not found", found, "run ./kit setup, which installs it and records where it is");
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) return true;
        }
        return false;
    }

    @Override public String toString() {
        StringBuilder b = new StringBuilder(allOk() ? "Setup is ready.\n" : "Setup needs attention.\n");
        int width = items.stream().mapToInt(i -> i.what().length()).max().orElse(0);
        for (Item i : items) {
            b.append(i.ok() ? "  ok    " : "  FAIL  ").append(String.format("%-" + width + "s  ", i.what())).append(i.finding());
            if (!i.ok()) b.append("\n        ").append(" ".repeat(width + 2)).append("-> ").append(i.fix());
            b.append('\n');
        }
        return b.toString().stripTrailing();
    }

    @Override public String toHtml() {
        String[][] rows = items.stream().map(i -> new String[] {(i.ok() ? "✔ " : "✘ ") + i.what(),
            i.finding() + (i.ok() ? "" : "  → " + i.fix())}).toArray(String[][]::new);
        return Html.facts(allOk() ? "Setup is ready" : "Setup needs attention", rows);
    }
}
