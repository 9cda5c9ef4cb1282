package dev.pulleykit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo prints the reference host's seven lines, exactly. */
class DemoTest {

    private static List<String> demo(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Demo.run(name, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test void defaultNameIsPulley() {
        assertEquals(List.of(
            "Building Pulley component engine...",
            "Deserializing guest1 component...",
            "guest1 run() called",
            "Deserializing guest2 component...",
            "guest2 run() called: hello, Pulley!",
            "describe: guest2 has an extra `describe` export",
            "Done."), demo(Demo.DEFAULT_NAME));
    }

    @Test void greetsTheNameGiven() {
        assertEquals("guest2 run() called: hello, Kevin!", demo("Kevin").get(4));
    }

    @Test void artifactsFromTheJarRecordTheirProfile() {
        Artifact a = BundledGuests.artifact("guest2");
        assertEquals("desktop-pulley64", a.profile().name());
        assertTrue(BundledGuests.names().containsAll(List.of("guest1", "guest2", "types", "blinky", "runaway")), BundledGuests.names().toString());
    }

    @Test void setupCheckPassesHere() {
        SetupCheck check = Kit.checkSetup();
        assertTrue(check.allOk(), check.toString());
        assertTrue(check.toString().contains("Wasmtime 50.0.1"), check.toString());
        assertTrue(check.toHtml().contains("Setup is ready"), check.toHtml());
    }
}
