package org.iibalance.media;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Writes tiny fixture clips with JavaCV's recorder, in the tests' temporary folders (never committed).
 * Frame i is a flat colour whose red value is {@code 20 * i} (mod 256), green {@code green}, blue 60,
 * so a test can tell which source frame was picked; audio is a sine tone.
 */
public final class MediaFixtures {
    private MediaFixtures() {}

    /** A clip spec: size, duration, frame rate, audio rate and channels (0: no audio), video on/off. */
    public record Spec(int width, int height, double seconds, int fps, int sampleRate, int channels, boolean video, int green, double toneHz) {
        /** 32x32, 1 s, 10 fps, 16 kHz mono audio, green 100, 440 Hz. */
        public static Spec small() {
            return new Spec(32, 32, 1.0, 10, 16000, 1, true, 100, 440);
        }

        public Spec seconds(double s) {
            return new Spec(width, height, s, fps, sampleRate, channels, video, green, toneHz);
        }

        public Spec noAudio() {
            return new Spec(width, height, seconds, fps, sampleRate, 0, video, green, toneHz);
        }

        public Spec noVideo() {
            return new Spec(width, height, seconds, fps, sampleRate, channels, false, green, toneHz);
        }

        public Spec green(int g) {
            return new Spec(width, height, seconds, fps, sampleRate, channels, video, g, toneHz);
        }

        public Spec size(int w, int h) {
            return new Spec(w, h, seconds, fps, sampleRate, channels, video, green, toneHz);
        }

        public Spec fps(int f) {
            return new Spec(width, height, seconds, f, sampleRate, channels, video, green, toneHz);
        }

        public Spec audio(int rate, int ch) {
            return new Spec(width, height, seconds, fps, rate, ch, video, green, toneHz);
        }
    }

    /** Red value of source frame {@code i}. */
    public static int red(int i) {
        return (20 * i) % 256;
    }

    /** Writes {@code file} (format from its extension; mp4/mkv/mov: H.264 + AAC, flv: FLV1 + AAC, wav: PCM). */
    public static Path write(Path file, Spec s) throws Exception {
        String name = file.getFileName().toString();
        boolean wav = name.endsWith(".wav");
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), s.video() && !wav ? s.width() : 0, s.video() && !wav ? s.height() : 0,
                s.channels());
        if (wav) {
            r.setFormat("wav");
            r.setAudioCodec(avcodec.AV_CODEC_ID_PCM_S16LE);
        } else {
            if (name.endsWith(".flv")) {
                r.setFormat("flv");
                r.setVideoCodec(avcodec.AV_CODEC_ID_FLV1);
            } else {
                r.setFormat(name.substring(name.lastIndexOf('.') + 1));
                r.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            }
            r.setFrameRate(s.fps());
            r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            r.setVideoBitrate(400_000);
            r.setGopSize(s.fps());
            if (s.channels() > 0) r.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
        }
        if (s.channels() > 0) {
            r.setSampleRate(s.sampleRate());
            r.setAudioChannels(s.channels());
        }
        r.start();
        int nFrames = (int) Math.round(s.seconds() * s.fps());
        int nSamples = (int) Math.round(s.seconds() * s.sampleRate());
        int chunk = s.sampleRate() / Math.max(1, s.fps());
        int written = 0;
        Frame img = new Frame(s.width(), s.height(), Frame.DEPTH_UBYTE, 3);
        for (int i = 0; i < Math.max(nFrames, 1); i++) {
            if (s.video() && !wav && i < nFrames) {
                ByteBuffer b = (ByteBuffer) img.image[0];
                for (int y = 0; y < s.height(); y++) {
                    for (int x = 0; x < s.width(); x++) {
                        int o = y * img.imageStride + 3 * x;
                        b.put(o, (byte) red(i)).put(o + 1, (byte) s.green()).put(o + 2, (byte) 60);
                    }
                }
                r.record(img, avutil.AV_PIX_FMT_RGB24);
            }
            if (s.channels() > 0) {
                int n = s.video() && !wav ? Math.min(chunk, nSamples - written) : nSamples;
                if (i == nFrames - 1 || !s.video() || wav) n = nSamples - written;
                if (n > 0) {
                    FloatBuffer fb = FloatBuffer.allocate(n * s.channels());
                    for (int j = 0; j < n; j++) {
                        float v = (float) (0.5 * Math.sin(2 * Math.PI * s.toneHz() * (written + j) / s.sampleRate()));
                        for (int c = 0; c < s.channels(); c++) fb.put(v);
                    }
                    fb.flip();
                    r.recordSamples(s.sampleRate(), s.channels(), fb);
                    written += n;
                }
            }
        }
        r.stop();
        r.release();
        return file;
    }
}
