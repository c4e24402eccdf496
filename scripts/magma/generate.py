"""Greedy generation with the PyTorch reference: the feature merge of MagmaForCausalLM ("crop" strategy) and a KV
cache loop, at batch 1 and for a left-padded batch laid out the way _merge_input_ids_with_image_features does."""
import torch


def image_tokens(model, crops, grid):
    """(gh*gw, 3, 512, 512) crops of one image -> (T, H): tile the per-crop 16x16 maps back into a
    (16*gh) x (16*gw) map, append the row separator after every row, flatten row-major."""
    gh, gw = grid
    feats = model.image_features(crops)  # (gh*gw, 16, 16, H)
    n, fh, fw, hidden = feats.shape
    feats = feats.view(gh, gw, fh, fw, hidden).permute(0, 2, 1, 3, 4).flatten(2, 3).flatten(0, 1)
    sep = model.multi_modal_projector.row_seperator.repeat(feats.shape[0], 1, 1)
    return torch.cat((feats, sep), dim=1).flatten(0, 1)


def merged_embeddings(model, ids, images, image_token_id):
    """Text embeddings with each <image> token replaced by that image's tokens. ids: list of int."""
    ids_t = torch.tensor(ids, dtype=torch.long)
    text = model.embed(torch.where(ids_t == image_token_id, torch.zeros_like(ids_t), ids_t))
    parts, start, k = [], 0, 0
    for pos, tok in enumerate(ids):
        if tok == image_token_id:
            parts.append(text[start:pos])
            parts.append(image_tokens(model, *images[k]))
            k += 1
            start = pos + 1
    parts.append(text[start:])
    if k != len(images):
        raise ValueError(f"{k} <image> tokens for {len(images)} images")
    return torch.cat(parts, dim=0)


def _argmax_margin(logits):
    top = torch.topk(logits, 2, dim=-1)
    return top.indices[..., 0], (top.values[..., 0] - top.values[..., 1])


@torch.no_grad()
def greedy(model, embeds, max_new_tokens, stop_ids):
    """Batch 1. embeds: (L, H). Returns (tokens incl. a final stop token, smallest top-1/top-2 logit gap)."""
    length = embeds.shape[0]
    mask = torch.ones(1, length, dtype=torch.long)
    logits, past = model.decode(embeds[None], mask, torch.arange(length)[None])
    tokens, margin = [], float("inf")
    for step in range(max_new_tokens):
        tok, gap = _argmax_margin(logits[0, -1])
        tokens.append(int(tok))
        margin = min(margin, float(gap))
        if int(tok) in stop_ids or step + 1 == max_new_tokens:
            break
        mask = torch.ones(1, length + step + 1, dtype=torch.long)
        logits, past = model.decode(model.embed(tok.view(1, 1)), mask, torch.tensor([[length + step]]), past)
    return tokens, margin


@torch.no_grad()
def greedy_left_padded(model, embeds_list, max_new_tokens, stop_ids):
    """A batch, left-padded after the merge (zeros, mask 0) as upstream's merge does with left padding; positions
    are cumsum(mask) - 1 (pads: 1), as prepare_inputs_for_generation builds them. Finished rows keep stepping."""
    b = len(embeds_list)
    longest = max(e.shape[0] for e in embeds_list)
    hidden = embeds_list[0].shape[1]
    embeds = torch.zeros(b, longest, hidden, dtype=embeds_list[0].dtype)
    mask = torch.zeros(b, longest, dtype=torch.long)
    for i, e in enumerate(embeds_list):
        embeds[i, longest - e.shape[0]:] = e
        mask[i, longest - e.shape[0]:] = 1
    positions = (mask.cumsum(-1) - 1).masked_fill(mask == 0, 1)
    logits, past = model.decode(embeds, mask, positions)
    out = [[] for _ in range(b)]
    done = [False] * b
    for step in range(max_new_tokens):
        toks, _ = _argmax_margin(logits[:, -1])
        for i in range(b):
            if not done[i]:
                out[i].append(int(toks[i]))
                done[i] = int(toks[i]) in stop_ids
        if all(done) or step + 1 == max_new_tokens:
            break
        mask = torch.cat([mask, torch.ones(b, 1, dtype=torch.long)], dim=1)
        positions = (mask.cumsum(-1) - 1)[:, -1:]
        logits, past = model.decode(model.embed(toks.view(b, 1)), mask, positions, past)
    return out
