package dev.pulleykit.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs every notebook of the course headless with the real "Java (Pulley Kit)" kernel, through
 * the same runner as {@code ./kit notebook run}, and checks what the cells printed.
 *
 * <p>Each notebook promises what it shows: a cell lists, in its metadata under
 * {@code pulley_kit.expect}, strings its own output must contain; a notebook can list, under
 * {@code pulley_kit.expect_outputs}, strings that must appear anywhere in its outputs.
 */
class NotebooksIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static CourseEnv kit;

    @BeforeAll
    static void setUp() throws Exception {
        kit = CourseEnv.load();
    }

    @Test
    void kernelspecPointsAtThisBuildsLibJar() throws IOException {
        Path spec = kit.venv().resolve("share/jupyter/kernels/pulley-kit/kernel.json");
        assertTrue(Files.isRegularFile(spec), "no kernelspec at " + spec + ": run ./kit setup");
        JsonNode json = JSON.readTree(spec.toFile());
        Path classpath = Path.of(json.path("env").path("JJAVA_CLASSPATH").asText("(none)"));
        assertEquals(kit.libJar(), classpath.toAbsolutePath().normalize(),
                "the pulley-kit kernel loads " + classpath + ", not this build's lib.jar: run ./kit setup here");
        List<String> argv = JSON.convertValue(json.path("argv"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertTrue(argv.contains("--enable-native-access=ALL-UNNAMED"), "the kernel must start with native access: " + argv);
        assertTrue(argv.contains("-ea"), "the kernel must start with assertions on: " + argv);
    }

    @Test
    void everyNotebookRunsWithoutErrorsAndShowsWhatItPromises() throws Exception {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(kit.root().resolve("notebooks"))) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "no notebooks in " + kit.root().resolve("notebooks"));

        Path out = kit.root().resolve("lib/target/notebooks");
        List<String> command = new ArrayList<>(List.of(kit.venv().resolve("bin/python").toString(),
                kit.root().resolve("scripts/notebook_run.py").toString(), "--out", out.toString()));
        notebooks.forEach(n -> command.add(n.toString()));
        CourseEnv.Result run = kit.run(command, Map.of(), Duration.ofMinutes(20));
        assertEquals(0, run.exitCode(), "the notebook runner reported failures:\n" + run.output());

        for (Path notebook : notebooks) {
            Path executed = out.resolve(notebook.getFileName());
            JsonNode nb = JSON.readTree(executed.toFile());
            String name = notebook.getFileName().toString();
            List<String> errors = new ArrayList<>();
            StringBuilder outputs = new StringBuilder();
            int promises = 0;
            int index = 0;
            for (JsonNode cell : nb.path("cells")) {
                index++;
                StringBuilder cellOutput = new StringBuilder();
                for (JsonNode output : cell.path("outputs")) {
                    if (output.path("output_type").asText().equals("error")) {
                        errors.add(output.path("ename").asText() + ": " + output.path("evalue").asText());
                    }
                    cellOutput.append(text(output.path("text")));
                    output.path("data").properties().forEach(e -> cellOutput.append(text(e.getValue())).append('\n'));
                }
                outputs.append(cellOutput);
                // A cell can promise what its own output shows: metadata "pulley_kit": {"expect": [...]}.
                for (JsonNode e : cell.path("metadata").path("pulley_kit").path("expect")) {
                    promises++;
                    assertTrue(cellOutput.toString().contains(e.asText()), name + ", cell " + index + ": its output does not contain \""
                        + e.asText() + "\". The cell:\n" + text(cell.path("source")) + "\nIts output:\n" + cellOutput);
                }
            }
            assertTrue(errors.isEmpty(), name + " has error outputs: " + errors);
            // A notebook can also promise strings anywhere in its outputs: metadata "pulley_kit": {"expect_outputs": [...]}.
            for (JsonNode e : nb.path("metadata").path("pulley_kit").path("expect_outputs")) {
                promises++;
                assertTrue(outputs.toString().contains(e.asText()),
                        name + ": no output contains \"" + e.asText() + "\". Its outputs were:\n" + outputs);
            }
            assertTrue(promises > 0, name + " promises no outputs: add strings its outputs must show, per cell under "
                    + "\"pulley_kit\": {\"expect\": [...]} or per notebook under \"pulley_kit\": {\"expect_outputs\": [...]}");
        }
    }

    /** notebooks/README.md promises the course notebooks also run in a plain JJava kernel. */
    @Test
    void setupCheckRunsInAPlainJJavaKernelAsTheReadmeSays() throws Exception {
        Path out = kit.root().resolve("lib/target/notebooks-plain-jjava");
        CourseEnv.Result run = kit.run(List.of(kit.venv().resolve("bin/python").toString(),
                        kit.root().resolve("scripts/notebook_run.py").toString(), "--kernel", "java", "--out", out.toString(),
                        kit.root().resolve("notebooks/00-check-setup.ipynb").toString()),
                Map.of("PATH", kit.javaHome().resolve("bin") + ":" + System.getenv("PATH"),
                        "JJAVA_JVM_OPTS", "--enable-native-access=ALL-UNNAMED"),
                Duration.ofMinutes(5));
        assertEquals(0, run.exitCode(), "00-check-setup failed in the plain JJava kernel:\n" + run.output());
        String executed = Files.readString(out.resolve("00-check-setup.ipynb"));
        assertTrue(executed.contains("HtmlRenderable loaded from file:"), "lib.jar was not loaded by %classpath:\n" + executed);
        assertTrue(executed.contains("Native access (--enable-native-access)=true"),
                "JJAVA_JVM_OPTS did not give the plain kernel native access:\n" + executed);
    }

    private static String text(JsonNode node) {
        if (node.isArray()) {
            StringBuilder b = new StringBuilder();
            node.forEach(n -> b.append(n.asText()));
            return b.toString();
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /** Where the kit is, and what its setup recorded in the cache's env.sh (through bash, as ./kit reads it). */
    record CourseEnv(Path root, Path libJar, Path cache, Path venv, Path javaHome, Map<String, String> recorded) {

        record Result(int exitCode, String output) {}

        static CourseEnv load() throws Exception {
            Path root = Path.of(required("kit.root")).toRealPath();
            Path libJar = Path.of(required("kit.libJar")).toAbsolutePath().normalize();
            Path cache = Path.of(required("kit.cache")).toAbsolutePath().normalize();
            Path envFile = cache.resolve("env.sh");
            if (!Files.isRegularFile(envFile)) {
                fail("no " + envFile + ": run ./kit setup (./kit test does) before the course checks");
            }
            List<String> names = List.of("KIT_VENV", "JAVA_HOME", "KIT_NODE", "KIT_CHROMIUM", "KIT_PLAYWRIGHT_CORE");
            StringBuilder script = new StringBuilder("source \"$1\"");
            names.forEach(n -> script.append(" && printf '%s\\n' \"${").append(n).append(":-}\""));
            Process p = new ProcessBuilder("bash", "-c", script.toString(), "bash", envFile.toString())
                    .redirectErrorStream(true).start();
            List<String> values = new String(p.getInputStream().readAllBytes()).lines().toList();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || values.size() != names.size()) {
                fail("could not read " + envFile + " with bash: " + values);
            }
            Map<String, String> recorded = new HashMap<>();
            for (int i = 0; i < names.size(); i++) recorded.put(names.get(i), values.get(i));
            if (recorded.get("KIT_VENV").isEmpty() || !Files.isExecutable(Path.of(recorded.get("KIT_VENV"), "bin/python"))) {
                fail("the notebook tools are not set up (KIT_VENV in " + envFile + "): run ./kit setup");
            }
            if (!Files.isRegularFile(libJar)) fail("no " + libJar + ": the course checks run after packaging (./kit test)");
            return new CourseEnv(root, libJar, cache, Path.of(recorded.get("KIT_VENV")),
                    Path.of(recorded.get("JAVA_HOME")), recorded);
        }

        String get(String name) {
            String value = recorded.getOrDefault(name, "");
            if (value.isEmpty()) fail(name + " is not recorded in " + cache.resolve("env.sh") + ": run ./kit setup");
            return value;
        }

        /** Jupyter's files in the kit's cache, as ./kit sets them (scripts/build.sh, jupyter_env). */
        Map<String, String> jupyterEnv() {
            return Map.of("JUPYTER_CONFIG_DIR", cache.resolve("jupyter/config").toString(),
                    "JUPYTER_DATA_DIR", cache.resolve("jupyter/data").toString(),
                    "JUPYTER_RUNTIME_DIR", cache.resolve("jupyter/runtime").toString(),
                    "JUPYTER_PLATFORM_DIRS", "1", "PULLEY_KIT_CACHE", cache.toString());
        }

        /** Runs a command to completion (or kills it after the timeout); output goes to a file, then into the result. */
        Result run(List<String> command, Map<String, String> extraEnv, Duration timeout) throws Exception {
            Path log = Files.createTempFile("pulley-kit-course", ".log");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile());
                pb.environment().putAll(jupyterEnv());
                pb.environment().putAll(extraEnv);
                Process p = pb.start();
                if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    stop(p, Duration.ofSeconds(10));
                    return new Result(-1, "timed out after " + timeout.toSeconds() + " s: " + command + "\n" + Files.readString(log));
                }
                return new Result(p.exitValue(), Files.readString(log));
            } finally {
                Files.deleteIfExists(log);
            }
        }

        /** SIGTERM to the process and its children, then SIGKILL to whatever is left after the grace period. */
        static void stop(Process p, Duration grace) throws InterruptedException {
            List<ProcessHandle> children = p.descendants().toList();
            p.destroy();
            children.forEach(ProcessHandle::destroy);
            if (!p.waitFor(grace.toSeconds(), TimeUnit.SECONDS)) p.destroyForcibly();
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            p.waitFor(10, TimeUnit.SECONDS);
        }

        private static String required(String property) {
            String value = System.getProperty(property);
            if (value == null || value.isBlank()) fail("system property " + property + " is not set: run the course checks with ./kit test");
            return value;
        }
    }
}
