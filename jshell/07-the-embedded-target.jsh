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

// Pins as resources: the lights guest opens a pin and holds a handle; the host keeps the pin.
Component lights = Kit.load(desktop, Kit.bundledArtifact("lights"));
System.out.println(Show.wit(lights));

class Pin implements AutoCloseable {
    final long number;
    boolean high;
    final List<List<String>> events;

    Pin(long number, List<List<String>> events) {
        this.number = number;
        this.events = events;
        events.add(List.of("opened", String.valueOf(number)));
    }

    public void close() { events.add(List.of("closed", String.valueOf(number))); }

    public String toString() { return "pin " + number + (high ? " (high)" : " (low)"); }
}

List<List<String>> pinEvents = new ArrayList<>();
HostResource<Pin> pins = new HostResource<>("output-pin");
String PINS = "embedded:platform/pins";
// (In JShell a chain that continues on the next line has to sit inside a method.)
Linker pinBoard(Engine engine) {
    return new Linker(engine)
        .defineResource(PINS, pins)
        .defineJava(PINS, "[constructor]output-pin", a -> new Pin((Long) a[0], pinEvents))
        .defineJava(PINS, "[method]output-pin.number", a -> ((Pin) a[0]).number)
        .defineJava(PINS, "[method]output-pin.set", a -> { ((Pin) a[0]).high = (Boolean) a[1]; return null; })
        .defineJava(PINS, "[method]output-pin.toggle", a -> { Pin p = (Pin) a[0]; p.high = !p.high; return null; })
        .defineJava(PINS, "[method]output-pin.is-high", a -> ((Pin) a[0]).high)
        .defineJava(PINS, "[static]output-pin.open-count", a -> (long) pins.liveCount())
        .defineJava(PINS, "release", a -> ((Pin) a[0]).number);
}
Linker pinLinker = pinBoard(desktop);
Store pinStore = new Store(desktop);
Instance lightsOnBoard = pinLinker.instantiate(pinStore, lights);

// A handle the guest owns: blink opens pin 25 and drops it, which runs the host's destructor.
Object level = lightsOnBoard.call("blink", 25, 3);
System.out.println("blink(25, 3) left the pin " + ((Boolean) level ? "high" : "low") + "; live pins: " + pins.liveCount());
System.out.println(Show.table("What happened to the pins", List.of("event", "pin"), pinEvents));

// Handles that cross both ways: own moves the pin, borrow lends it for one call.
Pin seven = (Pin) lightsOnBoard.call("open", 7);
System.out.println("open(7) gave Java " + seven + "; the table: " + pins.live());
System.out.println("flip(seven) -> " + lightsOnBoard.call("flip", seven) + "; Java still has " + seven);
System.out.println("close(seven) -> " + lightsOnBoard.call("close", seven) + "; " + pins);

// The WitValue level: a handle, and Java dropping one it owns.
WitValue handle = lightsOnBoard.func("open").callWit(WitValue.u32(9));
System.out.println(handle + " -> " + pins.get((WitValue.Handle) handle));
pins.drop((WitValue.Handle) handle);
System.out.println(pins);

// A resource the guest keeps: lights exports embedded:platform/patterns, and Java holds a handle
// to a pattern. Functions inside an exported interface go by interface#function.
String PATTERNS = "embedded:platform/patterns#";
GuestResource wave = (GuestResource) lightsOnBoard.call(PATTERNS + "[constructor]pattern", 12, List.of(true, true, false));
List<List<String>> steps = new ArrayList<>();
for (int i = 1; i <= 6; i++) {
    boolean high = (Boolean) lightsOnBoard.call(PATTERNS + "[method]pattern.step", wave);
    steps.add(List.of(String.valueOf(i), high ? "high" : "low", pins.live().values().toString()));
}
System.out.println(wave + " after " + lightsOnBoard.call(PATTERNS + "[method]pattern.steps", wave) + " steps");
System.out.println(Show.table("A pattern the guest keeps, stepped from Java", List.of("step", "level", "the host's pins"), steps));
// Closing the handle runs the guest's destructor, which drops its pin: the host's destructor runs too.
wave.close();
System.out.println("closed: " + wave + "; " + pins);

pinStore.close();
pinLinker.close();
lights.close();
boardStore.close();
boardLinker.close();
blinky.close();
desktop.close();
embedded.close();
/exit
