"""A message that takes back the one before it: "wrong number, sorry", "autocorrect,
I meant my foot", "oops, that was meant for my sister". Pure Python.

The signs the previous message raised are then withdrawn (actions/withdraw_signs.py),
and the level is worked out again from what is left. Only these cues count: they
say the message was not for this conversation, was mistyped, or told something
that was not happening now ("no wait, that was last year"). A patient who plays a
sign down ("ignore me, it's probably nothing", "never mind") withdraws nothing:
that is how people minimise real emergencies.

Beyond the article: the article has no view on corrections; this is the product's
rule for what a conversation established.
"""
from __future__ import annotations

import re
from typing import Optional

_NOT_FOR_US = (
    r"\b(wrong|wrang) (number|no|person|chat|group|thread|conversation|contact|window|app|bot|site|tab)\b"
    r"|(\bnot|n't|\bwasnt|\bisnt) (meant|intended|supposed to go|for) (for )?(you|this|here|this chat|this bot)\b"
    r"|\bsent (it|that|this|the last one|my last message) to the wrong\b"
    r"|\b(meant|was meant|was supposed) (for|to go to) (my|someone|somebody|another|a friend|the group)\b"
)
_MISTYPED = (
    r"\b(auto-?correct\w*|auto correct\w*|predictive text|typo|mistyped|misspel\w*|fat fingers?)\b"
    # not "I meant to ask about swimming": that adds, it takes nothing back
    r"|\b(i|what i) meant\b(?! to (ask|tell|mention|add|let|message|call|ring|book))|\bshould (say|read|have said)\b"
)
# "no wait, that was last year": told of the past, as a correction
_NOT_NOW = (
    r"\b(no wait|wait no|sorry|actually|oops|my mistake|correction)\b[^.?!]{0,30}"
    r"\b(that|it|this) (was|were|happened) (last year|years ago|ages ago|before (the|my|her|his) "
    r"(op|operation|procedure|kyphoplasty|surgery)|last (month|time)|a long time ago)\b"
)
CORRECTION = re.compile("|".join((_NOT_FOR_US, _MISTYPED, _NOT_NOW)))


def takes_back_previous_message(text: Optional[str]) -> bool:
    """Does the message say the one before it was sent by mistake, mistyped, or not
    about now? (A sign it reports itself is read as usual; see detection.py.)"""
    return bool(CORRECTION.search((text or "").lower()))
