package dev.pulleykit.kit.show;

import java.util.List;
import java.util.Map;

/** Small HTML building blocks with inline styles, shared by the kit's renderable objects. */
public final class Html {
    private Html() {}

    /** The font stacks and colours every view shares, so that they look like one family. */
    static final String SANS = "font-family:sans-serif;font-size:13px";
    static final String MONO = "font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px";
    static final String MUTED = "#555";

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A titled two-column table of facts. */
    public static String facts(String title, String[][] rows) {
        StringBuilder b = new StringBuilder("<table style=\"border-collapse:collapse;" + SANS + "\">");
        b.append(caption(title));
        for (String[] row : rows) {
            b.append("<tr><th style=\"text-align:left;padding:2px 12px 2px 0;color:" + MUTED + "\">").append(escape(row[0]))
             .append("</th><td style=\"padding:2px 0;font-family:monospace\">").append(escape(row[1])).append("</td></tr>");
        }
        return b.append("</table>").toString();
    }

    /** The same facts from an ordered map. */
    public static String facts(String title, Map<String, String> rows) {
        return facts(title, rows.entrySet().stream().map(e -> new String[] {e.getKey(), e.getValue()}).toArray(String[][]::new));
    }

    /**
     * A table with a header row. {@code rightAligned} marks numeric columns; {@code swatches}, when
     * not null, gives each row a colour shown as a small square before its first cell (null: none).
     */
    public static String table(String title, List<String> headers, List<List<String>> rows, boolean[] rightAligned,
                               List<String> swatches) {
        StringBuilder b = new StringBuilder("<table style=\"border-collapse:collapse;" + SANS + "\">");
        if (title != null && !title.isEmpty()) b.append(caption(title));
        b.append("<thead><tr>");
        for (int c = 0; c < headers.size(); c++) {
            b.append("<th style=\"text-align:").append(rightAligned[c] ? "right" : "left")
             .append(";padding:3px 10px;border-bottom:2px solid #999;color:" + MUTED + "\">").append(escape(headers.get(c))).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (int r = 0; r < rows.size(); r++) {
            b.append("<tr style=\"background:").append(r % 2 == 0 ? "#fff" : "#f5f5f5").append("\">");
            List<String> row = rows.get(r);
            for (int c = 0; c < headers.size(); c++) {
                String cell = c < row.size() ? row.get(c) : "";
                b.append("<td style=\"text-align:").append(rightAligned[c] ? "right" : "left")
                 .append(";padding:2px 10px;white-space:pre;" + MONO + "\">");
                String colour = swatches == null ? null : swatches.get(r);
                if (c == 0 && colour != null) b.append(swatch(colour));
                b.append(escape(cell)).append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    /** A small coloured square, as in a chart's legend. */
    public static String swatch(String colour) {
        return "<span style=\"display:inline-block;width:10px;height:10px;margin-right:6px;vertical-align:middle;background:"
            + escape(colour) + ";border:1px solid #0003\"></span>";
    }

    /** A heading line for a view. */
    public static String title(String text) {
        return "<div style=\"" + SANS + ";font-weight:bold;padding:4px 0\">" + escape(text) + "</div>";
    }

    /** A block that stacks several views with some space between them. */
    public static String stack(String... parts) {
        StringBuilder b = new StringBuilder("<div style=\"display:flex;flex-direction:column;gap:10px\">");
        for (String p : parts) b.append("<div>").append(p).append("</div>");
        return b.append("</div>").toString();
    }

    private static String caption(String title) {
        return "<caption style=\"text-align:left;font-weight:bold;padding:4px 0\">" + escape(title) + "</caption>";
    }

    /** "9,403 bytes (9.2 KiB)". */
    public static String bytes(long n) {
        return String.format("%,d bytes", n) + (n >= 1024 ? String.format(" (%.1f KiB)", n / 1024.0) : "");
    }
}
