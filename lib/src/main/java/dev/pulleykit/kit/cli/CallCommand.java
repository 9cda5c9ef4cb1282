package dev.pulleykit.kit.cli;

import dev.pulleykit.kit.Kit;
import dev.pulleykit.kit.RunningGuest;
import dev.pulleykit.wasmtime.Component;
import dev.pulleykit.wasmtime.ComponentType;
import dev.pulleykit.wasmtime.Engine;
import dev.pulleykit.wasmtime.Func;
import dev.pulleykit.wasmtime.NoSuchExportException;
import dev.pulleykit.wasmtime.SignatureMismatchException;
import dev.pulleykit.wasmtime.Wave;
import dev.pulleykit.wasmtime.WitType;
import dev.pulleykit.wasmtime.WitValue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kit call FILE 'name(args)'...}: instantiates the component once, with nothing linked,
 * and calls each export in turn with WAVE arguments, printing each result in WAVE on a line of
 * its own ({@code ()} for a function without one), as {@code wasmtime run --invoke} does.
 */
@Command(name = "call", description = {"Call a component's exports with WAVE arguments; print each result in WAVE.",
    "Example: call guest2.component.wasm 'run(some(\"Kevin\"))' 'describe()'"})
final class CallCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a .wasm component, .wat component text, or a .cwasm artifact")
    Path file;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "CALL", description = "name(arg, ...) with arguments in WAVE, e.g. 'add(1, 2)'; a function inside an exported interface is interface#name(...)")
    List<String> calls;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Engine engine = Kit.engine(); Component component = Kit.loadFile(engine, file);
             RunningGuest guest = Kit.instantiate(component)) {
            for (String text : calls) {
                WitValue result = invoke(guest, text);
                out.println(result == null ? "()" : result.toString());
                out.flush();
            }
        }
        return 0;
    }

    private static WitValue invoke(RunningGuest guest, String text) {
        Wave.Call call = Wave.parseCall(text);
        Func func = func(guest, call.name());
        List<WitValue> args;
        try {
            args = call.values(func.type());
        } catch (SignatureMismatchException e) {
            throw new SignatureMismatchException(e.getMessage() + "\n  " + call.name() + " is " + func.type()
                + "; write its arguments in WAVE, for example " + example(call.name(), func));
        }
        return func.callWit(args.toArray(WitValue[]::new));
    }

    private static Func func(RunningGuest guest, String name) {
        ComponentType type = guest.type();
        if (type.exportedFunc(name).isPresent()) return guest.func(name);
        String exports = type.exportedFuncs().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
            .reduce((a, b) -> a + "\n    " + b).orElse("(none)");
        throw new NoSuchExportException(type.noSuchFunc(name) + ". Its exports:\n    " + exports);
    }

    /** A call with one sample argument per parameter, for the error message. */
    private static String example(String name, Func func) {
        return name + "(" + String.join(", ", func.type().params().stream().map(p -> sample(p.type())).toList()) + ")";
    }

    /** A short WAVE value of the type, to show its syntax. */
    static String sample(WitType type) {
        return switch (type) {
            case WitType.Primitive p -> switch (p) {
                case BOOL -> "true";
                case F32, F64 -> "1.5";
                case CHAR -> "'a'";
                case STRING -> "\"text\"";
                default -> "1";
            };
            case WitType.ListType(WitType element) -> "[" + sample(element) + "]";
            case WitType.OptionType(WitType inner) -> "some(" + sample(inner) + ")";
            case WitType.TupleType(List<WitType> types) -> "(" + String.join(", ", types.stream().map(CallCommand::sample).toList()) + ")";
            case WitType.RecordType(List<WitType.Field> fields) ->
                "{" + String.join(", ", fields.stream().map(f -> f.name() + ": " + sample(f.type())).toList()) + "}";
            case WitType.VariantType(List<WitType.Case> cases) ->
                cases.getFirst().payload() == null ? cases.getFirst().name() : cases.getFirst().name() + "(" + sample(cases.getFirst().payload()) + ")";
            case WitType.EnumType(List<String> names) -> names.getFirst();
            case WitType.ResultType(WitType ok, WitType err) -> ok == null ? "ok" : "ok(" + sample(ok) + ")";
            case WitType.FlagsType(List<String> names) -> "{" + names.getFirst() + "}";
            case WitType.HandleType h -> "?";
            case WitType.Unsupported u -> "?";
        };
    }
}
