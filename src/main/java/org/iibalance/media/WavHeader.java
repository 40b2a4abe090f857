package org.iibalance.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The RIFF/WAVE header of a file, read only to catch a truncated file: one whose {@code data} chunk
 * claims more bytes than the file holds (a copy that stopped early). Decoders read such a file
 * silently up to where it ends, so a clip would be used with part of its audio missing.
 */
public final class WavHeader {
    private WavHeader() {}

    /**
     * Why {@code file} is a truncated WAV, or null when it is complete (or not a WAV at all: other
     * problems are the decoder's to report). A data size of 0 or 0xFFFFFFFF (streaming writers that
     * did not know the length) is not a truncation.
     */
    public static String truncation(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] riff = in.readNBytes(12);
            if (riff.length < 12 || !"RIFF".equals(new String(riff, 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
                    || !"WAVE".equals(new String(riff, 8, 4, java.nio.charset.StandardCharsets.US_ASCII))) {
                return null;
            }
            long offset = 12;
            while (true) {
                byte[] h = in.readNBytes(8);
                if (h.length < 8) return null;
                String id = new String(h, 0, 4, java.nio.charset.StandardCharsets.US_ASCII);
                long chunk = ByteBuffer.wrap(h, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
                offset += 8;
                if ("data".equals(id)) {
                    long holds = size - offset;
                    if (chunk == 0 || chunk == 0xffffffffL || chunk <= holds) return null;
                    return "truncated WAV: its header says " + chunk + " bytes of audio data, the file holds " + holds;
                }
                long skip = chunk + (chunk & 1); // chunks are word-aligned
                if (offset + skip > size) return null;
                in.skipNBytes(skip);
                offset += skip;
            }
        }
    }
}
