// The README's API examples, run as written (JShellScriptsIT checks the output).
record Point(int x, int y, String label) {}
try (Engine engine = Kit.engine();
     RunningGuest types = Kit.instantiate(Kit.load(engine, Kit.bundledArtifact("types")))) {
    Point p = types.func("echo-point").callAs(Point.class, new Point(3, -4, "probe"));
    System.out.println(p);
}
Set<Long> high = new HashSet<>();
try (Engine engine = Kit.engine();
     Component blinky = Kit.load(engine, Kit.bundledArtifact("blinky"));
     Store store = new Store(engine);
     Linker linker = new Linker(engine)
         .defineJava("embedded:platform/gpio", "set-high", a -> { high.add((Long) a[0]); return null; })
         .defineJava("embedded:platform/gpio", "set-low",  a -> { high.remove((Long) a[0]); return null; })
         .defineJava("embedded:platform/gpio", "read",     a -> high.contains((Long) a[0]))
         .defineJava("embedded:platform/timer", "delay-ms", a -> null)
         .defineJava("embedded:platform/timer", "now-ms",   a -> System.currentTimeMillis())
         .defineJava("embedded:platform/log", "info",       a -> { System.out.println(a[0]); return null; })) {
    System.out.println(linker.instantiate(store, blinky).call("run", 3));
}
class Pin implements AutoCloseable {
    final long number; boolean high;
    Pin(long number) { this.number = number; }
    public void close() { System.out.println("pin " + number + " closed"); }
}
String PINS = "embedded:platform/pins";
HostResource<Pin> pins = new HostResource<>("output-pin");
try (Engine engine = Kit.engine();
     Component lights = Kit.load(engine, Kit.bundledArtifact("lights"));
     Store store = new Store(engine);
     Linker linker = new Linker(engine)
         .defineResource(PINS, pins)
         .defineJava(PINS, "[constructor]output-pin",      a -> new Pin((Long) a[0]))
         .defineJava(PINS, "[method]output-pin.number",    a -> ((Pin) a[0]).number)
         .defineJava(PINS, "[method]output-pin.set",       a -> { ((Pin) a[0]).high = (Boolean) a[1]; return null; })
         .defineJava(PINS, "[method]output-pin.toggle",    a -> { Pin p = (Pin) a[0]; p.high = !p.high; return null; })
         .defineJava(PINS, "[method]output-pin.is-high",   a -> ((Pin) a[0]).high)
         .defineJava(PINS, "[static]output-pin.open-count", a -> (long) pins.liveCount())
         .defineJava(PINS, "release",                      a -> ((Pin) a[0]).number)) {
    Instance guest = linker.instantiate(store, lights);
    System.out.println(guest.call("blink", 25, 3));
    Pin pin = (Pin) guest.call("open", 7);
    System.out.println(guest.call("flip", pin));
    System.out.println(guest.call("close", pin));
    String PATTERNS = "embedded:platform/patterns#";
    GuestResource pattern = (GuestResource) guest.call(PATTERNS + "[constructor]pattern", 25, List.of(true, false));
    System.out.println(guest.call(PATTERNS + "[method]pattern.step", pattern));
    System.out.println(guest.call(PATTERNS + "[method]pattern.step", pattern));
    pattern.close();
    System.out.println(pins);
}
/exit
