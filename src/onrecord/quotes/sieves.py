"""The order the sieves run in, one visible list per family, and the lists a component is configured with."""
from __future__ import annotations

from dataclasses import dataclass

import onrecord.quotes.according  # noqa: F401  (the modules register their sieves)
import onrecord.quotes.describing  # noqa: F401
import onrecord.quotes.description_sieves  # noqa: F401
import onrecord.quotes.direct.candidates  # noqa: F401
import onrecord.quotes.direct.interview  # noqa: F401
import onrecord.quotes.direct.sieves  # noqa: F401
import onrecord.quotes.expressing  # noqa: F401
import onrecord.quotes.findings  # noqa: F401
import onrecord.quotes.making_clear  # noqa: F401
import onrecord.quotes.pledges  # noqa: F401
import onrecord.quotes.rejecting  # noqa: F401
import onrecord.quotes.words_used  # noqa: F401
import onrecord.quotes.frames  # noqa: F401
import onrecord.quotes.pronoun_sieves  # noqa: F401
import onrecord.quotes.speaker_sieves  # noqa: F401
from onrecord.quotes.registry import CANDIDATE_SIEVES, FRAME_SIEVES, QUOTATION_SIEVES, SPEAKER_SIEVES


DEFAULT_ORDER = {
    "frames": ["speech-verb", "told-to", "misparsed-report", "parenthetical-cue", "as-reported", "speech-object", "described-as", "called",
               "expressed", "findings", "made-clear", "pledged-to", "rejected-claim",
               "words-used", "claim-noun", "according-to", "accused-of"],
    "candidates": ["interview", "trailing-label", "speaker-label", "dash-signature", "direct-cue", "filled-clause",
                   "title", "same-cue", "runs-on", "mixed-run-on"],
    "quotations": ["interview", "trailing-label", "dash-signature", "speaker-label", "possessive-remark",
                   "direct-according",
                   "direct-cue", "direct-adjacent", "colon-name", "colon-subject", "looks-like-speech",
                   "fragment-subject", "previous-sentence", "previous-subject", "colon-previous-paragraph", "continuation",
                   "continuation-next-paragraph", "too-short",
                   "unattributed"],
    "speakers": ["none", "named-appositive", "relative", "partitive", "member-description", "pronoun-same-sentence",
                 "pronoun-previous-subject", "pronoun-document", "pronoun-previous-speaker", "pronoun-nearest-name",
                 "pronoun-quoting-speaker", "pronoun-possessive", "unresolved-pronoun", "named-group", "named",
                 "quantifier", "not-a-noun", "proper-noun", "named-description", "definite-description",
                 "earlier-description", "introduced-description", "epithet", "description"],
}
"""The sieves in the order they run: the first to answer wins. Pass another order through the component's
config (nlp.add_pipe("onrecord", config={"sieves": {...}})) to reorder or drop sieves."""
REGISTRIES = {"frames": FRAME_SIEVES, "candidates": CANDIDATE_SIEVES, "quotations": QUOTATION_SIEVES,
              "speakers": SPEAKER_SIEVES}


class SieveError(ValueError):
    pass


@dataclass
class SieveLists:
    frames: list
    candidates: list
    quotations: list
    speakers: list

    @classmethod
    def from_names(cls, order: dict[str, list[str]] | None = None) -> "SieveLists":
        """Sieve functions for each list's names; a list left out keeps its default order."""
        order = {**DEFAULT_ORDER, **(order or {})}
        unknown_lists = set(order) - set(REGISTRIES)
        if unknown_lists:
            raise SieveError(f"unknown sieve list {sorted(unknown_lists)[0]!r} (use {', '.join(REGISTRIES)})")
        lists = {}
        for family, names in order.items():
            registry = REGISTRIES[family]
            missing = [name for name in names if name not in registry]
            if missing:
                raise SieveError(f"unknown {family} sieve {missing[0]!r} (known: {', '.join(registry)})")
            lists[family] = [registry[name] for name in names]
        return cls(**lists)

    @classmethod
    def default(cls) -> "SieveLists":
        global _DEFAULT_LISTS
        if _DEFAULT_LISTS is None:
            _DEFAULT_LISTS = cls.from_names()
        return _DEFAULT_LISTS


_DEFAULT_LISTS: SieveLists | None = None
