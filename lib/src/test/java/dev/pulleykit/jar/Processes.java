package dev.pulleykit.jar;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a child process the way a learner would, with a time limit, keeping stdout and stderr apart. */
record Processes(int exitCode, String stdout, String stderr) {

    static final Path ROOT = Path.of(System.getProperty("kit.root", "..")).toAbsolutePath().normalize();
    static final Path LIB_JAR = Path.of(System.getProperty("kit.libJar", "target/lib.jar")).toAbsolutePath();
    static final Path JAVA_BIN = Path.of(System.getProperty("java.home"), "bin");

    static Processes run(List<String> command, Map<String, String> env, int timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path err = java.nio.file.Files.createTempFile("kit-it", ".stderr");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        String stderr = java.nio.file.Files.readString(err);
        java.nio.file.Files.deleteIfExists(err);
        assertTrue(done, command + " did not finish in " + timeoutSeconds + " s; stderr:\n" + stderr);
        return new Processes(p.exitValue(), new String(out, StandardCharsets.UTF_8), stderr);
    }

    String describe() { return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr; }
}
