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
/exit
