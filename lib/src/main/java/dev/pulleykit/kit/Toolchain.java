package dev.pulleykit.kit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the outside tools are: cargo (to build guests) and wasm-tools (to encode components).
 * Looked up in the environment ({@code KIT_CARGO}, {@code KIT_WASM_TOOLS}), then in the env
 * file that {@code ./kit setup} wrote into the kit's cache, then on PATH. A notebook kernel or
 * JShell started outside ./kit therefore still finds what setup installed.
 */
public final class Toolchain {
    private Toolchain() {}

    private static volatile Map<String, String> setupEnv;

    public static String cargo() { return tool("KIT_CARGO", "cargo"); }

    public static String wasmTools() { return tool("KIT_WASM_TOOLS", "wasm-tools"); }

    /** The environment for child processes: what setup recorded (CARGO_HOME, RUSTUP_HOME, ...). */
    public static Map<String, String> childEnvironment() {
        Map<String, String> env = new HashMap<>(setupEnv());
        env.putAll(System.getenv());
        return env;
    }

    /** The kit's cache directory ($PULLEY_KIT_CACHE or ~/.cache/pulley-kit). */
    public static Path cacheDir() { return dev.pulleykit.wasmtime.Wasmtime.cacheDir(); }

    private static String tool(String variable, String fallback) {
        String v = System.getenv(variable);
        if (v != null && !v.isBlank()) return v;
        v = setupEnv().get(variable);
        return v != null ? v : fallback;
    }

    private static Map<String, String> setupEnv() {
        Map<String, String> env = setupEnv;
        if (env == null) setupEnv = env = readEnvFile(cacheDir().resolve("env.sh"));
        return env;
    }

    /** Reads the {@code export NAME=value} lines that setup writes (values shell-quoted with %q). */
    static Map<String, String> readEnvFile(Path file) {
        Map<String, String> env = new HashMap<>();
        if (!Files.isRegularFile(file)) return env;
        Pattern line = Pattern.compile("^export ([A-Za-z_][A-Za-z0-9_]*)=(.*)$");
        try {
            for (String l : Files.readAllLines(file)) {
                Matcher m = line.matcher(l);
                if (m.matches()) env.put(m.group(1), m.group(2).replaceAll("\\\\(.)", "$1"));
            }
        } catch (IOException e) {
            // An unreadable env file is the same as none: fall back to PATH.
        }
        return env;
    }
}
