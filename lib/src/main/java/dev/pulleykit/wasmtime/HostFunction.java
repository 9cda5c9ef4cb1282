package dev.pulleykit.wasmtime;

/**
 * A Java implementation of a function a component imports, working on {@link WitValue}s.
 * Return null for a function without a result. Whatever it throws comes out of the guest
 * call that led here, as a {@link HostFunctionException} with the throwable as its cause.
 */
@FunctionalInterface
public interface HostFunction {
    WitValue call(WitValue... args) throws Exception;
}
