"""The hypothesis report: the paper's competing explanations weighed with the ACH engine, in words for a reader.

Everything said is computed by :mod:`.ach` from hypotheses.csv, evidence.csv and ratings.csv:
the call (a leader, or a tie when the lead is within Monte Carlo error or one ordinary
inconsistency), what contradicts each explanation, what would change the answer, how much rests
on the author's own judgement, and what each scoring choice does. Tables and the chart are in
:mod:`.hypothesis_tables`.
"""

from __future__ import annotations

import html
from functools import lru_cache

from . import ach
from . import hypothesis_tables as tables
from ..presentation import prose
from ..presentation.findings import Finding

PARAMETERS = ach.PARAMETERS
TITLES = {"collapse": "Why did the Assad regime fall? The paper's explanations weighed",
          "intent": "Did Russia weaken the Assad regime on purpose?"}
QUESTIONS = {
    "collapse": ("The paper's conclusion weighs three explanations of why the Assad regime fell and judges one, a regime "
                 "that could have lasted but drained Russia without serving it, the most solid. Does the paper's own "
                 "evidence single that explanation out, and how firmly?"),
    "intent": ("The paper leaves open whether Moscow weakened the regime on purpose, to force a settlement with Türkiye, "
               "or whether relations simply went awry, and its conclusion leans to a third reading: pressure for leverage. "
               "What does its evidence support?"),
}
KIND_PLURAL = {"author": "the author's own judgements", "syrian_officer": "Syrian officers", "syrian_official": "Syrian officials",
               "russian_official": "Russian officials", "russian_pmc": "Wagner Group sources", "iranian_adviser": "Iranian advisers",
               "journalist": "journalists", "translator": "the translator", "unnamed_source": "sources the paper does not name",
               "unattributed": "statements with no source named"}
JUDGEMENT = {"most_solid": "judges most solid", "probable": "leans to"}


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


def _defaults(params: dict) -> dict:
    """The main report's parameters for this question (everything else at its default)."""
    return parameters(question=params["question"], draws=params["draws"], seed=params["seed"])


def _variant(params: dict) -> str:
    """What this version sets aside or discounts, in words ('' for the main report)."""
    parts = []
    kinds = prose.join([KIND_PLURAL[k] for k in params["discount_kinds"]])
    if kinds:
        parts.append(f"{kinds}' testimony " + ("set aside" if params["discount_factor"] == 0 else "discounted"))
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
    topic = "why the regime fell" if params["question"] == "collapse" else "whether Russia weakened the regime on purpose"
    return (f"Does the paper's evidence on {topic} point the same way with {variant}? The paper's method warns that "
            "interviewees may be partisan; this version tests how much the answer depends on them.")


def show_title(params: dict) -> None:
    """The title and the question, first on the page."""
    prose.show(f"# {prose.esc(title(params))}\n\n**Question.** {prose.esc(question(params))}")


def count(n: int, noun: str, plural: str | None = None) -> str:
    """'one item', 'three items', '13 items': small counts in words, the noun agreeing."""
    word = prose.WORD_NUMBERS[n] if 0 <= n < len(prose.WORD_NUMBERS) else f"{n:,}"
    return f"{word} {noun if n == 1 else (plural or noun + 's')}"


def _item(m: ach.Matrix, item: str) -> str:
    """An evidence item in running text: its summary in quotation marks and its citation."""
    return f"\u201c{prose.esc(m.summary(item))}\u201d {tables.ref(m, item)}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _name(m: ach.Matrix, h: str) -> str:
    return f"*{prose.esc(m.label(h))}*"


def _html_name(m: ach.Matrix, h: str) -> str:
    return f"<em>{html.escape(m.label(h))}</em>"


def _names(m: ach.Matrix, ids, name=_name) -> str:
    return prose.join([name(m, h) for h in ids])


def call_words(m: ach.Matrix, v: dict, name=_name) -> str:
    """The call in words: 'a tie between *A* and *B*' or '*A* comes first' (``name`` formats a hypothesis)."""
    return f"a tie between {_names(m, v['contenders'], name)}" if v["call"] == "tie" else f"{name(m, v['call'])} comes first"


def _switch_words(params: dict) -> list[str]:
    """The scoring choices this version makes that differ from the main report's, in words."""
    base, now = settings(_defaults(params)), settings(params)
    out = []
    for sw in ach.SWITCHES:
        options = [(label, change) for label, change in sw.options if all(getattr(now, k) == v for k, v in change.items())]
        default = [label for label, change in sw.options if all(getattr(base, k) == v for k, v in change.items())]
        if options and default and options[0][0] != default[0]:
            out.append(f"{sw.about.lower()}: {options[0][0]} (the main report: {default[0]})")
    return out


def variant_box(params: dict) -> str:
    """For a version of the report, a box saying what differs from the main report and what that changed ('' for the main one)."""
    m, v = matrix(params), verdict(params)
    if params["question"] == "intent":
        differs = ("The main report weighs why the regime fell. This one asks the paper's other question, whether Moscow "
                   f"weakened the regime on purpose, with the same method: {len(m.items)} of the evidence items bear on it "
                   f"and are rated against its {count(len(m.hypotheses), 'answer')}.")
        return _box(differs, f"Its answer is its own: {call_words(m, v, _html_name)}.")
    parts = []
    kinds = list(params["discount_kinds"])
    if kinds:
        hit = [i for i, k in zip(m.items, m.source_kind) if k in kinds]
        share = "are set aside" if params["discount_factor"] == 0 else f"count at {params['discount_factor']:.0%} of their weight"
        parts.append(f"The {count(len(hit), 'item')} given by {html.escape(prose.join([KIND_PLURAL[k] for k in kinds]))} "
                     f"{share} {tables.ref(m, *hit)}; they are greyed in the tables.")
    switches = _switch_words(params)
    if switches:
        parts.append("Scoring: " + html.escape("; ".join(switches)) + ".")
    if not parts:
        return ""
    main = verdict(_defaults(params))
    same = v["call"] == main["call"] and v["contenders"] == main["contenders"]
    changed = (f"The call is {'unchanged' if same else 'different'}: {call_words(m, v, _html_name)}"
               + ("" if same else f", where the main report finds {call_words(m, main, _html_name)}") + ". "
               + prose.join([f"{_html_name(m, h)} leads alone in {tables.pct(v['mc']['p_first'][h])} of perturbed draws "
                             f"(main report: {tables.pct(main['mc']['p_first'][h])})" for h in v["contenders"]]) + ".")
    return _box(" ".join(parts), changed)


def _box(differs: str, changed: str) -> str:
    """The variant box (HTML): what differs from the main report, and what that changed."""
    return (f'{tables.STYLE}<aside class="ach-box" aria-label="How this version differs"><p><strong>What differs from the main '
            f"report.</strong> {differs}</p><p><strong>What that changed.</strong> {changed}</p></aside>")


def _against_words(m: ach.Matrix, v: dict, h: str, verb: bool) -> str:
    items = v["against"][h]
    if not items:
        return f"nothing contradicts {_name(m, h)}"
    low = all(m.credibility[m.items.index(a["item"])] == "low" for a in items)
    what = count(len(items), "item") + (", of low credibility" if low else "")
    return f"{_name(m, h)}{' is contradicted' if verb else ''} by {what} {tables.ref(m, *[a['item'] for a in items])}"


def _against_sentence(m: ach.Matrix, v: dict) -> str:
    """What contradicts each hypothesis, least contradicted first, the verb written out once."""
    parts, said = [], False
    for h in sorted(m.hypotheses, key=lambda h: len(v["against"][h])):
        parts.append(_against_words(m, v, h, verb=not said))
        said = said or bool(v["against"][h])
    return _cap("; ".join(parts)) + "."


def _paper_words(m: ach.Matrix, v: dict) -> str:
    p = v["paper_hypothesis"]
    if p is None:
        return ""
    verb = {"most_solid": "judges {} the most solid", "probable": "leans to {}"}[m.judgements[m.hypotheses.index(p)]]
    said = "The paper " + verb.format(_name(m, p))
    if v["call"] == p:
        return f"{said}, and the evidence as rated agrees."
    if p in v["contenders"]:
        return f"{said}: the evidence as rated is consistent with it but does not single it out."
    return f"{said}; the evidence as rated does not put it first."


def _change_words(m: ach.Matrix, v: dict, short: bool = False) -> str:
    c = v["change_top"]
    if c["size"] is None:
        return "no set of up to three one-step rating changes would change which explanation comes first"
    what = "break the tie" if len(v["exact_top"]) > 1 else "change which explanation comes first"
    first = c["solutions"][0]
    example = prose.join([f"rating {_item(m, x['item'])} "
                          f"{tables.RATING_WORDS[x['to']].split(':')[0]} rather than {tables.RATING_WORDS[x['from']].split(':')[0]} "
                          f"with {_name(m, x['hypothesis'])}" for x in first])
    size = "a single rating moved one step" if c["size"] == 1 else f"{count(c['size'], 'rating')}, each moved one step,"
    of = "the only such change" if c["n_solutions"] == 1 else f"one of {count(c['n_solutions'], 'such change')}"
    if short:
        return f"{size} would {what}: for example, {example} ({of})"
    return f"{size} would {what} (for example, {example}; {of})"


def _where_it_leads(v: dict, h: str) -> str:
    """The scoring choice shared by every setting in which ``h`` leads alone, if there is one."""
    rows = [r for r in v["multiverse"]["table"] if r["leader"] == h]
    for sw in ach.SWITCHES:
        chosen = {r[sw.name] for r in rows}
        if len(chosen) == 1 and chosen != {sw.options[0][0]}:
            return f", all of them with the choice \u201c{next(iter(chosen))}\u201d"
    return ""


def key_findings(params: dict) -> list[Finding]:
    """Three to five sentences that answer the question, each with its numbers and the items it rests on."""
    m, v = matrix(params), verdict(params)
    q, mc, mv, au, sep = params["question"], v["mc"], v["multiverse"], v["author"], v["separating"]
    gives = f"gives a tie between {_names(m, v['contenders'])}" if v["call"] == "tie" else f"puts {_name(m, v['call'])} first"
    f1 = f"The evidence as rated here {gives}. {_paper_words(m, v)}".strip()
    without = au["leaders_without"]
    if v["call"] != "tie" and without != [v["call"]]:
        f1 += (" That lead rests on the author's own judgements: without them the evidence gives "
               + (f"a tie between {_names(m, without)}." if len(without) > 1 else f"{_name(m, without[0])} first."))
    f2 = _against_sentence(m, v)
    lead = v["mc"]["leaders"]
    f3 = (f"With ratings and weights moved at random ({mc['draws']:,} draws), "
          + prose.join([f"{_name(m, h)} leads alone in {tables.pct(mc['p_first'][h])} of draws "
                        f"({tables.pct(mc['interval'][h][0], False)}–{tables.pct(mc['interval'][h][1])})" for h in lead])
          + (": too close to call. " if len(lead) > 1 else ". ") + _cap(_change_words(m, v, short=True)) + ".")
    leaders = [h for h in m.hypotheses if mv["leads"][h] > 0]
    top_switch = max(mv["switches"], key=lambda r: r["changes"])
    f4 = (f"Across {mv['n']} combinations of scoring choices, "
          + ("; ".join(f"{_name(m, h)} leads in {tables.pct(mv['leads'][h])}{_where_it_leads(v, h)}" for h in leaders)
             if leaders else "no explanation leads alone")
          + (f"; the rest ({tables.pct(mv['p_tie'])}) are ties" if mv["p_tie"] and leaders else "")
          + f". The choice that matters most is {top_switch['about'].lower()}.")
    f5 = (f"{_cap(count(au['items'], 'item').split(' ')[0])} of the {len(m.items)} items are the author's own judgements, carrying about "
          f"{tables.pct(au['share_of_spread'])} of what separates the explanations; without them the evidence gives "
          + (f"a tie between {_names(m, without)}." if len(without) > 1 else f"{_name(m, without[0])} first."))
    if len(sep["pair"]) == 2:
        n, own = len(sep["items"]), sep["author_items"]
        f5 += (f" Between {_names(m, sep['pair'])}, " + ("no item makes any difference." if n == 0 else
               f"{'only ' if n < 4 else ''}{count(n, 'item')} {'makes' if n == 1 else 'make'} any difference "
               f"{tables.ref(m, *[x['item'] for x in sep['items']])}, "
               + (("and it is the author's." if own else "and it is not the author's.") if n == 1 else
                  "none of them the author's." if own == 0 else f"{count(own, 'item')} of them the author's.")))
    values = {"call": v["call"], "contenders": v["contenders"], "p_first": mc["p_first"], "p_tie": mc["p_tie"],
              "multiverse_leads": mv["leads"], "author_share": au["share_of_spread"], "change_size": v["change_top"]["size"]}
    return [Finding(f"hypotheses.{q}.{k}", text, values if k == "call" else {}, tuple(m.items))
            for k, text in (("call", f1), ("against", f2), ("robustness", f3), ("settings", f4), ("author", f5))]


def verdict_text(params: dict) -> str:
    """The call in detail: the scores, the margin, Monte Carlo, what would change the top, single items and sources."""
    m, v, s = matrix(params), verdict(params), settings(params)
    scheme = "PARC's weighted inconsistency" if s.scheme == "heuer" else "the Bayesian reading"
    unit = ("one inconsistency on an item of medium credibility and relevance" if s.scheme == "heuer" else
            "the odds one inconsistent item of medium weight takes away")
    exact = v["exact_top"]
    lines = [f"- **The call: {call_words(m, v)}.** Under {scheme}, " +
             (f"{_names(m, exact)} tie exactly." if len(exact) > 1 else
              f"{_name(m, exact[0])} is first by {v['lead']:.2f}, " + ("within" if v["lead"] <= v["margin"] + 1e-9 else "more than")
              + f" the margin of {unit} ({v['margin']:.2f}).")
             + " In perturbed draws " + prose.join([f"{_name(m, h)} leads alone in {tables.pct(v['mc']['p_first'][h])}"
                                                     for h in v["mc"]["leaders"]])
             + (", a difference within Monte Carlo error or five points." if len(v["mc"]["leaders"]) > 1 else ".")
             + (" The scores and the draws do not agree on a single leader, so the report calls a tie." if v["call"] == "tie"
                and set(v["base_leaders"]) != set(v["mc"]["leaders"]) else "")]
    lines.append(f"- **What would change the top** (the fewest one-step rating changes that change which explanations rank "
                 f"first): {_change_words(m, v)}.")
    d = ach.diagnosticity(m, s)
    separating, against = int((~d["non_diagnostic"]).sum()), int(sum(code in ("I", "II") for code in m.ratings.ravel()))
    which = (f"all {len(m.items)} items count differently for different explanations" if separating == len(m.items) else
             f"only {count(separating, 'item')} of {len(m.items)} count differently for different explanations; the rest fit "
             "every explanation alike, or can be read either way, and cannot tell them apart")
    lines.append(f"- **Which evidence separates them.** Under this scoring {which}. Of the {m.ratings.size} ratings, "
                 f"{count(against, 'is', 'are').split(' ')[0]} {'is' if against == 1 else 'are'} inconsistent or very inconsistent.")
    loo = v["loo_flips"]
    lines.append("- **Single items.** " + (
        f"Dropping {'this item' if len(loo) == 1 else 'any one of these items'} on its own changes the top: " + "; ".join(
            _item(m, i) for i in loo) + "." if loo else
        "No single item, dropped on its own, changes the top."))
    kinds = v["discount_flips"]
    lines.append("- **Whose testimony.** " + (
        " ".join(f"Setting aside {KIND_PLURAL[k]} changes the top." for k in kinds) if kinds else
        "Setting aside any one kind of source leaves the top as it is."))
    return "\n".join(lines)


def chart_monte_carlo(params: dict):
    """The Monte Carlo chart, its title stating the finding."""
    m, v = matrix(params), verdict(params)
    lead = v["mc"]["leaders"]
    title = (f"{prose.join([m.label(h) for h in lead])}: too close to call when ratings and weights move at random"
             if len(lead) > 1 else f"{m.label(lead[0])} leads in most draws when ratings and weights move at random")
    return tables.chart_monte_carlo(m, v, title)


def author_text(params: dict) -> str:
    """How much rests on the author's own judgements (which make the test partly circular)."""
    m, v = matrix(params), verdict(params)
    au, sep = v["author"], v["separating"]
    own = [i for i, k in zip(m.items, m.source_kind) if k == "author"]
    text = (f"The paper's own conclusions are evidence here too: {count(au['items'], 'item')} {tables.ref(m, *own)} are the "
            f"author's judgements rather than facts he reports. Counting them makes the test partly circular, since they "
            f"state the answers being tested. They carry about {tables.pct(au['share_of_spread'])} of what separates the "
            f"explanations (the spread of each item's contributions). Set aside, the evidence gives "
            + (f"a tie between {_names(m, au['leaders_without'])}." if len(au["leaders_without"]) > 1
               else f"{_name(m, au['leaders_without'][0])} first."))
    if len(sep["pair"]) == 2:
        items = sep["items"]
        text += (f" Between {_names(m, sep['pair'])} " + (
            "no item makes any difference." if not items else
            f"only {count(len(items), 'item')} {'makes' if len(items) == 1 else 'make'} a difference: " + "; ".join(
                f"{_item(m, x['item'])}, favouring {_name(m, x['favours'])}"
                + (" (the author's)" if x["author"] else "") for x in items) + "."))
    return text


def multiverse_text(params: dict) -> str:
    """The multiverse in words, before its table."""
    m, v = matrix(params), verdict(params)
    mv = v["multiverse"]
    counts = "; ".join(f"{_name(m, h)} leads alone in {round(mv['leads'][h] * mv['n'])} and shares first place in "
                       f"{round(mv['shares_first'][h] * mv['n'])}" for h in m.hypotheses)
    return (f"Each scoring choice below is defensible; PARC's is listed first and used above. Every combination was scored "
            f"({mv['n']} settings), and a lead within one ordinary inconsistency counted as a tie. Of the {mv['n']}: {counts}. "
            f"The table gives, for each alternative, how often moving to it from PARC's choice, all else equal, changes who leads. "
            "Every setting and its leaders can be downloaded below.")
