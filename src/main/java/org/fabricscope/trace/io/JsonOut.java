package org.fabricscope.trace.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal JSON byte writer over an {@link OutputStream}. Hand-rolled rather than a
 * JsonGenerator because a trace repeats the same few names millions of times: callers pre-encode
 * them once with {@link #encodeString(String)} and write the bytes with {@link #raw(byte[])}.
 * The caller is responsible for structure (commas, braces); this class only encodes.
 */
final class JsonOut {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private long written;

    JsonOut(OutputStream out) {
        this.out = out;
    }

    /** Bytes handed to the stream or buffered so far. */
    long bytesWritten() {
        return written + pos;
    }

    void raw(byte[] bytes) throws IOException {
        if (bytes.length > buf.length - pos) {
            flushBuffer();
            if (bytes.length > buf.length) {
                out.write(bytes);
                written += bytes.length;
                return;
            }
        }
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    /** Writes ASCII text as is (keys and punctuation the caller knows need no escaping). */
    void ascii(String s) throws IOException {
        int n = s.length();
        if (n > buf.length - pos) {
            raw(s.getBytes(StandardCharsets.US_ASCII));
            return;
        }
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
    }

    void ch(char c) throws IOException {
        if (pos == buf.length) {
            flushBuffer();
        }
        buf[pos++] = (byte) c;
    }

    void number(long v) throws IOException {
        if (buf.length - pos < 20) {
            flushBuffer();
        }
        if (v == Long.MIN_VALUE) {
            raw(MIN_LONG);
            return;
        }
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        if (v < 10) {
            buf[pos++] = (byte) ('0' + v);
            return;
        }
        int digits = 1;
        for (long p = v; p >= 10; p /= 10) {
            digits++;
        }
        int end = pos + digits;
        for (int i = end - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        pos = end;
    }

    /** Writes {@code s} as a quoted, escaped JSON string. */
    void string(String s) throws IOException {
        raw(encodeString(s));
    }

    void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    private void flushBuffer() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            written += pos;
            pos = 0;
        }
    }

    /**
     * The UTF-8 bytes of {@code s} as a quoted JSON string. Quote, backslash and control characters
     * are escaped ({@code \n}, {@code \r}, {@code \t}, else a six-character unicode escape); a lone surrogate, which
     * UTF-8 cannot carry, is written as such an escape so that it reads back unchanged.
     */
    static byte[] encodeString(String s) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(s.length() + 8);
        b.write('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.write('\\');
                b.write(c);
            } else if (c < 0x20) {
                b.write('\\');
                switch (c) {
                    case '\n':
                        b.write('n');
                        break;
                    case '\r':
                        b.write('r');
                        break;
                    case '\t':
                        b.write('t');
                        break;
                    default:
                        unicodeEscape(b, c);
                        break;
                }
            } else if (c < 0x80) {
                b.write(c);
            } else if (c < 0x800) {
                b.write(0xC0 | (c >> 6));
                b.write(0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b.write(0xF0 | (cp >> 18));
                b.write(0x80 | ((cp >> 12) & 0x3F));
                b.write(0x80 | ((cp >> 6) & 0x3F));
                b.write(0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                b.write('\\');
                unicodeEscape(b, c);
            } else {
                b.write(0xE0 | (c >> 12));
                b.write(0x80 | ((c >> 6) & 0x3F));
                b.write(0x80 | (c & 0x3F));
            }
        }
        b.write('"');
        return b.toByteArray();
    }

    private static void unicodeEscape(java.io.ByteArrayOutputStream b, char c) {
        b.write('u');
        b.write(HEX[(c >> 12) & 0xF]);
        b.write(HEX[(c >> 8) & 0xF]);
        b.write(HEX[(c >> 4) & 0xF]);
        b.write(HEX[c & 0xF]);
    }
}
