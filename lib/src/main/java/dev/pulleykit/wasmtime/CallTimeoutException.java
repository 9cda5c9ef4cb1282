package dev.pulleykit.wasmtime;

import java.util.List;

/** The call ran longer than the store's per-call timeout and was interrupted (epoch interruption). */
public class CallTimeoutException extends TrapException {
    public CallTimeoutException(String message, String wasmtimeMessage, List<String> backtrace) { super(message, wasmtimeMessage, backtrace); }
}
