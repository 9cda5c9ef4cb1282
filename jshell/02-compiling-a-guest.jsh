// Chapter 2: compiling a guest (the JShell twin of notebooks/02-compiling-a-guest.ipynb).
// Run from the kit's folder:  ./kit jshell jshell/02-compiling-a-guest.jsh
import dev.pulleykit.kit.show.*;

// The guests are crates of the cargo workspace guests/.
Path guests = Kit.guestsDir();
System.out.println("guest crates: " + new GuestBuilder(guests).guestNames());

// guest1's build file and source: cdylib, #![no_std], an allocator, wit_bindgen::generate!.
System.out.println(Files.readString(guests.resolve("guest1/Cargo.toml")));
System.out.println(Files.readString(guests.resolve("guest1/src/lib.rs")));

// cargo build --release --target wasm32-unknown-unknown -p guest1 (progress on stderr).
CoreModule module = Kit.buildGuest("guest1");
System.out.println(module);

// The core module's sections; the WIT world rides along in a custom section.
System.out.println(Show.sections(module));
System.out.println("the WIT world is in a custom section: " + Show.sections(module).find("component-type").isPresent());

// Numbers only: the exports and three core function types, printed by wasm-tools.
Path wasmFile = Files.createTempFile("guest1-", ".wasm");
Files.write(wasmFile, module.bytes());
Process print = new ProcessBuilder(Toolchain.wasmTools(), "print", wasmFile.toString()).redirectErrorStream(true).start();
List<String> wat = new String(print.getInputStream().readAllBytes()).lines().toList();
print.waitFor();
Files.delete(wasmFile);
wat.stream().
    filter(line -> line.contains("(export ") || line.matches("\\s*\\(func \\$(run|cabi_post_run|cabi_realloc) .*")).
    forEach(line -> System.out.println(line.strip()));

// Not a component yet: Wasmtime's component engine refuses a core module.
try (Engine engine = Kit.engine()) {
    Kit.compile(engine, new ComponentBytes("guest1", module.bytes()));
} catch (CompileException e) {
    System.out.println("refused: " + e.getMessage());
}

// Building again: nothing changed, so cargo has nothing to do.
long start = System.nanoTime();
CoreModule again = Kit.buildGuest("guest1");
System.out.println("second build: " + (System.nanoTime() - start) / 1_000_000 + " ms");
System.out.println("same bytes: " + Arrays.equals(again.bytes(), module.bytes()));
/exit
