package dev.pulleykit.kit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kit wit} and {@code kit call}, run in-process against guest2 and a hand-written .wat component. */
class KitCliTest {
    @TempDir static Path dir;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cli = KitCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
    }

    static String resource(String name, String file) throws IOException {
        Path target = dir.resolve(file);
        try (InputStream in = KitCliTest.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is not on the test class path");
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target.toString();
    }

    static String guest2() throws IOException { return resource("/guests/guest2.component.wasm", "guest2.component.wasm"); }

    static String calc() throws IOException { return resource("/components/calc.wat", "calc.wat"); }

    @Test void witPrintsAWorld() throws IOException {
        Run r = run("wit", guest2());
        assertEquals(0, r.exit(), r.err());
        assertEquals("""
            world guest2 {
                export run: func(name: option<string>) -> string;
                export describe: func() -> string;
            }
            """, r.out());
    }

    @Test void witShowsRecordsOfAWatComponent() throws IOException {
        Run r = run("wit", calc());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("    export add: func(a: u32, b: u32) -> u32;\n"), r.out());
        assertTrue(r.out().contains("    export swap: func(p: record { x: u32, y: u32 }) -> record { x: u32, y: u32 };\n"), r.out());
        assertTrue(r.out().contains("    export nothing: func();\n"), r.out());
        assertTrue(r.out().contains("    export demo:calc/math: interface {\n        double: func(n: u32) -> u32;\n"), r.out());
    }

    @Test void witJsonIsData() throws IOException {
        Run r = run("wit", calc(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode swap = json.get("exports").findParents("name").stream()
            .filter(n -> n.get("name").asText().equals("swap")).findFirst().orElseThrow();
        assertEquals("func", swap.get("kind").asText());
        assertEquals("record", swap.get("params").get(0).get("type").get("kind").asText());
        assertEquals("y", swap.get("result").get("fields").get(1).get("name").asText());
        assertEquals("u32", swap.get("result").get("fields").get(1).get("type").get("wit").asText());
        assertTrue(json.get("imports").isEmpty());
    }

    @Test void callPrintsEachResultInWave() throws IOException {
        Run r = run("call", guest2(), "run(some(\"Kevin\"))", "run(none)", "run()", "describe()");
        assertEquals(0, r.exit(), r.err());
        assertEquals("""
            "guest2 run() called: hello, Kevin!"
            "guest2 run() called: hello, world!"
            "guest2 run() called: hello, world!"
            "guest2 has an extra `describe` export"
            """, r.out());
    }

    @Test void callOnAWatComponent() throws IOException {
        Run r = run("call", calc(), "add(4000000000, 294967295)", "swap({y: 2, x: 1})", "negate(false)", "nothing()");
        assertEquals(0, r.exit(), r.err());
        assertEquals("4294967295\n{x: 2, y: 1}\ntrue\n()\n", r.out());
    }

    @Test void aBadArgumentNamesItsPlaceAndType() throws IOException {
        Run r = run("call", calc(), "add(1, 2)", "add(1, -2)");
        assertEquals(3, r.exit());
        assertEquals("3\n", r.out(), "calls before the bad one still run");
        assertTrue(r.err().startsWith("error: argument 2 (b): expected u32, found -2 (unsigned, never negative: 0..4294967295), at column 8\n"), r.err());
        assertTrue(r.err().contains("add is func(a: u32, b: u32) -> u32; write its arguments in WAVE, for example add(1, 1)"), r.err());
        r = run("call", calc(), "swap({x: 1})");
        assertTrue(r.err().contains("argument 1 (p): expected record { x: u32, y: u32 }, found no field y (add y: <u32>)"), r.err());
        r = run("call", calc(), "add(1)");
        assertTrue(r.err().contains("argument 2 (b: u32) is missing"), r.err());
    }

    @Test void anUnknownExportListsTheExports() throws IOException {
        Run r = run("call", calc(), "sub(1, 2)");
        assertEquals(3, r.exit());
        assertTrue(r.err().startsWith("error: the component has no export named 'sub'. Its exports:\n"), r.err());
        assertTrue(r.err().contains("\n    add: func(a: u32, b: u32) -> u32\n"), r.err());
    }

    @Test void aFunctionInsideAnExportedInterfaceIsCalledByItsFullName() throws IOException {
        Run r = run("call", calc(), "demo:calc/math#double(21)", "add(1, 2)");
        assertEquals(0, r.exit(), r.err());
        assertEquals("42\n3\n", r.out());
        r = run("call", calc(), "double(21)");
        assertEquals(3, r.exit());
        assertTrue(r.err().startsWith("error: the component has no export named 'double'; it is exported as "
            + "'demo:calc/math#double'. Its exports:\n"), r.err());
        assertTrue(r.err().contains("\n    demo:calc/math#double: func(n: u32) -> u32"), r.err());
        r = run("call", calc(), "demo:calc/maths#double(1)");
        assertTrue(r.err().startsWith("error: the component exports no interface 'demo:calc/maths'; it is exported as 'demo:calc/math#double'."), r.err());
        r = run("call", calc(), "demo:calc/math#half(1)");
        assertTrue(r.err().startsWith("error: the interface 'demo:calc/math' has no function 'half'."), r.err());
    }

    @Test void aTrapIsAnErrorExit() throws IOException {
        Run r = run("call", calc(), "boom()");
        assertEquals(3, r.exit());
        assertTrue(r.err().contains("the guest trapped"), r.err());
        assertTrue(r.err().contains("unreachable"), r.err());
    }

    @Test void aMissingFileSaysSo() {
        Run r = run("wit", dir.resolve("nope.wasm").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("error: cannot read "), r.err());
    }
}
