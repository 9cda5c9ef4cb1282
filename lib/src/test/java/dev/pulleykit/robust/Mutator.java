package dev.pulleykit.robust;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Mutates seed inputs the way a simple fuzzer does: bit flips, bytes overwritten with
 * interesting values, deletions, duplications, splices with another seed, truncations and
 * bumped length fields. Everything comes from the {@link Random} it is given, so an input
 * is reproduced by its seed and index alone.
 */
final class Mutator {
    static final byte[] INTERESTING = {0x00, (byte) 0xFF, 0x7F, (byte) 0x80};

    /** A mutated input and how it was made, for failure messages. */
    record Mutant(byte[] bytes, int seedIndex, String how) {}

    private final List<byte[]> seeds;
    private final List<int[]> lengthFields = new ArrayList<>();

    /** {@code seeds} are the inputs to mutate; the length fields of WebAssembly binaries among them are found here. */
    Mutator(List<byte[]> seeds) {
        this.seeds = List.copyOf(seeds);
        for (byte[] s : seeds) {
            List<Integer> found = new ArrayList<>();
            if (isWasm(s, 0, s.length)) sectionSizes(s, 0, s.length, found);
            lengthFields.add(found.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** The offsets of the section-size fields (LEB128) found in seed {@code i}, nested modules included. */
    int[] lengthFields(int i) { return lengthFields.get(i).clone(); }

    Mutant mutate(Random random) {
        int which = random.nextInt(seeds.size());
        byte[] b = seeds.get(which);
        // Mostly one mutation, sometimes a stack of them.
        int rounds = random.nextInt(8) == 0 ? 2 + random.nextInt(3) : 1;
        StringBuilder how = new StringBuilder("original " + which);
        for (int round = 0; round < rounds; round++) {
            if (b.length == 0) break;
            int op = random.nextInt(7);
            how.append("; ");
            b = switch (op) {
                case 0 -> flipBit(b, random, how);
                case 1 -> overwrite(b, random, how);
                case 2 -> delete(b, random, how);
                case 3 -> duplicate(b, random, how);
                case 4 -> splice(b, seeds.get((which + 1 + random.nextInt(Math.max(1, seeds.size() - 1))) % seeds.size()), random, how);
                case 5 -> truncate(b, random, how);
                default -> bumpLength(b, round == 0 ? lengthFields.get(which) : new int[0], random, how);
            };
        }
        return new Mutant(b, which, how.toString());
    }

    private static byte[] flipBit(byte[] b, Random r, StringBuilder how) {
        byte[] out = b.clone();
        int at = r.nextInt(b.length), bit = r.nextInt(8);
        out[at] ^= (byte) (1 << bit);
        how.append("flip bit ").append(bit).append(" at ").append(at);
        return out;
    }

    private static byte[] overwrite(byte[] b, Random r, StringBuilder how) {
        byte[] out = b.clone();
        int at = r.nextInt(b.length);
        int pick = r.nextInt(INTERESTING.length);
        if (out[at] == INTERESTING[pick]) pick = (pick + 1) % INTERESTING.length; // always a change
        out[at] = INTERESTING[pick];
        how.append(String.format("byte at %d := 0x%02X", at, out[at] & 0xFF));
        return out;
    }

    private static byte[] delete(byte[] b, Random r, StringBuilder how) {
        int at = r.nextInt(b.length), n = 1 + r.nextInt(Math.min(16, b.length - at));
        how.append("delete ").append(n).append(" at ").append(at);
        byte[] out = new byte[b.length - n];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + n, out, at, b.length - at - n);
        return out;
    }

    private static byte[] duplicate(byte[] b, Random r, StringBuilder how) {
        int at = r.nextInt(b.length), n = 1 + r.nextInt(Math.min(64, b.length - at));
        how.append("duplicate ").append(n).append(" at ").append(at);
        byte[] out = new byte[b.length + n];
        System.arraycopy(b, 0, out, 0, at + n);
        System.arraycopy(b, at, out, at + n, b.length - at);
        return out;
    }

    /** The head of {@code a} and the tail of {@code other}. */
    private static byte[] splice(byte[] a, byte[] other, Random r, StringBuilder how) {
        int cutA = r.nextInt(a.length + 1);
        // Near the same offset most of the time, so that the two halves still line up a little.
        int cutB = r.nextBoolean() ? Math.min(other.length, Math.max(0, cutA + r.nextInt(65) - 32)) : r.nextInt(other.length + 1);
        how.append("splice head ").append(cutA).append(" with other's tail from ").append(cutB);
        byte[] out = Arrays.copyOf(a, cutA + other.length - cutB);
        System.arraycopy(other, cutB, out, cutA, other.length - cutB);
        return out;
    }

    private static byte[] truncate(byte[] b, Random r, StringBuilder how) {
        int n = r.nextInt(b.length);
        how.append("truncate to ").append(n);
        return Arrays.copyOf(b, n);
    }

    /**
     * Reads a LEB128 number at a section-size field (or anywhere, a quarter of the time), changes
     * it a little or a lot, and writes it back in its shortest encoding, which may change the
     * input's length too.
     */
    private static byte[] bumpLength(byte[] b, int[] fields, Random r, StringBuilder how) {
        int at = fields.length > 0 && r.nextInt(4) != 0 ? fields[r.nextInt(fields.length)] : r.nextInt(b.length);
        long value = 0;
        int len = 0;
        while (len < 5 && at + len < b.length) {
            int x = b[at + len] & 0xFF;
            value |= (long) (x & 0x7F) << (7 * len);
            len++;
            if ((x & 0x80) == 0) break;
        }
        long[] choices = {value + 1, value - 1, value + 1 + r.nextInt(16), value - 1 - r.nextInt(16), value * 2, value / 2,
            0, 0xFFFF_FFFFL, value + 0x80, value + 0x4000};
        long bumped = choices[r.nextInt(choices.length)] & 0xFFFF_FFFFL;
        if (bumped == value) bumped = (value + 1) & 0xFFFF_FFFFL; // always a change (0 * 2 is still 0)
        how.append("LEB128 at ").append(at).append(": ").append(value).append(" -> ").append(bumped);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 5);
        out.write(b, 0, at);
        long v = bumped;
        do {
            int x = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v != 0 ? x | 0x80 : x);
        } while (v != 0);
        out.write(b, at + len, b.length - at - len);
        return out.toByteArray();
    }

    // ---- where the length fields are ---------------------------------------------------------

    private static boolean isWasm(byte[] b, int start, int end) {
        return end - start >= 8 && b[start] == 0 && b[start + 1] == 'a' && b[start + 2] == 's' && b[start + 3] == 'm';
    }

    /** Walks the sections of a module or component, recording each size field, and descends into nested binaries. */
    private static void sectionSizes(byte[] b, int start, int end, List<Integer> out) {
        int p = start + 8;
        while (p < end) {
            p++; // section id
            int sizeAt = p;
            long size = 0;
            int shift = 0;
            while (p < end) {
                int x = b[p++] & 0xFF;
                size |= (long) (x & 0x7F) << shift;
                shift += 7;
                if ((x & 0x80) == 0 || shift > 28) break;
            }
            if (size > end - p) return;
            out.add(sizeAt);
            // A component's core-module and component sections hold whole binaries of their own.
            if (isWasm(b, p, (int) (p + size))) sectionSizes(b, p, (int) (p + size), out);
            p += (int) size;
        }
    }
}
