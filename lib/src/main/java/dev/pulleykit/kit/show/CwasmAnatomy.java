package dev.pulleykit.kit.show;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is inside a Wasmtime precompiled artifact ({@code .cwasm}). It is an ELF64 little-endian
 * relocatable object: the ELF header, sections (Pulley bytecode in {@code .text}, the engine's
 * settings in {@code .wasmtime.engine}, the linear memory's initial image in {@code .rodata.wasm},
 * aligned to 64 KiB so that it can be mapped copy-on-write), and a symbol table naming each function.
 */
public record CwasmAnatomy(long fileSize, Header header, List<ElfSection> sections, EngineInfo engine,
                           List<FunctionSymbol> functions) implements HtmlRenderable {

    public CwasmAnatomy {
        sections = List.copyOf(sections);
        functions = List.copyOf(functions);
    }

    /** ELF header facts. Wasmtime writes OS/ABI 200 and e_machine 243 as a placeholder (Pulley has no ELF machine number). */
    public record Header(int osAbi, int type, int machine, long flags, long sectionHeaderOffset, int sectionCount,
                         int sectionNamesIndex) {
        public static final long FLAG_MODULE = 1, FLAG_COMPONENT = 2, FLAG_PULLEY32 = 4, FLAG_PULLEY64 = 8;

        public boolean isComponent() { return (flags & FLAG_COMPONENT) != 0; }

        /** e_flags in words: "component, pulley64". */
        public String flagNames() {
            List<String> names = new ArrayList<>();
            if ((flags & FLAG_MODULE) != 0) names.add("module");
            if ((flags & FLAG_COMPONENT) != 0) names.add("component");
            if ((flags & FLAG_PULLEY32) != 0) names.add("pulley32");
            if ((flags & FLAG_PULLEY64) != 0) names.add("pulley64");
            long rest = flags & ~0xfL;
            if (rest != 0) names.add(String.format("0x%x", rest));
            return names.isEmpty() ? "none" : String.join(", ", names);
        }

        public String typeName() {
            return switch (type) { case 1 -> "REL"; case 2 -> "EXEC"; case 3 -> "DYN"; default -> "type " + type; };
        }
    }

    /** A section from the section header table. */
    public record ElfSection(int index, String name, int type, long offset, long size, long align) {
        public String typeName() {
            return switch (type) {
                case 0 -> "NULL"; case 1 -> "PROGBITS"; case 2 -> "SYMTAB"; case 3 -> "STRTAB"; case 8 -> "NOBITS";
                default -> String.format("0x%x", type);
            };
        }
    }

    /** A function's bytecode in {@code .text}: offset from the start of {@code .text}, and size. */
    public record FunctionSymbol(String name, long offset, long size) {}

    /**
     * The {@code .wasmtime.engine} section: a format byte, the Wasmtime version as a length-prefixed
     * string, then the compiler's metadata in postcard encoding: the target triple, Cranelift's shared
     * flags and the ISA's flags (name and value each), then the tunables and the wasm feature bits,
     * which are kept as {@code rest} (their layout changes between versions).
     */
    public record EngineInfo(int format, String wasmtimeVersion, String target, Map<String, String> sharedFlags,
                             Map<String, String> isaFlags, long restOffset, byte[] rest) {}

    /** Parses a .cwasm; throws {@link MalformedBinaryException} naming the offset if it is not one. */
    public static CwasmAnatomy parse(byte[] b) {
        Elf elf = new Elf(b);
        if (b.length < 64) throw bad(0, "only " + b.length + " bytes, too short for an ELF64 header");
        if (b[0] != 0x7f || b[1] != 'E' || b[2] != 'L' || b[3] != 'F') throw bad(0, "no ELF magic");
        if (b[4] != 2) throw bad(4, "not ELF64 (class " + b[4] + ")");
        if (b[5] != 1) throw bad(5, "not little-endian (data " + b[5] + ")");
        Header h = new Header(b[7] & 0xff, elf.u16(16), elf.u16(18), elf.u32(48), elf.u64(40), elf.u16(60), elf.u16(62));
        if (elf.u16(58) != 64) throw bad(58, "section header size " + elf.u16(58) + ", expected 64");
        long tableEnd = h.sectionHeaderOffset() + 64L * h.sectionCount();
        if (h.sectionHeaderOffset() < 64 || tableEnd > b.length) throw bad(40, "section header table outside the file");
        if (h.sectionNamesIndex() >= h.sectionCount()) throw bad(62, "section name table index out of range");

        // Read raw headers first: the names live in one of the sections.
        int n = h.sectionCount();
        long[][] raw = new long[n][];
        for (int i = 0; i < n; i++) {
            int at = (int) (h.sectionHeaderOffset() + 64L * i);
            raw[i] = new long[] {elf.u32(at), elf.u32(at + 4), elf.u64(at + 24), elf.u64(at + 32), elf.u64(at + 48), elf.u32(at + 40)};
            boolean noBits = raw[i][1] == 8;
            if (!noBits && (raw[i][2] > b.length || raw[i][3] > b.length - raw[i][2])) throw bad(at + 24, "section " + i + " lies outside the file");
        }
        long[] names = raw[h.sectionNamesIndex()];
        List<ElfSection> sections = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = elf.cString(names[2], names[3], raw[i][0]);
            sections.add(new ElfSection(i, name, (int) raw[i][1], raw[i][2], raw[i][3], raw[i][4]));
        }

        EngineInfo engine = section(sections, ".wasmtime.engine").map(s -> engineInfo(b, s)).orElse(null);
        List<FunctionSymbol> functions = new ArrayList<>();
        Optional<ElfSection> text = section(sections, ".text");
        for (ElfSection s : sections) {
            if (s.type() != 2) continue; // SYMTAB
            long link = raw[s.index()][5];
            if (link >= n) throw bad(h.sectionHeaderOffset() + 64L * s.index() + 40, "symbol table links to section " + link);
            ElfSection strings = sections.get((int) link);
            for (long at = s.offset() + 24; at + 24 <= s.offset() + s.size(); at += 24) { // entry 0 is the null symbol
                int info = elf.u8(at + 4), shndx = elf.u16(at + 6);
                boolean func = (info & 0xf) == 2;
                if (func && text.isPresent() && shndx == text.get().index()) {
                    functions.add(new FunctionSymbol(elf.cString(strings.offset(), strings.size(), elf.u32(at)), elf.u64(at + 8), elf.u64(at + 16)));
                }
            }
        }
        return new CwasmAnatomy(b.length, h, sections, engine, functions);
    }

    private static EngineInfo engineInfo(byte[] b, ElfSection s) {
        Postcard p = new Postcard(b, s.offset(), s.offset() + s.size());
        int format = p.u8();
        int versionLength = p.u8(); // a single byte, not a varint
        String version = p.string(versionLength);
        String target = p.string(p.varint());
        Map<String, String> shared = p.flags();
        Map<String, String> isa = p.flags();
        int restOffset = (int) p.pos;
        byte[] rest = java.util.Arrays.copyOfRange(b, restOffset, (int) (s.offset() + s.size()));
        return new EngineInfo(format, version, target, shared, isa, restOffset, rest);
    }

    /** The section of that name, if the file has it. */
    public Optional<ElfSection> section(String name) { return section(sections, name); }

    private static Optional<ElfSection> section(List<ElfSection> sections, String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The Pulley bytecode: the size of {@code .text}. */
    public long bytecodeSize() { return section(".text").map(ElfSection::size).orElse(0L); }

    /** The linear memory's initial image ({@code .rodata.wasm}), 0 if there is none. */
    public long memoryImageSize() { return section(".rodata.wasm").map(ElfSection::size).orElse(0L); }

    /** The zero bytes before the memory image that bring it to its 64 KiB alignment. */
    public long memoryImagePadding() {
        return section(".rodata.wasm").map(img -> {
            long previousEnd = 64;
            for (ElfSection s : sections) {
                long end = s.offset() + s.size();
                if (s.type() != 0 && s.type() != 8 && end <= img.offset()) previousEnd = Math.max(previousEnd, end);
            }
            return img.offset() - previousEnd;
        }).orElse(0L);
    }

    public Table sectionTable() {
        Table.Builder t = Table.builder("Sections", "section", "type", "offset", "size", "align");
        ByteMap map = ByteMap.of(this);
        for (ElfSection s : sections) {
            if (s.type() == 0) continue;
            t.colouredRow(map.colourOf(s.name()), s.name(), s.typeName(), String.format("0x%06x", s.offset()),
                String.format("%,d", s.size()), s.align());
        }
        return t.build();
    }

    public Table functionTable() {
        Table.Builder t = Table.builder("Functions in .text (Pulley bytecode)", "function", "offset", "size");
        for (FunctionSymbol f : functions) t.row(f.name(), String.format("0x%05x", f.offset()), String.format("%,d", f.size()));
        return t.build();
    }

    public Table engineTable() {
        Table.Builder t = Table.builder(".wasmtime.engine", "setting", "value");
        if (engine == null) return t.row("(no .wasmtime.engine section)", "").build();
        t.row("format", engine.format()).row("Wasmtime version", engine.wasmtimeVersion()).row("target", engine.target());
        engine.sharedFlags().forEach((k, v) -> t.row(k, v));
        engine.isaFlags().forEach((k, v) -> t.row("isa: " + k, v));
        return t.build();
    }

    /** The tunables and feature bits that follow the flags, as a hex dump. */
    public HexDump engineRest() {
        return new HexDump("tunables and wasm features (postcard, not decoded)", engine == null ? new byte[0] : engine.rest(),
            engine == null ? 0 : engine.restOffset(), Palette.of(".wasmtime.engine"));
    }

    public Map<String, String> facts() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("file", Html.bytes(fileSize));
        f.put("ELF", "ELF64 little-endian, " + header.typeName() + ", OS/ABI " + header.osAbi() + ", e_machine " + header.machine()
            + " (placeholder)");
        f.put("e_flags", String.format("0x%x: %s", header.flags(), header.flagNames()));
        if (engine != null) f.put("engine", "Wasmtime " + engine.wasmtimeVersion() + ", " + engine.target());
        f.put("Pulley bytecode (.text)", Html.bytes(bytecodeSize()) + String.format(", %.1f%% of the file", pct(bytecodeSize())));
        f.put("functions", String.valueOf(functions.size()));
        f.put("memory image (.rodata.wasm)", Html.bytes(memoryImageSize()) + " + " + Html.bytes(memoryImagePadding())
            + " of padding to reach 64 KiB alignment: "
            + String.format("%.1f%% of the file", pct(memoryImageSize() + memoryImagePadding())));
        return f;
    }

    private double pct(long n) { return fileSize == 0 ? 0 : 100.0 * n / fileSize; }

    @Override public String toHtml() {
        return Html.stack(Html.facts("Wasmtime precompiled artifact (.cwasm)", facts()), ByteMap.of(this).toHtml(),
            sectionTable().toHtml(), engineTable().toHtml(), engineRest().toHtml(), functionTable().toHtml());
    }

    @Override public String toString() {
        StringBuilder b = new StringBuilder("Wasmtime precompiled artifact (.cwasm)\n");
        int w = facts().keySet().stream().mapToInt(String::length).max().orElse(0);
        facts().forEach((k, v) -> b.append("  ").append(k).append(" ".repeat(w - k.length())).append("  ").append(v).append('\n'));
        return b.append('\n').append(sectionTable()).append("\n\n").append(engineTable()).append("\n\n")
            .append(functionTable()).toString();
    }

    static MalformedBinaryException bad(long offset, String problem) {
        return new MalformedBinaryException("not a Wasmtime .cwasm (ELF64)", offset, problem);
    }

    /** Little-endian reads with bounds checks. */
    private record Elf(byte[] b) {
        void check(long at, int n) { if (at < 0 || at + n > b.length) throw bad(at, "read of " + n + " bytes past the end of the file"); }
        int u8(long at) { check(at, 1); return b[(int) at] & 0xff; }
        int u16(long at) { check(at, 2); return (b[(int) at] & 0xff) | (b[(int) at + 1] & 0xff) << 8; }
        long u32(long at) { check(at, 4); return u16(at) | (long) u16(at + 2) << 16; }
        long u64(long at) {
            check(at, 8);
            long v = u32(at) | u32(at + 4) << 32;
            if (v < 0) throw bad(at, "offset or size too large");
            return v;
        }

        /** A NUL-terminated name at {@code index} in a string table. */
        String cString(long tableOffset, long tableSize, long index) {
            if (index >= tableSize) throw bad(tableOffset, "name index " + index + " outside its string table");
            long end = tableOffset + index;
            long limit = Math.min(tableOffset + tableSize, b.length);
            if (tableOffset + index >= limit) throw bad(tableOffset, "string table outside the file");
            while (end < limit && b[(int) end] != 0) end++;
            return new String(b, (int) (tableOffset + index), (int) (end - tableOffset - index), StandardCharsets.UTF_8);
        }
    }

    /** The subset of postcard that the engine section's header uses: bytes, varints, strings, flag lists. */
    private static final class Postcard {
        private final byte[] b;
        private final long end;
        long pos;

        Postcard(byte[] b, long start, long end) { this.b = b; this.pos = start; this.end = end; }

        int u8() {
            if (pos >= end) throw bad(pos, "the .wasmtime.engine section ends early");
            return b[(int) pos++] & 0xff;
        }

        int varint() {
            long v = 0;
            for (int i = 0; i < 5; i++) {
                int x = u8();
                v |= (long) (x & 0x7f) << (7 * i);
                if ((x & 0x80) == 0) {
                    if (v > Integer.MAX_VALUE) break;
                    return (int) v;
                }
            }
            throw bad(pos - 1, "bad varint in .wasmtime.engine");
        }

        String string(int n) {
            if (n < 0 || n > end - pos) throw bad(pos, "string of " + n + " bytes runs past .wasmtime.engine");
            String s = new String(b, (int) pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        /** A {@code Vec<(&str, FlagValue)>}; FlagValue is an enum: 0 Enum(&str), 1 Num(u8), 2 Bool(bool). */
        Map<String, String> flags() {
            int count = varint();
            if (count > end - pos) throw bad(pos, "flag count " + count + " larger than the section");
            Map<String, String> flags = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = string(varint());
                long at = pos;
                String value = switch (varint()) {
                    case 0 -> string(varint());
                    case 1 -> String.valueOf(u8());
                    case 2 -> switch (u8()) { case 0 -> "false"; case 1 -> "true"; default -> throw bad(pos - 1, "bad bool"); };
                    default -> throw bad(at, "unknown flag value kind for " + name);
                };
                flags.put(name, value);
            }
            return flags;
        }
    }
}
