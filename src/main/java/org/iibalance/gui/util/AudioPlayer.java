package org.iibalance.gui.util;

import java.util.concurrent.atomic.AtomicReference;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays a mono float waveform through {@code javax.sound.sampled} on a background thread (one clip
 * at a time; a new play stops the previous one). Machines without a sound device report that as a
 * message instead of failing.
 */
public final class AudioPlayer {
    private final AtomicReference<Thread> playing = new AtomicReference<>();

    /** Converts [-1, 1] floats (peak-normalised if louder) to 16-bit little-endian PCM. */
    public static byte[] toPcm16(float[] wave) {
        float peak = 0;
        for (float v : wave) peak = Math.max(peak, Math.abs(v));
        float gain = peak > 1 ? 1 / peak : 1;
        byte[] out = new byte[wave.length * 2];
        for (int i = 0; i < wave.length; i++) {
            int s = Math.round(Math.max(-1, Math.min(1, wave[i] * gain)) * 32767);
            out[2 * i] = (byte) s;
            out[2 * i + 1] = (byte) (s >> 8);
        }
        return out;
    }

    /**
     * Starts playing; {@code done} gets null when finished or the reason it could not play (called
     * on the player thread).
     */
    public void play(float[] wave, int sampleRate, java.util.function.Consumer<String> done) {
        stop();
        Thread t = new Thread(() -> {
            AudioFormat f = new AudioFormat(sampleRate, 16, 1, true, false);
            try (SourceDataLine line = AudioSystem.getSourceDataLine(f)) {
                line.open(f);
                line.start();
                byte[] pcm = toPcm16(wave);
                for (int off = 0; off < pcm.length && !Thread.currentThread().isInterrupted(); off += 4096) {
                    line.write(pcm, off, Math.min(4096, pcm.length - off));
                }
                line.drain();
                done.accept(null);
            } catch (Exception | LinkageError e) {
                done.accept("cannot play audio here: " + e.getMessage());
            }
        }, "audio-player");
        t.setDaemon(true);
        playing.set(t);
        t.start();
    }

    /** Stops the clip playing, if any. */
    public void stop() {
        Thread t = playing.getAndSet(null);
        if (t != null) t.interrupt();
    }
}
