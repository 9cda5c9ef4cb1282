package dev.pulleykit.kit;

import dev.pulleykit.kit.show.Html;
import dev.pulleykit.kit.show.HtmlRenderable;
import dev.pulleykit.kit.show.Show;
import dev.pulleykit.wasmtime.EngineConfig;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A component precompiled ahead of time into Pulley bytecode (a {@code .cwasm}), with the engine
 * profile and Wasmtime version that made it and the SHA-256 of its bytes. It loads only into an
 * engine of the same profile, and only while its bytes still match the digest.
 */
public record Artifact(String name, byte[] bytes, EngineConfig profile, String wasmtimeVersion, String sha256)
        implements HtmlRenderable {

    public Artifact {
        bytes = bytes.clone(); // the digest vouches for these bytes: keep them out of reach
    }

    /** An artifact made just now from {@code bytes}: its digest is computed here. */
    public static Artifact of(String name, byte[] bytes, EngineConfig profile, String wasmtimeVersion) {
        return new Artifact(name, bytes, profile, wasmtimeVersion, sha256(bytes));
    }

    /** A copy of the artifact's bytes. */
    @Override public byte[] bytes() { return bytes.clone(); }

    /** The bytes without a copy, for the loader only; they are checked against {@link #sha256()} before use. */
    byte[] bytesUnsafe() { return bytes; }

    public int size() { return bytes.length; }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override public boolean equals(Object o) {
        return o instanceof Artifact a && a.name.equals(name) && a.sha256.equals(sha256) && a.profile.equals(profile)
            && a.wasmtimeVersion.equals(wasmtimeVersion);
    }

    @Override public int hashCode() { return sha256.hashCode(); }

    @Override public String toString() {
        return name + ": precompiled artifact, " + bytes.length + " bytes, profile " + profile.name() + ", Wasmtime "
            + wasmtimeVersion + ", sha256 " + sha256.substring(0, 16) + "...";
    }

    @Override public String toHtml() {
        return Show.overview("Artifact " + name, new String[][] {
            {"kind", "precompiled component (.cwasm)"}, {"size", Html.bytes(bytes.length)},
            {"engine profile", profile.toString()}, {"Wasmtime", wasmtimeVersion}, {"SHA-256", sha256}}, bytes);
    }
}
