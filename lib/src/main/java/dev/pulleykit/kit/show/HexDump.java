package dev.pulleykit.kit.show;

import java.util.Arrays;

/**
 * A classic hex dump of some bytes: offset, sixteen bytes in hex, the same bytes as ASCII.
 * At most {@value #MAX_BYTES} bytes are shown; a note says how many were left out.
 */
public record HexDump(String title, byte[] bytes, long baseOffset, String colour, long omitted) implements HtmlRenderable {

    public static final int MAX_BYTES = 4096;

    public HexDump {
        bytes = bytes.clone();
    }

    /** A dump of all of {@code bytes} (up to the limit), labelled as starting at {@code baseOffset}. */
    public HexDump(String title, byte[] bytes, long baseOffset, String colour) {
        this(title, Arrays.copyOf(bytes, Math.min(bytes.length, MAX_BYTES)), baseOffset, colour, Math.max(0, bytes.length - MAX_BYTES));
    }

    /** {@code length} bytes of {@code bytes} from {@code offset}; the range must lie inside. */
    public static HexDump of(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset > bytes.length || length > bytes.length - offset) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " is outside the " + bytes.length + " bytes");
        }
        return new HexDump(String.format("%,d bytes at 0x%x", length, offset), Arrays.copyOfRange(bytes, offset, offset + length), offset,
            "#4e79a7");
    }

    @Override public byte[] bytes() { return bytes.clone(); }

    /** The dump's lines: {@code 00000040  00 02 35 30 1c 70 75 6c  6c 65 79 36 34 2d 75 6e  |..50.pulley64-un|}. */
    public String lines() {
        StringBuilder b = new StringBuilder();
        for (int row = 0; row < bytes.length; row += 16) {
            b.append(String.format("%08x  ", baseOffset + row));
            StringBuilder ascii = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                if (i == 8) b.append(' ');
                if (row + i < bytes.length) {
                    int x = bytes[row + i] & 0xff;
                    b.append(String.format("%02x ", x));
                    ascii.append(x >= 0x20 && x < 0x7f ? (char) x : '.');
                } else {
                    b.append("   ");
                }
            }
            b.append(" |").append(ascii).append("|\n");
        }
        if (omitted > 0) b.append(String.format("... %,d more bytes not shown\n", omitted));
        return b.toString();
    }

    @Override public String toHtml() {
        return "<div>" + Html.title(title) + "<pre style=\"margin:0;padding:6px 10px;background:#fafafa;border-left:6px solid "
            + Html.escape(colour) + ";" + Html.MONO + "\">" + Html.escape(lines()) + "</pre></div>";
    }

    @Override public String toString() { return title + "\n" + lines().stripTrailing(); }
}
