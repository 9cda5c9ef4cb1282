package dev.pulleykit.kit.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulleykit.kit.Kit;
import dev.pulleykit.kit.show.WasmSections.Kind;
import dev.pulleykit.kit.show.WasmSections.Section;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WasmSectionsTest {
    private static final byte[] COMPONENT = Kit.bundledComponent("guest1").bytes();

    @Test void aComponentHoldsACoreModuleWithCodeAndData() {
        WasmSections w = WasmSections.parse(COMPONENT);
        assertEquals(Kind.COMPONENT, w.kind());
        Section module = w.sections().stream().filter(s -> s.name().equals("core module")).findFirst().orElseThrow();
        assertEquals(1, module.id());
        assertNotNull(module.nested(), "the core module is parsed too");
        assertEquals(Kind.CORE_MODULE, module.nested().kind());
        List<String> inner = module.nested().sections().stream().map(Section::name).toList();
        assertTrue(inner.containsAll(List.of("type", "export", "code", "data")), inner.toString());
        assertTrue(w.sections().stream().anyMatch(s -> "component-name".equals(s.customName())), "component-name custom section");
        assertTrue(w.sections().stream().map(Section::name).toList().containsAll(List.of("canon", "export")));
    }

    @Test void aCoreModuleFromCargoCarriesItsComponentType() {
        WasmSections w = WasmSections.parse(Kit.buildGuest("guest1").bytes());
        assertEquals(Kind.CORE_MODULE, w.kind());
        assertTrue(w.find("component-type").isPresent(), "a component-type:... custom section from wit-bindgen");
        assertTrue(w.find("code").isPresent());
        assertTrue(w.find("producers").isPresent());
    }

    @Test void sectionsTileTheBinaryWithoutGaps() {
        tiles(WasmSections.parse(COMPONENT));
        tiles(WasmSections.parse(Kit.bundledComponent("types").bytes()));
    }

    private static void tiles(WasmSections w) {
        long pos = w.offset() + 8;
        for (Section s : w.sections()) {
            assertEquals(pos, s.offset(), "section " + s.label() + " starts where the previous one ends");
            pos = s.contentOffset() + s.size();
            if (s.nested() != null) {
                assertEquals(s.contentOffset(), s.nested().offset());
                assertEquals(s.size(), s.nested().size());
                tiles(s.nested());
            }
        }
        assertEquals(w.offset() + w.size(), pos);
    }

    @Test void textIsAnAlignedTable() {
        String text = WasmSections.parse(COMPONENT).toString();
        Checks.alignedTable(text);
        assertTrue(text.contains("\n  code "), "nested sections are indented:\n" + text);
    }

    @Test void htmlIsWellFormed() {
        Checks.wellFormedHtml(WasmSections.parse(COMPONENT).toHtml());
    }

    @Test void badPreamblesNameTheOffset() {
        var e = assertThrows(MalformedBinaryException.class, () -> WasmSections.parse("hello, world".getBytes()));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("offset 0"), e.getMessage());
        byte[] wrongVersion = Arrays.copyOf(COMPONENT, 64);
        wrongVersion[4] = 2;
        e = assertThrows(MalformedBinaryException.class, () -> WasmSections.parse(wrongVersion));
        assertEquals(4, e.offset());
        e = assertThrows(MalformedBinaryException.class, () -> WasmSections.parse(new byte[3]));
        assertTrue(e.getMessage().contains("too short"), e.getMessage());
    }

    @Test void aSectionLongerThanTheFileIsReportedAtItsStart() {
        byte[] cut = Arrays.copyOf(COMPONENT, 100); // the core module section's content is cut short
        var e = assertThrows(MalformedBinaryException.class, () -> WasmSections.parse(cut));
        assertEquals(8, e.offset());
        assertTrue(e.getMessage().contains("claims 9172 bytes"), e.getMessage());
    }

    /** Every truncation, and random bytes behind a valid preamble: a result or a MalformedBinaryException, fast. */
    @Test void anyInputEndsQuicklyInAResultOrAClearError() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            int failures = 0;
            for (int n = 0; n <= COMPONENT.length; n++) failures += outcome(Arrays.copyOf(COMPONENT, n));
            assertTrue(failures > COMPONENT.length / 2, "most truncations are errors: " + failures);
            Random random = new Random(42);
            for (int i = 0; i < 3000; i++) {
                byte[] b = new byte[random.nextInt(300)];
                random.nextBytes(b);
                if (i % 2 == 0 && b.length >= 8) System.arraycopy(i % 4 == 0 ? COMPONENT : new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, 0, b, 0, 8);
                outcome(b);
            }
            for (int i = 0; i < 500; i++) { // flipped bytes inside a real component
                byte[] b = COMPONENT.clone();
                for (int k = 0; k < 4; k++) b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
                outcome(b);
            }
        });
    }

    private static int outcome(byte[] b) {
        try {
            WasmSections.parse(b);
            return 0;
        } catch (MalformedBinaryException e) {
            assertTrue(e.getMessage().contains("at offset "), e.getMessage());
            assertTrue(e.offset() >= 0 && e.offset() <= b.length, "offset " + e.offset() + " inside the " + b.length + " bytes");
            return 1;
        }
    }
}
