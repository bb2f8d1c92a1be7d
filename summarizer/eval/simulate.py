"""A simulated model, derived from the gold briefings, to record fixtures without a real LLM.

No real model is reachable where the fixture recordings are made, and a replay needs recorded
answers. This module answers chat requests for the fixture articles with the *gold* briefing,
degraded in two honest, deterministic ways, and says so in its model name (``simulated-gold``):

* like a capable but imperfect model, it keeps at most ``MAX_POSITIONS`` positions,
  ``MAX_CONDITIONS`` conditions and ``MAX_OPEN_QUESTIONS`` open questions per article;
* it follows only instructions the prompt actually gives. Without "word for word"/"verbatim"
  it paraphrases quotes (and repairs half of them when re-asked); without "condition" it
  omits conditions; without "red_line"/"red line" every condition kind is "other"; without
  "status" every proposal status is "unknown"; without "uncertain"/"open question" it omits
  open questions; without "alias" it lists no aliases.

So a deliberately weaker prompt, recorded against this simulator, scores measurably worse: that
is what it exists to demonstrate. Its scores say nothing about any real model.

    python -m summarizer.eval.simulate --port 8765   # then: summarizer eval --mode record
        --base-url http://127.0.0.1:8765/v1 --model simulated-gold
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..schema import Briefing
from .cases import Case, load_cases
from .spans import normalise_with_map

if TYPE_CHECKING:
    from ..testing import FakeOpenAIServer, Reply

SIMULATED_MODEL = "simulated-gold"
MAX_POSITIONS = 5
MAX_CONDITIONS = 3
MAX_OPEN_QUESTIONS = 2
_PROBE_CHARS = 160


@dataclass(frozen=True)
class PromptFeatures:
    """Which instructions the prompt gives, by plain keyword (case-insensitive)."""

    verbatim: bool
    conditions: bool
    kinds: bool
    statuses: bool
    open_questions: bool
    aliases: bool

    @classmethod
    def of(cls, prompt: str) -> PromptFeatures:
        low = prompt.lower()
        return cls(
            verbatim="word for word" in low or "verbatim" in low,
            conditions="condition" in low,
            kinds="red_line" in low or "red line" in low,
            statuses="status" in low,
            open_questions="uncertain" in low or "open question" in low,
            aliases="alias" in low,
        )


def _paraphrase(quote: str) -> str:
    words = quote.split()
    return " ".join([words[0], "reportedly", *words[1:]])


def simulated_answer(
    gold: Briefing, features: PromptFeatures, *, attempt: int = 1
) -> dict[str, Any]:
    """The briefing the simulator returns for ``gold`` under a prompt with ``features``.

    ``attempt`` counts model calls for this request chain; from the second one (a re-ask) the
    quotes of every other item are copied verbatim again.
    """
    data = gold.model_dump(mode="json", exclude={"grounding", "meta"})
    data["positions"] = data["positions"][:MAX_POSITIONS]
    data["conditions"] = data["conditions"][:MAX_CONDITIONS] if features.conditions else []
    data["open_questions"] = (
        data["open_questions"][:MAX_OPEN_QUESTIONS] if features.open_questions else []
    )
    for actor in data["actors"]:
        if not features.aliases:
            actor["aliases"] = []
    for condition in data["conditions"]:
        if not features.kinds:
            condition["kind"] = "other"
    for proposal in data["proposals"]:
        if not features.statuses:
            proposal["status"] = "unknown"
    for name in ("positions", "conditions", "proposals", "open_questions"):
        for i, item in enumerate(data[name]):
            keep = features.verbatim or (attempt > 1 and i % 2 == 0)
            quotes = [ev["quote"] for ev in item["evidence"]]
            item["evidence"] = [{"quote": q if keep else _paraphrase(q)} for q in quotes]
    return data


def _probe(text: str) -> str:
    return normalise_with_map(text)[0][:_PROBE_CHARS]


def _prompt_text(messages: list[dict[str, Any]], article: str) -> str:
    """System and first user message, with the article removed (its words are not orders)."""
    parts = [str(m.get("content") or "") for m in messages[:2]]
    return "\n".join(p.replace(article, "") for p in parts)


def gold_responder(cases: Sequence[Case]) -> Callable[[dict[str, Any]], Reply]:
    """A ``summarizer.testing`` responder answering fixture articles from their gold."""
    from ..testing import error_reply, reply_for

    probes = [(_probe(case.article), case) for case in cases]

    def respond(request: dict[str, Any]) -> Reply:
        messages = [m for m in request.get("messages") or [] if isinstance(m, dict)]
        full = normalise_with_map("\n".join(str(m.get("content") or "") for m in messages[:2]))[0]
        case = next((c for p, c in probes if p and p in full), None)
        if case is None:
            return error_reply(400, "simulator: this article is not a fixture case")
        features = PromptFeatures.of(_prompt_text(messages, case.article))
        attempt = 1 + sum(1 for m in messages if m.get("role") == "assistant")
        payload = simulated_answer(case.gold, features, attempt=attempt)
        prompt_chars = sum(len(json.dumps(m, ensure_ascii=False)) for m in messages)
        usage = (prompt_chars // 4, len(json.dumps(payload, ensure_ascii=False)) // 4)
        return reply_for(request, payload, usage=usage)

    return respond


def simulator_server(cases: Sequence[Case], *, port: int = 0) -> FakeOpenAIServer:
    """The simulator on 127.0.0.1 (loopback only), not yet started: use it in a ``with``."""
    from ..testing import FakeOpenAIServer

    return FakeOpenAIServer(gold_responder(cases), host="127.0.0.1", port=port)


def main(argv: list[str] | None = None) -> int:
    """Serve the simulator until interrupted, for recording from another shell."""
    parser = argparse.ArgumentParser(prog="python -m summarizer.eval.simulate")
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1")
    args = parser.parse_args(argv)
    server = simulator_server(load_cases(), port=args.port).start()
    print(f"simulated model {SIMULATED_MODEL!r} at {server.base_url} (Ctrl-C to stop)")
    sys.stdout.flush()
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
