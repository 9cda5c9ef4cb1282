package dev.pulleykit.kit.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulleykit.kit.Artifact;
import dev.pulleykit.kit.Kit;
import dev.pulleykit.kit.show.CwasmAnatomy.ElfSection;
import dev.pulleykit.kit.show.CwasmAnatomy.FunctionSymbol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CwasmAnatomyTest {
    private static final Artifact ARTIFACT = Kit.bundledArtifact("guest1");
    private static final byte[] BYTES = ARTIFACT.bytes();
    private static final CwasmAnatomy ANATOMY = CwasmAnatomy.parse(BYTES);

    @Test void theHeaderSaysComponentForPulley64() {
        var h = ANATOMY.header();
        assertEquals(1, h.type(), "ET_REL");
        assertEquals(243, h.machine());
        assertEquals(CwasmAnatomy.Header.FLAG_COMPONENT | CwasmAnatomy.Header.FLAG_PULLEY64, h.flags());
        assertEquals("component, pulley64", h.flagNames());
        assertTrue(h.isComponent());
    }

    @Test void theCourseSectionsAreThere() {
        List<String> names = ANATOMY.sections().stream().map(ElfSection::name).toList();
        assertTrue(names.containsAll(List.of(".text", ".wasmtime.engine", ".symtab", ".strtab", ".rodata.wasm")), names.toString());
        assertEquals(0, ANATOMY.section(".rodata.wasm").orElseThrow().offset() % 65536, "the memory image is 64 KiB aligned");
        assertTrue(ANATOMY.memoryImagePadding() > 0 && ANATOMY.memoryImagePadding() < 65536);
    }

    @Test void theEngineSectionNamesVersionTargetAndSettings() {
        var e = ANATOMY.engine();
        assertTrue(ARTIFACT.wasmtimeVersion().startsWith(e.wasmtimeVersion()), e.wasmtimeVersion() + " vs " + ARTIFACT.wasmtimeVersion());
        assertEquals("pulley64-unknown-unknown-elf", e.target());
        assertEquals("speed", e.sharedFlags().get("opt_level"));
        assertEquals("pointer64", e.isaFlags().get("pointer_width"));
        assertTrue(e.rest().length > 0, "tunables and features follow the flags");
        long end = ANATOMY.section(".wasmtime.engine").map(s -> s.offset() + s.size()).orElseThrow();
        assertEquals(end, e.restOffset() + e.rest().length);
    }

    @Test void runIsAFunctionInsideTheBytecode() {
        FunctionSymbol run = ANATOMY.functions().stream().filter(f -> f.name().endsWith("::run")).findFirst().orElseThrow();
        assertTrue(run.size() > 0);
        long text = ANATOMY.bytecodeSize();
        long sum = 0;
        for (FunctionSymbol f : ANATOMY.functions()) {
            assertTrue(f.offset() + f.size() <= text, f + " lies inside .text");
            sum += f.size();
        }
        assertTrue(sum <= text && sum > text * 9 / 10, "functions make up .text: " + sum + " of " + text);
    }

    /** readelf is the oracle: the same sections with the same offsets and sizes, the same function symbols. */
    @Test void agreesWithReadelf(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("guest1.cwasm");
        Files.write(file, BYTES);
        String out = readelf(file);
        // entry 0 is the NULL section: it has no name, so its columns shift; it is skipped by index
        Matcher m = Pattern.compile("(?m)^\\s*\\[\\s*(\\d+)\\]\\s+(\\S+)\\s+(\\S+)\\s+[0-9a-f]+\\s+([0-9a-f]+)\\s+([0-9a-f]+)").matcher(out);
        List<String> expected = new ArrayList<>();
        while (m.find()) if (!m.group(1).equals("0")) expected.add(m.group(2) + " " + Long.parseLong(m.group(4), 16) + " " + Long.parseLong(m.group(5), 16));
        List<String> ours = ANATOMY.sections().stream().filter(s -> s.type() != 0).map(s -> s.name() + " " + s.offset() + " " + s.size()).toList();
        assertTrue(expected.size() > 5, out);
        assertEquals(expected, ours);

        Matcher f = Pattern.compile("(?m)^\\s*\\d+:\\s+([0-9a-f]+)\\s+(\\d+)\\s+FUNC\\s+\\S+\\s+\\S+\\s+\\S+\\s+(\\S+)$").matcher(out);
        List<String> functions = new ArrayList<>();
        while (f.find()) functions.add(f.group(3) + " " + Long.parseLong(f.group(1), 16) + " " + f.group(2));
        assertEquals(functions, ANATOMY.functions().stream().map(s -> s.name() + " " + s.offset() + " " + s.size()).toList());
    }

    private static String readelf(Path file) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("readelf", "-W", "-S", "-s", file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("readelf is not installed (apt package binutils)");
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test void textIsAligned() {
        String text = ANATOMY.toString();
        assertTrue(text.contains("0xa: component, pulley64"), text);
        for (String block : text.split("\n\n")) if (block.contains("\n--")) Checks.alignedTable(block.substring(block.indexOf('\n') + 1));
        Checks.wellFormedHtml(ANATOMY.toHtml());
    }

    @Test void otherBytesGiveAClearError() {
        var e = assertThrows(MalformedBinaryException.class, () -> CwasmAnatomy.parse(Kit.bundledComponent("guest1").bytes()));
        assertTrue(e.getMessage().contains("no ELF magic at offset 0"), e.getMessage());
        byte[] b = BYTES.clone();
        b[60] = (byte) 0xff; // e_shnum: the section header table would run past the end
        e = assertThrows(MalformedBinaryException.class, () -> CwasmAnatomy.parse(b));
        assertEquals(40, e.offset());
    }

    @Test void truncatedOrDamagedArtifactsEndQuicklyInAResultOrAClearError() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int n = 0; n < BYTES.length; n += 61) {
                byte[] cut = Arrays.copyOf(BYTES, n); // the section header table sits at the end: every cut loses it
                assertThrows(MalformedBinaryException.class, () -> CwasmAnatomy.parse(cut));
            }
            Random random = new Random(7);
            long shoff = ANATOMY.header().sectionHeaderOffset();
            for (int i = 0; i < 3000; i++) {
                byte[] b = BYTES.clone();
                for (int k = 0; k < 3; k++) { // damage the headers, where the parser's decisions come from
                    int at = i % 2 == 0 ? random.nextInt(64) : (int) shoff + random.nextInt(BYTES.length - (int) shoff);
                    b[at] ^= (byte) (1 + random.nextInt(255));
                }
                try {
                    CwasmAnatomy.parse(b);
                } catch (MalformedBinaryException e) {
                    assertTrue(e.getMessage().contains("at offset"), e.getMessage());
                }
            }
        });
    }
}
