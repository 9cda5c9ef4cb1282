package dev.pulleykit.kit.cli;

import dev.pulleykit.kit.ComponentJson;
import dev.pulleykit.kit.Kit;
import dev.pulleykit.wasmtime.Component;
import dev.pulleykit.wasmtime.ComponentType;
import dev.pulleykit.wasmtime.Engine;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kit wit FILE [--json]}: what a component imports and exports, as WIT-like text or JSON. */
@Command(name = "wit", description = {"Print a component's imports and exports with their WIT signatures.",
    "FILE is a .wasm component, .wat component text, or a .cwasm artifact."})
final class WitCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the component")
    Path file;

    @Option(names = "--json", description = "print JSON instead of WIT-like text")
    boolean json;

    @Override public Integer call() {
        try (Engine engine = Kit.engine(); Component component = Kit.loadFile(engine, file)) {
            ComponentType type = component.type();
            spec.commandLine().getOut().println(json ? ComponentJson.toJson(type) : type.toWit(worldName(file)));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** {@code guest2.component.wasm} gives {@code guest2}: the file name up to its first dot. */
    static String worldName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
