"""The hypothesis report's longer sections: the verdict in detail, the author's weight, the scoring choices, how the
hypotheses were kept apart, how scores are computed, the limits.

Every number in it (scores, margins, likelihood ratios, prior, perturbation chances) comes from the verdict,
the report's settings and parameters; the references describe what the engine does.
"""

from __future__ import annotations

import math

from . import ach
from . import hypothesis_tables as tables
from .hypotheses import KIND_PLURAL, matrix, settings, verdict, without_words
from .hypothesis_words import (MARGIN_WORDS, PARC_WORDS, cap, change_words, count, draw_shares, draws_call, item_words, name, names,
                               solo_leads_words)
from ..paper import datasets
from ..presentation import prose


def overlap_text(params: dict) -> str:
    """How the hypotheses were made to exclude one another, and what the scores therefore mean."""
    m = matrix(params)
    if params["question"] == "collapse":
        return (f"As the paper words them, these explanations overlap: a gamble on coercion and a costly, unhelpful client can both "
                f"be true. This report sharpens them so that at most one can hold, along the line the paper's question implies "
                f"(what the reasons for the failure were); the second "
                f"column says how. In particular, the gamble and the drain readings are kept apart by where the loss came from: "
                f"Russia's misjudgement in squeezing a regime that could have lasted, or a client that served none of Russia's "
                f"aims. Evidence of a client working against Russia fits the second and can be read either way for the first, "
                f"which as the paper words it says nothing of the client's worth. The paper itself blames both, some reforms "
                f"being ill-conceived and the regime resisting them, so where the line falls is this report's. The scores rank these "
                f"{prose.WORD_NUMBERS[len(m.hypotheses)]} readings against each other and nothing else: they measure relative "
                f"support, not the chance that any one of them is the whole truth.")
    return ("The opening summary offers two readings; the conclusion judges the cuts probably meant as leverage, without saying over "
            "which demands. This report splits that lean in two: leverage over a settlement with Türkiye belongs to the first "
            "reading, leverage over Russia's demands inside Syria (its officers, its units, reform) is the third. The split is "
            "this report's, not the paper's: if Russia's demands included the settlement, the two would merge. The second and "
            "third readings overlap too, since cuts that answer the regime in kind can also be meant to bring it round; they are "
            "kept apart by whether the cuts aimed to make Assad give way, which the third says and the second denies. The "
            "scores rank these readings against each other: relative support, not the chance that any one is the whole truth.")


def _call_line(m: ach.Matrix, v: dict, s: ach.Settings) -> str:
    scheme = PARC_WORDS if s.scheme == "heuer" else "the Bayesian reading"
    order = sorted(m.hypotheses, key=lambda h: v["scores"][h]["rank"])
    scores = ", ".join(f"{name(m, h)} {_score(v, h)}" for h in order)
    base = v["base_leaders"]
    gap = ("tie exactly" if len(v["exact_top"]) > 1 else
           f"{'lies' if len(base) == 1 else 'lie'} within {v['margin']:.2f} of the best, what {MARGIN_WORDS} counts")
    return (f"- **The call: {'a tie between ' + names(m, v['contenders']) if v['call'] == 'tie' else name(m, v['call']) + ' comes first'}.** "
            f"Under {scheme} ({'lower is better' if s.scheme == 'heuer' else 'higher is better'}): {scores}. "
            + (f"{names(m, base)} {gap}, so on the scores they are tied. " if len(base) > 1 else
               f"{name(m, base[0])} is ahead by {v['lead']:.2f}, more than {MARGIN_WORDS} ({v['margin']:.2f}). ")
            + f"In random draws, {draw_shares(m, v)}: {draws_call(m, v, s, margin_said=True)}.")


def _score(v: dict, h: str) -> str:
    sc = v["scores"][h]
    return f"{sc['posterior']:.0%}" if "posterior" in sc else f"{abs(sc['total']):.2f}"


def verdict_text(params: dict) -> str:
    """The call in detail: the scores, the margin, the draws, what would change the top, single items and sources."""
    m, v, s = matrix(params), verdict(params), settings(params)
    lines = [_call_line(m, v, s)]
    lines.append(f"- **What would change the top.** The top is the set of explanations within that margin of the best score, "
                 f"the same rule the call uses. {cap(change_words(m, v))}.")
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
            item_words(m, i) for i in loo) + "." if loo else
        "No single item, dropped on its own, changes the top."))
    kinds = v["discount_flips"]
    lines.append("- **Whose testimony.** " + (
        " ".join(f"Setting aside {KIND_PLURAL[k]} changes the top." for k in kinds) if kinds else
        "Setting aside any one kind of source leaves the top as it is."))
    return "\n".join(lines)


def author_text(params: dict) -> str:
    """How much rests on the author's own judgements (which make the test partly circular)."""
    m, v = matrix(params), verdict(params)
    au, sep = v["author"], v["separating"]
    own = [i for i, k in zip(m.items, m.source_kind) if k == "author"]
    text = (f"The paper's own conclusions are evidence here too: {count(au['items'], 'item')} {tables.ref(m, *own)} are the "
            f"author's judgements rather than facts he reports. Counting them makes the test partly circular, since they "
            f"state the answers being tested. They carry about {tables.pct(au['share_of_spread'])} of what separates the "
            f"explanations (the spread of each item's contributions). Set aside, {without_words(m, v)}.")
    if len(sep["pair"]) == 2:
        items = sep["items"]
        text += (f" Between {names(m, sep['pair'])} " + (
            "no item makes any difference." if not items else
            f"only {count(len(items), 'item')} {'makes' if len(items) == 1 else 'make'} a difference: " + "; ".join(
                f"{item_words(m, x['item'])}, favouring {name(m, x['favours'])}"
                + (" (the author's)" if x["author"] else "") for x in items) + "."))
    return text


def multiverse_text(params: dict) -> str:
    """The multiverse in words, before its table."""
    m, v = matrix(params), verdict(params)
    mv = v["multiverse"]
    counts = "; ".join(f"{name(m, h)} comes first on its own in {round(mv['leads'][h] * mv['n'])} and shares first place in "
                       f"{round(mv['shares_first'][h] * mv['n'])}" for h in m.hypotheses)
    solo = f" {solo_leads_words(m, v)}" if any(mv["rests_on"].get(h) for h in m.hypotheses) else ""
    very = {code: int((m.ratings == code).sum()) for code in ("CC", "II")}
    note = ""
    if very["II"] == 0:
        note = (" No rating here is very inconsistent, so the choice of what a very consistent or very inconsistent rating "
                + ("counts acts only through the very consistent ones, and only where consistency counts."
                   if very["CC"] else "counts changes nothing."))
    parc = "PARC's is listed first and used above" if settings(params).scheme == "heuer" else f"the default, {PARC_WORDS}, is listed first"
    return (f"Each scoring choice below is defensible; {parc}. Every combination was scored "
            f"({mv['n']} settings), with the same tie rule as the call: a lead within one ordinary inconsistency is a tie. "
            f"Of the {mv['n']}: {counts}.{solo} The table gives, for each alternative, how often moving to it from PARC's choice, all "
            f"else equal, changes which explanations come first.{note} Every setting and its leaders can be downloaded below.")


def method_text(params: dict) -> str:
    """How the scores are computed, with the likelihoods, prior, margin and perturbations stated."""
    m, s = matrix(params), settings(params)
    lr = ach.likelihood_ratios(s.but(scheme="bayes", prior=None))
    ratios = ", ".join(f"{code} ×{_fraction(lr[code])}" for code in ("CC", "C", "N", "I", "II"))
    prior = ("equal for every explanation" if s.prior is None else
             ", ".join(f"{prose.esc(m.label(h))} {p:.0%}" for h, p in zip(m.hypotheses, ach.check_prior(s.prior, m.hypotheses))))
    sym = ach.likelihood_ratios(s.but(scheme="bayes", ladder="symmetric", prior=None))  # the mixing shown where C counts
    half = {code: 0.5 * sym[code] + 0.5 for code in ("C", "I")}
    low, high = (ach.LEVEL_WEIGHT[k] ** 2 / ach.LEVEL_WEIGHT["high"] ** 2 for k in ("low", "high"))
    scale = ach.perturbation_scale(s)
    moves = ("on the scale of inconsistency the scoring counts: a rating that counts nothing (consistent, neutral or not "
             "applicable alike) may become inconsistent, and an inconsistent one may count nothing or become very inconsistent, "
             "so no explanation gains in the draws merely from having more consistent or not-applicable ratings"
             if scale == "inconsistency" else
             "along very consistent, consistent, neutral, inconsistent, very inconsistent, a not-applicable rating moving as a "
             "neutral one, since under this scoring consistency counts too")
    return "\n".join([
        "- **PARC's weighted inconsistency** (the default; Heuer, *Psychology of Intelligence Analysis*, 1999, ch. 8, as ACH 2.0, "
        "the Palo Alto Research Center's software, computes it): each item weighs its credibility times its relevance (low 0.71, medium 1, high 1.41); an "
        f"inconsistent rating adds its weight to the explanation's score, a very inconsistent one {s.ii_weight:g} times its "
        "weight; consistent, neutral and not-applicable ratings add nothing. Lower is better: the method ranks explanations by "
        "the evidence against them.",
        "- **The Bayesian reading**: each rating stands for a likelihood ratio against a neutral one; under the ratios used here "
        f"({lab(s.ladder)}) they are {ratios}, and not-applicable counts 1; a very consistent rating is the consistent ratio "
        f"to the same power as a very inconsistent one. A source is treated as partly reliable (Bovens and Hartmann, "
        "*Bayesian Epistemology*, 2003): an item's reliability is its weight, credibility times relevance, over the heaviest "
        f"possible, so both how credible the source is and how closely the item bears on the question enter it (from "
        f"{low:.2f} for low and low to {high:.0f}, fully reliable, for high and high; with every item weighing the same, each "
        "counts as a medium item, 0.5). The ratio an item conveys is reliability × ratio + (1 − reliability), so a report "
        "never counts for more than the event would. That mixing pulls a ratio toward 1 unevenly: where consistency counts, "
        f"at reliability 0.5 a consistent rating (×{_fraction(sym['C'])}) conveys ×{half['C']:.2f} and an inconsistent one "
        f"(×{_fraction(sym['I'])}) ×{half['I']:.2f}, so a partly reliable item adds more for an explanation than it takes "
        f"away against one ({'as with the ratios used here' if s.ladder == 'symmetric' else 'under the ratios used here, a consistent rating conveys ×1 whatever the reliability'}). "
        f"The prior is {prior}.",
        f"- **Random draws**: in each draw every rating moves one step up or down with a chance of {params['p_step']:.0%}, "
        f"{moves}; each credibility and relevance level moves one level with a chance of {params['weight_noise']:.0%}. Each "
        f"draw is called with the same rule as the scores: an explanation leads it alone only when it is ahead of every other "
        f"by more than what {MARGIN_WORDS} counts; otherwise the draw is a tie, counted for none of them. The 95% "
        "ranges given with the shares measure only the simulation's own noise, not the uncertainty of the ratings.",
        "- **Ties**: a lead within what one inconsistent item of medium credibility and relevance counts is a tie, and so is a "
        "difference in the share of draws within two standard errors or five points. The same rule decides what would change "
        "the top, which single items and kinds of source matter, and who leads under each scoring choice.",
    ])


def lab(ladder: str) -> str:
    return ach.settings.LADDER_WORDS[ladder]


def _fraction(x: float) -> str:
    for d in (1, 2, 4, 8, 16):
        if math.isclose(x * d, round(x * d)):
            return f"{round(x * d)}/{d}" if d > 1 else f"{round(x)}"
    return f"{x:.2f}"


def _contradiction_only(params: dict) -> str:
    """The limit of a method that counts only contradiction, with what it means for this question's explanations."""
    m, v, s = matrix(params), verdict(params), settings(params)
    text = ("Heuer's method can only contradict: an explanation that little evidence bears on meets little contradiction.")
    judged = datasets.hypotheses().set_index("id")["paper_judgement"]
    for h in m.hypotheses:
        if judged[h] == "not_addressable":
            text += f" The paper sets {name(m, h)} aside for lack of evidence; its place here reflects that, not support."
    clean = [h for h in v["contenders"] if not v["against"][h]]
    if clean and (s.scheme == "heuer" or s.ladder == "heuer"):
        bear = {h: int((m.ratings[:, m.hypotheses.index(h)] != "NA").sum()) for h in clean}
        either = {h: int((m.ratings[:, m.hypotheses.index(h)] == "N").sum()) for h in clean}
        text += (f" Nothing counts against {prose.join([name(m, h) for h in clean], 'or')}: under a method that counts only "
                 f"the evidence against, that shows how little the evidence tells against {'it' if len(clean) == 1 else 'them'}, "
                 f"not that it supports {'it' if len(clean) == 1 else 'them'}. {cap(_share_words(either, bear))} of the items "
                 f"that bear on {'it' if len(clean) == 1 else 'them'} can be read either way: "
                 + ", ".join(f"{either[h]} of the {bear[h]}" + (f" for {name(m, h)}" if len(clean) > 1 else "") for h in clean) + ".")
    return text


def _share_words(part: dict, whole: dict) -> str:
    """'most', 'many' or 'a few': the smallest of the shares ``part[h] / whole[h]`` in a word."""
    low = min(part[h] / whole[h] if whole[h] else 0 for h in part)
    return "most" if low > 0.5 else "many" if low >= 0.2 else "a few"


def limits(params: dict) -> str:
    """What the analysis cannot tell."""
    return "\n".join([
        "- The ratings are this project's reading of the paper, not the author's: the paper weighs the explanations in prose. "
        "Each rating comes with its reason in the item-by-item table, and the random draws, the smallest changes and the "
        "scoring choices above show how much they matter.",
        "- All evidence comes from one paper, mostly resting on anonymous interviews it cannot show; the methods here can weigh "
        "and discount sources, but cannot check them or detect sources that echo each other.",
        f"- {_contradiction_only(params)}",
        "- Credibility and relevance are three-level judgements; the draws move them too, but their scale is a convention "
        "(PARC's), not a measurement.",
    ])
