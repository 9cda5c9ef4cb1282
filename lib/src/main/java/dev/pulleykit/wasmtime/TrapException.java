package dev.pulleykit.wasmtime;

import java.util.List;
import java.util.Locale;

/**
 * A guest stopped with a trap. Wasmtime reports the trap's kind only as text, so the kind is
 * read from its message ({@link Kind#of(String)}). The instance that trapped cannot be entered
 * again: instantiate the component anew.
 */
public class TrapException extends WasmtimeException {

    /** Trap kinds, with a fragment of the message Wasmtime uses for each. */
    public enum Kind {
        UNREACHABLE("unreachable"),
        OUT_OF_BOUNDS_MEMORY("out of bounds memory access"),
        INTEGER_DIVIDE_BY_ZERO("integer divide by zero"),
        INTEGER_OVERFLOW("integer overflow"),
        BAD_CONVERSION_TO_INTEGER("invalid conversion to integer"),
        INDIRECT_CALL_TYPE_MISMATCH("indirect call type mismatch"),
        STACK_OVERFLOW("call stack exhausted"),
        OUT_OF_FUEL("all fuel consumed"),
        INTERRUPT("interrupt"),
        CANNOT_ENTER("cannot enter component instance"),
        OTHER("");

        private final String fragment;

        Kind(String fragment) { this.fragment = fragment; }

        public static Kind of(String wasmtimeMessage) {
            String m = wasmtimeMessage == null ? "" : wasmtimeMessage.toLowerCase(Locale.ROOT);
            for (Kind k : values()) if (k != OTHER && m.contains(k.fragment)) return k;
            return OTHER;
        }
    }

    private final Kind kind;
    private final List<String> backtrace;

    public TrapException(String message, String wasmtimeMessage) { this(message, wasmtimeMessage, List.of()); }

    public TrapException(String message, String wasmtimeMessage, List<String> backtrace) {
        super(message, wasmtimeMessage);
        this.kind = Kind.of(wasmtimeMessage);
        this.backtrace = List.copyOf(backtrace);
    }

    public Kind kind() { return kind; }

    /** The guest's frames when it trapped, innermost first, by function name where the component kept names. */
    public List<String> guestBacktrace() { return backtrace; }
}
