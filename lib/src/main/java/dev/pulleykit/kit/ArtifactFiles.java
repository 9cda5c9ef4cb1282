package dev.pulleykit.kit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulleykit.wasmtime.ArtifactRejectedException;
import dev.pulleykit.wasmtime.EngineConfig;
import dev.pulleykit.wasmtime.Wasmtime;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Artifact files the kit can trust. Deserializing maps an artifact's code as it is, so a
 * damaged or foreign {@code .cwasm} could do anything; the kit therefore writes each artifact
 * in an envelope and loads only envelopes it can verify:
 *
 * <pre>
 *   "PULLEYKIT-ARTIFACT\n"            magic
 *   u32 little-endian                 header length
 *   header (JSON)                     name, Wasmtime version, engine profile, payload size and SHA-256
 *   payload                           the bytes Wasmtime serialized
 *   32 bytes                          HMAC-SHA256 of everything before it, keyed by this user's kit key
 * </pre>
 *
 * The digest catches damage; the HMAC, with a key kept in the kit's cache ({@code keys/artifact.key},
 * readable by its owner only), makes an artifact that the kit did not write here fail to load.
 * {@link #readUntrusted} is the escape hatch for an artifact from elsewhere, named so that a
 * reader sees what it skips.
 */
public final class ArtifactFiles {
    private ArtifactFiles() {}

    static final byte[] MAGIC = "PULLEYKIT-ARTIFACT\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAC_LENGTH = 32;
    private static final int MAX_HEADER = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The envelope's header. */
    record Header(int format, String name, String wasmtime, EngineConfig profile, long size, String sha256) {}

    /** Writes {@code artifact} to {@code file} in a verified envelope (atomically: never a half-written file). */
    public static Path write(Artifact artifact, Path file) {
        try {
            byte[] header = JSON.writeValueAsBytes(new Header(1, artifact.name(), artifact.wasmtimeVersion(),
                artifact.profile(), artifact.size(), artifact.sha256()));
            byte[] payload = artifact.bytesUnsafe();
            ByteBuffer body = ByteBuffer.allocate(MAGIC.length + 4 + header.length + payload.length).order(ByteOrder.LITTLE_ENDIAN);
            body.put(MAGIC).putInt(header.length).put(header).put(payload);
            byte[] signed = body.array();
            byte[] mac = mac(signed);
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".partial");
            Files.write(tmp, signed);
            Files.write(tmp, mac, java.nio.file.StandardOpenOption.APPEND);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw Tools.io("writing artifact " + file, e);
        }
    }

    /** Reads and verifies an envelope; anything that does not verify is refused before Wasmtime sees it. */
    public static Artifact read(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw Tools.io("reading artifact " + file, e);
        }
        return verify(all, file.toString());
    }

    /** Verifies envelope bytes (see the class comment); {@code source} names them in errors. */
    public static Artifact verify(byte[] all, String source) {
        String what = source + " is not an artifact this kit can load: ";
        if (all.length < MAGIC.length + 4 + MAC_LENGTH || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new ArtifactRejectedException(what + "it has no Pulley Kit envelope. A bare .cwasm from elsewhere can be "
                + "loaded only through ArtifactFiles.readUntrusted, which maps its code unchecked.");
        }
        int signedLength = all.length - MAC_LENGTH;
        if (!MessageDigest.isEqual(mac(Arrays.copyOf(all, signedLength)), Arrays.copyOfRange(all, signedLength, all.length))) {
            throw new ArtifactRejectedException(what + "its signature does not match. It was changed after it was written, "
                + "or written by another user's kit. Precompile the component again (Kit.precompile) and save it anew.");
        }
        ByteBuffer in = ByteBuffer.wrap(all, MAGIC.length, signedLength - MAGIC.length).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = in.getInt();
        if (headerLength <= 0 || headerLength > MAX_HEADER || headerLength > in.remaining()) {
            throw new ArtifactRejectedException(what + "its header length " + headerLength + " is impossible.");
        }
        Header header;
        try {
            header = JSON.readValue(all, in.position(), headerLength, Header.class);
        } catch (IOException e) {
            throw new ArtifactRejectedException(what + "its header is not valid: " + e.getMessage());
        }
        int payloadStart = in.position() + headerLength;
        byte[] payload = Arrays.copyOfRange(all, payloadStart, signedLength);
        if (header.format() != 1 || payload.length != header.size() || !Artifact.sha256(payload).equals(header.sha256())) {
            throw new ArtifactRejectedException(what + "its payload does not match its header (size or SHA-256).");
        }
        return new Artifact(header.name(), payload, header.profile(), header.wasmtime(), header.sha256());
    }

    /**
     * Loads a bare {@code .cwasm} that did not come from this kit, skipping every check the kit
     * makes. Wasmtime still checks the version and configuration in the artifact's own header,
     * but a damaged or malicious file can crash the JVM or worse. Only for artifacts you trust.
     */
    public static Artifact readUntrusted(Path file, EngineConfig profile) {
        try {
            return Artifact.of(file.getFileName().toString(), Files.readAllBytes(file), profile, Wasmtime.version());
        } catch (IOException e) {
            throw Tools.io("reading " + file, e);
        }
    }

    private static byte[] mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static volatile byte[] key;

    /** This user's artifact key: 32 random bytes made on first use, readable by the owner only. */
    private static byte[] key() {
        byte[] k = key;
        if (k != null) return k;
        synchronized (ArtifactFiles.class) {
            if (key != null) return key;
            Path file = Toolchain.cacheDir().resolve("keys").resolve("artifact.key");
            try {
                if (!Files.isRegularFile(file)) {
                    Files.createDirectories(file.getParent());
                    byte[] fresh = new byte[32];
                    new SecureRandom().nextBytes(fresh);
                    Path tmp = Files.createTempFile(file.getParent(), "artifact", ".key",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.write(tmp, fresh);
                    try {
                        Files.createLink(file, tmp); // atomic, and fails if another JVM made the key first: keep that one
                    } catch (java.nio.file.FileAlreadyExistsException raced) {
                        // fine: read the key that won
                    } finally {
                        Files.deleteIfExists(tmp);
                    }
                }
                k = Files.readAllBytes(file);
                if (k.length != 32) throw new IllegalStateException(file + " is not a kit key (expected 32 bytes); delete it to make a new one");
                key = k;
                return k;
            } catch (IOException e) {
                throw Tools.io("reading the artifact key " + file, e);
            }
        }
    }
}
