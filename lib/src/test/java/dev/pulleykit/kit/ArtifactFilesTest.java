package dev.pulleykit.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulleykit.wasmtime.ArtifactRejectedException;
import dev.pulleykit.wasmtime.Component;
import dev.pulleykit.wasmtime.Engine;
import dev.pulleykit.wasmtime.EngineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Artifact files: written in a signed envelope, and nothing else is ever handed to Wasmtime. */
class ArtifactFilesTest {
    static Engine engine;
    static Artifact guest1;

    @BeforeAll static void setUp() {
        engine = Kit.engine();
        guest1 = Kit.precompile(engine, Kit.bundledComponent("guest1"));
    }

    @AfterAll static void tearDown() { engine.close(); }

    @Test void roundTripsAndLoads(@TempDir Path dir) {
        Path file = ArtifactFiles.write(guest1, dir.resolve("guest1.cwasm"));
        Artifact back = ArtifactFiles.read(file);
        assertEquals(guest1, back);
        assertArrayEquals(guest1.bytes(), back.bytes());
        assertEquals(EngineConfig.DESKTOP, back.profile());
        try (Component c = Kit.load(engine, back); RunningGuest g = Kit.instantiate(c)) {
            assertEquals("guest1 run() called", g.call("run"));
        }
    }

    @Test void everyFlippedBitIsRefused(@TempDir Path dir) throws Exception {
        byte[] good = Files.readAllBytes(ArtifactFiles.write(guest1, dir.resolve("a.cwasm")));
        Random random = new Random(1);
        int positions = 0;
        // the magic, the header, the payload and the signature, then random places
        int[] fixed = {0, 5, 19, 21, 40, good.length / 2, good.length - 40, good.length - 1};
        for (int i = 0; i < fixed.length + 200; i++) {
            int at = i < fixed.length ? fixed[i] : random.nextInt(good.length);
            byte[] bad = good.clone();
            bad[at] ^= (byte) (1 << random.nextInt(8));
            assertThrows(ArtifactRejectedException.class, () -> ArtifactFiles.verify(bad, "flipped"), "flip at " + at);
            positions++;
        }
        assertEquals(208, positions);
    }

    @Test void truncationsAreRefused(@TempDir Path dir) throws Exception {
        byte[] good = Files.readAllBytes(ArtifactFiles.write(guest1, dir.resolve("a.cwasm")));
        for (int length : new int[] {0, 10, 19, 23, 100, good.length / 2, good.length - 33, good.length - 1}) {
            byte[] cut = Arrays.copyOf(good, length);
            assertThrows(ArtifactRejectedException.class, () -> ArtifactFiles.verify(cut, "cut"), "length " + length);
        }
    }

    @Test void aBareCwasmIsRefusedWithTheEscapeHatchNamed(@TempDir Path dir) throws Exception {
        Path bare = Files.write(dir.resolve("bare.cwasm"), guest1.bytes());
        var e = assertThrows(ArtifactRejectedException.class, () -> ArtifactFiles.read(bare));
        assertTrue(e.getMessage().contains("readUntrusted"), e.getMessage());
        Artifact untrusted = ArtifactFiles.readUntrusted(bare, EngineConfig.DESKTOP);
        try (Component c = Kit.load(engine, untrusted); RunningGuest g = Kit.instantiate(c)) {
            assertEquals("guest1 run() called", g.call("run"));
        }
    }

    @Test void anotherProfileIsNamedWithThisOne(@TempDir Path dir) {
        try (Engine limited = Kit.engine(EngineConfig.DESKTOP_LIMITS)) {
            Artifact forLimited = Kit.precompile(limited, Kit.bundledComponent("guest1"));
            Artifact back = ArtifactFiles.read(ArtifactFiles.write(forLimited, dir.resolve("l.cwasm")));
            var e = assertThrows(ArtifactRejectedException.class, () -> Kit.load(engine, back));
            assertTrue(e.getMessage().contains("desktop-pulley64-limits") && e.getMessage().contains("desktop-pulley64 ("), e.getMessage());
            try (Component c = Kit.load(limited, back)) {
                assertEquals(1, c.type().exports().size());
            }
        }
    }
}
