"""Flesch-Kincaid grade level, for checking that answers read at a grade 6-8 level.

A plain implementation (sentences, words, a vowel-group syllable count) so the test
needs no extra dependency; it agrees with published calculators to about one grade.
"""
import re

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_SENTENCE_END = re.compile(r"[.!?:\n•]+")
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def syllables(word: str) -> int:
    word = word.lower().strip("'-")
    if len(word) <= 3:
        return 1
    word = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", word)
    word = re.sub(r"^y", "", word)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", word)))


def grade_level(text: str) -> float:
    text = _PLACEHOLDER.sub("it", text)
    sentences = [s for s in _SENTENCE_END.split(text) if _WORD.search(s)]
    words = _WORD.findall(text)
    if not words:
        return 0.0
    syllable_count = sum(syllables(w) for w in words)
    return 0.39 * len(words) / len(sentences) + 11.8 * syllable_count / len(words) - 15.59
