package dev.pulleykit.kit.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulleykit.kit.Kit;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteMapTest {
    @Test void aCwasmMapCoversEveryByteOnce() {
        ByteMap map = Show.bytes(Kit.bundledArtifact("guest1"));
        long pos = 0;
        for (ByteMap.Band b : map.bands()) {
            assertEquals(pos, b.offset(), "band " + b.name() + " follows the previous one");
            pos += b.size();
        }
        assertEquals(map.total(), pos);
        assertTrue(map.sizesByName().get("padding") > 50_000, "the gap before the 64 KiB aligned memory image shows");
    }

    @Test void aComponentMapOpensItsCoreModule() {
        ByteMap map = Show.bytes(Kit.bundledComponent("guest1"));
        assertTrue(map.sizesByName().containsKey("core module: code"), map.sizesByName().toString());
        long covered = map.bands().stream().mapToLong(ByteMap.Band::size).sum();
        assertTrue(covered <= map.total() && covered > map.total() * 9 / 10, covered + " of " + map.total());
        for (int i = 1; i < map.bands().size(); i++) {
            var a = map.bands().get(i - 1);
            assertTrue(a.offset() + a.size() <= map.bands().get(i).offset(), "bands do not overlap");
        }
    }

    @Test void eachPartHasAColourOfItsOwn() {
        for (ByteMap map : List.of(Show.bytes(Kit.bundledArtifact("guest1")), Show.bytes(Kit.bundledComponent("types")))) {
            var colours = map.bands().stream().collect(java.util.stream.Collectors.toMap(ByteMap.Band::name, ByteMap.Band::colour, (a, b) -> a));
            assertEquals(colours.size(), new java.util.HashSet<>(colours.values()).size(), "distinct colours: " + colours);
        }
        assertEquals("#4e79a7", Show.bytes(Kit.bundledArtifact("guest1")).colourOf(".text"), "the bytecode keeps its usual colour");
    }

    @Test void theTextBarIsProportional() {
        ByteMap map = new ByteMap("t", 100, List.of(new ByteMap.Band("a", 0, 25, "#111"), new ByteMap.Band("b", 25, 75, "#222")));
        assertEquals("A".repeat(16) + "B".repeat(48), map.bar());
        String text = map.toString();
        assertTrue(text.contains("|" + map.bar() + "|"));
        Checks.alignedTable(text.substring(text.indexOf("key")));
        assertTrue(text.contains("25.0%") && text.contains("75.0%"), text);
    }

    @Test void htmlDrawsOneRectPerBandAndALegend() {
        ByteMap map = Show.bytes(Kit.bundledArtifact("guest1"));
        String html = map.toHtml();
        Checks.wellFormedHtml(html);
        assertEquals(map.bands().size() + 1, html.split("<rect ", -1).length - 1, "background plus one rect per band");
        assertTrue(html.contains(".rodata.wasm"));
    }

    @Test void hexDumpLinesLineUp() {
        byte[] bytes = Kit.bundledArtifact("guest1").bytes();
        HexDump dump = Show.hex(bytes, 0x40, 40);
        List<String> lines = dump.lines().lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("00000040  00 02 35 30 1c 70 75 6c  6c 65 79 36 34 2d 75 6e  |..50.pulley64-un|"), lines.get(0));
        assertEquals(lines.get(0).indexOf('|'), lines.get(2).indexOf('|'), "the ASCII column starts at the same place on a short last line");
        Checks.wellFormedHtml(dump.toHtml());
        HexDump big = new HexDump("all", bytes, 0, "#000");
        assertTrue(big.lines().endsWith(String.format("... %,d more bytes not shown\n", bytes.length - HexDump.MAX_BYTES)));
    }
}
