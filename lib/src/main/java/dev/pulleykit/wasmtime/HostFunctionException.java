package dev.pulleykit.wasmtime;

/** A host function threw while a guest was calling it; the cause is what it threw. */
public class HostFunctionException extends WasmtimeException {
    public HostFunctionException(String message, String wasmtimeMessage, Throwable cause) {
        super(message, wasmtimeMessage);
        initCause(cause);
    }
}
