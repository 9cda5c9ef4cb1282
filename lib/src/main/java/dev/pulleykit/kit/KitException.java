package dev.pulleykit.kit;

/** A step of the course failed for a reason outside Wasmtime: a tool, a file, a build. */
public class KitException extends RuntimeException {
    public KitException(String message) { super(message); }

    public KitException(String message, Throwable cause) { super(message, cause); }
}
