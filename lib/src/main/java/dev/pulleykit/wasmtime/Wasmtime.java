package dev.pulleykit.wasmtime;

import dev.pulleykit.wasmtime.internal.LayoutSelfCheck;
import dev.pulleykit.wasmtime.internal.NativeLibrary;
import dev.pulleykit.wasmtime.internal.Pins;
import java.nio.file.Path;

/** Facts about the Wasmtime library under the binding. */
public final class Wasmtime {
    private Wasmtime() {}

    /** The pinned Wasmtime version whose C headers the binding's layouts come from. */
    public static String version() { return Pins.wasmtimeVersion(); }

    /** Loads the library (if not yet loaded), checks the layouts, and says where it came from. */
    public static Path library() {
        LayoutSelfCheck.ensure();
        return NativeLibrary.loadedFrom();
    }

    /** Where the library is extracted to and where the kit keeps its tools ($PULLEY_KIT_CACHE or ~/.cache/pulley-kit). */
    public static Path cacheDir() { return NativeLibrary.cacheDir(); }
}
