package dev.pulleykit.wasmtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The course's guests as the build put them on the class path, and the two ways to load them. */
public enum CourseGuests {
    /** Compile the encoded component at run time (the just-in-time path). */
    COMPILE,
    /** Deserialize the artifact precompiled by the build (the reference's path). */
    DESERIALIZE;

    public Component load(Engine engine, String guest) {
        return this == COMPILE
            ? Component.compile(engine, bytes(guest + ".component.wasm"))
            : Component.deserialize(engine, bytes(guest + ".cwasm"));
    }

    public static byte[] bytes(String file) {
        try (InputStream in = CourseGuests.class.getResourceAsStream("/guests/" + file)) {
            if (in == null) throw new IllegalStateException("guests/" + file + " is not on the class path: the build's guest step did not run");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
