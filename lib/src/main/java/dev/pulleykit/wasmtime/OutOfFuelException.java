package dev.pulleykit.wasmtime;

import java.util.List;

/** The call used up its fuel: the guest ran more instructions than the store allows per call. */
public class OutOfFuelException extends TrapException {
    public OutOfFuelException(String message, String wasmtimeMessage, List<String> backtrace) { super(message, wasmtimeMessage, backtrace); }
}
