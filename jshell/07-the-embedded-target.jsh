// Chapter 7: the road to the embedded target (the JShell twin of notebooks/07-the-embedded-target.ipynb).
// Run:  ./kit jshell jshell/07-the-embedded-target.jsh
import dev.pulleykit.kit.show.*;

// Two profiles: DESKTOP and EMBEDDED_LIKE (no copy-on-write memory image, exact memory, fuel on).
String orDefault(Long bytes) { return bytes == null ? "Wasmtime's default" : String.format("%,d bytes", bytes); }
EngineConfig desktopProfile = EngineConfig.DESKTOP, embeddedProfile = EngineConfig.EMBEDDED_LIKE;
System.out.println(Show.table("Two engine profiles", List.of("setting", "DESKTOP", "EMBEDDED_LIKE"), List.of(
    List.of("name", desktopProfile.name(), embeddedProfile.name()),
    List.of("target", desktopProfile.target(), embeddedProfile.target()),
    List.of("copy-on-write memory image", String.valueOf(desktopProfile.memoryInitCow()), String.valueOf(embeddedProfile.memoryInitCow())),
    List.of("memory reservation", orDefault(desktopProfile.memoryReservation()), orDefault(embeddedProfile.memoryReservation())),
    List.of("guard region", orDefault(desktopProfile.memoryGuardSize()), orDefault(embeddedProfile.memoryGuardSize())),
    List.of("fuel", String.valueOf(desktopProfile.consumeFuel()), String.valueOf(embeddedProfile.consumeFuel())))));

// Artifact sizes under each profile.
Engine desktop = Kit.engine(desktopProfile);
Engine embedded = Kit.engine(embeddedProfile);
String kib(long bytes) { return String.format("%.1f KiB", bytes / 1024.0); }
var sizeRows = new ArrayList<List<String>>();
for (String guestName : List.of("guest1", "guest2", "blinky")) {
    ComponentBytes c = Kit.bundledComponent(guestName);
    Artifact forDesktop = Kit.precompile(desktop, c), forEmbedded = Kit.precompile(embedded, c);
    sizeRows.add(List.of(guestName, kib(c.bytes().length), kib(forDesktop.size()), kib(forEmbedded.size()),
        String.format("%.0f%%", 100.0 * forEmbedded.size() / forDesktop.size())));
}
System.out.println(Show.table("Artifact sizes by profile", List.of("guest", "component", "DESKTOP artifact", "EMBEDDED_LIKE artifact", "EMBEDDED_LIKE / DESKTOP"), sizeRows));

// guest1 part by part: the memory image shrinks, fuel accounting makes the bytecode grow a little.
Artifact guest1Desktop = Kit.precompile(desktop, Kit.bundledComponent("guest1"));
Artifact guest1Embedded = Kit.precompile(embedded, Kit.bundledComponent("guest1"));
CwasmAnatomy d = Show.anatomy(guest1Desktop), e = Show.anatomy(guest1Embedded);
String bytesOf(long n) { return String.format("%,d bytes", n); }
System.out.println(Show.table("guest1, part by part", List.of("part", "DESKTOP", "EMBEDDED_LIKE"), List.of(
    List.of("whole artifact", bytesOf(d.fileSize()), bytesOf(e.fileSize())),
    List.of("Pulley bytecode (.text)", bytesOf(d.bytecodeSize()), bytesOf(e.bytecodeSize())),
    List.of("memory image (.rodata.wasm)", bytesOf(d.memoryImageSize()), bytesOf(e.memoryImageSize())),
    List.of("padding before the memory image", bytesOf(d.memoryImagePadding()), bytesOf(e.memoryImagePadding())))));
System.out.println(Show.bytes(guest1Embedded));

// An artifact loads only into an engine of its own profile.
try {
    Kit.load(desktop, guest1Embedded);
} catch (ArtifactRejectedException ex) {
    System.out.println("refused: " + ex.getMessage());
}

// pulley32: the engine can be made, but the C API will not compile for a target this host cannot run.
try (Engine pulley32 = new Engine(EngineConfig.DESKTOP.withName("pulley32").withTarget("pulley32"))) {
    System.out.println("engine made: " + pulley32 + ", isPulley() = " + pulley32.isPulley());
    Kit.compile(pulley32, Kit.bundledComponent("guest1"));
} catch (CompileException ex) {
    System.out.println("refused: " + ex.getMessage());
}
// pulley32 artifacts come from Wasmtime's Rust side on a build machine:
//   wasmtime compile --target pulley32 guest1.component.wasm -o guest1.cwasm

// blinky imports a board's capabilities: embedded:platform/gpio, timer and log.
Component blinky = Kit.load(desktop, Kit.bundledArtifact("blinky"));
System.out.println(Show.wit(blinky));

// With an empty linker, instantiation fails and names the imports.
try (Store store = new Store(desktop); Linker empty = new Linker(desktop)) {
    empty.instantiate(store, blinky);
} catch (LinkException ex) {
    System.out.println("cannot link: " + ex.getMessage());
}

// A simulated board: Java host functions that keep pins and a clock, and record every call.
class SimulatedBoard {
    final Set<Long> highPins = new HashSet<>();
    final List<List<String>> log = new ArrayList<>();
    long nowMs;

    void note(String capability, String call) { log.add(List.of(String.valueOf(nowMs), capability, call)); }

    Linker linker(Engine engine) {
        return new Linker(engine)
            .defineJava("embedded:platform/gpio", "set-high", a -> { note("gpio", "set-high(" + a[0] + ")"); highPins.add((Long) a[0]); return null; })
            .defineJava("embedded:platform/gpio", "set-low", a -> { note("gpio", "set-low(" + a[0] + ")"); highPins.remove((Long) a[0]); return null; })
            .defineJava("embedded:platform/gpio", "read", a -> { boolean high = highPins.contains((Long) a[0]); note("gpio", "read(" + a[0] + ") -> " + high); return high; })
            .defineJava("embedded:platform/timer", "delay-ms", a -> { note("timer", "delay-ms(" + a[0] + ")"); nowMs += (Long) a[0]; return null; })
            .defineJava("embedded:platform/timer", "now-ms", a -> { note("timer", "now-ms() -> " + nowMs); return nowMs; })
            .defineJava("embedded:platform/log", "info", a -> { note("log", "info(\"" + a[0] + "\")"); return null; });
    }
}
SimulatedBoard board = new SimulatedBoard();
Store boardStore = new Store(desktop);
Linker boardLinker = board.linker(desktop);
Instance blinkyOnBoard = boardLinker.instantiate(boardStore, blinky);

// Blink three times, then look at what the guest did.
Object changes = blinkyOnBoard.call("run", 3);
System.out.println("run(3) returned " + changes + " pin changes; the simulated clock reads " + board.nowMs + " ms");
System.out.println(Show.table("What blinky did on the simulated board", List.of("at ms", "capability", "call"), board.log));

// Reading a pin: the guest sees what Java sets.
System.out.println(blinkyOnBoard.call("status"));
board.highPins.add(25L);
System.out.println(blinkyOnBoard.call("status"));

boardStore.close();
boardLinker.close();
blinky.close();
desktop.close();
embedded.close();
/exit
