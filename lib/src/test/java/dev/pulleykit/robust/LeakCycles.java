package dev.pulleykit.robust;

import dev.pulleykit.wasmtime.Component;
import dev.pulleykit.wasmtime.CourseGuests;
import dev.pulleykit.wasmtime.Engine;
import dev.pulleykit.wasmtime.GuestResource;
import dev.pulleykit.wasmtime.HostResource;
import dev.pulleykit.wasmtime.EngineConfig;
import dev.pulleykit.wasmtime.Instance;
import dev.pulleykit.wasmtime.Linker;
import dev.pulleykit.wasmtime.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The cycles {@link LeakTest} measures, run in a JVM of their own so that the Java heap is
 * fixed and already resident ({@code -Xms = -Xmx}, {@code -XX:+AlwaysPreTouch}) and the growth
 * of resident memory is native. Prints one line per checkpoint:
 * {@code checkpoint CYCLES VmRSS_KiB VmSize_KiB}; exits with status 2 on a wrong answer.
 *
 * <pre>
 *   LeakCycles calls   CYCLES EVERY [unclosed]   new Store, instantiate guest2, call run, close the store
 *   LeakCycles engines CYCLES EVERY [unclosed]   new Engine, deserialize guest2 (compile every 20th), call run, close all
 *   LeakCycles handles CYCLES EVERY              new Store, instantiate lights, pass pin and pattern handles every way, close the store
 * </pre>
 *
 * With {@code unclosed}, nothing is closed: the binding's Cleaner frees what becomes unreachable.
 * After the cycles it then forces garbage collections and prints {@code after-gc VmRSS_KiB VmSize_KiB}.
 */
public final class LeakCycles {
    private LeakCycles() {}

    public static void main(String[] args) {
        String mode = args[0];
        int cycles = Integer.parseInt(args[1]);
        int every = Integer.parseInt(args[2]);
        boolean close = !(args.length > 3 && args[3].equals("unclosed"));
        byte[] artifact = CourseGuests.bytes("guest2.cwasm");
        byte[] component = CourseGuests.bytes("guest2.component.wasm");
        checkpoint(0);
        switch (mode) {
            case "calls" -> {
                try (Engine engine = new Engine(EngineConfig.DESKTOP);
                     Component guest2 = Component.deserialize(engine, artifact);
                     Linker linker = new Linker(engine)) {
                    for (int n = 1; n <= cycles; n++) {
                        Store store = new Store(engine);
                        call(linker.instantiate(store, guest2), n);
                        if (close) store.close();
                        if (n % every == 0) checkpoint(n);
                    }
                }
            }
            case "engines" -> {
                for (int n = 1; n <= cycles; n++) {
                    Engine engine = new Engine(EngineConfig.DESKTOP);
                    Component guest2 = n % 20 == 0 ? Component.compile(engine, component) : Component.deserialize(engine, artifact);
                    Store store = new Store(engine);
                    Linker linker = new Linker(engine);
                    call(linker.instantiate(store, guest2), n);
                    if (close) {
                        linker.close();
                        store.close();
                        guest2.close();
                        engine.close();
                    }
                    if (n % every == 0) checkpoint(n);
                }
            }
            case "handles" -> handles(cycles, every);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        if (!close) {
            // What the Cleaner does once the garbage collector has found the forgotten objects:
            // collect, and wait until the Cleaner's thread has stopped giving memory back (at most 10 s).
            long size = status("VmSize");
            for (int i = 0; i < 40; i++) {
                System.gc();
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                long now = status("VmSize");
                if (i >= 2 && now == size) break;
                size = now;
            }
            System.out.println("after-gc " + status("VmRSS") + " " + status("VmSize"));
        }
    }

    /** A pin is just a number here; the table is what could leak. */
    private static final String PATTERNS = "embedded:platform/patterns#";

    private static void handles(int cycles, int every) {
        String pinsApi = "embedded:platform/pins";
        HostResource<long[]> pins = new HostResource<>("output-pin", p -> { });
        try (Engine engine = new Engine(EngineConfig.DESKTOP);
             Component lights = Component.deserialize(engine, CourseGuests.bytes("lights.cwasm"));
             Linker linker = new Linker(engine)
                 .defineResource(pinsApi, pins)
                 .defineJava(pinsApi, "[constructor]output-pin", a -> new long[] {(Long) a[0], 0})
                 .defineJava(pinsApi, "[method]output-pin.number", a -> ((long[]) a[0])[0])
                 .defineJava(pinsApi, "[method]output-pin.set", a -> { ((long[]) a[0])[1] = (Boolean) a[1] ? 1 : 0; return null; })
                 .defineJava(pinsApi, "[method]output-pin.toggle", a -> { ((long[]) a[0])[1] ^= 1; return null; })
                 .defineJava(pinsApi, "[method]output-pin.is-high", a -> ((long[]) a[0])[1] == 1)
                 .defineJava(pinsApi, "[static]output-pin.open-count", a -> (long) pins.liveCount())
                 .defineJava(pinsApi, "release", a -> ((long[]) a[0])[0])) {
            for (int n = 1; n <= cycles; n++) {
                try (Store store = new Store(engine)) {
                    Instance guest = linker.instantiate(store, lights);
                    Object pin = guest.call("open", n);                 // own, to Java
                    boolean flipped = (Boolean) guest.call("flip", pin); // borrow, to the guest
                    long closed = (Long) guest.call("close", pin);       // own, to the guest, which drops it
                    long released = (Long) guest.call("open-and-release", n); // own, to a host function
                    boolean blinked = (Boolean) guest.call("blink", n, 3);  // constructed and dropped in the guest
                    // The guest's own resource: a pattern Java holds, drops, gives back, or leaves to the store.
                    GuestResource dropped = (GuestResource) guest.call(PATTERNS + "[constructor]pattern", n, List.of(true, false));
                    boolean stepped = (Boolean) guest.call(PATTERNS + "[method]pattern.step", dropped);
                    dropped.close();
                    GuestResource given = (GuestResource) guest.call(PATTERNS + "[constructor]pattern", n, List.of(true));
                    long finished = (Long) guest.call(PATTERNS + "finish", given);
                    guest.call(PATTERNS + "[constructor]pattern", n, List.of()); // never closed: dies with the store
                    if (!flipped || closed != n || released != n || !blinked || !stepped || finished != 0 || pins.liveCount() != 1) {
                        System.out.println("wrong answer at cycle " + n + ": " + flipped + " " + closed + " " + released + " "
                            + blinked + " " + stepped + " " + finished + ", live " + pins.liveCount());
                        System.exit(2);
                    }
                }
                if (n % every == 0) checkpoint(n);
            }
        }
    }

    private static void call(Instance instance, int n) {
        String name = "cycle " + n;
        Object answer = instance.call("run", Optional.of(name));
        String expected = "guest2 run() called: hello, " + name + "!";
        if (!expected.equals(answer)) {
            System.out.println("wrong answer at cycle " + n + ": " + answer + " (expected " + expected + ")");
            System.exit(2);
        }
    }

    private static void checkpoint(int cycles) {
        System.out.println("checkpoint " + cycles + " " + status("VmRSS") + " " + status("VmSize"));
        System.out.flush();
    }

    /** A line of /proc/self/status, in KiB. */
    static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("/proc/self/status has no " + field);
    }
}
