package dev.pulleykit.kit.show;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulleykit.kit.Kit;
import dev.pulleykit.wasmtime.Component;
import dev.pulleykit.wasmtime.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Renders the views of a bundled guest into target/show-samples/, to be opened in a browser and looked at. */
class ShowSamplesTest {
    private static final Path DIR = Path.of("target/show-samples");

    @Test void writeSamples() throws IOException {
        Files.createDirectories(DIR);
        var component = Kit.bundledComponent("guest1");
        var artifact = Kit.bundledArtifact("guest1");
        write("component-sections", Show.sections(component).toHtml());
        write("artifact-anatomy", Show.anatomy(artifact).toHtml());
        write("kit-objects", Html.stack(component.toHtml(), artifact.toHtml()));
        Map<String, Double> load = new LinkedHashMap<>();
        load.put("compile (JIT path)", 17_000_000.0);
        load.put("deserialize .cwasm", 170_000.0);
        load.put("call run()", 850.0);
        try (Engine engine = Kit.engine(); Component c = Kit.load(engine, Kit.bundledArtifact("types"))) {
            write("wit-and-timings", Html.stack(Show.wit(c).toHtml(), Show.timings("Loading guest1", "ns", load).toHtml(),
                Show.timingsLog("Loading guest1", "ns", load).toHtml(), Show.hex(artifact.bytes(), 0x40, 96).toHtml()));
        }
    }

    private static void write(String name, String fragment) throws IOException {
        Checks.wellFormedHtml(fragment);
        Path file = DIR.resolve(name + ".html");
        Files.writeString(file, Checks.page(name, fragment));
        assertTrue(Files.size(file) > 1000, file + " has content");
    }
}
