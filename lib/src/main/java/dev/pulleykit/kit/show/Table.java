package dev.pulleykit.kit.show;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small table of strings: a header row and data rows. Columns whose cells all look like numbers
 * are right-aligned, in HTML and in text. Rows may carry a colour, shown as a swatch in HTML.
 */
public record Table(String title, List<String> headers, List<List<String>> rows, List<String> colours)
        implements HtmlRenderable {

    public Table {
        headers = List.copyOf(headers);
        List<List<String>> padded = new ArrayList<>();
        for (List<String> r : rows) {
            if (r.size() > headers.size()) throw new IllegalArgumentException("a row has " + r.size() + " cells for " + headers.size() + " columns: " + r);
            List<String> cells = new ArrayList<>(r.stream().map(c -> c == null ? "" : c).toList());
            while (cells.size() < headers.size()) cells.add("");
            padded.add(List.copyOf(cells));
        }
        rows = List.copyOf(padded);
        if (colours != null) {
            if (colours.size() != rows.size()) throw new IllegalArgumentException(colours.size() + " colours for " + rows.size() + " rows");
            colours = java.util.Collections.unmodifiableList(new ArrayList<>(colours)); // null entries allowed
        }
        title = title == null ? "" : title;
    }

    public static Table of(String title, List<String> headers, List<List<String>> rows) {
        return new Table(title, headers, rows, null);
    }

    /** A table built row by row. */
    public static Builder builder(String title, String... headers) { return new Builder(title, List.of(headers)); }

    public static final class Builder {
        private final String title;
        private final List<String> headers;
        private final List<List<String>> rows = new ArrayList<>();
        private final List<String> colours = new ArrayList<>();

        private Builder(String title, List<String> headers) { this.title = title; this.headers = headers; }

        public Builder row(Object... cells) { return colouredRow(null, cells); }

        /** A row with a colour (a CSS colour such as {@code #4e79a7}) for its swatch. */
        public Builder colouredRow(String colour, Object... cells) {
            rows.add(Arrays.stream(cells).map(c -> c == null ? "" : c.toString()).toList());
            colours.add(colour);
            return this;
        }

        public Table build() {
            boolean any = colours.stream().anyMatch(c -> c != null);
            return new Table(title, headers, rows, any ? colours : null);
        }
    }

    /** Whether column {@code c} holds numbers (and so is right-aligned): every non-empty cell does. */
    public boolean numeric(int c) {
        boolean seen = false;
        for (List<String> r : rows) {
            String s = r.get(c).trim();
            if (s.isEmpty()) continue;
            if (!s.matches("[-+]?(0x)?[0-9a-fA-F,._]*[0-9][0-9a-fA-F,._]*\\s*(%|[KMG]?i?B|bytes|ns|µs|us|ms|s)?")) return false;
            seen = true;
        }
        return seen;
    }

    private boolean[] alignment() {
        boolean[] right = new boolean[headers.size()];
        for (int c = 0; c < right.length; c++) right[c] = numeric(c);
        return right;
    }

    @Override public String toHtml() { return Html.table(title, headers, rows, alignment(), colours); }

    /**
     * Aligned text: columns two spaces apart, the header underlined with dashes as wide as each
     * column, numbers right-aligned. Trailing spaces are trimmed.
     */
    @Override public String toString() {
        int n = headers.size();
        int[] width = new int[n];
        for (int c = 0; c < n; c++) {
            width[c] = headers.get(c).length();
            for (List<String> r : rows) width[c] = Math.max(width[c], r.get(c).length());
        }
        boolean[] right = alignment();
        StringBuilder b = new StringBuilder();
        if (!title.isEmpty()) b.append(title).append('\n');
        line(b, headers, width, right);
        List<String> dashes = new ArrayList<>();
        for (int w : width) dashes.add("-".repeat(w));
        line(b, dashes, width, right);
        for (List<String> r : rows) line(b, r, width, right);
        return b.toString().stripTrailing();
    }

    private static void line(StringBuilder b, List<String> cells, int[] width, boolean[] right) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
            if (c > 0) l.append("  ");
            String s = cells.get(c);
            String pad = " ".repeat(width[c] - s.length());
            l.append(right[c] ? pad + s : s + pad);
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }
}
