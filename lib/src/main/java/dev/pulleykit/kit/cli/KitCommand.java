package dev.pulleykit.kit.cli;

import dev.pulleykit.kit.Demo;
import dev.pulleykit.wasmtime.WasmtimeException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The kit's command line inside lib.jar; ./kit forwards its Java subcommands here. */
@Command(name = "kit", mixinStandardHelpOptions = true, description = "Pulley Kit commands that run on the JVM.",
         subcommands = {KitCommand.DemoCommand.class, WitCommand.class, CallCommand.class})
public final class KitCommand implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with the kit's error handling: {@code error: } and the message on stderr,
     * no stack trace; exit 3 for a WebAssembly problem, 1 for anything else.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new KitCommand());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            cmd.getErr().flush();
            return e instanceof WasmtimeException ? 3 : 1;
        });
        return cli;
    }

    @Override public void run() { CommandLine.usage(this, System.out); }

    @Command(name = "demo", description = "Load the precompiled guests and call them, as the reference host does.")
    static final class DemoCommand implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", defaultValue = Demo.DEFAULT_NAME, description = "the name guest2 greets (default: ${DEFAULT-VALUE})")
        String name;

        @Override public Integer call() {
            Demo.run(name, System.out);
            return 0;
        }
    }
}
