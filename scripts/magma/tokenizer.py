"""A small Llama-3-style tokenizer for the tiny twin, and the Magma chat template.

The real Llama-3 tokenizer.json is not available offline, so the twin ships its own with the same structure
(byte-level BPE, Llama-3's pre-tokenizer regex, ignore_merges, TemplateProcessing that prepends
<|begin_of_text|>, ByteLevel decoder) and Magma's special tokens at small ids. This module trains it, writes it
in Hugging Face tokenizers' JSON format, and encodes/decodes with an independent pure-Python implementation,
which is the reference the Java side (DJL, i.e. the Rust tokenizers library) is tested against.

Python's `re` has no \\p{L}/\\p{N}: PY_PATTERN spells them as [^\\W\\d_] and \\d, which agree with the Rust
pattern on letters and decimal digits (fixture texts use nothing else, e.g. no superscript digits).
"""
import re
from collections import Counter

LLAMA3_PATTERN = (r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*"
                  r"|\s*[\r\n]+|\s+(?!\S)|\s+")
PY_PATTERN = re.compile(r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|(?:[^\w\r\n]|_)?[^\W\d_]+|\d{1,3}| ?(?:[^\w\s]|_)+[\r\n]*"
                        r"|\s*[\r\n]+|\s+(?!\S)|\s+")

# Magma's special tokens (Llama-3's header tokens plus the ones Magma adds), in id order after the base vocab.
SPECIAL_TOKENS = ["<|begin_of_text|>", "<|end_of_text|>", "<|start_header_id|>", "<|end_header_id|>",
                  "<|eot_id|>", "<pad>", "<image>", "<image_start>", "<image_end>"]
SYSTEM_PROMPT = "You are agent that can see, talk and act."


def bytes_to_unicode():
    """GPT-2's reversible byte -> printable character map used by ByteLevel pre-tokenizer and decoder."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, map(chr, cs)))


BYTE_TO_CHAR = bytes_to_unicode()
CHAR_TO_BYTE = {c: b for b, c in BYTE_TO_CHAR.items()}


def _pretokens(text):
    return [m.group(0) for m in PY_PATTERN.finditer(text)]


def _to_symbols(piece):
    return "".join(BYTE_TO_CHAR[b] for b in piece.encode("utf-8"))


def train(corpus, num_merges):
    """Deterministic byte-level BPE: the most frequent pair first, ties broken by the pair's text."""
    words = Counter()
    for text in corpus:
        for p in _pretokens(text):
            words[tuple(_to_symbols(p))] += 1
    merges = []
    for _ in range(num_merges):
        pairs = Counter()
        for w, c in words.items():
            for a, b in zip(w, w[1:]):
                pairs[(a, b)] += c
        if not pairs:
            break
        best = min(pairs, key=lambda p: (-pairs[p], p))
        if pairs[best] < 2:
            break
        merges.append(best)
        merged = Counter()
        for w, c in words.items():
            out, i = [], 0
            while i < len(w):
                if i + 1 < len(w) and (w[i], w[i + 1]) == best:
                    out.append(w[i] + w[i + 1])
                    i += 2
                else:
                    out.append(w[i])
                    i += 1
            merged[tuple(out)] += c
        words = merged
    return merges


class TinyTokenizer:
    def __init__(self, merges):
        self.merges = list(merges)
        self.ranks = {m: i for i, m in enumerate(self.merges)}
        vocab = [BYTE_TO_CHAR[b] for b in range(256)]
        for a, b in self.merges:
            if a + b not in vocab:
                vocab.append(a + b)
        self.vocab = {t: i for i, t in enumerate(vocab)}
        self.special = {t: len(vocab) + i for i, t in enumerate(SPECIAL_TOKENS)}
        self.id_to_token = {i: t for t, i in {**self.vocab, **self.special}.items()}
        self._special_re = re.compile("|".join(re.escape(t) for t in sorted(SPECIAL_TOKENS, key=len, reverse=True)))

    @property
    def size(self):
        return len(self.vocab) + len(self.special)

    def _bpe(self, symbols):
        word = "".join(symbols)
        if word in self.vocab:  # ignore_merges, as Llama-3's tokenizer.json sets it
            return [word]
        parts = list(symbols)
        while len(parts) > 1:
            ranked = [(self.ranks.get((a, b), None), i) for i, (a, b) in enumerate(zip(parts, parts[1:]))]
            ranked = [r for r in ranked if r[0] is not None]
            if not ranked:
                break
            _, i = min(ranked)
            parts[i:i + 2] = [parts[i] + parts[i + 1]]
        return parts

    def encode(self, text, add_special_tokens=True):
        ids = [self.special["<|begin_of_text|>"]] if add_special_tokens else []
        pos = 0
        for m in list(self._special_re.finditer(text)) + [None]:
            chunk = text[pos:m.start() if m else len(text)]
            for p in _pretokens(chunk):
                ids.extend(self.vocab[t] for t in self._bpe(_to_symbols(p)))
            if m:
                ids.append(self.special[m.group(0)])
                pos = m.end()
        return ids

    def decode(self, ids, skip_special_tokens=True, clean_up_tokenization_spaces=True):
        out, buf = [], []
        for i in ids:
            t = self.id_to_token[i]
            if t in self.special:
                if skip_special_tokens:
                    continue
                out.append(bytes(buf).decode("utf-8", errors="replace"))
                buf = []
                out.append(t)
            else:
                buf.extend(CHAR_TO_BYTE[c] for c in t)
        out.append(bytes(buf).decode("utf-8", errors="replace"))
        text = "".join(out)
        return clean_up_tokenization(text) if clean_up_tokenization_spaces else text

    def to_json(self):
        """The Hugging Face tokenizers JSON (the layout of Llama-3's tokenizer.json)."""
        bos = "<|begin_of_text|>"
        return {
            "version": "1.0",
            "truncation": None,
            "padding": None,
            "added_tokens": [{"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                              "normalized": False, "special": True} for t, i in self.special.items()],
            "normalizer": None,
            "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
                {"type": "Split", "pattern": {"Regex": LLAMA3_PATTERN}, "behavior": "Isolated", "invert": False},
                {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": False}]},
            "post_processor": {"type": "Sequence", "processors": [
                {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": False, "use_regex": True},
                {"type": "TemplateProcessing",
                 "single": [{"SpecialToken": {"id": bos, "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}],
                 "pair": [{"SpecialToken": {"id": bos, "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                          {"SpecialToken": {"id": bos, "type_id": 1}}, {"Sequence": {"id": "B", "type_id": 1}}],
                 "special_tokens": {bos: {"id": bos, "ids": [self.special[bos]], "tokens": [bos]}}}]},
            "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
            "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None,
                      "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False, "ignore_merges": True,
                      "vocab": self.vocab, "merges": [f"{a} {b}" for a, b in self.merges]},
        }


def clean_up_tokenization(text):
    """transformers' PreTrainedTokenizerBase.clean_up_tokenization (decode's clean_up_tokenization_spaces)."""
    return (text.replace(" .", ".").replace(" ?", "?").replace(" !", "!").replace(" ,", ",").replace(" ' ", "'")
            .replace(" n't", "n't").replace(" 'm", "'m").replace(" 's", "'s").replace(" 've", "'ve")
            .replace(" 're", "'re"))


def chat_prompt(user_text, num_images, system=SYSTEM_PROMPT, image_start_end=True):
    """tools/lmms-eval-magma/magma.py: one "<image>\\n" per image before the context, the system message, Magma's
    chat template (every content trimmed, bos_token before the first message, generation prompt), then
    <image> -> <image_start><image><image_end> when config.mm_use_image_start_end."""
    messages = [("system", system), ("user", "<image>\n" * num_images + user_text)]
    out = "<|begin_of_text|>"
    for role, content in messages:
        out += "<|start_header_id|>" + role + "<|end_header_id|>\n\n" + content.strip() + "<|eot_id|>"
    out += "<|start_header_id|>assistant<|end_header_id|>\n\n"
    if image_start_end:
        out = out.replace("<image>", "<image_start><image><image_end>")
    return out
