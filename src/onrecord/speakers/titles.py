"""Titles and kin words written around a name: 'PM', 'Prime Minister', 'Ms', 'Mr Corbett's daughter'."""
from __future__ import annotations

import re

TITLES = frozenset("""
mr mrs ms miss dr prof sir dame lord lady president vice sen senator gov governor rep representative
prime minister secretary gen general lt col colonel maj major capt captain adm admiral sgt judge justice
rev reverend father pope king queen prince princess sheikh chancellor ambassador mayor speaker chairman
chairwoman chair leader commissioner deputy foreign defense defence interior state first lady premier
coach officer detective agent chief inspector sergeant doctor nurse pastor bishop rabbi imam ayatollah emir
sultan cardinal archbishop attorney superintendent trooper constable sheriff councillor councilman
councilwoman assemblyman assemblywoman congressman congresswoman taoiseach tanaiste tánaiste pm mp mla mep
ceo cfo coo cto hon honourable marshal brigadier commander commodore lieutenant corporal sister
airman seaman ensign
director whip professor treasurer editor manager economist analyst spokesman spokeswoman spokesperson
executive founder strategist pollster correspondent counsel lawyer activist coordinator administrator
""".split())
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "madam", "dame", "lady", "queen", "princess", "sister"})
MALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince", "father"})


TITLE_ABBREVIATIONS = {"pm": "prime minister", "sen": "senator", "gov": "governor", "rep": "representative",
                       "gen": "general", "lt": "lieutenant", "col": "colonel", "dr": "doctor", "prof": "professor",
                       "pres": "president", "supt": "superintendent", "insp": "inspector", "sgt": "sergeant"}


def title_words(text: str) -> set[str]:
    """'PM' and 'Prime Minister' give the same words."""
    words = set()
    for word in re.findall(r"[\w]+", text.lower()):
        words.update(TITLE_ABBREVIATIONS.get(word, word).split())
    return words - {"the", "of", "a", "an"}


def title_before(ent) -> str | None:
    """'PM' before 'Netanyahu' when the entity recogniser left the title out of the name."""
    start = ent.start
    while start > 0 and ent.doc[start - 1].lower_.strip(".") in TITLES:
        start -= 1
    return ent.doc[start:ent.start].text if start < ent.start else None


KIN_NOUNS = frozenset("""daughter son wife husband mother father sister brother widow widower niece nephew
granddaughter grandson stepdaughter stepson""".split())


def family_name(ent) -> list[str]:
    """'Mr Corbett's daughter Sarah', 'Trump's wife, Melania': a given name after a named relative's kin noun
    takes the relative's family name ('Sarah Corbett')."""
    root = ent.root
    kin = root.head
    if root.dep_ not in ("appos", "compound", "npadvmod") or kin.lemma_.lower() not in KIN_NOUNS or kin.i > root.i:
        return []
    owners = [c for c in kin.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    return [owners[0].text] if owners else []


def title_gender(title: str) -> str | None:
    words = {w.strip(".").lower() for w in title.split()}
    if words & FEMALE_TITLES:
        return "f"
    if words & MALE_TITLES:
        return "m"
    return None


def leading_title(text: str) -> str | None:
    """'Taoiseach' of 'Taoiseach Leo Varadkar', 'Prime Minister' of 'Prime Minister Jane Holt': the titles a
    name starts with, as written."""
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    taken = 0
    while taken < len(words) - 1 and words[taken].lower().strip(".") in TITLES:
        taken += 1
    return " ".join(words[:taken]) or None


GENDERED_NOUNS = {**dict.fromkeys("""woman women mother wife daughter sister girl grandmother aunt niece widow
businesswoman spokeswoman chairwoman congresswoman councilwoman actress""".split(), "f"),
                  **dict.fromkeys("""man men father husband son brother boy grandfather uncle nephew widower
businessman spokesman chairman congressman councilman actor""".split(), "m")}


def described_gender(description: str) -> str | None:
    """The gender a description's own nouns give ('woman in Worcester': f), if any and if only one."""
    genders = {GENDERED_NOUNS[w] for w in description.lower().replace(",", " ").split() if w in GENDERED_NOUNS}
    return genders.pop() if len(genders) == 1 else None


def beside_a_title(ent) -> bool:
    """'the company’s CEO, Abdulaziz Jaafar' / 'Abdulaziz Jaafar, the founder' / 'CEO Abdulaziz Jaafar': a
    name in apposition to a title, or right after one, is a person's."""
    root = ent.root
    if root.dep_ == "appos" and root.head.lower_ in TITLES:
        return True
    if any(c.dep_ == "appos" and c.lower_ in TITLES for c in root.children):
        return True
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in TITLES and ent.doc[ent.start - 1].pos_ == "NOUN"
