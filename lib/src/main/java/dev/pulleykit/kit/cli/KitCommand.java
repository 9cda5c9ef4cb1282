package dev.pulleykit.kit.cli;

import dev.pulleykit.kit.Demo;
import dev.pulleykit.wasmtime.WasmtimeException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The kit's command line inside lib.jar; ./kit forwards its Java subcommands here. */
@Command(name = "kit", mixinStandardHelpOptions = true, description = "Pulley Kit commands that run on the JVM.",
         subcommands = {KitCommand.DemoCommand.class})
public final class KitCommand implements Runnable {

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new KitCommand());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return e instanceof WasmtimeException ? 3 : 1;
        });
        System.exit(cli.execute(args));
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
