package dev.pulleykit.wasmtime;

/** A component has no export of the requested name. */
public class NoSuchExportException extends WasmtimeException {
    public NoSuchExportException(String message, String wasmtimeMessage) { super(message, wasmtimeMessage); }

    public NoSuchExportException(String message) { super(message, null); }
}
