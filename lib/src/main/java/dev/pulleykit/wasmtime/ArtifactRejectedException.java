package dev.pulleykit.wasmtime;

/** Wasmtime refused to load a precompiled artifact (.cwasm): damaged, truncated, or built by another Wasmtime version or engine configuration. */
public class ArtifactRejectedException extends WasmtimeException {
    public ArtifactRejectedException(String message, String wasmtimeMessage) { super(message, wasmtimeMessage); }

    public ArtifactRejectedException(String message) { super(message, null); }
}
