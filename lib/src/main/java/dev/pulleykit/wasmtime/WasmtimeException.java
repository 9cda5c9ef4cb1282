package dev.pulleykit.wasmtime;

/**
 * The root of everything the binding throws for a WebAssembly reason. Where Wasmtime said
 * something, {@link #wasmtimeMessage()} keeps its words exactly; {@link #getMessage()} adds
 * what was being done and what to try next.
 */
public class WasmtimeException extends RuntimeException {
    private final String wasmtimeMessage;

    public WasmtimeException(String message, String wasmtimeMessage) {
        super(wasmtimeMessage == null ? message : message + "\n  Wasmtime said: " + indent(wasmtimeMessage));
        this.wasmtimeMessage = wasmtimeMessage;
    }

    public WasmtimeException(String message) { this(message, null); }

    /** Wasmtime's own message, or null when the binding caught the problem before calling it. */
    public String wasmtimeMessage() { return wasmtimeMessage; }

    private static String indent(String s) { return s.strip().replace("\n", "\n    "); }
}
