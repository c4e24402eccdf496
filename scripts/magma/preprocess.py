"""Magma's image preprocessing, as magma/image_processing_magma.py runs it (torchvision-free, same torch ops).

convert("RGB") (lmms-eval tasks do it in doc_to_visual) -> ToTensor -> Normalize(CLIP mean/std) -> best grid
(select_best_resolution over (i*512, j*512), i=1..n, j=1..n//i) -> F.interpolate(bilinear, align_corners=False,
no antialias) of the normalized tensor -> 512x512 crops in row-major order.
"""
import numpy as np
import torch
import torch.nn.functional as F

CLIP_MEAN = [0.48145466, 0.4578275, 0.40821073]
CLIP_STD = [0.26862954, 0.26130258, 0.27577711]


def select_best_resolution(original_size, possible_resolutions):
    """LLaVA-NeXT's rule, verbatim semantics: largest effective area, then least waste; strict improvements only."""
    ow, oh = original_size
    best, best_eff, best_waste = None, 0, float("inf")
    for w, h in possible_resolutions:
        scale = min(w / ow, h / oh)
        eff = min(int(ow * scale) * int(oh * scale), ow * oh)
        waste = w * h - eff
        if eff > best_eff or (eff == best_eff and waste < best_waste):
            best, best_eff, best_waste = (w, h), eff, waste
    return best


def candidate_resolutions(max_num_crops, base):
    return [(i * base, j * base) for i in range(1, max_num_crops + 1) for j in range(1, max_num_crops // i + 1)]


def to_normalized_tensor(image):
    """PIL image -> float32 CHW: ToTensor (uint8 / 255) then Normalize ((x - mean) / std), in float32."""
    rgb = image.convert("RGB") if image.mode != "RGB" else image
    t = torch.from_numpy(np.array(rgb, dtype=np.uint8, copy=True)).permute(2, 0, 1).contiguous()
    t = t.to(dtype=torch.float32).div(255)
    mean = torch.as_tensor(CLIP_MEAN, dtype=torch.float32)[:, None, None]
    std = torch.as_tensor(CLIP_STD, dtype=torch.float32)[:, None, None]
    return t.sub_(mean).div_(std)


def process_anyres(image_tensor, max_num_crops, base=512):
    """(3, H, W) normalized -> ((gh*gw, 3, base, base) crops, (gh, gw))."""
    w, h = image_tensor.shape[2], image_tensor.shape[1]
    bw, bh = select_best_resolution((w, h), candidate_resolutions(max_num_crops, base))
    grid = (bh // base, bw // base)
    x = F.interpolate(image_tensor[None], size=(bh, bw), mode="bilinear")
    patches = x.unfold(2, base, base).unfold(3, base, base)
    patches = patches.permute(0, 2, 3, 1, 4, 5).reshape(grid[0] * grid[1], -1, base, base)
    return patches, grid


def preprocess(image, num_crops=4, base=512):
    return process_anyres(to_normalized_tensor(image), num_crops, base)
