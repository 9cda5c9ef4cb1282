package dev.pulleykit.wasmtime;

/**
 * A host function on plain Java values, converted by the import's WIT types as
 * {@link JavaValues} describes (a {@code u32} arrives as a Long, a string as a String, ...).
 * Return null for a function without a result.
 */
@FunctionalInterface
public interface JavaHostFunction {
    Object call(Object... args) throws Exception;
}
