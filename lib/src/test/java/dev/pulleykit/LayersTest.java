package dev.pulleykit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering rule, checked on the sources: only the binding (dev.pulleykit.wasmtime) uses
 * java.lang.foreign, and nothing outside the binding reaches into its internal package.
 */
class LayersTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/pulleykit");

    private static List<String> offenders(String needle, String allowedPrefix) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                .filter(f -> !SOURCES.relativize(f).toString().startsWith(allowedPrefix))
                .filter(f -> {
                    try {
                        return Files.readString(f).contains(needle);
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                })
                .map(Path::toString).sorted().toList();
        }
    }

    @Test void onlyTheBindingTouchesForeignMemory() throws IOException {
        assertEquals(List.of(), offenders("java.lang.foreign", "wasmtime/"));
    }

    @Test void nothingAboveTheBindingUsesItsInternals() throws IOException {
        assertEquals(List.of(), offenders("dev.pulleykit.wasmtime.internal", "wasmtime/"));
    }
}
