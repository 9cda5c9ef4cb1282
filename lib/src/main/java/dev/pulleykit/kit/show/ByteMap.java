package dev.pulleykit.kit.show;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A picture of where a binary's bytes go: each section is a band as wide as its share of the file.
 * HTML draws an SVG strip with a legend; text draws a bar of characters, one letter per section.
 * Bytes no band covers (headers, size fields) show as the strip's background.
 */
public record ByteMap(String title, long total, List<Band> bands) implements HtmlRenderable {

    /** A region of the file. */
    public record Band(String name, long offset, long size, String colour) {}

    public ByteMap {
        if (total < 0) throw new IllegalArgumentException("negative size " + total);
        bands = bands.stream().sorted(Comparator.comparingLong(Band::offset)).toList();
    }

    /** A map whose bands get their colours here, distinct within the picture. */
    static ByteMap coloured(String title, long total, List<Band> bands) {
        Map<String, String> colours = Palette.assign(bands.stream().sorted(Comparator.comparingLong(Band::offset)).map(Band::name).toList());
        return new ByteMap(title, total, bands.stream().map(b -> new Band(b.name(), b.offset(), b.size(), colours.get(b.name()))).toList());
    }

    /** The colour of the band of that name, or null if there is none. */
    public String colourOf(String name) {
        return bands.stream().filter(b -> b.name().equals(name)).map(Band::colour).findFirst().orElse(null);
    }

    private static final int WIDTH = 800, HEIGHT = 34;
    static final int TEXT_WIDTH = 64;

    /** A WebAssembly binary: its sections, with a component's core modules opened up into their own sections. */
    public static ByteMap of(WasmSections w) {
        List<Band> bands = new ArrayList<>();
        addBands(bands, w, "", w.offset());
        return coloured("Bytes of a WebAssembly " + w.kind(), w.size(), bands);
    }

    private static void addBands(List<Band> bands, WasmSections w, String prefix, long base) {
        for (WasmSections.Section s : w.sections()) {
            if (s.nested() != null) {
                addBands(bands, s.nested(), s.name() + ": ", base);
            } else {
                String name = prefix + s.label();
                bands.add(new Band(name, s.offset() - base, s.totalSize(), null));
            }
        }
    }

    /** A .cwasm: the ELF header, each section, the section header table, and the padding between them. */
    public static ByteMap of(CwasmAnatomy a) {
        List<Band> bands = new ArrayList<>();
        bands.add(new Band("ELF header", 0, 64, null));
        for (CwasmAnatomy.ElfSection s : a.sections()) {
            if (s.type() != 0 && s.type() != 8 && s.size() > 0) bands.add(new Band(s.name(), s.offset(), s.size(), null));
        }
        bands.add(new Band("section headers", a.header().sectionHeaderOffset(), 64L * a.header().sectionCount(), null));
        bands.sort(Comparator.comparingLong(Band::offset));
        List<Band> withGaps = new ArrayList<>();
        long pos = 0;
        for (Band b : bands) {
            if (b.offset() > pos) withGaps.add(new Band("padding", pos, b.offset() - pos, null));
            withGaps.add(b);
            pos = Math.max(pos, b.offset() + b.size());
        }
        if (pos < a.fileSize()) withGaps.add(new Band("padding", pos, a.fileSize() - pos, null));
        return coloured("Bytes of a .cwasm", a.fileSize(), withGaps);
    }

    /** One legend entry per name (bands of the same name, like padding, are added up), in order of first appearance. */
    public Map<String, Long> sizesByName() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (Band b : bands) sizes.merge(b.name(), b.size(), Long::sum);
        return sizes;
    }

    private Map<String, String> coloursByName() {
        Map<String, String> c = new LinkedHashMap<>();
        for (Band b : bands) c.putIfAbsent(b.name(), b.colour());
        return c;
    }

    /** The letter that stands for the i-th legend entry in the text bar. */
    static char key(int i) {
        String keys = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return i < keys.length() ? keys.charAt(i) : '?';
    }

    public Table legend(boolean withKeys) {
        Table.Builder t = withKeys ? Table.builder(null, "key", "part", "bytes", "share") : Table.builder(null, "part", "bytes", "share");
        Map<String, String> colours = coloursByName();
        int i = 0;
        for (var e : sizesByName().entrySet()) {
            String bytes = String.format("%,d", e.getValue()), share = String.format("%.1f%%", pct(e.getValue()));
            if (withKeys) t.row(String.valueOf(key(i)), e.getKey(), bytes, share);
            else t.colouredRow(colours.get(e.getKey()), e.getKey(), bytes, share);
            i++;
        }
        return t.build();
    }

    private double pct(long n) { return total == 0 ? 0 : 100.0 * n / total; }

    @Override public String toHtml() {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT + 18)
           .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT + 18).append("\" style=\"display:block\">");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
           .append("\" fill=\"#cfcfcf\"><title>headers and size fields</title></rect>");
        for (Band b : bands) {
            if (total == 0) break;
            double x = WIDTH * (double) b.offset() / total;
            double w = Math.max(0.75, WIDTH * (double) b.size() / total); // tiny sections stay visible as a hairline
            svg.append(String.format(java.util.Locale.ROOT, "<rect x=\"%.2f\" y=\"0\" width=\"%.2f\" height=\"%d\" fill=\"%s\">", x, w, HEIGHT,
                Html.escape(b.colour())));
            svg.append("<title>").append(Html.escape(String.format("%s: %,d bytes at 0x%x", b.name(), b.size(), b.offset()))).append("</title></rect>");
            if (w > 60) {
                svg.append(String.format(java.util.Locale.ROOT, "<text x=\"%.2f\" y=\"%d\" font-family=\"sans-serif\" font-size=\"11\" fill=\"%s\">%s</text>",
                    x + 4, HEIGHT / 2 + 4, b.colour().equals(Palette.PADDING) ? "#555" : "#fff", Html.escape(clip(shortName(b.name(), (int) (w / 7)), (int) (w / 7)))));
            }
        }
        svg.append(String.format("<text x=\"0\" y=\"%d\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#555\">0</text>", HEIGHT + 14));
        svg.append(String.format("<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#555\" text-anchor=\"end\">%s</text>",
            WIDTH, HEIGHT + 14, Html.escape(Html.bytes(total))));
        svg.append("</svg>");
        return "<div>" + Html.title(title + " (" + Html.bytes(total) + ")") + svg + legend(false).toHtml() + "</div>";
    }

    /** "core module: custom (name)" becomes "custom (name)" where the whole name does not fit. */
    private static String shortName(String name, int room) {
        return name.length() > room && name.contains(": ") ? name.substring(name.lastIndexOf(": ") + 2) : name;
    }

    private static String clip(String s, int n) { return s.length() <= n ? s : s.substring(0, Math.max(1, n - 1)) + "…"; }

    /** A bar of {@value #TEXT_WIDTH} characters: each band gets its legend letter, as many as its share ('.' for uncovered bytes). */
    public String bar() {
        char[] cells = new char[TEXT_WIDTH];
        java.util.Arrays.fill(cells, '.');
        List<String> names = new ArrayList<>(sizesByName().keySet());
        if (total == 0) return new String(cells);
        for (Band b : bands) {
            int from = (int) Math.floor(TEXT_WIDTH * (double) b.offset() / total);
            int to = (int) Math.ceil(TEXT_WIDTH * (double) (b.offset() + b.size()) / total);
            char k = key(names.indexOf(b.name()));
            for (int i = Math.max(0, from); i < Math.min(TEXT_WIDTH, to); i++) {
                // a cell shared by two bands goes to the one that started there, unless it was empty
                if (cells[i] == '.' || i > from) cells[i] = k;
            }
        }
        return new String(cells);
    }

    @Override public String toString() {
        return title + " (" + Html.bytes(total) + ")\n|" + bar() + "|\n" + legend(true);
    }
}
