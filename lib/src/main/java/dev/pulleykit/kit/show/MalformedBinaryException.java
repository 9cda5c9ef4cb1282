package dev.pulleykit.kit.show;

/** Bytes that are not the binary a parser expected; the message names the offset where it went wrong. */
public final class MalformedBinaryException extends IllegalArgumentException {
    private final long offset;

    public MalformedBinaryException(String what, long offset, String problem) {
        super(what + ": " + problem + " at offset " + offset + String.format(" (0x%x)", offset));
        this.offset = offset;
    }

    /** Where in the bytes the problem was found. */
    public long offset() { return offset; }
}
