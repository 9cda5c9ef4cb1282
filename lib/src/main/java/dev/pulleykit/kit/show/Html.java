package dev.pulleykit.kit.show;

/** Small HTML building blocks with inline styles, shared by the kit's renderable objects. */
public final class Html {
    private Html() {}

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A titled two-column table of facts. */
    public static String facts(String title, String[][] rows) {
        StringBuilder b = new StringBuilder("<table style=\"border-collapse:collapse;font-family:sans-serif;font-size:13px\">");
        b.append("<caption style=\"text-align:left;font-weight:bold;padding:4px 0\">").append(escape(title)).append("</caption>");
        for (String[] row : rows) {
            b.append("<tr><th style=\"text-align:left;padding:2px 12px 2px 0;color:#555\">").append(escape(row[0]))
             .append("</th><td style=\"padding:2px 0;font-family:monospace\">").append(escape(row[1])).append("</td></tr>");
        }
        return b.append("</table>").toString();
    }

    /** "9,403 bytes (9.2 KiB)". */
    public static String bytes(long n) {
        return String.format("%,d bytes", n) + (n >= 1024 ? String.format(" (%.1f KiB)", n / 1024.0) : "");
    }
}
