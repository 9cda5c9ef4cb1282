package dev.pulleykit.wasmtime;

import java.util.List;

/** The guest needed more linear memory than the store's cap allows. */
public class MemoryLimitException extends TrapException {
    public MemoryLimitException(String message, String wasmtimeMessage, List<String> backtrace) { super(message, wasmtimeMessage, backtrace); }
}
