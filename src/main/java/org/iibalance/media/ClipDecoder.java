package org.iibalance.media;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Decodes one media file with JavaCV's FFmpeg grabber: audio resampled by FFmpeg to the recipe's rate,
 * mono, 32-bit float; frames scaled and converted by FFmpeg (native code) to size x size RGB24 and kept
 * as those 8-bit values, laid out [T][3][size][size] ({@link Decoded#pixels()}; {@link Decoded#frames()}
 * gives them as floats k/255 in [0, 1]). Audio and video of one file are read in a single pass; no
 * float array of the frames is made unless asked for.
 *
 * <p>Frames: with {@code visual.fps = 0}, T frames at the centres of T equal parts of the clip (or
 * of the window); with {@code fps > 0}, frames at {@code start + i / fps}. Each target time takes the
 * decoded frame nearest to it; targets past the last frame repeat the last frame.
 *
 * <p>Thread-safe: each call opens its own grabber.
 */
public final class ClipDecoder {
    private static final AtomicLong DECODES = new AtomicLong();
    private static volatile boolean quiet;

    private final MediaRecipe recipe;

    /** A decoder for one recipe. */
    public ClipDecoder(MediaRecipe recipe) {
        this.recipe = recipe;
        silenceFfmpeg();
    }

    /** Number of files opened for decoding since start (or the last reset); for tests of the cache. */
    public static long decodeCount() {
        return DECODES.get();
    }

    /** Sets {@link #decodeCount()} back to 0. */
    public static void resetDecodeCount() {
        DECODES.set(0);
    }

    /** Keeps FFmpeg's own messages about broken files off the console: they become report lines instead. */
    public static synchronized void silenceFfmpeg() {
        if (!quiet) {
            avutil.av_log_set_level(avutil.AV_LOG_FATAL);
            quiet = true;
        }
    }

    /**
     * What one file gave.
     *
     * @param samples       mono audio at the recipe's rate inside the window (before fitting), or null
     * @param pixels        [T][3][size][size] 8-bit RGB values as decoded, or null
     * @param videoFrames   number of video frames decoded
     */
    public record Decoded(float[] samples, byte[] pixels, int videoFrames) {
        /** The frames as floats k/255 in [0, 1], [T][3][size][size], or null without video. */
        public float[] frames() {
            return pixels == null ? null : Pixels.toFloats(pixels);
        }
    }

    /**
     * Decodes {@code file}.
     *
     * @param audio  whether to decode audio
     * @param video  whether to decode frames
     * @param start  window start in seconds (0: from the beginning)
     * @param end    window end in seconds (&lt;= 0: to the end of the file)
     * @throws MediaException with the reason when the file cannot be used
     */
    public Decoded decode(Path file, boolean audio, boolean video, double start, double end) throws MediaException {
        if (!Files.exists(file)) throw new MediaException("missing on disk");
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) throw new MediaException("unreadable (not a readable regular file)");
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".wav")) {
            String truncated;
            try {
                truncated = WavHeader.truncation(file);
            } catch (java.io.IOException e) {
                throw new MediaException("unreadable: " + e.getMessage(), e);
            }
            if (truncated != null) throw new MediaException(truncated);
        }
        DECODES.incrementAndGet();
        int size = recipe.visual().size();
        int rate = recipe.audio().sampleRate();
        Path alias = null;
        FFmpegFrameGrabber g;
        try {
            alias = asciiAlias(file);
            g = new FFmpegFrameGrabber((alias != null ? alias : file).toFile());
        } catch (java.io.IOException e) {
            throw new MediaException("unreadable: its name cannot be passed to FFmpeg and no temporary link or copy could be made (" + e.getMessage() + ")", e);
        }
        try {
            if (video) {
                g.setImageWidth(size);
                g.setImageHeight(size);
                g.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
            }
            if (audio) {
                g.setSampleRate(rate);
                g.setAudioChannels(1);
                g.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT);
            }
            try {
                g.start();
            } catch (Exception e) {
                throw new MediaException("cannot open (corrupt, truncated or not a media file): " + brief(e), e);
            }
            if (video && !g.hasVideo()) throw new MediaException("no video track");
            if (audio && !g.hasAudio()) throw new MediaException("no audio track");
            if (start > 0) {
                try {
                    g.setTimestamp(Math.round(start * 1e6));
                } catch (Exception e) {
                    throw new MediaException("cannot seek to " + start + " s: " + brief(e), e);
                }
            }
            return read(g, audio, video, start, end);
        } catch (MediaException e) {
            throw e;
        } catch (Exception | Error e) {
            if (e instanceof OutOfMemoryError oom) throw oom;
            throw new MediaException("decoding failed: " + brief(e), e);
        } finally {
            try {
                g.close();
            } catch (Exception ignored) {
                // nothing more to do with a broken file
            }
            if (alias != null) {
                try {
                    Files.deleteIfExists(alias);
                    Files.deleteIfExists(alias.getParent());
                } catch (java.io.IOException ignored) {
                    // a leftover link in the temporary folder
                }
            }
        }
    }

    /**
     * FFmpeg receives the file name as a Java string, re-encoded on the way. A name that is not ASCII
     * may not survive that trip: bytes that are not valid in the platform encoding (a Latin-1 name on
     * a UTF-8 system), or any non-ASCII name under {@code LANG=C}, come out as other bytes, and the
     * file was reported "corrupt". Such a file is opened through an ASCII-named symbolic link (a copy
     * where links are not allowed) in a fresh temporary folder; null when the name is plain ASCII.
     */
    static Path asciiAlias(Path file) throws java.io.IOException {
        String name = file.toAbsolutePath().toString();
        boolean ascii = name.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        if (ascii) return null;
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String ext = dot >= 0 && fileName.substring(dot).chars().allMatch(c -> c < 0x7f && Character.isLetterOrDigit(c) || c == '.') ? fileName.substring(dot) : "";
        Path dir = Files.createTempDirectory("iibalance-media");
        Path link = dir.resolve("clip" + ext);
        try {
            Files.createSymbolicLink(link, file.toAbsolutePath());
        } catch (UnsupportedOperationException | java.io.IOException | SecurityException e) {
            Files.copy(file, link);
        }
        return link;
    }

    private Decoded read(FFmpegFrameGrabber g, boolean audio, boolean video, double start, double end) throws Exception {
        int size = recipe.visual().size();
        int rate = recipe.audio().sampleRate();
        int t = recipe.frames();
        double[] targets = null;
        if (video) {
            targets = new double[t];
            if (recipe.visual().fps() > 0) {
                for (int i = 0; i < t; i++) targets[i] = start + i / recipe.visual().fps();
            } else {
                double dur = (end > 0 ? end : duration(g)) - start;
                if (!(dur > 0)) throw new MediaException("unknown or zero duration");
                for (int i = 0; i < t; i++) targets[i] = start + (i + 0.5) * dur / t;
            }
        }
        double frameRate = g.getFrameRate() > 0 ? g.getFrameRate() : 25;
        double half = 0.5 / frameRate;
        double audioStop = Math.min(end > 0 ? end : Double.POSITIVE_INFINITY, start + recipe.audio().seconds());

        int plane = size * size;
        byte[] frames = video ? new byte[t * 3 * plane] : null;
        byte[] last = video ? new byte[plane * 3] : null;
        boolean haveLast = false;
        int assigned = 0, videoFrames = 0;
        float[] samples = audio ? new float[Math.max(1024, (int) Math.min(1 << 24, (audioStop - start) * rate + 1024))] : null;
        int nSamples = 0;
        boolean audioDone = !audio, videoDone = !video;
        while (!(audioDone && videoDone)) {
            Frame f = audio && video ? g.grabFrame(true, true, true, false) : audio ? g.grabSamples() : g.grabImage();
            if (f == null) break;
            double ts = f.timestamp / 1e6;
            if (f.image != null && !videoDone) {
                if (end > 0 && ts > end + half) {
                    videoDone = true;
                } else if (ts + half >= start) {
                    videoFrames++;
                    copyRgb(f, last, size);
                    haveLast = true;
                    if (assigned < t && targets[assigned] < ts + half) {
                        toChw(last, frames, assigned++, size);
                        while (assigned < t && targets[assigned] < ts + half) repeat(frames, assigned++, plane);
                    }
                    if (assigned == t) videoDone = true;
                }
            } else if (f.samples != null && !audioDone) {
                FloatBuffer b = (FloatBuffer) f.samples[0];
                int n = b.remaining();
                // sample j is at ts + j / rate: keep those in [start - half a sample, audioStop), copied in bulk
                int from = 0;
                while (from < n && ts + (double) from / rate < start - 0.5 / rate) from++;
                int to = from;
                while (to < n && ts + (double) to / rate < audioStop) to++;
                if (to < n) audioDone = true;
                int len = to - from;
                if (len > 0) {
                    if (nSamples + len > samples.length) samples = Arrays.copyOf(samples, Math.max(samples.length * 2, nSamples + len));
                    b.get(b.position() + from, samples, nSamples, len);
                    nSamples += len;
                }
            }
        }
        if (video) {
            if (!haveLast) throw new MediaException("no video frames decoded" + (end > 0 ? " in window [" + start + ", " + end + "] s" : ""));
            if (assigned < t) {
                toChw(last, frames, assigned++, size);
                while (assigned < t) repeat(frames, assigned++, plane);
            }
        }
        if (audio && nSamples == 0) throw new MediaException("no audio samples decoded" + (end > 0 ? " in window [" + start + ", " + end + "] s" : ""));
        return new Decoded(audio ? Arrays.copyOf(samples, nSamples) : null, frames, videoFrames);
    }

    private static double duration(FFmpegFrameGrabber g) {
        long us = g.getLengthInTime();
        if (us > 0) return us / 1e6;
        int n = g.getLengthInVideoFrames();
        return n > 0 && g.getFrameRate() > 0 ? n / g.getFrameRate() : -1;
    }

    private static void copyRgb(Frame f, byte[] out, int size) throws MediaException {
        // JavaCV reports imageChannels as stride / width, so padded rows show up as more "channels"
        if (f.imageWidth != size || f.imageHeight != size || f.imageStride < size * 3) {
            throw new MediaException("unexpected frame format " + f.imageWidth + "x" + f.imageHeight + ", stride " + f.imageStride);
        }
        ByteBuffer b = (ByteBuffer) f.image[0];
        int stride = f.imageStride;
        int row = size * 3;
        int base = b.position();
        for (int y = 0; y < size; y++) b.get(base + y * stride, out, y * row, row);
    }

    /** Packed RGB (what FFmpeg's converter wrote) to the three planes of frame {@code frame}: bytes only, no arithmetic. */
    private static void toChw(byte[] rgb, byte[] out, int frame, int size) {
        int plane = size * size;
        int o = frame * 3 * plane;
        for (int i = 0, j = 0; i < plane; i++, j += 3) {
            out[o + i] = rgb[j];
            out[o + plane + i] = rgb[j + 1];
            out[o + 2 * plane + i] = rgb[j + 2];
        }
    }

    /** Frame {@code frame} is the same picture as the one before it (a target between two decoded frames' times). */
    private static void repeat(byte[] out, int frame, int plane) {
        System.arraycopy(out, (frame - 1) * 3 * plane, out, frame * 3 * plane, 3 * plane);
    }

    private static String brief(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }
}
