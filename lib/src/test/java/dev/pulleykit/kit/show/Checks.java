package dev.pulleykit.kit.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks shared by the display tests: HTML that nests properly, text tables whose columns line up. */
final class Checks {
    private Checks() {}

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^<>]*?(/?)>");
    private static final Set<String> VOID = Set.of("br", "hr", "img", "meta", "input", "col");

    /** Every element opened is closed in order, no script, no event handler attributes, no stray '<'. */
    static void wellFormedHtml(String html) {
        assertFalse(html.toLowerCase().contains("<script"), "no scripts");
        assertFalse(Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no event handlers");
        Deque<String> open = new ArrayDeque<>();
        Matcher m = TAG.matcher(html);
        int last = 0;
        while (m.find()) {
            assertFalse(html.substring(last, m.start()).contains("<"), "a stray '<' before offset " + m.start() + ": " + snippet(html, last));
            assertFalse(html.substring(last, m.start()).contains(">"), "a stray '>' before offset " + m.start() + ": " + snippet(html, last));
            last = m.end();
            String name = m.group(2).toLowerCase();
            if (VOID.contains(name) || !m.group(3).isEmpty()) continue;
            if (m.group(1).isEmpty()) {
                open.push(name);
            } else {
                if (open.isEmpty()) fail("</" + name + "> closes nothing at offset " + m.start());
                assertEquals(open.pop(), name, "tags cross at offset " + m.start() + ": " + snippet(html, m.start()));
            }
        }
        assertFalse(html.substring(last).contains("<"), "a stray '<' at the end");
        assertTrue(open.isEmpty(), "left open: " + open);
    }

    private static String snippet(String s, int at) { return s.substring(Math.max(0, at - 60), Math.min(s.length(), at + 60)); }

    /**
     * A text table as {@link Table#toString()} prints it: the dashes line marks each column's span;
     * on every line below and above it, anything outside the spans is a space, and no line is wider.
     */
    static void alignedTable(String text) {
        List<String> lines = text.lines().toList();
        int dashes = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).matches("-+( +-+)*")) { dashes = i; break; }
        assertTrue(dashes >= 1, "a header underline in:\n" + text);
        String rule = lines.get(dashes);
        List<int[]> spans = new ArrayList<>();
        Matcher m = Pattern.compile("-+").matcher(rule);
        while (m.find()) spans.add(new int[] {m.start(), m.end()});
        for (int i = dashes - 1; i < lines.size(); i++) {
            String line = lines.get(i);
            assertTrue(line.length() <= rule.length(), "line wider than its columns: '" + line + "'");
            for (int c = 0; c < line.length(); c++) {
                final int col = c;
                boolean inSpan = spans.stream().anyMatch(s -> col >= s[0] && col < s[1]);
                if (!inSpan) assertEquals(' ', line.charAt(c), "text between columns at " + c + " in '" + line + "'");
            }
        }
    }

    /** Wraps a fragment in a page, as a notebook would show it. */
    static String page(String title, String fragment) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + Html.escape(title)
            + "</title></head><body style=\"margin:16px;background:#fff\">" + fragment + "</body></html>";
    }
}
