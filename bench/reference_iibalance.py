#!/usr/bin/env python3
"""PyTorch reference of the workbench's networks and IIBalance training step, for timing only.

Builds the SAME architecture as the Java code (org.iibalance.model, org.iibalance.method) from a
spec that `iibalance bench --model ...` writes (modality shapes, encoder per modality, d, widths,
batch, optimiser, the budget prior), written idiomatically in PyTorch:
  encoders (per modality, `model.<modality>.encoder`):
    conv-small  audio  [B,1,mel,T]: 3x3 convs 1->c->2c->2c (ReLU, 2x2 max-pool after the first two
                       while the map is >= 4x4), max over time keeping frequency, Linear(2c*mel', d)
                visual [B,T,3,H,W]: per frame the convs 3->c->2c->d, global mean, mean over frames
    conv1d      audio: [B,mel,T] 1-D convs mel->c->2c->d (k 3, BatchNorm, ReLU, max-pool 2), max over time
    gru / lstm  audio: BatchNorm1d(mel), RNN over the T frames, top layer's last hidden (both
                directions), Linear to d when it differs
    resnet18    torchvision's ResNet-18 (width multiplier, in channels), GAP, Linear(512w, d) when
                512w != d; per frame for visual, on the spectrogram as a 1-channel image for audio
    mobilenetv2 torchvision's MobileNetV2 (width multiplier, channels rounded to multiples of 8), GAP,
                Linear(1280, d) when 1280 != d
  heads f_m Linear(d, C), fused head Linear(d, C), gate MLP (M + M*pool -> hidden -> M)
  step (Eq. 3-13): prototypes of the anchor (EMA rho, Eq. 3), L_I = sum_m CE + sum lambda_m L_PRA
  (cosine, tau_p), u_m, phi, alpha = beta exp(-u) sigmoid(G(phi)), w, Z_fused, L_II (Eq. 11),
  L = lambda L_I + (1 - lambda) L_II (Eq. 13), backward, optimiser step, then the three losses and the
  mean fusion weights read out (as the Java step does).

Two ways to run it:
  --spec FILE --serve     a server for `bench`: prints one JSON line {"event": "ready", "torch":
                          ..., "parameters": {...}, "shapes": {...}}, then for each stdin line
                          "steps N" runs N steps and prints {"event": "times", "ms": [...], "cpuMs": [...]}
                          (wall and the stepping thread's CPU time of each step);
                          "quit" ends it. Java and PyTorch thus alternate in one run.
  --spec FILE [--steps N] standalone: prints "median_ms_per_step=<x> ..." after N timed steps.
Not part of the product or its tests (the product never imports PyTorch).
"""
import argparse
import json
import math
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


# ---------------------------------------------------------------- encoders (mirror org.iibalance.model)

class ConvStack(nn.Module):
    """ConvStack.java: three 3x3 convs (padding 1) with ReLU, 2x2 max-pool after the first two if >= 4x4."""

    def __init__(self, cin, width, cout):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, width, 3, padding=1)
        self.conv2 = nn.Conv2d(width, 2 * width, 3, padding=1)
        self.conv3 = nn.Conv2d(2 * width, cout, 3, padding=1)

    def forward(self, x):
        h = F.relu(self.conv1(x))
        if h.shape[2] >= 4 and h.shape[3] >= 4:
            h = F.max_pool2d(h, 2)
        h = F.relu(self.conv2(h))
        if h.shape[2] >= 4 and h.shape[3] >= 4:
            h = F.max_pool2d(h, 2)
        return F.relu(self.conv3(h))

    @staticmethod
    def out_height(h, w):
        for _ in range(2):
            if h >= 4 and w >= 4:
                h, w = h // 2, w // 2
        return h


class SpectrogramEncoder(nn.Module):
    """SpectrogramEncoder.java (audio conv-small): max over time, frequency kept, then a projection."""

    def __init__(self, cin, mel, frames, width, d):
        super().__init__()
        self.cnn = ConvStack(cin, width, 2 * width)
        self.project = nn.Linear(2 * width * ConvStack.out_height(mel, frames), d)

    def forward(self, x):
        m = self.cnn(x)
        return self.project(m.amax(dim=3).flatten(1))


class SmallImageEncoder(nn.Module):
    """SmallImageEncoder.java (visual conv-small, per frame): the convs to d, global mean."""

    def __init__(self, cin, width, d):
        super().__init__()
        self.cnn = ConvStack(cin, width, d)

    def forward(self, x):
        return self.cnn(x).mean(dim=(2, 3))


class Conv1dEncoder(nn.Module):
    """Conv1dEncoder.java: [B, mel, T], 1-D convs with BatchNorm and ReLU, max over time."""

    def __init__(self, mel, width, d):
        super().__init__()
        self.c1, self.n1 = nn.Conv1d(mel, width, 3, padding=1, bias=False), nn.BatchNorm1d(width)
        self.c2, self.n2 = nn.Conv1d(width, 2 * width, 3, padding=1, bias=False), nn.BatchNorm1d(2 * width)
        self.c3, self.n3 = nn.Conv1d(2 * width, d, 3, padding=1, bias=False), nn.BatchNorm1d(d)

    def forward(self, x):
        h = x.flatten(1, 2)
        h = F.relu(self.n1(self.c1(h)))
        if h.shape[2] >= 4:
            h = F.max_pool1d(h, 2)
        h = F.relu(self.n2(self.c2(h)))
        if h.shape[2] >= 4:
            h = F.max_pool1d(h, 2)
        return F.relu(self.n3(self.c3(h))).amax(dim=2)


class RecurrentEncoder(nn.Module):
    """RecurrentEncoder.java: BatchNorm per mel bin, GRU/LSTM over frames, last hidden of the top layer."""

    def __init__(self, cell, mel, hidden, layers, bidirectional, d):
        super().__init__()
        self.norm = nn.BatchNorm1d(mel)
        rnn = nn.GRU if cell == "gru" else nn.LSTM
        self.rnn = rnn(mel, hidden, num_layers=layers, batch_first=True, bidirectional=bidirectional)
        self.dirs = 2 if bidirectional else 1
        self.out = hidden * self.dirs
        self.project = nn.Linear(self.out, d) if self.out != d else None

    def forward(self, x):
        spec = self.norm(x.flatten(1, 2))
        _, hn = self.rnn(spec.transpose(1, 2).contiguous())
        if isinstance(hn, tuple):
            hn = hn[0]
        h = hn[-self.dirs:].permute(1, 0, 2).reshape(x.shape[0], self.out)
        return h if self.project is None else self.project(h)


class PooledProjection(nn.Module):
    def __init__(self, cin, d):
        super().__init__()
        self.linear = nn.Linear(cin, d) if cin != d else None

    def forward(self, m):
        p = m.mean(dim=(2, 3))
        return p if self.linear is None else self.linear(p)


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.down = None
        if stride != 1 or cin != cout:
            self.down = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, 0, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        h = F.relu(self.bn1(self.conv1(x)))
        h = self.bn2(self.conv2(h))
        return F.relu(h + (x if self.down is None else self.down(x)))


class ResNet18(nn.Module):
    """ResNet18.java = torchvision's resnet18 with a width multiplier, without fc, plus PooledProjection."""

    def __init__(self, cin, width, d):
        super().__init__()
        planes = [max(1, round((64 << i) * width)) for i in range(4)]
        self.conv1 = nn.Conv2d(cin, planes[0], 7, 2, 3, bias=False)
        self.bn1 = nn.BatchNorm2d(planes[0])
        blocks, c = [], planes[0]
        for stage in range(4):
            for j in range(2):
                blocks.append(BasicBlock(c, planes[stage], 2 if stage > 0 and j == 0 else 1))
                c = planes[stage]
        self.blocks = nn.Sequential(*blocks)
        self.head = PooledProjection(c, d)

    def forward(self, x):
        h = F.max_pool2d(F.relu(self.bn1(self.conv1(x))), 3, 2, 1)
        return self.head(self.blocks(h))


def make_divisible(v):
    """torchvision's _make_divisible(v, 8) (MobileNetV2.divisible in Java)."""
    n = max(8, int(v + 4) // 8 * 8)
    return n + 8 if n < 0.9 * v else n


def conv_bn(cin, cout, k, s, groups, act=True):
    layers = [nn.Conv2d(cin, cout, k, s, (k - 1) // 2, groups=groups, bias=False), nn.BatchNorm2d(cout)]
    if act:
        layers.append(nn.ReLU6())
    return nn.Sequential(*layers)


class InvertedResidual(nn.Module):
    def __init__(self, cin, cout, stride, t):
        super().__init__()
        hidden = round(cin * t)
        layers = [] if t == 1 else [conv_bn(cin, hidden, 1, 1, 1)]
        layers += [conv_bn(hidden, hidden, 3, stride, hidden), conv_bn(hidden, cout, 1, 1, 1, act=False)]
        self.body = nn.Sequential(*layers)
        self.residual = stride == 1 and cin == cout

    def forward(self, x):
        return x + self.body(x) if self.residual else self.body(x)


class MobileNetV2(nn.Module):
    SETTINGS = [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)]

    def __init__(self, cin, width, d):
        super().__init__()
        c = make_divisible(32 * width)
        last = make_divisible(1280 * max(1.0, width))
        layers = [conv_bn(cin, c, 3, 2, 1)]
        for t, ch, n, s in self.SETTINGS:
            out = make_divisible(ch * width)
            for i in range(n):
                layers.append(InvertedResidual(c, out, s if i == 0 else 1, t))
                c = out
        layers.append(conv_bn(c, last, 1, 1, 1))
        self.features = nn.Sequential(*layers)
        self.head = PooledProjection(last, d)

    def forward(self, x):
        return self.head(self.features(x))


class FrameEncoder(nn.Module):
    """FrameEncoder.java: frames folded into the batch, one image encoder, mean over frames."""

    def __init__(self, per_frame):
        super().__init__()
        self.frame = per_frame

    def forward(self, x):
        b, t = x.shape[0], x.shape[1]
        z = self.frame(x.reshape(b * t, *x.shape[2:]))
        return z.reshape(b, t, -1).mean(1)


def make_encoder(mod, spec):
    e, d, c, s = mod["encoder"], spec["featureDim"], spec["channels"], mod["shape"]
    name = e["encoder"]
    if mod["kind"] == "spectrogram":  # [1, mel, T]
        if name == "conv-small":
            return SpectrogramEncoder(s[0], s[1], s[2], c, d)
        if name == "conv1d":
            return Conv1dEncoder(s[1], c, d)
        if name in ("gru", "lstm"):
            return RecurrentEncoder(name, s[1], e["hidden"] if e["hidden"] > 0 else d, e["layers"], e["bidirectional"], d)
        if name == "resnet18":
            return ResNet18(s[0], e["width"], d)
    else:  # frames [T, C, H, W]
        if name == "conv-small":
            return FrameEncoder(SmallImageEncoder(s[1], c, d))
        if name == "resnet18":
            return FrameEncoder(ResNet18(s[1], e["width"], d))
        if name == "mobilenetv2":
            return FrameEncoder(MobileNetV2(s[1], e["width"], d))
    raise SystemExit(f"reference_iibalance.py: no reference for encoder {name} of {mod['name']}")


class Net(nn.Module):
    """MultimodalNetwork.java with weighted-sum fusion."""

    def __init__(self, spec):
        super().__init__()
        d, k, m = spec["featureDim"], spec["classes"], len(spec["modalities"])
        self.encoders = nn.ModuleList([make_encoder(mod, spec) for mod in spec["modalities"]])
        self.heads = nn.ModuleList([nn.Linear(d, k) for _ in range(m)])
        self.fused = nn.Linear(d, k)
        self.gate = nn.Sequential(nn.Linear(m + m * spec["poolDim"], spec["gateHidden"]), nn.ReLU(), nn.Linear(spec["gateHidden"], m))
        self.pool = spec["poolDim"]


def count(module):
    return sum(p.numel() for p in module.parameters())


# ---------------------------------------------------------------- the IIBalance step (Eq. 3-13)

def entropy(p):
    """Normalised Shannon entropy of each row (Sec. III-B)."""
    return -(p * p.clamp_min(1e-12).log()).sum(1) / math.log(p.shape[1])


class Step:
    def __init__(self, spec, net, opt):
        self.net, self.opt = net, opt
        self.prior = torch.tensor(spec["prior"], dtype=torch.float32)
        self.anchor = spec["anchor"]
        self.strengths = spec["strengths"]
        self.tau_p, self.gamma, self.rho, self.lam = spec["tauP"], spec["gamma"], spec["rho"], spec["lambda"]
        self.protos = torch.zeros(spec["classes"], spec["featureDim"])
        self.seen = torch.zeros(spec["classes"], dtype=torch.bool)
        self.cosine = spec.get("cosine", True)

    def __call__(self, xs, y):
        net, opt = self.net, self.opt
        opt.zero_grad()
        z = [enc(x) for enc, x in zip(net.encoders, xs)]
        logits = [h(zm) for h, zm in zip(net.heads, z)]
        l1 = sum(F.cross_entropy(l, y) for l in logits)
        with torch.no_grad():  # Eq. 3 on the anchor; a prototype seen for the first time takes the batch mean
            onehot = F.one_hot(y, self.protos.shape[0]).float()
            counts = onehot.sum(0)
            means = onehot.t() @ z[self.anchor] / counts.clamp_min(1).unsqueeze(1)
            keep = torch.where(counts == 0, 1.0, torch.where(self.seen, self.rho, 0.0)).unsqueeze(1)
            self.protos.mul_(keep).add_((1 - keep) * means)
            self.seen |= counts > 0
        for m, s in enumerate(self.strengths):  # Eq. 4-6 (cosine: method.normalizeFeatures)
            if s > 0:
                pn = F.normalize(self.protos, dim=1) if self.cosine else self.protos
                zm = F.normalize(z[m], dim=1) if self.cosine else z[m]
                l1 = l1 + s * F.cross_entropy(zm @ pn.t() / self.tau_p, y)
        u = torch.stack([entropy(F.softmax(l.detach(), 1)) for l in logits], 1)  # Eq. 7
        phi = torch.cat([u] + [F.adaptive_avg_pool1d(zm.unsqueeze(1), net.pool).squeeze(1) for zm in z], 1)  # Eq. 8
        alpha = self.prior.unsqueeze(0) * torch.exp(-u) * torch.sigmoid(net.gate(phi))  # Eq. 9
        w = alpha / alpha.sum(1, keepdim=True).clamp_min(1e-30)  # Eq. 10
        fused = sum(w[:, m:m + 1] * z[m] for m in range(len(z)))
        l2 = F.cross_entropy(net.fused(fused), y)  # Eq. 11
        if self.gamma != 0:
            l2 = l2 + self.gamma * sum(F.cross_entropy(logits[m], y, reduction="none") * w[:, m] for m in range(len(z))).mean()
        loss = self.lam * l1 + (1 - self.lam) * l2  # Eq. 13
        loss.backward()
        opt.step()
        return loss.item(), l1.item(), l2.item(), w.detach().mean(0).tolist()


def build(spec):
    torch.manual_seed(spec.get("seed", 0))
    net = Net(spec)
    net.train()
    if spec["optimizer"] == "adam":
        opt = torch.optim.Adam(net.parameters(), lr=spec["lr"], weight_decay=spec["weightDecay"])
    else:
        opt = torch.optim.SGD(net.parameters(), lr=spec["lr"], momentum=0.9, weight_decay=spec["weightDecay"])
    b = spec["batch"]
    xs = [torch.randn(b, *mod["shape"]) for mod in spec["modalities"]]
    y = torch.arange(b) % spec["classes"]
    return net, opt, xs, y


def describe(net, xs):
    params = {"total": count(net), "fused": count(net.fused), "gate": count(net.gate)}
    shapes = {}
    with torch.no_grad():
        net.eval()
        for i, (enc, x) in enumerate(zip(net.encoders, xs)):
            params[f"encoder{i}"] = count(enc)
            params[f"head{i}"] = count(net.heads[i])
            shapes[f"z{i}"] = list(enc(x).shape)
        net.train()
    return params, shapes


def timed(step, xs, y, n, cpu=None):
    """Wall ms of each of n steps; with a list for cpu, also the calling thread's CPU ms of each."""
    out = []
    for _ in range(n):
        c0, t0 = time.thread_time(), time.perf_counter()
        step(xs, y)
        out.append((time.perf_counter() - t0) * 1000)
        if cpu is not None:
            cpu.append((time.thread_time() - c0) * 1000)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--spec", required=True, help="the JSON spec bench writes")
    ap.add_argument("--serve", action="store_true", help="serve 'steps N' / 'quit' on stdin (for bench)")
    ap.add_argument("--steps", type=int, default=50)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--threads", type=int, default=None, help="intra-op threads (default: the spec's)")
    args = ap.parse_args()
    with open(args.spec, encoding="utf-8") as f:
        spec = json.load(f)
    threads = args.threads or spec["threads"]
    if threads > 0:  # 0: libtorch's default, as the Java side's threads=0 means
        torch.set_num_threads(threads)
    net, opt, xs, y = build(spec)
    step = Step(spec, net, opt)
    params, shapes = describe(net, xs)
    if args.serve:
        print(json.dumps({"event": "ready", "torch": torch.__version__, "threads": torch.get_num_threads(),
                          "parameters": params, "shapes": shapes}), flush=True)
        for line in sys.stdin:
            cmd = line.split()
            if not cmd or cmd[0] == "quit":
                break
            if cmd[0] == "steps":
                cpu = []
                ms = timed(step, xs, y, int(cmd[1]), cpu)
                print(json.dumps({"event": "times", "ms": ms, "cpuMs": cpu}), flush=True)
            else:
                print(json.dumps({"event": "error", "message": "unknown command " + cmd[0]}), flush=True)
        return
    timed(step, xs, y, args.warmup)
    med = statistics.median(timed(step, xs, y, args.steps))
    print(json.dumps({"parameters": params, "shapes": shapes}))
    print(f"median_ms_per_step={med:.3f} clips_per_s={spec['batch'] * 1000 / med:.1f} threads={threads} torch={torch.__version__}")


if __name__ == "__main__":
    main()
