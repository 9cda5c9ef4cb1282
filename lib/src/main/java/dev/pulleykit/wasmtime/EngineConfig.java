package dev.pulleykit.wasmtime;

import java.util.Objects;

/**
 * An immutable engine configuration, named so that it can be recorded with every artifact it
 * compiles. A precompiled artifact only loads into an engine of the same configuration.
 *
 * <p>{@link #DESKTOP} is the kit's default: the {@code pulley64} interpreter target, with
 * signals-based traps off because the JVM owns SIGSEGV (Wasmtime then checks bounds
 * explicitly instead of catching faults).
 *
 * @param name               the profile's name, e.g. {@code desktop-pulley64}
 * @param target             a Wasmtime target triple: {@code pulley64}, {@code pulley32}, or null for the host's native code
 * @param signalsBasedTraps  whether Wasmtime may use signal handlers for traps (keep false inside a JVM)
 * @param consumeFuel        whether calls consume fuel (a per-call instruction budget)
 * @param epochInterruption  whether calls can be interrupted by epoch deadlines (wall-clock timeouts)
 * @param memoryInitCow      whether linear memory is initialised by copy-on-write mapping (larger artifacts)
 * @param memoryReservation  bytes of address space reserved per linear memory, or null for Wasmtime's default
 * @param memoryGuardSize    bytes of guard region after each linear memory, or null for Wasmtime's default
 */
public record EngineConfig(String name, String target, boolean signalsBasedTraps, boolean consumeFuel,
                           boolean epochInterruption, boolean memoryInitCow, Long memoryReservation,
                           Long memoryGuardSize) {

    /** The desktop profile: Pulley on a 64-bit host, no signal handlers. */
    public static final EngineConfig DESKTOP =
        new EngineConfig("desktop-pulley64", "pulley64", false, false, false, true, null, null);

    /**
     * The desktop profile with limits available: fuel and epoch interruption on, so stores can
     * cap instructions and wall-clock time per call (at a small cost per call).
     */
    public static final EngineConfig DESKTOP_LIMITS =
        new EngineConfig("desktop-pulley64-limits", "pulley64", false, true, true, true, null, null);

    /**
     * Close to what a microcontroller runs: Pulley, no copy-on-write memory image (artifacts of a
     * few KiB instead of 64 KiB-aligned images), linear memory reserved exactly rather than from
     * gigabytes of address space, no guard pages, fuel on. The board itself runs {@code pulley32},
     * which only Wasmtime's Rust side can produce; this profile keeps {@code pulley64} so that it
     * runs here.
     */
    public static final EngineConfig EMBEDDED_LIKE =
        new EngineConfig("embedded-like-pulley64", "pulley64", false, true, false, false, 0L, 0L);

    public EngineConfig {
        Objects.requireNonNull(name, "name");
    }

    public EngineConfig withName(String n) {
        return new EngineConfig(n, target, signalsBasedTraps, consumeFuel, epochInterruption, memoryInitCow, memoryReservation, memoryGuardSize);
    }

    public EngineConfig withTarget(String t) {
        return new EngineConfig(name, t, signalsBasedTraps, consumeFuel, epochInterruption, memoryInitCow, memoryReservation, memoryGuardSize);
    }

    public EngineConfig withConsumeFuel(boolean on) {
        return new EngineConfig(name, target, signalsBasedTraps, on, epochInterruption, memoryInitCow, memoryReservation, memoryGuardSize);
    }

    public EngineConfig withEpochInterruption(boolean on) {
        return new EngineConfig(name, target, signalsBasedTraps, consumeFuel, on, memoryInitCow, memoryReservation, memoryGuardSize);
    }

    public EngineConfig withMemoryInitCow(boolean on) {
        return new EngineConfig(name, target, signalsBasedTraps, consumeFuel, epochInterruption, on, memoryReservation, memoryGuardSize);
    }

    public EngineConfig withMemory(Long reservation, Long guardSize) {
        return new EngineConfig(name, target, signalsBasedTraps, consumeFuel, epochInterruption, memoryInitCow, reservation, guardSize);
    }

    @Override public String toString() {
        return name + " (target " + (target == null ? "native" : target) + ", signals-based traps "
            + (signalsBasedTraps ? "on" : "off") + (consumeFuel ? ", fuel" : "") + (epochInterruption ? ", epochs" : "")
            + (memoryInitCow ? "" : ", no copy-on-write memory image") + ")";
    }
}
