"""The hypothesis report: the paper's competing explanations weighed with the ACH engine, in words for a reader.

Everything said is computed by :mod:`.ach` from hypotheses.csv, evidence.csv and ratings.csv: the call
(a leader, or a tie when the lead is within one ordinary inconsistency or the draws do not separate
them), what contradicts each explanation, what would change the answer, how much rests on the
author's own judgement, and what each scoring choice does. This module says it in the key findings
and the variant box; the longer sections are in :mod:`.hypothesis_notes`, tables and the chart in
:mod:`.hypothesis_tables`, and the words both use (names, counts, shares of draws) in :mod:`.hypothesis_words`.
"""

from __future__ import annotations

import html
from functools import lru_cache

from . import ach
from . import hypothesis_tables as tables
from .hypothesis_words import (MARGIN_WORDS, about, call_words, cap, change_words, count, draw_shares, draws_call, draws_sentence,  # noqa: F401
                               html_name, item_words, name, names, solo_leads_words, top_words)
from ..presentation import prose
from ..presentation.findings import Finding

PARAMETERS = ach.PARAMETERS
TITLES = {"collapse": "Why did Russia lose the Assad regime? The paper's readings weighed",
          "intent": "Did Russia weaken the Assad regime on purpose?"}
QUESTIONS = {
    "collapse": ("The paper argues that the Russian-Syrian falling-out contributed decisively to the regime's collapse. Its "
                 "conclusion then asks how Russia's failure should be read, should it lose its Syrian bases: a gamble on "
                 "coercion that backfired, a regime doomed anyway, or a regime that would probably have survived but "
                 "without serving Russia while draining its coffers. It judges the third the most solid, tentatively, "
                 "saying it needs further investigation, and sets aside a fourth, a Russo-Turkish deal, for lack of "
                 "evidence. Does the paper's own evidence single out the third reading, and how firmly?"),
    "intent": ("The paper leaves open whether Moscow weakened the regime on purpose, to force a settlement with Türkiye, or "
               "whether relations simply went awry. Its conclusion judges the cuts probably meant as leverage over Assad, "
               "without saying over which demands; this report adds a third reading, leverage over Russia's demands inside "
               "Syria, to keep that apart from the Türkiye reading. What does the paper's evidence support?"),
}
KIND_PLURAL = {"author": "the author's own judgements", "syrian_officer": "Syrian officers", "syrian_official": "Syrian officials",
               "russian_official": "Russian officials", "russian_pmc": "Wagner Group sources", "iranian_adviser": "Iranian advisers",
               "journalist": "journalists", "translator": "the translator", "unnamed_source": "sources the paper does not name",
               "unattributed": "facts the author states without naming a source"}
PAPER_LEAN = {"intent": ("The paper leaves this open; its conclusion leans to a calculated squeeze for leverage, which counts "
                         "against {awry} but does not choose between {design} and {lever}: that split is this report's.")}


def parameters(**values) -> dict:
    """Check the report's parameters (see ach.PARAMETERS)."""
    return ach.parameters(**values)


def matrix(params: dict) -> ach.Matrix:
    """The question's matrix with the chosen discount applied."""
    return ach.matrix_for(params)


def settings(params: dict) -> ach.Settings:
    """The scoring settings the parameters choose."""
    return ach.settings_for(params)


@lru_cache(maxsize=8)
def _verdict_cached(key: tuple) -> dict:
    params = {k: (list(v) if isinstance(v, tuple) else v) for k, v in key}
    return ach.verdict(matrix(params), settings(params), draws=params["draws"], p_step=params["p_step"],
                       weight_noise=params["weight_noise"], seed=params["seed"])


def verdict(params: dict) -> dict:
    """ach.verdict for these parameters (computed once per notebook run)."""
    return _verdict_cached(tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items())))


def defaults(params: dict) -> dict:
    """The main report's parameters for this question (everything else at its default)."""
    return parameters(question=params["question"], draws=params["draws"], seed=params["seed"])


def _variant(params: dict) -> str:
    """What this version sets aside or discounts, in words ('' for the main report)."""
    parts = []
    kinds = prose.join([KIND_PLURAL[k] for k in params["discount_kinds"]])
    if kinds:
        parts.append(f"the items attributed to {kinds} " + ("set aside" if params["discount_factor"] == 0 else "discounted"))
    if not params["author_judgements"]:
        parts.append("the author's own judgements set aside")
    return prose.join(parts)


def title(params: dict) -> str:
    """The report's title: the question's, plus what this version sets aside or discounts."""
    variant = _variant(params)
    return TITLES[params["question"]] + (f", with {variant}" if variant else "")


def question(params: dict) -> str:
    """The report's question: the main one, or what this version asks of it."""
    variant = _variant(params)
    if not variant:
        return QUESTIONS[params["question"]]
    topic = "how to read Russia's failure" if params["question"] == "collapse" else "whether Russia weakened the regime on purpose"
    return (f"Does the paper's evidence on {topic} point the same way with {variant}? The paper's method warns that "
            "interviewees may be partisan; this version tests how much the answer depends on them.")


def show_title(params: dict) -> None:
    """The title and the question, first on the page."""
    prose.show(f"# {prose.esc(title(params))}\n\n**Question.** {prose.esc(question(params))}")


def _switch_words(params: dict) -> list[str]:
    """The scoring choices this version makes that differ from the main report's, in words."""
    base, now = settings(defaults(params)), settings(params)
    out = []
    for sw in ach.SWITCHES:
        options = [(label, change) for label, change in sw.options if all(getattr(now, k) == v for k, v in change.items())]
        default = [label for label, change in sw.options if all(getattr(base, k) == v for k, v in change.items())]
        if options and default and options[0][0] != default[0]:
            out.append(f"{sw.about.lower()}: {options[0][0]} (the main report: {default[0]})")
    return out


def _set_aside(m: ach.Matrix, params: dict) -> list[str]:
    return [i for i, k in zip(m.items, m.source_kind) if k in params["discount_kinds"]]


def _variant_change(params: dict, how=name) -> str:
    """What setting things aside changed, against the main report: the top, then the draws (one definition each)."""
    m, v, main = matrix(params), verdict(params), verdict(defaults(params))
    same = v["base_leaders"] == main["base_leaders"]
    out = (f"The scores give {top_words(m, v['base_leaders'], how)}, "
           + ("as in the main report" if same else f"where the main report gives {top_words(m, main['base_leaders'], how)}")
           + f"; the call: {call_words(m, v, how)}. In random draws {draw_shares(m, v, main, how)}.")
    return out


def variant_box(params: dict) -> str:
    """For a version of the report, a box saying what differs from the main report and what that changed ('' for the main one)."""
    m, v = matrix(params), verdict(params)
    if params["question"] == "intent":
        differs = ("The main report weighs how to read Russia's failure. This one asks the paper's other question, whether "
                   f"Moscow weakened the regime on purpose, with the same method: {len(m.items)} of the evidence items bear on "
                   f"it and are rated against its {count(len(m.hypotheses), 'answer')}.")
        return _box(differs, "What this version finds", f"{cap(call_words(m, v, html_name))}. {_against_html(m, v)}")
    parts = []
    if params["discount_kinds"]:
        hit = _set_aside(m, params)
        share = "are set aside" if params["discount_factor"] == 0 else f"count at {params['discount_factor']:.0%} of their weight"
        parts.append(f"The {count(len(hit), 'item')} attributed to {html.escape(prose.join([KIND_PLURAL[k] for k in params['discount_kinds']]))} "
                     f"{share} {tables.ref(m, *hit)}; they are greyed in the tables.")
    switches = _switch_words(params)
    if switches:
        parts.append("Scoring: " + html.escape("; ".join(switches)) + ".")
    if not parts:
        return ""
    return _box(" ".join(parts), "What that changed", _variant_change(params, html_name))


def _against_html(m: ach.Matrix, v: dict) -> str:
    return " ".join(f"{html_name(m, h)}: " + (f"contradicted by {count(len(v['against'][h]), 'item')}." if v["against"][h]
                                               else "nothing contradicts it.") for h in m.hypotheses)


def _box(differs: str, heading: str, changed: str) -> str:
    """The variant box (HTML): what differs from the main report, and what that changed."""
    return (f'{tables.STYLE}<aside class="ach-box" aria-label="How this version differs"><p><strong>What differs from the main '
            f"report.</strong> {differs}</p><p><strong>{heading}.</strong> {changed}</p></aside>")


def against_words(m: ach.Matrix, v: dict, h: str, verb: bool) -> str:
    items = v["against"][h]
    if not items:
        return f"nothing contradicts {name(m, h)}"
    ids = sorted((a["item"] for a in items), key=lambda i: tables.number_of(m, i))
    low = all(m.credibility[m.items.index(i)] == "low" for i in ids)
    own = sum(m.source_kind[m.items.index(i)] == "author" for i in ids)
    what = count(len(ids), "item") + (", of low credibility" if low else "")
    if own:
        what += (", the author's own judgement" if len(ids) == 1 else
                 f" ({'all' if own == len(ids) else prose.WORD_NUMBERS[own] if own < 11 else own} of them the author's own)")
    return f"{name(m, h)}{' is contradicted' if verb else ''} by {what} {tables.ref(m, *ids)}"


def against_sentence(m: ach.Matrix, v: dict) -> str:
    """What contradicts each hypothesis, least contradicted first, the verb written out once."""
    parts, said = [], False
    for h in sorted(m.hypotheses, key=lambda h: len(v["against"][h])):
        parts.append(against_words(m, v, h, verb=not said))
        said = said or bool(v["against"][h])
    clean = [h for h in v["contenders"] if not v["against"][h]]
    caveat = (f" That nothing contradicts {prose.join([name(m, h) for h in clean], 'or')} shows how little tells against "
              f"{'it' if len(clean) == 1 else 'them'} (this method counts only the evidence against), not support."
              if clean else "")
    return cap("; ".join(parts)) + "." + caveat


def paper_words(m: ach.Matrix, v: dict) -> str:
    """What the paper concludes, with its own hedge, and whether the evidence as rated agrees."""
    p = v["paper_hypothesis"]
    if p is None:
        lean = PAPER_LEAN.get(m.question, "")
        short = {k: name(m, h) for k, h in zip(("design", "awry", "lever"), m.hypotheses)}
        return lean.format(**short) if len(m.hypotheses) == 3 else lean
    said = f"The paper judges {name(m, p)} the most solid only tentatively, saying it needs further investigation"
    if v["call"] == p:
        return f"{said}; the evidence as rated puts it first."
    if p in v["contenders"]:
        return f"{said}; the evidence as rated is consistent with that but does not single it out."
    return f"{said}; the evidence as rated does not put it first."


def first_words(m: ach.Matrix, v: dict) -> str:
    """The report's finding in one sentence (without its full stop): the call, set against the paper's own judgement."""
    held = v["author"]["leaders_without"] if v["author"]["kept"] and v["call"] == "tie" else []  # said by _how_firm
    p, behind = v["paper_hypothesis"], [h for h in m.hypotheses if h not in v["contenders"] and h not in held]
    rest = f", and {names(m, behind)} {'is' if len(behind) == 1 else 'are'} behind" if behind else ""
    if p is None:
        return f"The paper's evidence, as rated here, {_gives(m, v)}"
    judged = f"{name(m, p)}, the reading the paper judges most solid while saying it needs further investigation,"
    if v["call"] == p:
        return f"On the paper's own evidence, as rated here, {judged} comes first{rest}"
    if p in v["contenders"]:
        others = [h for h in v["contenders"] if h != p]
        return f"On the paper's own evidence, as rated here, {judged} ties with {names(m, others)}{rest}"
    return f"On the paper's own evidence, as rated here, {call_words(m, v)}, not {judged.rstrip(',')}"


def _gives(m: ach.Matrix, v: dict) -> str:
    """'gives a tie between *A* and *B*, with *C* behind' or 'puts *A* first' (those said to be behind only because of the
    author's judgements are left to :func:`_how_firm`)."""
    held = v["author"]["leaders_without"] if v["author"]["kept"] else []
    behind = [h for h in m.hypotheses if h not in v["contenders"] and h not in held]
    if v["call"] == "tie":
        return f"gives a tie between {names(m, v['contenders'])}" + (f", with {names(m, behind)} behind" if behind else "")
    return f"puts {name(m, v['call'])} first"


def _own(m: ach.Matrix, items) -> str:
    """', the author's own judgement' / ', one of them the author's own' for the author's items among ``items``."""
    own = sum(m.source_kind[m.items.index(i)] == "author" for i in items)
    if not own:
        return ""
    return ", the author's own judgement" if len(items) == 1 else (
        f", {'both' if own == len(items) == 2 else 'all' if own == len(items) else prose.WORD_NUMBERS[own]} of them the author's own")


def _how_firm(m: ach.Matrix, v: dict, after_lead: bool = False) -> str:
    """After the call, when it is fragile: what a lead rests on; for a tie that the author's judgements keep others out
    of, what tells the tied apart, what would break the tie, and what keeps the rest behind ('' when not fragile).
    ``after_lead``: the sentence so far ends with 'a lead'."""
    au, c = v["author"], v["change_top"]
    if v["call"] != "tie":
        loo, lead = v["loo_flips"], " that" if after_lead else ", a lead that"
        if len(loo) == 1:
            return f"{lead} rests on one item{_own(m, loo)} {tables.ref(m, *loo)}"
        gone = au["kept"] and au["leaders_without"] != [v["call"]]
        return f"{lead} is gone without the author's own judgements" if gone else ""
    joiners = [h for h in au["leaders_without"] if h not in v["contenders"]] if au["kept"] else []
    if not joiners:
        return ""
    out = ""
    if len(v["contenders"]) == 2:
        sep = [x["item"] for x in v["separating"]["items"]]
        tells = "no item tells them apart" if not sep else f"only {count(len(sep), 'item')} {tables.ref(m, *sep)} tell{'s' if len(sep) == 1 else ''} them apart"
        breaks = any(len(o["top_after"]) == 1 and o["top_after"][0] in v["contenders"] for o in c["outcomes"])
        step = "a single rating moved one step" if c["size"] == 1 else f"{count(c['size'] or 0, 'rating')}, each moved one step,"
        out = f"; {tells}" + (f", and {step} could break the tie" if breaks else "")
    for h in joiners:
        items = [a["item"] for a in v["against"][h]]
        out += f"; {name(m, h)} is kept out of the tie only by {count(len(items), 'item')} {tables.ref(m, *items)}{_own(m, items)}"
    return out


def _variant_first(m: ach.Matrix, v: dict, params: dict, main: dict) -> str:
    """The variant's first finding (the index's headline): what setting the items aside does to the call, and how firm it is."""
    hit = _set_aside(m, params)
    head = f"With the {count(len(hit), 'item')} attributed to {prose.join([KIND_PLURAL[k] for k in params['discount_kinds']])} set aside {tables.ref(m, *hit)}, "
    if v["call"] == main["call"] and v["contenders"] == main["contenders"]:
        # the same call: how firm it is, the main report's headline already says
        if v["call"] == "tie":
            return head + f"the evidence as rated here still gives {top_words(m, v['contenders'])}, as in the main report."
        return head + f"{name(m, v['call'])} still comes first, as in the main report" + _how_firm(m, v) + "."
    if v["call"] != "tie" and main["call"] == "tie" and v["call"] in main["contenders"]:
        others = [h for h in main["contenders"] if h != v["call"]]
        return head + f"{name(m, v['call'])} moves from a tie with {names(m, others)} to a lead" + _how_firm(m, v, True) + "."
    return head + f"the evidence as rated here {_gives(m, v)}, where with them the main report finds {call_words(m, main)}" + _how_firm(m, v) + "."


def without_words(m: ach.Matrix, v: dict) -> str:
    """What the evidence gives without the author's judgements, said as 'still' when it is what the scores give with them."""
    without = v["author"]["leaders_without"]
    if without != v["base_leaders"]:
        return f"the evidence gives {top_words(m, without)}"
    return f"it is still {top_words(m, without)}" if len(without) > 1 else f"{name(m, without[0])} still comes first"


def key_findings(params: dict) -> list[Finding]:
    """Three to five sentences that answer the question, each with its numbers and the items it rests on."""
    m, v = matrix(params), verdict(params)
    q, mc, mv, au, sep = params["question"], v["mc"], v["multiverse"], v["author"], v["separating"]
    if params["discount_kinds"] and params["discount_factor"] == 0:
        main = verdict(defaults(params))
        f1, f2 = _variant_first(m, v, params, main), against_sentence(m, v)
    else:
        main = None
        f1 = first_words(m, v) + _how_firm(m, v) + "."
        f2 = (paper_words(m, v) + " " if v["paper_hypothesis"] is None else "") + against_sentence(m, v)
    f3 = f"{draws_sentence(m, v, settings(params), main)} {cap(change_words(m, v, every_example=False))}."
    alone = [h for h in m.hypotheses if mv["leads"][h] > 0]
    ever = [h for h in m.hypotheses if mv["leads"][h] > 0 or mv["shares_first"][h] > 0]
    f4 = (f"Across {mv['n']} combinations of defensible scoring choices, "
          + ("; ".join(f"{name(m, h)} comes first on its own in {round(mv['leads'][h] * mv['n'])} "
                       f"({tables.pct(mv['leads'][h])})" for h in alone) if alone else "no explanation comes first on its own")
          + (", and the rest are ties" if mv["p_tie"] and alone else "")
          + (f"; only {names(m, ever)} ever come first" if len(ever) < len(m.hypotheses) else "") + "."
          + (f" {solo_leads_words(m, v)}" if any(mv["rests_on"][h] for h in alone) else ""))
    carried = "all" if round(au["share_of_spread"], 2) >= 1 else f"about {tables.pct(au['share_of_spread'])}"
    counted = int((m.factor > 0).sum())  # items set aside are not counted
    of = f"{count(au['items'], 'item')} of the {len(m.items)}" if counted == len(m.items) else \
        f"{au['items']} of the {counted} items counted"
    f5 = (f"{cap(of)} are the author's own judgements, carrying {carried} "
          f"of what separates the explanations; without them {without_words(m, v)}.")
    if len(sep["pair"]) == 2:
        n, own = len(sep["items"]), sep["author_items"]
        f5 += (f" Between {names(m, sep['pair'])}, " + ("no item makes any difference." if n == 0 else
               f"{'only ' if n < 4 else ''}{count(n, 'item')} {'makes' if n == 1 else 'make'} any difference "
               f"{tables.ref(m, *[x['item'] for x in sep['items']])}, "
               + (("and it is the author's." if own else "and it is not the author's.") if n == 1 else
                  "none of them the author's." if own == 0 else
                  f"{prose.WORD_NUMBERS[own] if own < 11 else own} of them the author's.")))
    values = {"call": v["call"], "contenders": v["contenders"], "p_first": mc["p_first"], "p_tie": mc["p_tie"],
              "multiverse_leads": mv["leads"], "author_share": au["share_of_spread"], "change_size": v["change_top"]["size"]}
    return [Finding(f"hypotheses.{q}.{k}", text, values if k == "call" else {}, tuple(m.items))
            for k, text in (("call", f1), ("against", f2), ("robustness", f3), ("settings", f4), ("author", f5))]


def chart_monte_carlo(params: dict):
    """The chart of the random draws, its title stating the finding."""
    m, v = matrix(params), verdict(params)
    lead, mc = v["mc"]["leaders"], v["mc"]
    if mc["p_tie"] > max(mc["p_first"].values()):
        title = "The top is tied in more random draws than any explanation leads alone"
    elif len(lead) > 1:
        title = f"{prose.join([m.label(h) for h in lead])}: too close to call when ratings and weights move at random"
    else:
        title = f"{m.label(lead[0])} leads alone in more random draws than any other"
        others = [h for h in v["base_leaders"] if h not in lead]
        if others:
            title += f", though on the scores it ties with {prose.join([m.label(h) for h in others])}"
    return tables.chart_monte_carlo(m, v, title)
