"""Words as the semantic plugin's GlossWords cuts them, shared by bundle.py and gloss.py."""
import unicodedata


def word_runs(text):
    """The words of a lower-case NFC text as the plugin's GlossWords cuts them: runs of letters, digits and
    combining marks (Mn, Mc: the vowel signs of Indic scripts, which Python's \\w leaves out), an apostrophe
    kept at a word's end."""
    out, word = [], ''
    for c in text:
        category = unicodedata.category(c)
        if category[0] == 'L' or category in ('Nd', 'Mn', 'Mc'):
            word += c
        elif c == "'" and word:
            out.append(word + "'"); word = ''
        else:
            if word: out.append(word)
            word = ''
    if word: out.append(word)
    return out
