// Chapter 3: WIT and components (the JShell twin of notebooks/03-wit-and-components.ipynb).
// Run from the kit's folder:  ./kit jshell jshell/03-wit-and-components.jsh
import dev.pulleykit.kit.show.*;

// The contracts, from the kit's wit/ folder.
for (String file : List.of("guest1.wit", "guest2.wit")) {
    System.out.println("── wit/" + file + " ──");
    System.out.println(Files.readString(Path.of("wit").resolve(file)));
}

// Build guest2's core module, then encode it as a component (wasm-tools component new).
CoreModule module = Kit.buildGuest("guest2");
ComponentBytes component = Kit.encode(module);
System.out.println(module);
System.out.println(component);

// The WIT world moves out of the module's custom section into the component's own types.
WasmSections moduleSections = Show.sections(module);
WasmSections componentSections = Show.sections(component);
System.out.println("module has the component-type section: " + moduleSections.find("component-type").isPresent());
System.out.println("component has it: " + componentSections.find("component-type").isPresent());
long coreInside = componentSections.find("core module").map(WasmSections.Section::size).orElse(0L);
System.out.println(Show.table("guest2 before and after encoding", List.of("what", "bytes"), List.of(
    List.of("core module from cargo", String.format("%,d", module.bytes().length)),
    List.of("core module inside the component", String.format("%,d", coreInside)),
    List.of("whole component", String.format("%,d", component.bytes().length)))));

// The component's sections: the core module (nested), then core instance, alias, type, canon, export.
System.out.println(componentSections);

// Its WIT, read back from the binary by Wasmtime.
Engine engine = Kit.engine();
Component compiled = Kit.compile(engine, component);
System.out.println(Show.wit(compiled));

// guest1's smaller contract, from the component bundled in lib.jar.
try (Component guest1 = Kit.compile(engine, Kit.bundledComponent("guest1"))) {
    System.out.println(Show.wit(guest1));
}

compiled.close();
engine.close();
/exit
