package dev.pulleykit.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lib.jar on its own, as a user gets it: a fresh JVM, the library extracted from the jar. */
class LibJarIT {

    private static List<String> java(String... args) {
        var cmd = new java.util.ArrayList<>(List.of(Processes.JAVA_BIN.resolve("java").toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test void demoRunsFromTheJarWithAnEmptyCache(@TempDir Path cache) throws Exception {
        var r = Processes.run(java("--enable-native-access=ALL-UNNAMED", "-jar", Processes.LIB_JAR.toString(), "demo", "Kevin"),
            Map.of("PULLEY_KIT_CACHE", cache.toString()), 120);
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(List.of("Building Pulley component engine...", "Deserializing guest1 component...", "guest1 run() called",
            "Deserializing guest2 component...", "guest2 run() called: hello, Kevin!",
            "describe: guest2 has an extra `describe` export", "Done."), r.stdout().lines().toList());
        try (var files = Files.walk(cache.resolve("native"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().equals("libwasmtime.so")),
                "libwasmtime was extracted into the cache");
        }
    }

    @Test void aWrongLibraryOverrideIsRefusedByName(@TempDir Path dir) throws Exception {
        Path fake = Files.writeString(dir.resolve("libwasmtime.so"), "not a library");
        var r = Processes.run(java("--enable-native-access=ALL-UNNAMED", "-Dpulleykit.libwasmtime=" + fake,
            "-jar", Processes.LIB_JAR.toString(), "demo"), Map.of(), 120);
        assertTrue(r.exitCode() != 0, r.describe());
        assertTrue(r.stderr().contains(fake.toString()) && r.stderr().contains("not the pinned libwasmtime"), r.describe());
        assertTrue(!r.stderr().contains("SIGSEGV") && !r.stderr().contains("hs_err"), "no JVM crash: " + r.describe());
    }
}
