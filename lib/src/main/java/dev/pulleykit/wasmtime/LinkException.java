package dev.pulleykit.wasmtime;

/** Instantiation failed: most often an import the linker does not provide. */
public class LinkException extends WasmtimeException {
    public LinkException(String message, String wasmtimeMessage) { super(message, wasmtimeMessage); }

    public LinkException(String message) { super(message, null); }
}
