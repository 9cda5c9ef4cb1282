package dev.pulleykit.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every script in jshell/ that has a {@code NAME.expected} beside it runs in real JShell with
 * lib.jar, as the README tells learners to start it; each expected line must appear in order.
 */
class JShellScriptsIT {

    static Stream<Path> scripts() throws IOException {
        Path dir = Processes.ROOT.resolve("jshell");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> scripts = files.filter(f -> f.toString().endsWith(".jsh"))
                .filter(f -> Files.exists(expectedFor(f))).sorted().toList();
            assertTrue(!scripts.isEmpty(), "no jshell/*.jsh with a .expected file");
            return scripts.stream();
        }
    }

    private static Path expectedFor(Path script) {
        String name = script.getFileName().toString();
        return script.resolveSibling(name.substring(0, name.length() - ".jsh".length()) + ".expected");
    }

    @ParameterizedTest @MethodSource("scripts")
    void scriptPrintsWhatItShould(Path script) throws Exception {
        var r = Processes.run(List.of(Processes.JAVA_BIN.resolve("jshell").toString(),
                "--class-path", Processes.LIB_JAR.toString(), "-R--enable-native-access=ALL-UNNAMED",
                "jshell/kit-startup.jsh", Processes.ROOT.relativize(script).toString()),
            Map.of(), 300);
        assertEquals(0, r.exitCode(), r.describe());
        List<String> out = r.stdout().lines().map(String::stripTrailing).toList();
        int at = 0;
        for (String want : Files.readAllLines(expectedFor(script))) {
            int found = out.subList(at, out.size()).indexOf(want);
            assertTrue(found >= 0, "missing, in order: '" + want + "'\n" + r.describe());
            at += found + 1;
        }
        assertTrue(!r.stdout().contains("|  Error") && !r.stdout().contains("Exception"), "a snippet failed:\n" + r.describe());
    }
}
