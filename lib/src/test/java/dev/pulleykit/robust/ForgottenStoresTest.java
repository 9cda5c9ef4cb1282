package dev.pulleykit.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pulleykit.kit.Kit;
import dev.pulleykit.kit.RunningGuest;
import dev.pulleykit.wasmtime.Component;
import dev.pulleykit.wasmtime.Engine;
import org.junit.jupiter.api.Test;

/**
 * A learner's loop that never closes what it instantiates: each store reserves gigabytes of
 * address space while weighing almost nothing on the Java heap. Without the binding's nudge
 * to the collector, some 30,000 such stores exhaust the address space; with it, this goes on.
 */
class ForgottenStoresTest {

    @Test void fortyThousandUnclosedGuestsStillWork() {
        try (Engine engine = Kit.engine(); Component guest1 = Kit.load(engine, Kit.bundledArtifact("guest1"))) {
            for (int i = 0; i < 40_000; i++) {
                RunningGuest forgotten = Kit.instantiate(guest1); // deliberately never closed
                assertEquals("guest1 run() called", forgotten.call("run"), "guest " + i);
            }
        }
    }
}
