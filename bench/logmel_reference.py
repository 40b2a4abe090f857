#!/usr/bin/python3
"""Reference log-Mel values for LogMelSpectrogramTest, computed with plain PyTorch.

torchaudio is not installed here (Debian's python3-torch 1.13 only), so this script rebuilds
torchaudio.transforms.MelSpectrogram's default path by hand:
  torch.stft(n_fft=512, hop_length=160, win_length=400, window=torch.hann_window(400, periodic=True),
             center=True, pad_mode="reflect", onesided=True) -> |X|^2
  HTK mel filterbank as torchaudio.functional.melscale_fbanks(n_freqs=257, f_min=0, f_max=8000,
             n_mels=32, sample_rate=16000, norm=None, mel_scale="htk") (written out below)
  then log(mel + 1e-6).
All in float64 on a float32 signal. Run: /usr/bin/python3 bench/logmel_reference.py
"""
import math
import torch

SR, WIN, HOP, NFFT, MELS = 16000, 400, 160, 512, 32
N = 4000  # 0.25 s


def signal():
    x = []
    for n in range(N):
        t = n / SR
        v = 0.5 * math.sin(2 * math.pi * 440 * t) + 0.25 * math.sin(2 * math.pi * 1234.5 * t + 0.3) \
            + 0.1 * math.sin(2 * math.pi * (200 + 3000.0 * n / N) * t)
        x.append(v)
    return torch.tensor(x, dtype=torch.float32).double()


def hz_to_mel(f):
    return 2595.0 * math.log10(1.0 + f / 700.0)


def mel_fbanks():
    n_freqs = NFFT // 2 + 1
    all_freqs = torch.linspace(0, SR // 2, n_freqs, dtype=torch.float64)
    m_pts = torch.linspace(hz_to_mel(0.0), hz_to_mel(SR / 2), MELS + 2, dtype=torch.float64)
    f_pts = 700.0 * (10 ** (m_pts / 2595.0) - 1.0)
    f_diff = f_pts[1:] - f_pts[:-1]
    slopes = f_pts.unsqueeze(0) - all_freqs.unsqueeze(1)
    down = (-1.0 * slopes[:, :-2]) / f_diff[:-1]
    up = slopes[:, 2:] / f_diff[1:]
    return torch.clamp(torch.min(down, up), min=0.0)  # [n_freqs, n_mels]


def main():
    x = signal()
    spec = torch.stft(x, n_fft=NFFT, hop_length=HOP, win_length=WIN,
                      window=torch.hann_window(WIN, periodic=True, dtype=torch.float64),
                      center=True, pad_mode="reflect", onesided=True, return_complex=True)
    power = spec.abs() ** 2  # [257, frames]
    mel = torch.matmul(power.T, mel_fbanks()).T  # [mels, frames]
    logmel = torch.log(mel + 1e-6)
    print("torch", torch.__version__, "shape", tuple(logmel.shape))
    for m in (0, 5, 15, 31):
        print("mel", m, [round(float(logmel[m, f]), 5) for f in (0, 7, 12, logmel.shape[1] - 1)])
    print("mean", round(float(logmel.mean()), 6))


if __name__ == "__main__":
    main()
