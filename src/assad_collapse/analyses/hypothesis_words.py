"""How the hypothesis reports put the engine's results into sentences: explanations and items by name, counts, the call,
shares of random draws, and what would change the top.

Shared by the key findings (:mod:`.hypotheses`) and the longer sections (:mod:`.hypothesis_notes`), so that one thing is
said one way everywhere.
"""

from __future__ import annotations

import html

import numpy as np

from . import ach
from . import hypothesis_tables as tables
from ..presentation import prose
from ..presentation.labels import capitalised as cap  # the short name these sentence builders use


def count(n: int, noun: str, plural: str | None = None) -> str:
    """'one item', 'three items', '13 items': small counts in words, the noun agreeing."""
    word = prose.WORD_NUMBERS[n] if 0 <= n < len(prose.WORD_NUMBERS) else f"{n:,}"
    return f"{word} {noun if n == 1 else (plural or noun + 's')}"


def item_words(m: ach.Matrix, item: str) -> str:
    """An evidence item in running text: its summary in quotation marks and its citation."""
    return f"\u201c{prose.esc(m.summary(item))}\u201d {tables.ref(m, item)}"


def name(m: ach.Matrix, h: str) -> str:
    return f"*{prose.esc(m.label(h))}*"


def html_name(m: ach.Matrix, h: str) -> str:
    return f"<em>{html.escape(m.label(h))}</em>"


def names(m: ach.Matrix, ids, how=name) -> str:
    return prose.join([how(m, h) for h in ids])


def call_words(m: ach.Matrix, v: dict, how=name) -> str:
    """The call in words: 'a tie between *A* and *B*' or '*A* comes first' (``how`` formats a hypothesis)."""
    return f"a tie between {names(m, v['contenders'], how)}" if v["call"] == "tie" else f"{how(m, v['call'])} comes first"


def top_words(m: ach.Matrix, ids, how=name) -> str:
    """The top (the leaders within the margin) in words."""
    return f"a tie between {names(m, ids, how)}" if len(ids) > 1 else f"{how(m, ids[0])} first"


def _rating_change(m: ach.Matrix, changes: list[dict]) -> str:
    return prose.join([f"rating {item_words(m, x['item'])} {tables.RATING_WORDS[x['to']].split(':')[0]} rather than "
                       f"{tables.RATING_WORDS[x['from']].split(':')[0]} with {name(m, x['hypothesis'])}" for x in changes])


def _number(n: int) -> str:
    return prose.WORD_NUMBERS[n] if 0 <= n < len(prose.WORD_NUMBERS) else f"{n:,}"


def change_words(m: ach.Matrix, v: dict, every_example: bool = True) -> str:
    """The fewest one-step rating changes that would change which explanations come first: how many lead to each new
    top, with one example of each (so a change favouring any explanation is shown, not only the commonest); with
    ``every_example`` False, an example of the commonest only."""
    c = v["change_top"]
    if c["size"] is None:
        return "no set of up to three one-step rating changes would change which explanations come first"
    size = "a single rating moved one step" if c["size"] == 1 else f"{count(c['size'], 'rating')}, each moved one step,"
    outcomes = c.get("outcomes") or [{"top_after": None, "count": c["n_solutions"], "example": c["solutions"][0]}]

    def result(top) -> str:
        return "" if top is None else f"put {name(m, top[0])} first on its own" if len(top) == 1 else f"give {top_words(m, top)}"
    if c["n_solutions"] == 1:
        what = result(outcomes[0]["top_after"])
        return f"{size} would change which explanations come first: only {_rating_change(m, outcomes[0]['example'])}" + (
            f", which would {what}" if what else "")
    parts = []
    for k, o in enumerate(outcomes):
        n, what = o["count"], result(o["top_after"])
        many = f"all {_number(n)}" if len(outcomes) == 1 else _number(n)
        parts.append((f"{many} would {what}" if what else many) + (
            (", for example " if n > 1 else ", by ") + _rating_change(m, o["example"]) if every_example or k == 0 else ""))
    return (f"{size} would change which explanations come first ({count(c['n_solutions'], 'such change')}): "
            + "; ".join(parts))


def about(x: float) -> str:
    """A share of draws in words: 'about 41%', 'under 1%', and exactly '0%' or '100%'."""
    return "0%" if x == 0 else "100%" if x == 1 else "under 1%" if x < 0.005 else f"about {tables.pct(x)}"


PARC_WORDS = ("the scoring of PARC ACH 2.0 (the Palo Alto Research Center's software for the analysis of competing "
              "hypotheses), which counts only the evidence against each explanation, each item weighted by its credibility "
              "and relevance")
"""PARC, said in words where a page first names it."""

MARGIN_WORDS = "one inconsistent rating on an item of medium credibility and relevance"
"""What the practical margin (:mod:`.ach.ties`) counts, under either scoring: one ordinary piece of contrary evidence."""


def draw_shares(m: ach.Matrix, v: dict, main: dict | None = None, how=name) -> str:
    """'*A* leads alone in about 41% of draws, *B* in about 31%; the top is tied in about 24%' (with the main report's)."""
    mc = v["mc"]
    was = (lambda x: f" (main report: {about(x)})") if main else (lambda x: "")
    show = [*v["contenders"], *(main["contenders"] if main else [])]
    lead = [h for h in sorted(m.hypotheses, key=lambda h: -mc["p_first"][h]) if mc["p_first"][h] >= 0.05 or h in show][:3]
    parts = [f"{how(m, h)} {'leads alone in ' if k == 0 else 'in '}{about(mc['p_first'][h])}{' of draws' if k == 0 else ''}"
             + (was(main["mc"]["p_first"][h]) if main else "") for k, h in enumerate(lead)]
    return prose.join(parts) + f"; the top is tied in {about(mc['p_tie'])}" + (was(main["mc"]["p_tie"]) if main else "")


def draws_call(m: ach.Matrix, v: dict, s: ach.Settings, how=name, margin_said: bool = False) -> str:
    """What the draws add to the scores, in words, with the reason when the call is still a tie (``margin_said``: the
    sentence before has said what the margin is)."""
    drawn, base = v["mc"]["leaders"], v["base_leaders"]
    if len(drawn) > 1:
        return f"the draws do not separate {names(m, drawn, how)}" + (" either" if len(base) > 1 else "")
    x = drawn[0]
    if base == [x]:
        loo = v["loo_flips"]
        if loo:
            return (f"{how(m, x)} is ahead, but its lead rests on "
                    + (f"one item: dropping {tables.ref(m, *loo)} alone undoes it" if len(loo) == 1 else
                       f"single items: dropping any one of {tables.ref(m, *loo)} undoes it"))
        if v["change_top"]["size"] == 1:
            return f"{how(m, x)} is ahead, but a single rating moved one step would undo its lead"
        return f"{how(m, x)} is clearly ahead"
    if x in base:
        gap = f" ({v['lead']:.2f})" if s.scheme == "heuer" else ""
        unit = f" ({v['margin']:.2f})" if s.scheme == "heuer" else ""
        margin = "that margin" if margin_said else f"what {MARGIN_WORDS} counts"
        return (f"{how(m, x)} leads alone more often, but its lead on the scores{gap} is no larger than {margin}{unit}, so this "
                "report still calls it a tie")
    return "the scores and the draws do not agree on a single leader, so this report calls it a tie"


def draws_sentence(m: ach.Matrix, v: dict, s: ach.Settings, main: dict | None = None) -> str:
    """The random draws in one sentence: the shares, then what they add to the scores."""
    return (f"When every rating and weight is moved at random ({v['mc']['draws']:,} draws), {draw_shares(m, v, main)}: "
            f"{draws_call(m, v, s)}.")


def _mechanism(m: ach.Matrix, v: dict, h: str | list[str], name_: str, label: str) -> str:
    """How a scoring choice gives ``h`` (one or several) its solo leads, with the counts of ratings it turns on."""
    change = dict(next(sw for sw in ach.SWITCHES if sw.name == name_).options)[label]
    first = [h] if isinstance(h, str) else list(h)
    rivals = [*first, *(x for x in m.hypotheses if x not in first and v["multiverse"]["shares_first"][x] > 0)]

    counted = m.factor > 0  # items set aside are not counted

    def tally(codes) -> str:
        return ", ".join(f"{name(m, x)} {int((np.isin(m.ratings[:, m.hypotheses.index(x)], codes) & counted).sum())}"
                         for x in rivals)
    if change.get("ladder") == "symmetric":  # (a count of consistent ratings would not say who leads: weights decide)
        return "letting the evidence for an explanation count too"
    if change.get("na") == "average":
        return ("giving a not-applicable rating the item's average, which, where only the evidence against counts, can "
                "only count against an explanation, so it weighs most on those with many not-applicable ratings "
                f"({tally(['NA'])})")
    return f"the choice \u201c{label}\u201d"


def solo_leads_words(m: ach.Matrix, v: dict) -> str:
    """Where every explanation's solo leads across the settings come from: one sentence for all when they come from
    the same choices and nothing but ties is left without them, else one per explanation ('' if none)."""
    mv = v["multiverse"]
    alone = [h for h in m.hypotheses if mv["rests_on"].get(h)]
    keys = {h: (tuple((o["switch"], o["option"]) for o in mv["rests_on"][h]["options"]), mv["rests_on"][h]["without"]["n"])
            for h in alone}
    clean = all(mv["rests_on"][h]["without"]["ties"] == mv["rests_on"][h]["without"]["n"] for h in alone)
    if len(alone) < 2 or len(set(keys.values())) > 1 or not clean:
        return "".join(f" {rests_on_words(m, v, h)}" for h in alone).strip()
    (options, n), = set(keys.values())
    leads = {h: round(mv["leads"][h] * mv["n"]) for h in alone}
    how = "; ".join(f"{sum(o['leads'] for h in alone for o in mv['rests_on'][h]['options'] if (o['switch'], o['option']) == opt)} "
                    f"from {_mechanism(m, v, alone, *opt)}" for opt in options)
    which = (f"one choice, {_mechanism(m, v, alone, *options[0])}" if len(options) == 1 else
             f"{prose.WORD_NUMBERS[len(options)]} choices: {how}")
    neither = "without it" if len(options) == 1 else "with neither" if len(options) == 2 else "with none of them"
    return (f"All {sum(leads.values())} solo leads ({prose.join(f'{name(m, h)} {leads[h]}' for h in alone)}) come from "
            f"{which}. {cap(neither)} ({n} settings), every one is a tie.")


def rests_on_words(m: ach.Matrix, v: dict, h: str) -> str:
    """Which scoring choices ``h``'s solo leads across the settings come from, and what is left without them ('' if none)."""
    r = v["multiverse"]["rests_on"].get(h)
    if not r:
        return ""
    total, opts, rest = round(v["multiverse"]["leads"][h] * v["multiverse"]["n"]), r["options"], r["without"]
    of = f"Those {total} all come" if rest["leads"] == 0 else f"Of those {total}, {sum(o['leads'] for o in opts)} come"
    parts = [f"{o['leads']} from {_mechanism(m, v, h, o['switch'], o['option'])}" for o in opts]
    which = (f"one choice, {_mechanism(m, v, h, opts[0]['switch'], opts[0]['option'])}" if len(opts) == 1 else
             f"{prose.WORD_NUMBERS[len(opts)]} choices: " + "; ".join(parts))
    neither = "without it" if len(opts) == 1 else "with neither" if len(opts) == 2 else "with none of them"
    left = (f"{name(m, h)} never comes first on its own" if rest["leads"] == 0 else
            f"{name(m, h)} comes first on its own in {rest['leads']}")
    ties = (f": all {rest['n']} are ties" if rest["ties"] == rest["n"] else
            f"; the other {rest['ties']} are ties" if rest["leads"] and rest["leads"] + rest["ties"] == rest["n"] else "")
    return f"{of} from {which}. {cap(neither)} ({rest['n']} settings), {left}{ties}."
