package dev.pulleykit.wasmtime;

import java.util.List;

/**
 * The guest needed more linear memory than the store's cap allows. Wasmtime refuses the
 * {@code memory.grow} quietly (the guest sees -1), so a guest that copes gets no exception at
 * all; one that cannot traps. The binding reports this type for a trap in a capped store whose
 * backtrace shows Rust's allocation-failure path, and for an instantiation whose initial memory
 * is already over the cap.
 */
public class MemoryLimitException extends TrapException {
    public MemoryLimitException(String message, String wasmtimeMessage, List<String> backtrace) { super(message, wasmtimeMessage, backtrace); }
}
