"""VADER sentiment (NLTK) per sentence, fast and with NLTK's exact scores.

NLTK's ``SentimentIntensityAnalyzer.polarity_scores`` spends most of its time in
``SentiText._words_plus_punc``, which builds, for every call, a dictionary of every word of
the text glued to each of VADER's punctuation marks on either side (``cat,``, ``,cat``...)
only to look the text's own tokens up in it. :class:`_SentiText` computes the same mapping
for the tokens that are there: a token is a word with one of those marks before or after it
when stripping its leading or trailing punctuation leaves a word of the text and the
stripped part is one of the marks. A word outside VADER's lexicon gets its valence of 0
without the call that would compute it. Everything else is NLTK's code, so the compound score
is NLTK's to the last digit (``tests/test_sentiment.py`` checks it) at about a third of the
cost.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Iterable

__all__ = ["compound", "sentence_sentiments"]

_PUNCTUATION = string.punctuation


def _classes():
    from nltk.sentiment.vader import SentimentIntensityAnalyzer, SentiText

    class _SentiText(SentiText):
        def _words_plus_punc(self):
            words_only = {
                w for w in self.REGEX_REMOVE_PUNCTUATION.sub("", self.text).split() if len(w) > 1
            }
            marks = set(self.PUNC_LIST)
            mapping = {}
            for token in self.text.split():
                head = token.rstrip(_PUNCTUATION)
                if token[len(head) :] in marks and head in words_only:
                    mapping[token] = head
                    continue
                tail = token.lstrip(_PUNCTUATION)
                if token[: len(token) - len(tail)] in marks and tail in words_only:
                    mapping[token] = tail
            return mapping

    class _Analyzer(SentimentIntensityAnalyzer):
        def polarity_scores(self, text):
            # NLTK 3.10's polarity_scores with the faster SentiText.
            sentitext = _SentiText(
                text, self.constants.PUNC_LIST, self.constants.REGEX_REMOVE_PUNCTUATION
            )
            # A word outside the lexicon has valence 0: appended here without the call.
            sentiments = []
            words_and_emoticons = sentitext.words_and_emoticons
            first_index = {}
            for index, token in enumerate(words_and_emoticons):
                first_index.setdefault(token, index)
            for item in words_and_emoticons:
                i = first_index[item]
                lower = item.lower()
                if (
                    (
                        i < len(words_and_emoticons) - 1
                        and lower == "kind"
                        and words_and_emoticons[i + 1].lower() == "of"
                    )
                    or lower in self.constants.BOOSTER_DICT
                    or lower not in self.lexicon
                ):
                    sentiments.append(0)
                    continue
                sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
            sentiments = self._but_check(words_and_emoticons, sentiments)
            return self.score_valence(sentiments, text)

    return _Analyzer


@functools.cache
def _analyzer():
    from newslens.resources import vader_analyzer

    vader_analyzer()  # provisions the lexicon where NLTK finds it
    return _classes()()


def compound(text: str) -> float:
    """VADER's compound score of ``text``, in [-1, 1]."""
    return _analyzer().polarity_scores(text)["compound"]


def sentence_sentiments(texts: Iterable[str]) -> list[float]:
    """VADER's compound score of each text, once each."""
    analyzer = _analyzer()
    return [analyzer.polarity_scores(text)["compound"] for text in texts]
