package dev.pulleykit.wasmtime;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A component function's signature: named parameters and at most one result.
 * Prints as WIT: {@code func(name: option<string>) -> string}.
 */
public record FuncType(List<Param> params, WitType result) {

    public record Param(String name, WitType type) {
        @Override public String toString() { return name + ": " + type; }
    }

    public FuncType { params = List.copyOf(params); }

    /** The result type, or null when the function returns nothing. */
    @Override public WitType result() { return result; }

    @Override public String toString() {
        String ps = params.stream().map(Param::toString).collect(Collectors.joining(", "));
        return "func(" + ps + ")" + (result == null ? "" : " -> " + result);
    }
}
