package dev.pulleykit.kit.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BarChartTest {
    private static final Map<String, Double> LOAD = new LinkedHashMap<>();
    static {
        LOAD.put("compile", 17_000_000.0);
        LOAD.put("deserialize", 170_000.0);
        LOAD.put("call run()", 850.0);
    }

    @Test void textBarsStartInOneColumnAndScale() {
        List<String> lines = Show.timings("Loading guest1", "ns", LOAD).toString().lines().toList();
        assertEquals("Loading guest1", lines.get(0));
        int start = lines.get(1).indexOf('█');
        for (String l : lines.subList(1, 4)) assertEquals(start, l.indexOf('█'), "bars start together: " + l);
        assertEquals(BarChart.TEXT_WIDTH, count(lines.get(1)));
        assertEquals(1, count(lines.get(3)), "a tiny value still shows one block");
        assertTrue(lines.get(1).contains("17,000,000 ns"), lines.get(1));
    }

    @Test void aLogScaleKeepsSmallValuesVisible() {
        List<String> lines = Show.timingsLog("Loading guest1", "ns", LOAD).toString().lines().toList();
        assertTrue(lines.get(0).endsWith("(log scale)"));
        int big = count(lines.get(1)), mid = count(lines.get(2)), small = count(lines.get(3));
        assertEquals(BarChart.TEXT_WIDTH, big);
        assertTrue(big > mid && mid > small && small > 3, big + " " + mid + " " + small);
        assertThrows(IllegalArgumentException.class, () -> Show.timingsLog("t", "ns", Map.of("zero", 0.0)));
        assertThrows(IllegalArgumentException.class, () -> Show.timings("t", "ns", Map.of("nan", Double.NaN)));
    }

    @Test void htmlIsAnSvgWithOneBarPerValue() {
        String html = Show.timings("Load <guest1>", "ns", LOAD).toHtml();
        Checks.wellFormedHtml(html);
        assertEquals(3, html.split("<rect ", -1).length - 1);
        assertTrue(html.contains("Load &lt;guest1&gt;"));
    }

    private static int count(String line) { return (int) line.chars().filter(c -> c == '█').count(); }
}
