package dev.pulleykit.wasmtime;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The type of a value that crosses a component's boundary, as WIT spells it. Read from a
 * component by introspection ({@link FuncType}); {@link #toString()} prints WIT syntax.
 *
 * <p>Records, variants, enums and flags print structurally ({@code record { a: u32 }}), since a
 * compiled component keeps their shape but the C API does not report their WIT names.
 */
public sealed interface WitType {

    /** The scalar types and string. */
    enum Primitive implements WitType {
        BOOL, S8, U8, S16, U16, S32, U32, S64, U64, F32, F64, CHAR, STRING;

        @Override public String toString() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    record ListType(WitType element) implements WitType {
        @Override public String toString() { return "list<" + element + ">"; }
    }

    record Field(String name, WitType type) {
        @Override public String toString() { return name + ": " + type; }
    }

    record RecordType(List<Field> fields) implements WitType {
        public RecordType { fields = List.copyOf(fields); }
        @Override public String toString() { return "record { " + join(fields) + " }"; }
    }

    record TupleType(List<WitType> types) implements WitType {
        public TupleType { types = List.copyOf(types); }
        @Override public String toString() { return "tuple<" + join(types) + ">"; }
    }

    /** A variant case; {@code payload} is null for a case without one. */
    record Case(String name, WitType payload) {
        @Override public String toString() { return payload == null ? name : name + "(" + payload + ")"; }
    }

    record VariantType(List<Case> cases) implements WitType {
        public VariantType { cases = List.copyOf(cases); }
        @Override public String toString() { return "variant { " + join(cases) + " }"; }
    }

    record EnumType(List<String> names) implements WitType {
        public EnumType { names = List.copyOf(names); }
        @Override public String toString() { return "enum { " + String.join(", ", names) + " }"; }
    }

    record OptionType(WitType inner) implements WitType {
        @Override public String toString() { return "option<" + inner + ">"; }
    }

    /** {@code ok} and {@code err} are null where WIT leaves them out ({@code result<_, E>}). */
    record ResultType(WitType ok, WitType err) implements WitType {
        @Override public String toString() {
            if (ok == null && err == null) return "result";
            if (err == null) return "result<" + ok + ">";
            return "result<" + (ok == null ? "_" : ok) + ", " + err + ">";
        }
    }

    record FlagsType(List<String> names) implements WitType {
        public FlagsType { names = List.copyOf(names); }
        @Override public String toString() { return "flags { " + String.join(", ", names) + " }"; }
    }

    /**
     * {@code own<R>} or {@code borrow<R>} of a resource. {@code name} is R's name where the
     * component says it (null where it does not); {@code resource} is the {@link HostResource}
     * that R is, when the type was read from an instance whose linker defined it, and null for
     * a guest-defined resource or a component not yet instantiated.
     */
    record HandleType(boolean own, String name, HostResource<?> resource) implements WitType {
        public HandleType(boolean own) { this(own, null, null); }
        public HandleType {
            if (name == null && resource != null) name = resource.name();
        }
        @Override public String toString() { return (own ? "own<" : "borrow<") + (name == null ? "resource" : name) + ">"; }
    }

    /** A type the kit does not carry as a value yet (future, stream, error-context, map). */
    record Unsupported(String wit) implements WitType {
        @Override public String toString() { return wit; }
    }

    private static String join(List<?> items) {
        return items.stream().map(Object::toString).collect(Collectors.joining(", "));
    }
}
