package dev.pulleykit.wasmtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Finds and loads the pinned libwasmtime.
 *
 * <p>Order: the system property {@value #PATH_PROPERTY} (a path to a libwasmtime of the pinned
 * version, checked against the pinned SHA-256), else the copy inside lib.jar, extracted once
 * into the kit's cache under its checksum, else (while building) the file on the class path.
 */
public final class NativeLibrary {
    public static final String PATH_PROPERTY = "pulleykit.libwasmtime";
    private static final String RESOURCE = "/native/linux-x86_64/libwasmtime.so";

    private static volatile SymbolLookup lookup;
    private static volatile Path loadedFrom;

    private NativeLibrary() {}

    /** The library's symbols; loads the library on first use. */
    public static SymbolLookup lookup() {
        SymbolLookup l = lookup;
        if (l == null) {
            synchronized (NativeLibrary.class) {
                if (lookup == null) {
                    Path path = locate();
                    // A global arena: the library stays mapped for the life of the JVM.
                    lookup = SymbolLookup.libraryLookup(path, Arena.global());
                    loadedFrom = path;
                }
                l = lookup;
            }
        }
        return l;
    }

    /** Where the library was loaded from, or null before the first use. */
    public static Path loadedFrom() { return loadedFrom; }

    private static Path locate() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new UnsupportedOperationException("Pulley Kit bundles libwasmtime for Linux x86-64; this JVM runs on "
                + os + "/" + arch + ". Set -D" + PATH_PROPERTY + "=/path/to/libwasmtime of Wasmtime "
                + Pins.wasmtimeVersion() + " built for this platform.");
        }
        String override = System.getProperty(PATH_PROPERTY);
        if (override != null && !override.isBlank()) {
            Path path = Path.of(override);
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("-D" + PATH_PROPERTY + " names " + path + ", which is not a file.");
            }
            String sha = sha256(path);
            if (!sha.equals(Pins.libwasmtimeSha256())) {
                throw new IllegalStateException("-D" + PATH_PROPERTY + " names " + path + ", whose SHA-256 is " + sha
                    + ", not the pinned libwasmtime " + Pins.wasmtimeVersion() + " (" + Pins.libwasmtimeSha256()
                    + "). The binding's struct layouts are derived from that exact version's headers; "
                    + "point the property at the pinned library (./kit setup puts it in the kit's cache).");
            }
            return path;
        }
        URL url = NativeLibrary.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("libwasmtime is not on the class path (" + RESOURCE + "). "
                + "Use lib.jar as built by ./kit build, or set -D" + PATH_PROPERTY + "=/path/to/libwasmtime.so.");
        }
        if (url.getProtocol().equals("file")) {
            try {
                return Path.of(url.toURI()); // a build directory: the file was verified by setup
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return extract(url);
    }

    /** Copies the jar's library into the cache, named by its checksum, verifying it on the way. */
    private static Path extract(URL url) {
        String pinned = Pins.libwasmtimeSha256();
        Path dir = cacheDir().resolve("native").resolve(pinned.substring(0, 16));
        Path target = dir.resolve("libwasmtime.so");
        if (Files.isRegularFile(target)) return target; // only ever written after verification
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "libwasmtime", ".partial");
            try (InputStream in = url.openStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            String sha = sha256(tmp);
            if (!sha.equals(pinned)) {
                Files.deleteIfExists(tmp);
                throw new IllegalStateException("the libwasmtime inside lib.jar has SHA-256 " + sha + ", expected "
                    + pinned + ": lib.jar is damaged; rebuild it with ./kit build.");
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract libwasmtime into " + dir
                + " (set PULLEY_KIT_CACHE to a writable directory)", e);
        }
    }

    /** The kit's cache: $PULLEY_KIT_CACHE, else $XDG_CACHE_HOME/pulley-kit, else ~/.cache/pulley-kit. */
    public static Path cacheDir() {
        String kit = System.getenv("PULLEY_KIT_CACHE");
        if (kit != null && !kit.isBlank()) return Path.of(kit);
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("pulley-kit");
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
