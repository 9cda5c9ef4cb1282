// The reference host program, one step per line, in JShell.
// Run:  ./kit jshell jshell/demo.jsh
//  or:  jshell --class-path lib/target/lib.jar -R--enable-native-access=ALL-UNNAMED jshell/kit-startup.jsh jshell/demo.jsh
// Set the name guest2 greets with -R-Dname=Kevin (default: Pulley).

String name = System.getProperty("name", Demo.DEFAULT_NAME);

// 1. An engine for the Component Model that targets the Pulley interpreter (pulley64).
System.out.println("Building Pulley component engine...");
Engine engine = Demo.buildEngine();

// 2. Deserialize guest1's artifact, precompiled by the build: nothing is compiled now.
System.out.println("Deserializing guest1 component...");
Component guest1 = Demo.loadComponent(engine, Kit.bundledArtifact("guest1"));

// 3. Instantiate it in a fresh store with an empty linker, and call run().
try (RunningGuest g = Kit.instantiate(guest1)) {
    System.out.println(g.call("run"));
}

// 4. The same for guest2, whose run takes an option<string>.
System.out.println("Deserializing guest2 component...");
Component guest2 = Demo.loadComponent(engine, Kit.bundledArtifact("guest2"));
try (RunningGuest g = Kit.instantiate(guest2)) {
    System.out.println(g.call("run", Optional.of(name)));
    System.out.println("describe: " + g.call("describe"));
}

guest1.close();
guest2.close();
engine.close();
System.out.println("Done.");
/exit
