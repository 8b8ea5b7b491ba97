"""BERT WordPiece tokenizer, the same rules as the plugin's WordPieceTokenizer (uncased, accents stripped)."""
import json
import unicodedata


def _is_whitespace(c):
    return c in " \t\n\r\u2028\u2029" or unicodedata.category(c) == "Zs"


def _is_control(c):
    if c in "\t\n\r":
        return False
    return unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn")


def _is_punct(c):
    cp = ord(c)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(c).startswith("P")


def _is_cjk(cp):
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF or 0x2A700 <= cp <= 0x2B73F
            or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


class WordPiece:
    def __init__(self, tokenizer_json):
        with open(tokenizer_json, encoding="utf-8") as f:
            self.vocab = json.load(f)["model"]["vocab"]
        self.unk, self.cls, self.sep = self.vocab["[UNK]"], self.vocab["[CLS]"], self.vocab["[SEP]"]

    def _normalized(self, text):
        out = []
        for c in text:
            if c == "\0" or c == "\ufffd" or _is_control(c):
                continue
            if _is_whitespace(c):
                out.append(" ")
            elif _is_cjk(ord(c)):
                out.append(" " + c + " ")
            else:
                out.append(c)
        s = unicodedata.normalize("NFD", "".join(out))
        return "".join(c.lower() for c in s if unicodedata.category(c) != "Mn")

    def _words(self, text):
        words, word = [], []
        for c in text:
            if _is_whitespace(c) or _is_punct(c):
                if word:
                    words.append("".join(word))
                    word = []
                if not _is_whitespace(c):
                    words.append(c)
            else:
                word.append(c)
        if word:
            words.append("".join(word))
        return words

    def _pieces(self, word):
        if len(word) > 100:
            return [self.unk]
        pieces, start = [], 0
        while start < len(word):
            end, match = len(word), None
            while start < end:
                piece = ("##" if start > 0 else "") + word[start:end]
                if piece in self.vocab:
                    match = self.vocab[piece]
                    break
                end -= 1
            if match is None:
                return [self.unk]
            pieces.append(match)
            start = end
        return pieces

    def encode(self, text, max_tokens=128):
        ids = [self.cls]
        for w in self._words(self._normalized(text)):
            for p in self._pieces(w):
                if len(ids) >= max_tokens - 1:
                    break
                ids.append(p)
            if len(ids) >= max_tokens - 1:
                break
        ids.append(self.sep)
        return ids
