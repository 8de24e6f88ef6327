"""Attribution is linear in the number of quotations (issue #14, fault 6: a lookup of every entity and every
person per quotation made 2,500 one-line quotations take 75 s). Counted, not timed: the number of Python
calls attribution makes on n and on 2n quotations, which is the same on every machine."""

from conftest import calls_made

from onrecord.quotes.attribution import attribute

GIVEN = "Anna Boris Carla Deepak Elena Farid Greta Hamid Irene Jonas Keiko Lars Maria Nadia Omar Priya".split()
HEAD, MIDDLE, TAIL = "Bel Dor Kav Mar Sol Tam Ver Zan Hol Rin".split(), "a o e i u".split(), "ndt rsen vic lli gard".split()


def surname(i: int) -> str:
    """A different surname for every i below 250, each one looking like a name."""
    return HEAD[i % 10] + MIDDLE[i // 10 % 5] + TAIL[i // 50 % 5]


def quotations(n: int) -> str:
    """n one-line quotations, each by a different person, some resolved through a pronoun."""
    lines = []
    for i in range(n):
        speaker = f"{GIVEN[i % len(GIVEN)]} {surname(i)}"
        lines.append(f"“Line {i} of the statement is here for everyone,” said {speaker}.")
        if i % 3 == 0:
            lines.append(f"“And line {i} goes on with more words for them,” she added.")
    return "\n\n".join(lines)


def test_twice_the_quotations_cost_about_twice_the_calls(nlp):
    small, large = (nlp(quotations(n)) for n in (120, 240))
    ratio = calls_made(attribute, large) / calls_made(attribute, small)
    assert ratio < 2.3, ratio


def descriptions(n: int) -> str:
    """n reported statements by the same bare description, which the description sieves look up among the
    speakers and the uses of the noun before it."""
    return "\n\n".join(f"The government said line {i} of the plan would work for the region." for i in range(n))


def test_twice_the_bare_descriptions_cost_about_twice_the_calls(nlp):
    small, large = (nlp(descriptions(n)) for n in (120, 240))
    ratio = calls_made(attribute, large) / calls_made(attribute, small)
    assert ratio < 2.3, ratio


def nested(n: int) -> str:
    """One witness's quotation holding n quotations, each with 'he said' before it, where the only person she
    names is herself: no antecedent fits, which is the longest search for one."""
    inner = " ".join(f"Doris Zibulka was there. He said ‘Line {i} is fine for all of us.’" for i in range(n))
    return f"Next door neighbour Doris Zibulka told the court: “{inner}”"


def test_twice_the_nested_quotations_cost_about_twice_the_calls(nlp):
    small, large = (nlp(nested(n)) for n in (60, 120))
    ratio = calls_made(attribute, large) / calls_made(attribute, small)
    assert ratio < 2.3, ratio
