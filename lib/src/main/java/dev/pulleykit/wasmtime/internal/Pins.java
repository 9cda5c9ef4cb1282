package dev.pulleykit.wasmtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The pinned versions and checksums (the repository's pins.properties, packaged in the jar). */
public final class Pins {
    private static final Properties PINS = load();

    private Pins() {}

    public static String wasmtimeVersion() { return get("WASMTIME_VERSION"); }

    public static String libwasmtimeSha256() { return get("LIBWASMTIME_LINUX_X86_64_SHA256"); }

    public static String get(String key) {
        String value = PINS.getProperty(key);
        if (value == null) throw new IllegalStateException("pins.properties has no " + key);
        return value;
    }

    private static Properties load() {
        try (InputStream in = Pins.class.getResourceAsStream("/dev/pulleykit/pins.properties")) {
            if (in == null) throw new IllegalStateException(
                "dev/pulleykit/pins.properties is missing from the class path: lib.jar is incomplete; rebuild it with ./kit build");
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
