#!/usr/bin/python3
"""PyTorch reference of the workbench's quickstart model and IIBalance training step, for timing only.

Same shapes, layers and losses as the Java code (org.iibalance.model / org.iibalance.method):
  audio  [B, 1, 32, 51] log-Mel -> 3x3 conv 1-16 ReLU maxpool, 16-32 ReLU maxpool, 32-64 ReLU, GAP
  visual [B, 3, 3, 24, 24] frames -> the same stack on each frame (3 input channels), mean over frames
  heads f_m Linear(64, 8), fused head Linear(64, 8), gate MLP (2 + 2*8 -> 32 -> 2)
  step: L = lambda L_I + (1 - lambda) L_II (Eq. 13) with the prototype alignment (cosine, tau_p 0.5),
        the uncertainty gate (Eq. 7-10) and L_II (Eq. 11), Adam lr 1e-3.
Prints one line: "median_ms_per_step=<x> clips_per_s=<y> threads=<n> torch=<version>".
Used by `java -jar target/app/iibalance.jar bench`; not part of the product or its tests.
"""
import argparse
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvStack(nn.Module):
    def __init__(self, cin, width, d):
        super().__init__()
        self.c1 = nn.Conv2d(cin, width, 3, padding="same")
        self.c2 = nn.Conv2d(width, 2 * width, 3, padding="same")
        self.c3 = nn.Conv2d(2 * width, d, 3, padding="same")

    def forward(self, x):
        h = F.relu(self.c1(x))
        if h.shape[2] >= 4 and h.shape[3] >= 4:
            h = F.max_pool2d(h, 2, 2)
        h = F.relu(self.c2(h))
        if h.shape[2] >= 4 and h.shape[3] >= 4:
            h = F.max_pool2d(h, 2, 2)
        h = F.relu(self.c3(h))
        return h.mean(dim=(2, 3))


class Net(nn.Module):
    def __init__(self, classes=8, d=64, width=16, pool=8, hidden=32):
        super().__init__()
        self.audio = ConvStack(1, width, d)
        self.visual = ConvStack(3, width, d)
        self.heads = nn.ModuleList([nn.Linear(d, classes), nn.Linear(d, classes)])
        self.fused = nn.Linear(d, classes)
        self.gate = nn.Sequential(nn.Linear(2 + 2 * pool, hidden), nn.ReLU(), nn.Linear(hidden, 2))
        self.pool = pool

    def encode(self, a, v):
        b, t = v.shape[0], v.shape[1]
        zv = self.visual(v.reshape(b * t, *v.shape[2:])).reshape(b, t, -1).mean(1)
        return [self.audio(a), zv]


def entropy(p):
    return -(p * p.clamp_min(1e-12).log()).sum(1) / torch.log(torch.tensor(float(p.shape[1])))


def step(net, opt, a, v, y, prior, protos, lam, tau_p=0.5, gamma=1.0, rho=0.9):
    opt.zero_grad()
    z = net.encode(a, v)
    logits = [h(zm) for h, zm in zip(net.heads, z)]
    onehot = F.one_hot(y, protos.shape[0]).float()
    with torch.no_grad():  # Eq. 3 on the anchor (audio)
        counts = onehot.sum(0)
        means = onehot.t() @ z[0] / counts.clamp_min(1).unsqueeze(1)
        keep = torch.where(counts > 0, torch.full_like(counts, rho), torch.ones_like(counts)).unsqueeze(1)
        protos.mul_(keep).add_((1 - keep) * means)
    l1 = sum(F.cross_entropy(l, y) for l in logits)
    sim = F.normalize(z[1], dim=1) @ F.normalize(protos, dim=1).t() / tau_p
    l1 = l1 + (prior[0] - prior[1]).clamp_min(0) * F.cross_entropy(sim, y)
    u = torch.stack([entropy(F.softmax(l.detach(), 1)) for l in logits], 1)
    phi = torch.cat([u] + [F.adaptive_avg_pool1d(zm.unsqueeze(1), net.pool).squeeze(1) for zm in z], 1)
    alpha = prior.unsqueeze(0) * torch.exp(-u) * torch.sigmoid(net.gate(phi))
    w = alpha / alpha.sum(1, keepdim=True)
    fused = sum(w[:, m:m + 1] * z[m] for m in range(2))
    l2 = F.cross_entropy(net.fused(fused), y)
    l2 = l2 + gamma * sum((w[:, m] * F.cross_entropy(logits[m], y, reduction="none")).mean() for m in range(2))
    loss = lam * l1 + (1 - lam) * l2
    loss.backward()
    opt.step()
    return loss.item()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=100)
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    net = Net()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    a = torch.randn(args.batch, 1, 32, 51)
    v = torch.randn(args.batch, 3, 3, 24, 24)
    y = torch.arange(args.batch) % 8
    prior = torch.tensor([0.9, 0.1])
    protos = torch.zeros(8, 64)
    times = []
    for i in range(args.warmup + args.steps):
        t0 = time.perf_counter()
        step(net, opt, a, v, y, prior, protos, 0.5)
        if i >= args.warmup:
            times.append((time.perf_counter() - t0) * 1000)
    med = statistics.median(times)
    print(f"median_ms_per_step={med:.3f} clips_per_s={args.batch * 1000 / med:.1f} threads={args.threads} torch={torch.__version__}")


if __name__ == "__main__":
    main()
