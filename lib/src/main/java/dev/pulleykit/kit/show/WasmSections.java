package dev.pulleykit.kit.show;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The top-level sections of a WebAssembly binary, a core module or a component. The 8-byte
 * preamble tells them apart: {@code \0asm} then a 2-byte version and a 2-byte layer, {@code 01 00 00 00}
 * for a core module and {@code 0d 00 01 00} for a component. A component's core modules and
 * nested components are parsed too, as the {@link Section#nested()} of their section.
 */
public record WasmSections(Kind kind, long offset, long size, List<Section> sections) implements HtmlRenderable {

    public enum Kind {
        CORE_MODULE("core module"), COMPONENT("component");

        private final String label;
        Kind(String label) { this.label = label; }
        @Override public String toString() { return label; }
    }

    /**
     * One section. {@code offset} is where its id byte sits in the whole file, {@code contentOffset}
     * where its content starts (after the id and the LEB128 size), {@code size} the content's size.
     */
    public record Section(int id, String name, String customName, long offset, long contentOffset, long size,
                          WasmSections nested) {
        /** The id byte, the size field and the content. */
        public long totalSize() { return contentOffset + size - offset; }

        /** "custom (name)" for a custom section, else the section's name. */
        public String label() { return customName == null ? name : name + " (" + customName + ")"; }
    }

    public WasmSections { sections = List.copyOf(sections); }

    private static final String[] CORE = {
        "custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data",
        "data count", "tag"};
    private static final String[] COMPONENT = {
        "custom", "core module", "core instance", "core type", "component", "instance", "alias", "type", "canon", "start",
        "import", "export", "value"};

    /** Components nest; a limit keeps hostile input from exhausting the stack. */
    private static final int MAX_DEPTH = 32;

    /** Parses {@code bytes}; throws {@link MalformedBinaryException} naming the offset if they are not WebAssembly. */
    public static WasmSections parse(byte[] bytes) {
        return parse(bytes, 0, bytes.length, 0);
    }

    private static WasmSections parse(byte[] b, int start, int end, int depth) {
        if (depth > MAX_DEPTH) throw bad(start, "components nested more than " + MAX_DEPTH + " deep");
        if (end - start < 8) throw bad(start, "only " + (end - start) + " bytes, too short for the 8-byte preamble");
        if (b[start] != 0 || b[start + 1] != 'a' || b[start + 2] != 's' || b[start + 3] != 'm') {
            throw bad(start, String.format("no magic \\0asm (found %02x %02x %02x %02x)", b[start], b[start + 1], b[start + 2], b[start + 3]));
        }
        Kind kind;
        int version = u16(b, start + 4), layer = u16(b, start + 6);
        if (version == 1 && layer == 0) kind = Kind.CORE_MODULE;
        else if (version == 0x0d && layer == 1) kind = Kind.COMPONENT;
        else throw bad(start + 4, String.format("unknown version %d, layer %d (core modules have 1, 0; components 13, 1)", version, layer));

        String[] names = kind == Kind.CORE_MODULE ? CORE : COMPONENT;
        List<Section> sections = new ArrayList<>();
        int pos = start + 8;
        while (pos < end) { // each turn consumes at least the id byte and one size byte
            int sectionStart = pos;
            int id = b[pos++] & 0xff;
            if (id >= names.length) throw bad(sectionStart, "unknown " + kind + " section id " + id);
            long[] leb = leb128(b, pos, end);
            long size = leb[0];
            pos = (int) leb[1];
            if (size > end - pos) throw bad(sectionStart, "section '" + names[id] + "' claims " + size + " bytes but only " + (end - pos) + " remain");
            int contentEnd = pos + (int) size;
            String customName = null;
            if (id == 0) {
                long[] len = leb128(b, pos, contentEnd);
                int nameStart = (int) len[1];
                if (len[0] > contentEnd - nameStart) throw bad(pos, "custom section name longer than its section");
                customName = utf8(b, nameStart, (int) len[0]);
            }
            WasmSections nested = null;
            if (kind == Kind.COMPONENT && (id == 1 || id == 4)) nested = parse(b, pos, contentEnd, depth + 1);
            sections.add(new Section(id, names[id], customName, sectionStart, pos, size, nested));
            pos = contentEnd;
        }
        return new WasmSections(kind, start, end - start, sections);
    }

    /** An unsigned LEB128 of at most 5 bytes (a u32): {value, position after it}. */
    private static long[] leb128(byte[] b, int pos, int end) {
        long value = 0;
        for (int i = 0; i < 5; i++) {
            if (pos >= end) throw bad(pos, "truncated LEB128 number");
            int x = b[pos++] & 0xff;
            value |= (long) (x & 0x7f) << (7 * i);
            if ((x & 0x80) == 0) {
                if (value > 0xffff_ffffL) throw bad(pos - 1, "LEB128 number larger than a u32");
                return new long[] {value, pos};
            }
        }
        throw bad(pos - 1, "LEB128 number longer than 5 bytes");
    }

    private static String utf8(byte[] b, int off, int len) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(b, off, len)).toString();
        } catch (CharacterCodingException e) {
            throw bad(off, "custom section name is not UTF-8");
        }
    }

    private static int u16(byte[] b, int i) { return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8; }

    private static MalformedBinaryException bad(long offset, String problem) {
        return new MalformedBinaryException("not a WebAssembly binary", offset, problem);
    }

    /** The first section with this name (or custom name prefix, for custom sections), searching nested binaries too. */
    public java.util.Optional<Section> find(String name) {
        for (Section s : sections) {
            if (s.name().equals(name) || (s.customName() != null && s.customName().startsWith(name))) return java.util.Optional.of(s);
            if (s.nested() != null) {
                var inner = s.nested().find(name);
                if (inner.isPresent()) return inner;
            }
        }
        return java.util.Optional.empty();
    }

    /** The sections as table rows, nested binaries' sections indented under their section. */
    public Table table() {
        Table.Builder t = Table.builder(title(), "section", "id", "offset", "size", "share");
        addRows(t, "", "", size, ByteMap.of(this));
        return t.build();
    }

    /** Each row's swatch is its band's colour in the byte map ({@code prefix} spells the band names of a nested binary). */
    private void addRows(Table.Builder t, String indent, String prefix, long total, ByteMap map) {
        for (Section s : sections) {
            t.colouredRow(map.colourOf(prefix + s.label()), indent + s.label(), s.id(), String.format("0x%06x", s.offset()),
                String.format("%,d", s.size()), String.format("%.1f%%", 100.0 * s.totalSize() / total));
            if (s.nested() != null) s.nested().addRows(t, indent + "  ", s.name() + ": ", total, map);
        }
    }

    private String title() {
        return "WebAssembly " + kind + ", " + String.format("%,d", size) + " bytes, " + sections.size() + " sections";
    }

    @Override public String toHtml() { return Html.stack(ByteMap.of(this).toHtml(), table().toHtml()); }

    @Override public String toString() { return table().toString(); }
}
