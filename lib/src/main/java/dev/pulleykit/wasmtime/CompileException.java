package dev.pulleykit.wasmtime;

/** Wasmtime refused to compile bytes as a component: not a component, invalid, or using a feature the engine does not enable. */
public class CompileException extends WasmtimeException {
    public CompileException(String message, String wasmtimeMessage) { super(message, wasmtimeMessage); }

    public CompileException(String message) { super(message, null); }
}
