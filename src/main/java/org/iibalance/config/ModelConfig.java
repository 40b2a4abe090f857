package org.iibalance.config;

import java.util.List;

/**
 * The network: one encoder g_m per modality, chosen by name, and the sizes shared by all of them. Every
 * encoder ends in a {@code featureDim}-dimensional vector z_m (the paper's d), so that anchor
 * prototypes and every modality's features share one space (Eq. 3-4) and can be fused as a convex
 * combination (Eq. 10); a backbone whose own output width differs from d (ResNet-18: 512 x width,
 * MobileNetV2: 1280) ends in a linear projection to d.
 *
 * @param featureDim d, the size of every z_m
 * @param channels   width of the first convolution of the small encoders ({@code conv-small}, {@code conv1d};
 *                   doubled once after)
 * @param gateHidden hidden units of the gating network G
 * @param poolDim    d_p, the size of Pool(z_m) fed to the gate (Eq. 8)
 * @param audio      the encoder of the audio modality ({@code model.audio.*}; also of any other
 *                   spectrogram modality)
 * @param visual     the encoder of the visual modality ({@code model.visual.*}; also of any other frame
 *                   modality)
 */
public record ModelConfig(
        @ConfigDoc(value = "d, the size of every modality's feature vector z_m", min = 2)
        int featureDim,
        @ConfigDoc(value = "width of the first convolution of the small encoders (conv-small, conv1d; doubled once after)", min = 1)
        int channels,
        @ConfigDoc(value = "hidden units of the gating network G (Eq. 9)", min = 1)
        int gateHidden,
        @ConfigDoc(value = "d_p, the size of Pool(z_m) fed to the gate (Eq. 8)", min = 1, range = "<= model.featureDim")
        int poolDim,
        @ConfigDoc("the encoder g_m of the audio modality (and of any other spectrogram modality)")
        EncoderConfig audio,
        @ConfigDoc("the encoder g_m of the visual modality (and of any other frame modality)")
        EncoderConfig visual) {
    /** Encoders of log-Mel spectrograms [1, mel, time]. */
    public static final List<String> AUDIO_ENCODERS = List.of("conv-small", "conv1d", "gru", "lstm", "resnet18");
    /** Encoders of frames [T, C, H, W] (applied to each frame, features averaged over the T frames). */
    public static final List<String> VISUAL_ENCODERS = List.of("conv-small", "resnet18", "mobilenetv2");

    public static ModelConfig defaults() {
        return new ModelConfig(64, 16, 32, 8, EncoderConfig.defaults("conv-small"), EncoderConfig.defaults("conv-small"));
    }

    /**
     * One modality's encoder.
     *
     * <ul>
     *   <li>{@code conv-small}: the small CPU CNN (three 3x3 convolutions, {@code model.channels} wide). For
     *   frames it ends in global average pooling; for spectrograms it max-pools over time and keeps the
     *   frequency axis (flattened, then projected to d), because averaging over frequency and time threw
     *   away where the energy is and averaged speech with noise-only frames.</li>
     *   <li>{@code conv1d} (audio): a 1-D CNN over time with the mel bins as input channels (three
     *   convolutions of width 3 with BatchNorm and ReLU, max-pooling over time), the paper's audio
     *   encoder for Kinetics-Sounds and AVE.</li>
     *   <li>{@code gru} / {@code lstm} (audio): an RNN over the spectrogram's frames (each frame's mel
     *   vector is one step); z is the last hidden state of the top layer (both directions when
     *   bidirectional), projected to d when its size differs; the paper's audio encoder for CREMA-D.</li>
     *   <li>{@code resnet18}: ResNet-18 (He et al. 2016) with BatchNorm and torchvision's initialisation,
     *   trained from scratch; for frames applied to every frame (frames folded into the batch) and averaged
     *   over time; for audio applied to the spectrogram as a one-channel image (as OGM-GE and PMR do).</li>
     *   <li>{@code mobilenetv2} (visual): MobileNetV2 (Sandler et al. 2018) with BatchNorm and torchvision's
     *   initialisation, per frame; the paper's visual encoder for CREMA-D.</li>
     * </ul>
     *
     * @param encoder       the encoder's name (audio: conv-small, conv1d, gru, lstm, resnet18; visual:
     *                      conv-small, resnet18, mobilenetv2)
     * @param width         width multiplier of resnet18 / mobilenetv2 (1.0: the published networks; 0.25
     *                      or less for CPU tests)
     * @param hidden        hidden units of gru / lstm (0: d)
     * @param layers        stacked layers of gru / lstm
     * @param bidirectional whether gru / lstm also read the sequence backwards
     */
    public record EncoderConfig(
            @ConfigDoc(value = "the encoder: conv-small (small CPU CNN), conv1d (audio, 1-D CNN over time), gru / lstm (audio, RNN over "
                    + "spectrogram frames), resnet18 (audio as a 1-channel image, or per frame), mobilenetv2 (visual, per frame)",
                    allowed = {"conv-small", "conv1d", "gru", "lstm", "resnet18", "mobilenetv2"})
            String encoder,
            @ConfigDoc(value = "width multiplier of resnet18 / mobilenetv2 (1.0: the published networks)", min = 0, minExclusive = true, max = 4)
            double width,
            @ConfigDoc(value = "hidden units of gru / lstm (0: d = model.featureDim)", min = 0)
            int hidden,
            @ConfigDoc(value = "stacked layers of gru / lstm", min = 1, max = 8)
            int layers,
            @ConfigDoc("whether gru / lstm also read the sequence backwards")
            boolean bidirectional) {
        public static EncoderConfig defaults(String encoder) {
            return new EncoderConfig(encoder, 1.0, 0, 1, false);
        }
    }
}
