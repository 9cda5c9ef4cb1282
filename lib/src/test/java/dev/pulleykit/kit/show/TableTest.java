package dev.pulleykit.kit.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
    private final Table table = Table.builder("Guests", "guest", "bytes", "share")
        .row("guest1", "9,403", "12.5%").row("types", "43,421", "57.9%").row("a <b> & c", "", "1%").build();

    @Test void textColumnsLineUpAndNumbersAreRightAligned() {
        String text = table.toString();
        Checks.alignedTable(text);
        List<String> lines = text.lines().toList();
        assertEquals("Guests", lines.get(0));
        assertEquals("guest       bytes  share", lines.get(1));
        assertEquals("guest1      9,403  12.5%", lines.get(3));
        assertEquals("types      43,421  57.9%", lines.get(4));
        assertEquals("a <b> & c             1%", lines.get(5));
    }

    @Test void numericColumnsAreDetected() {
        assertFalse(table.numeric(0));
        assertTrue(table.numeric(1));
        assertTrue(table.numeric(2));
    }

    @Test void htmlEscapesCellsAndNests() {
        String html = table.toHtml();
        Checks.wellFormedHtml(html);
        assertTrue(html.contains("a &lt;b&gt; &amp; c"), html);
        assertTrue(html.contains("text-align:right"), "numbers are right-aligned in HTML too");
    }

    @Test void colouredRowsGetSwatches() {
        Table t = Table.builder(null, "part", "bytes").colouredRow("#4e79a7", "code", 10).row("other", 2).build();
        String html = t.toHtml();
        assertEquals(1, html.split("#4e79a7", -1).length - 1, html);
        Checks.wellFormedHtml(html);
    }

    @Test void aRowWiderThanTheHeaderIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Table.of("t", List.of("a"), List.of(List.of("1", "2"))));
    }
}
