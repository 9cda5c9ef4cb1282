package dev.pulleykit.wasmtime;

/** Arguments or results that do not fit a component function's WIT signature. */
public class SignatureMismatchException extends WasmtimeException {
    public SignatureMismatchException(String message, String wasmtimeMessage) { super(message, wasmtimeMessage); }

    public SignatureMismatchException(String message) { super(message, null); }
}
