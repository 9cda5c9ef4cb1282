package dev.pulleykit.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Resident memory stays flat over many create / use / close cycles. The cycles run in a JVM of
 * their own ({@link LeakCycles}) whose heap is fixed and resident from the start, so what grows
 * is native memory: Wasmtime's stores, instances, engines and components, and the binding's
 * native buffers.
 *
 * <p>Forgetting to close is not flat, and is therefore not tested for flatness: a forgotten store
 * keeps its linear memory (about 4 GiB of address space, some 90 KiB resident) until a garbage
 * collection lets the Cleaner free it, and the Java heap barely notices it. Left alone, some
 * 30,000 forgotten stores exhaust the 47-bit address space before any collection runs, and
 * instantiation fails. What is tested is that the Cleaner does free them once collected.
 */
class LeakTest {
    static final double TOLERANCE = 0.10;

    @Test void instantiateCallCloseCyclesKeepResidentMemoryFlat() throws Exception {
        Run run = fork("calls", 100_000, 10_000);
        assertFlat(run, 20_000, "new Store, instantiate guest2, call run, close");
    }

    @Test void engineAndComponentCyclesKeepResidentMemoryFlat() throws Exception {
        // Every 20th cycle compiles the component; the others deserialize the artifact.
        Run run = fork("engines", 2_000, 200);
        assertFlat(run, 400, "new Engine, load guest2, instantiate, call run, close all");
    }

    @Test void resourceHandleCyclesKeepResidentMemoryFlat() throws Exception {
        Run run = fork("handles", 40_000, 4_000);
        assertFlat(run, 8_000, "new Store, instantiate lights, pin and pattern handles own/borrow both ways, close");
    }

    @Test void forgottenStoresAreFreedByTheCleanerAfterACollection() throws Exception {
        Run run = fork("calls", 5_000, 1_000, "unclosed");
        long startSize = run.vmSizeKiB.get(0), peakSize = run.vmSizeKiB.get(5_000);
        long peakRss = run.rssKiB.get(5_000);
        assertNotNull(run.afterGc, "the child printed its state after the collections:\n" + run.output);
        System.out.printf("LeakTest forgotten stores: VmSize %,d KiB at the start, %,d KiB after 5,000 forgotten stores, "
            + "%,d KiB after a collection; VmRSS %,d KiB at the peak, %,d KiB after%n",
            startSize, peakSize, run.afterGc[1], peakRss, run.afterGc[0]);
        // Each forgotten store still holds its memory's reservation (GiBs each) until it is collected...
        assertTrue(peakSize > startSize + 1000L * (1L << 20),
            "5,000 forgotten stores hold their address space until collected: " + run.output);
        // ...and the Cleaner gives back every one of them once they are.
        assertTrue(run.afterGc[1] < startSize + (16L << 20), // 16 GiB: a few stores' worth, against 20 TiB at the peak
            "after a collection the Cleaner has freed the forgotten stores' address space: " + run.output);
        assertTrue(run.afterGc[0] < peakRss, "and their resident memory: " + run.output);
    }

    // ---- the forked JVM -------------------------------------------------------------------------

    /** Checkpoints by cycle count, in KiB, and the state after forced collections (RSS, size), if printed. */
    record Run(Map<Integer, Long> rssKiB, Map<Integer, Long> vmSizeKiB, long[] afterGc, String output, long millis) {}

    private static Run fork(String mode, int cycles, int every, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--enable-native-access=ALL-UNNAMED", "-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch",
            "-cp", System.getProperty("java.class.path"),
            LeakCycles.class.getName(), mode, Integer.toString(cycles), Integer.toString(every)));
        command.addAll(List.of(extra));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (output) { output.append(line).append('\n'); }
                }
            } catch (IOException e) {
                synchronized (output) { output.append("(reading the child's output failed: ").append(e).append(")\n"); }
            }
        });
        boolean done = process.waitFor(5, TimeUnit.MINUTES);
        if (!done) process.destroyForcibly();
        reader.join(10_000);
        String text;
        synchronized (output) { text = output.toString(); }
        assertTrue(done, mode + " cycles did not finish within 5 minutes:\n" + text);
        assertEquals(0, process.exitValue(), mode + " cycles failed:\n" + text);

        Map<Integer, Long> rss = new LinkedHashMap<>(), size = new LinkedHashMap<>();
        long[] afterGc = null;
        for (String line : text.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f[0].equals("checkpoint") && f.length == 4) {
                rss.put(Integer.parseInt(f[1]), Long.parseLong(f[2]));
                size.put(Integer.parseInt(f[1]), Long.parseLong(f[3]));
            } else if (f[0].equals("after-gc") && f.length == 3) {
                afterGc = new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])};
            }
        }
        assertEquals(cycles / every + 1, rss.size(), "a checkpoint every " + every + " cycles, and one at the start:\n" + text);
        return new Run(rss, size, afterGc, text, (System.nanoTime() - start) / 1_000_000);
    }

    /** The last checkpoint is within {@link #TOLERANCE} of the one after warm-up. */
    private static void assertFlat(Run run, int warmUp, String cycle) {
        StringBuilder table = new StringBuilder();
        run.rssKiB.forEach((n, kib) -> table.append(String.format("  %,9d cycles: VmRSS %,9d KiB%n", n, kib)));
        int last = run.rssKiB.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
        long base = run.rssKiB.get(warmUp), end = run.rssKiB.get(last);
        double growth = (double) (end - base) / base;
        String report = String.format("LeakTest (%s): %,d cycles in %,d ms; VmRSS %,d KiB after %,d cycles (warm-up), %,d KiB "
            + "after %,d: %+.2f%%, %+.1f bytes per cycle%n%s", cycle, last, run.millis, base, warmUp, end, last, growth * 100,
            (end - base) * 1024.0 / (last - warmUp), table);
        System.out.print(report);
        assertTrue(growth <= TOLERANCE, "resident memory grew more than " + Math.round(TOLERANCE * 100) + "% after warm-up:\n" + report);
    }
}
