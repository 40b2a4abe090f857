package org.iibalance.model;

import org.iibalance.config.ModelConfig;
import org.iibalance.data.ModalitySpec;
import org.iibalance.nn.Recurrent;

/** Builds the encoder g_m that {@code model.audio.*} / {@code model.visual.*} names for a modality. */
public final class Encoders {
    private Encoders() {}

    /** The settings of a modality: {@code model.audio} for spectrograms, {@code model.visual} for frames. */
    public static ModelConfig.EncoderConfig settings(ModalitySpec m, ModelConfig cfg) {
        return m.kind() == ModalitySpec.Kind.SPECTROGRAM ? cfg.audio() : cfg.visual();
    }

    /** g_m for modality m, ending in d = {@code model.featureDim} features. */
    public static Encoder create(ModalitySpec m, ModelConfig cfg) {
        ModelConfig.EncoderConfig e = settings(m, cfg);
        long d = cfg.featureDim();
        long[] s = m.shape();
        String name = e.encoder();
        return switch (m.kind()) {
            case SPECTROGRAM -> switch (name) { // [1, mel, time]
                case "conv-small" -> new SpectrogramEncoder(s[0], s[1], s[2], cfg.channels(), d);
                case "conv1d" -> new Conv1dEncoder(s[1], cfg.channels(), d);
                case "gru", "lstm" -> new RecurrentEncoder(name.equals("gru") ? Recurrent.Cell.GRU : Recurrent.Cell.LSTM, s[1],
                        e.hidden() > 0 ? e.hidden() : d, e.layers(), e.bidirectional(), d);
                case "resnet18" -> new ResNet18(s[0], e.width(), d);
                default -> throw unknown(m, name, ModelConfig.AUDIO_ENCODERS);
            };
            case FRAMES -> new FrameEncoder(switch (name) { // [T, C, H, W], per frame
                case "conv-small" -> new SmallImageEncoder(s[1], cfg.channels(), d);
                case "resnet18" -> new ResNet18(s[1], e.width(), d);
                case "mobilenetv2" -> new MobileNetV2(s[1], e.width(), d);
                default -> throw unknown(m, name, ModelConfig.VISUAL_ENCODERS);
            });
        };
    }

    private static IllegalArgumentException unknown(ModalitySpec m, String name, java.util.List<String> allowed) {
        return new IllegalArgumentException("model." + (m.kind() == ModalitySpec.Kind.SPECTROGRAM ? "audio" : "visual") + ".encoder: '" + name
                + "' is not an encoder for " + m.name() + " (allowed: " + String.join(", ", allowed) + ")");
    }
}
