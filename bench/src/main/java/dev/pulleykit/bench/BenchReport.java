package dev.pulleykit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.Locale;

/**
 * Puts the binding's JMH figures beside the C baseline measured on the same machine in the
 * same run, and prints the ratio against the kit's goal (at most 1.5x the C API called directly).
 *
 * <p>Usage: {@code BenchReport JMH_JSON C_BEFORE_JSON [C_AFTER_JSON]}. The C baseline runs once
 * before JMH and once after it; a call's C figure is the mean of the two medians, so that the
 * machine getting faster or slower during the run (a shared host) tilts neither side. Both
 * are printed.
 */
public final class BenchReport {
    private static final double GOAL = 1.5;

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode jmh = json.readTree(new File(args[0]));
        JsonNode c = json.readTree(new File(args[1]));
        cAfter = args.length > 2 ? json.readTree(new File(args[2])) : null;
        System.out.println();
        System.out.println("Per call, Pulley (pulley64), Java binding (JMH mean) against C API direct (median of batches;"
            + (cAfter == null ? " one run" : " the mean of a run before JMH and one after") + "):");
        header();
        row(jmh, c, "guest1 run()", "GuestCallBenchmark.guest1Run", "guest1.run", "");
        row(jmh, c, "guest2 run(some(\"Kevin\"))", "GuestCallBenchmark.guest2RunKevin", "guest2.run", "some(\"Kevin\")");
        row(jmh, c, "  the same, plain Java values", "GuestCallBenchmark.guest2RunKevinPlainJava", "guest2.run", "some(\"Kevin\")");
        System.out.println();
        System.out.println("Per call, by kind of value (types and blinky guests):");
        header();
        row(jmh, c, "echo-record {7, \"x\", [1, 2, 3]}", "ValueKindBenchmark.echoRecord",
            "types.echo-record", "{a: 7, b: \"x\", c: [1, 2, 3]}");
        row(jmh, c, "  the same, plain Java values", "ValueKindBenchmark.echoRecordPlainJava",
            "types.echo-record", "{a: 7, b: \"x\", c: [1, 2, 3]}");
        row(jmh, c, "echo-list-u32, 1,000 items", "ValueKindBenchmark.echoListU32", "types.echo-list-u32", "[0, 1, ..., 999]");
        row(jmh, c, "echo-string, 4 KiB", "ValueKindBenchmark.echoString4k", "types.echo-string", "\"abc...\" (4096 bytes)");
        row(jmh, c, "status(): host import gpio.read", "ValueKindBenchmark.hostImportRoundTrip", "blinky.status", "");
        System.out.println();
        System.out.println("Loading a component (microseconds): compile at run time against deserialize the precompiled artifact:");
        System.out.printf(Locale.ROOT, "  %-8s %14s %16s %14s %16s%n", "guest", "Java compile", "Java deserialize", "C compile", "C deserialize");
        for (String guest : new String[] {"guest1", "guest2"}) {
            JsonNode cl = find(c.path("loads"), "name", guest, null, null);
            System.out.printf(Locale.ROOT, "  %-8s %14.1f %16.1f %14.1f %16.1f%n", guest,
                jmhScore(jmh, "LoadBenchmark.compile", guest), jmhScore(jmh, "LoadBenchmark.deserialize", guest),
                cl.path("compile_us_median").asDouble(), cl.path("deserialize_us_median").asDouble());
        }
        System.out.printf(Locale.ROOT, "%nGoal: a call through the binding costs at most %.1fx the same call made directly through the C API.%n", GOAL);
        // ./kit bench sets this for both sides (scripts/build.sh); the figures depend on it.
        String tunables = System.getenv("GLIBC_TUNABLES");
        System.out.println(tunables == null || tunables.isEmpty()
            ? "glibc copies: its own choice, rep movsb included (figures for kilobyte copies vary from process to process on AMD Zen)."
            : "glibc copies, both sides: GLIBC_TUNABLES=" + tunables + " (see bench/c/README.md).");
    }

    private static JsonNode cAfter;

    private static void header() {
        System.out.printf(Locale.ROOT, "  %-34s %12s %12s %8s%s%n", "call", "Java ns", "C ns", "ratio",
            cAfter == null ? "" : "   C before / after");
    }

    private static void row(JsonNode jmh, JsonNode c, String label, String benchmark, String cName, String cArgs) {
        double java = jmhScore(jmh, benchmark, null);
        double before = find(c.path("cases"), "name", cName, "args", cArgs).path("ns_per_call_median").asDouble();
        double after = cAfter == null ? before : find(cAfter.path("cases"), "name", cName, "args", cArgs).path("ns_per_call_median").asDouble();
        double cNs = (before + after) / 2;
        String both = cAfter == null ? "" : String.format(Locale.ROOT, "   %.0f / %.0f", before, after);
        if (Double.isNaN(java)) {
            System.out.printf(Locale.ROOT, "  %-34s %12s %12.0f %8s%s%n", label, "not run", cNs, "", both);
            return;
        }
        double ratio = java / cNs;
        System.out.printf(Locale.ROOT, "  %-34s %12.0f %12.0f %7.2fx %s%s%n", label, java, cNs, ratio,
            ratio <= GOAL ? "within goal" : "OVER GOAL", both);
    }

    private static double jmhScore(JsonNode jmh, String benchmark, String guestParam) {
        for (JsonNode b : jmh) {
            if (b.path("benchmark").asText().endsWith(benchmark)
                && (guestParam == null || guestParam.equals(b.path("params").path("guest").asText()))) {
                return b.path("primaryMetric").path("score").asDouble();
            }
        }
        return Double.NaN; // that benchmark was left out of this run (a JMH filter)
    }

    private static JsonNode find(JsonNode array, String key, String value, String key2, String value2) {
        for (JsonNode n : array) {
            if (n.path(key).asText().equals(value) && (key2 == null || n.path(key2).asText().equals(value2))) return n;
        }
        throw new IllegalArgumentException("no C baseline entry " + key + "=" + value);
    }
}
