package dev.pulleykit.kit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs an outside tool, streaming its output lines to a progress sink and keeping them for errors. */
final class Tools {
    private Tools() {}

    static void run(List<String> command, Path workDir, Consumer<String> progress, String whatFailed, String nextStep) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (workDir != null) pb.directory(workDir.toFile());
        pb.environment().putAll(Toolchain.childEnvironment());
        List<String> output = new ArrayList<>();
        int code;
        try {
            Process p = pb.start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    output.add(line);
                    progress.accept(line);
                }
            }
            code = p.waitFor();
        } catch (IOException e) {
            throw new KitException(whatFailed + ": could not start " + command.getFirst() + " (" + e.getMessage() + "). "
                + "Run ./kit setup, which installs it and records where it is.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KitException(whatFailed + ": interrupted");
        }
        if (code != 0) {
            int from = Math.max(0, output.size() - 40);
            throw new KitException(whatFailed + " (" + String.join(" ", command) + " exited with " + code + "). " + nextStep
                + "\n--- last output ---\n" + String.join("\n", output.subList(from, output.size())));
        }
    }

    static UncheckedIOException io(String what, IOException e) {
        return new UncheckedIOException(what + ": " + e.getMessage(), e);
    }
}
