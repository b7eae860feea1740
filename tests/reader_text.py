"""What a reader sees on a built page, and the fragments in it that read as program output.

``visible_text`` walks a page's HTML as a browser shows it (no script, style or hidden
anchor marks; alternative text, tooltips and labels included). Elements marked
``data-reuse`` hold what a reader copies into another tool rather than reads (a
BibTeX entry, the fingerprints of the inputs, a command): they are left out. ``code_fragments`` applies
general rules, not a list of known offenders: identifiers in snake_case, "(s)" plurals,
file names, Python values, empty lists and dicts, function calls over identifiers,
anything set as code, a noun disagreeing with the number one, and the domain's proper
names (the vocabularies' words that the paper always capitalises) in lower case.

Run as a script on a reports directory to count the fragments per page:
``python tests/reader_text.py /tmp/site``.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

SKIP = {"script", "style", "template", "noscript"}
HIDDEN_CLASSES = {"anchor-link"}  # the heading marks the report stylesheet hides
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
ATTRIBUTES = ("alt", "title", "aria-label")


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: whether it hides its content
        self.parts: list[str] = []
        self.code: list[str] = []
        self.in_code = 0
        self.in_head = False

    def hidden(self) -> bool:
        return any(self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        hides = (tag in SKIP or bool(HIDDEN_CLASSES & set((attrs.get("class") or "").split()))
                 or "data-reuse" in attrs)  # material to copy into another tool: BibTeX, fingerprints, a command
        if tag == "head":
            self.in_head = True
        if not self.hidden() and not hides and not self.in_head:
            self.parts += [attrs[a] for a in ATTRIBUTES if attrs.get(a)]
        if tag in VOID:
            return
        self.stack.append(hides)
        if tag in ("code", "pre", "kbd", "samp"):
            self.in_code += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        if tag in VOID or not self.stack:
            return
        self.stack.pop()
        if tag in ("code", "pre", "kbd", "samp"):
            self.in_code = max(0, self.in_code - 1)

    def handle_data(self, data):
        if self.in_head or self.hidden():
            return
        self.parts.append(data)
        if self.in_code and data.strip():
            self.code.append(data.strip())


def visible_text(page: str) -> tuple[str, list[str]]:
    """The text a reader sees on a page (attributes a reader meets included) and whatever is set as code."""
    parser = _Visible()
    parser.feed(page)
    text = re.sub(r"\s+", " ", " ".join(parser.parts))
    return text, parser.code


RULES = {
    "identifier in snake_case": re.compile(r"\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b"),
    "'(s)' plural": re.compile(r"\w\((?:s|es)\)"),
    "file name": re.compile(r"\b[\w.-]+\.(?:csv|json|ipynb|py|toml|j2|md|txt|png|svg)\b", re.I),
    "Python value": re.compile(r"\b(?:None|True|False|NaN|nan|NaT|inf|null|undefined)\b(?!\s+(?:of|the|was|were|is|are|to)\b)"),
    "empty list or dict": re.compile(r"\[\s*\]|\{\s*\}|\(\s*\)|''|\"\""),
    "function call over identifiers": re.compile(r"\b[a-z][a-z0-9]*\([a-z][a-z0-9_]+[,)]"),
    "noun disagreeing with one": re.compile(r"(?<![\d.,$¶–-])\b1 (?!(?:is|was|has|plus|versus|as|its|this|us|yes)\b)[a-z]{3,}s\b"),
}


@lru_cache(maxsize=1)
def proper_words() -> frozenset[str]:
    """Words of the data's vocabularies that the paper always capitalises (Syrian, Russia, Hizbollah...)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from assad_collapse.paper import vocabulary
    from helpers import SOURCE

    codes = [c for name in dir(vocabulary) if name.isupper() and isinstance(getattr(vocabulary, name), tuple)
             for c in getattr(vocabulary, name) if isinstance(c, str)]
    words = {w for c in codes for w in c.split("_") if len(w) > 2}
    paper = SOURCE.read_text(encoding="utf-8") if SOURCE.exists() else ""
    seen = set(re.findall(r"\b\w+\b", paper))
    return frozenset(w for w in words if w.capitalize() in seen and w not in seen)


def code_fragments(page: str) -> list[tuple[str, str]]:
    """Every (rule, fragment) of a page's visible text that reads as program output."""
    text, code = visible_text(page)
    found = []
    for rule, pattern in RULES.items():
        found += [(rule, m.group(0)) for m in pattern.finditer(text)]
    found += [("set as code", c) for c in code if not any(p.search(c) for p in RULES.values())]
    lower = re.compile(r"\b(?:" + "|".join(sorted(proper_words())) + r")\b") if proper_words() else None
    if lower:
        found += [("proper name in lower case", m.group(0)) for m in lower.finditer(text)]
    return found


if __name__ == "__main__":
    total = 0
    for path in sorted(Path(sys.argv[1]).glob("*.html")):
        fragments = code_fragments(path.read_text(encoding="utf-8"))
        total += len(fragments)
        print(f"{len(fragments):5d}  {path.name}")
        for rule, fragment in fragments[: int(sys.argv[2]) if len(sys.argv) > 2 else 0]:
            print(f"         {rule}: {fragment}")
    print(f"{total:5d}  in all")
