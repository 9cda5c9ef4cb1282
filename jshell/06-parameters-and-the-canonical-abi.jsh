// Chapter 6: parameters and the canonical ABI (the JShell twin of notebooks/06-parameters-and-the-canonical-abi.ipynb).
// Run from the kit's folder:  ./kit jshell jshell/06-parameters-and-the-canonical-abi.jsh
import dev.pulleykit.kit.show.*;

Engine engine = Kit.engine();
Component guest2 = Kit.load(engine, Kit.bundledArtifact("guest2"));
RunningGuest guest = Kit.instantiate(guest2);

// The WIT signature, as Wasmtime reads it from the component.
Func run = guest.func("run");
System.out.println("run: " + run.type());

// option<string> from Java: Optional.of(...) is some(...), Optional.empty() is none.
System.out.println(run.call(Optional.of("Kevin")));
System.out.println(run.call(Optional.empty()));

// Explicit WIT values; they print as WAVE.
WitValue name = WitValue.some(WitValue.string("Kevin"));
System.out.println("argument: " + name);
System.out.println("result:   " + run.callWit(name));

// Step 1 of every call: the Java value becomes a WIT value, guided by the parameter's type.
WitType nameType = run.type().params().get(0).type();
var arguments = new LinkedHashMap<String, Object>();
arguments.put("Optional.of(\"Kevin\")", Optional.of("Kevin"));
arguments.put("Optional.empty()", Optional.empty());
arguments.put("Optional.of(\"Kévin 🦀\")", Optional.of("Kévin 🦀"));
var rows = new ArrayList<List<String>>();
arguments.forEach((java, argument) -> rows.add(List.of(java,
    JavaValues.toWit(argument, nameType, "name").toString(), String.valueOf(run.call(argument)))));
System.out.println(Show.table("Java argument → WIT value → guest2's answer", List.of("Java", "WIT value (WAVE)", "run returned"), rows));

// The canonical ABI lift of each export: memory, cabi_realloc, UTF-8, post-return.
Path componentFile = Files.createTempFile("guest2-", ".component.wasm");
Files.write(componentFile, Kit.bundledComponent("guest2").bytes());
Process print = new ProcessBuilder(Toolchain.wasmTools(), "print", componentFile.toString()).redirectErrorStream(true).start();
List<String> wat = new String(print.getInputStream().readAllBytes()).lines().toList();
print.waitFor();
Files.delete(componentFile);
wat.stream().filter(line -> line.contains("canon lift")).forEach(line -> System.out.println(line.strip()));

// The guest's side of the ABI, compiled to Pulley bytecode like everything else.
CwasmAnatomy anatomy = Show.anatomy(Kit.bundledArtifact("guest2"));
var abi = Table.builder("guest2's exports and canonical ABI helpers, in Pulley bytecode", "function", "bytes of bytecode");
anatomy.functions().stream().
    filter(f -> f.name().matches("wasm\\[0\\]::function\\[\\d+\\]::(run|describe|cabi_\\w+)")).
    forEach(f -> abi.row(f.name(), String.format("%,d", f.size())));
System.out.println(abi.build());

// Mistakes are refused in Java, before anything crosses.
try {
    run.call(42);
} catch (SignatureMismatchException e) {
    System.out.println("wrong type: " + e.getMessage());
}
try {
    run.call();
} catch (SignatureMismatchException e) {
    System.out.println("wrong arity: " + e.getMessage());
}
try {
    run.call(Optional.of("Kevin\uD800"));
} catch (SignatureMismatchException e) {
    System.out.println("not Unicode: " + e.getMessage());
}
try {
    run.callWit(WitValue.string("Kevin"));
} catch (SignatureMismatchException e) {
    System.out.println("wrong shape: " + e.getMessage());
}

// Nothing crossed, so the instance is as good as before.
System.out.println(run.call(Optional.of("again")));

guest.close();
guest2.close();
engine.close();
/exit
