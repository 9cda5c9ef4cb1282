package dev.pulleykit.wasmtime.internal;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Strings on their way out take a fast path for ASCII and look at the chars only when a byte
 * could hide an unpaired surrogate; on their way in they pass through a per-thread buffer.
 * Both must agree with Java's own UTF-8 on every string, and refuse exactly the invalid ones.
 */
class NativeStringsTest {

    @Test void validStringsCrossAsJavasUtf8() {
        Random random = new Random(7);
        String[] samples = {"", "a", "?", "what?", "hello, world", "€", "naïve café", "\uD83D\uDE00 grin", "a?\u00e9?b",
            "x".repeat(4096), "?".repeat(17), "\u0000nul inside"};
        try (Arena arena = Arena.ofConfined()) {
            for (String s : samples) checkRoundTrip(arena, s);
            for (int n = 0; n < 2000; n++) checkRoundTrip(arena, randomValid(random, random.nextInt(40)));
            checkRoundTrip(arena, randomValid(random, 20_000)); // past the 16 KiB read buffer
        }
    }

    @Test void unpairedSurrogatesAreRefusedWhereverTheyAre() {
        try (Arena arena = Arena.ofConfined()) {
            for (String s : new String[] {"\uD800", "a\uDC00", "ab?\uD83D", "?\uDE00?", "x".repeat(100) + "\uD800" + "y".repeat(100),
                    "\uDE00\uD83D", "€\uD800"}) {
                assertNull(NativeStrings.utf8(arena, s), () -> "refused: " + escape(s));
                assertEquals(true, NativeStrings.firstUnpairedSurrogate(s) >= 0);
            }
        }
    }

    @Test void containsByteFindsTheByteAtEveryPositionAndLength() {
        try (Arena arena = Arena.ofConfined()) {
            for (int n = 0; n <= 40; n++) {
                MemorySegment m = arena.allocate(n + 1);
                m.fill((byte) 'a');
                assertEquals(false, NativeStrings.containsByte(m, n, (byte) '?'), "none in " + n);
                for (int at = 0; at < n; at++) {
                    m.set(JAVA_BYTE, at, (byte) '?');
                    assertEquals(true, NativeStrings.containsByte(m, n, (byte) '?'), "at " + at + " of " + n);
                    m.set(JAVA_BYTE, at, (byte) 'a');
                }
                m.set(JAVA_BYTE, n, (byte) '?'); // just past the end: not counted
                assertEquals(false, NativeStrings.containsByte(m, n, (byte) '?'), "past the end of " + n);
            }
        }
    }

    @Test void containsByteCoversBlockBoundariesAndNearMisses() {
        // The scan works on 4 KiB blocks of eight-byte words: lengths around a block's end,
        // and bytes one off the one sought ('>' and '@' beside '?', 0xBF with its high bit).
        try (Arena arena = Arena.ofConfined()) {
            for (int n : new int[] {4088, 4095, 4096, 4097, 4103, 4104, 8191, 8192, 8200, 20_000}) {
                MemorySegment m = arena.allocate(n + 1);
                for (int i = 0; i < n; i++) m.set(JAVA_BYTE, i, (byte) new int[] {'>', '@', 0xBF, 0x3F ^ 0x80}[i % 4]);
                assertEquals(false, NativeStrings.containsByte(m, n, (byte) '?'), "none in " + n);
                for (int at : new int[] {0, 7, 8, 4095, 4096, 4103, n - 8, n - 1}) {
                    if (at < 0 || at >= n) continue;
                    byte was = m.get(JAVA_BYTE, at);
                    m.set(JAVA_BYTE, at, (byte) '?');
                    assertEquals(true, NativeStrings.containsByte(m, n, (byte) '?'), "at " + at + " of " + n);
                    m.set(JAVA_BYTE, at, was);
                }
            }
        }
    }

    private static void checkRoundTrip(Arena arena, String s) {
        MemorySegment utf8 = NativeStrings.utf8(arena, s);
        byte[] java = s.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(java, utf8.toArray(JAVA_BYTE), () -> "encoded: " + escape(s));
        assertEquals(s, NativeStrings.read(utf8, utf8.byteSize()), () -> "decoded: " + escape(s));
    }

    private static String randomValid(Random random, int length) {
        StringBuilder b = new StringBuilder();
        while (b.length() < length) {
            switch (random.nextInt(5)) {
                case 0 -> b.append('?');
                case 1 -> b.append((char) (0x20 + random.nextInt(0x5f)));
                case 2 -> b.append((char) (0xA0 + random.nextInt(0x700)));
                case 3 -> b.appendCodePoint(0x10000 + random.nextInt(0xFFFF));
                default -> b.append((char) (0x3000 + random.nextInt(0x1000)));
            }
        }
        return b.toString();
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) b.append(c < 0x80 && c >= 0x20 ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        return b.length() > 80 ? b.substring(0, 80) + "..." : b.toString();
    }
}
