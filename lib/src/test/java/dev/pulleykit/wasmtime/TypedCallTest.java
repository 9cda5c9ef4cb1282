package dev.pulleykit.wasmtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Func.callAs with Java records against a hand-written component (calc.wat), compiled for Pulley. */
class TypedCallTest {
    record Point(long x, long y) {}
    record Wrong(long x, long z) {}

    static byte[] calcWat() throws IOException {
        try (InputStream in = TypedCallTest.class.getResourceAsStream("/components/calc.wat")) {
            return in.readAllBytes();
        }
    }

    @Test void recordsGoInAndComeBackOut() throws IOException {
        try (Engine engine = new Engine(EngineConfig.DESKTOP); Component c = Component.compile(engine, calcWat());
             Store store = new Store(engine); Linker linker = new Linker(engine)) {
            Instance instance = linker.instantiate(store, c);
            assertEquals(new Point(2, 1), instance.func("swap").callAs(Point.class, new Point(1, 2)));
            assertEquals(7L, instance.func("add").callAs(long.class, 3, 4));
            assertEquals(Boolean.TRUE, instance.func("negate").callAs(Boolean.class, false));
            String m = assertThrows(SignatureMismatchException.class, () -> instance.func("swap").callAs(Point.class, new Wrong(1, 2))).getMessage();
            assertTrue(m.contains("record Wrong has no component for WIT field 'y' (u32); add a component named y"), m);
            WitValue args = Wave.parse("{x: 5, y: 6}", instance.func("swap").type().params().getFirst().type());
            assertEquals(new Point(6, 5), instance.func("swap").callAs(Point.class, args));
        }
    }

    @Test void aFunctionInsideAnExportedInterfaceIsFoundByItsFullName() throws IOException {
        try (Engine engine = new Engine(EngineConfig.DESKTOP); Component c = Component.compile(engine, calcWat());
             Store store = new Store(engine); Linker linker = new Linker(engine)) {
            Instance instance = linker.instantiate(store, c);
            Func dbl = instance.func("demo:calc/math#double");
            assertEquals(42L, dbl.call(21));
            assertEquals("func(n: u32) -> u32", dbl.type().toString());
            assertEquals(c.type().exportedFunc("demo:calc/math#double").orElseThrow(), dbl.type(), "the listing agrees with the instance");
            String m = assertThrows(NoSuchExportException.class, () -> instance.func("double")).getMessage();
            assertTrue(m.startsWith("the component has no export named 'double'; it is exported as 'demo:calc/math#double'. Its exports: ["), m);
            for (String f : new String[] {"add", "swap", "negate", "nothing", "boom", "demo:calc/math#double"}) {
                assertTrue(m.contains(f + ", ") || m.contains(f + "]"), m);
            }
            m = assertThrows(NoSuchExportException.class, () -> instance.func("demo:calc/math#triple")).getMessage();
            assertTrue(m.startsWith("the interface 'demo:calc/math' has no function 'triple'."), m);
            m = assertThrows(NoSuchExportException.class, () -> instance.func("demo:calc/stats#mean")).getMessage();
            assertTrue(m.startsWith("the component exports no interface 'demo:calc/stats'."), m);
        }
    }
}
