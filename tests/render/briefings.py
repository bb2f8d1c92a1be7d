"""Hand-built, realistic briefings of the fixture articles, grounded by ``str.find``.

Each builder returns ``(briefing, article)``: the article is the fixture text the offsets refer
to. ``ev`` places a quote: ``exact`` quotes must occur verbatim; ``normalised`` and ``fuzzy``
quotes differ from the article and name the article text they were matched to (``span``);
``unmatched`` quotes have no offsets. Grounding figures are counted from the evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from summarizer.schema import (
    Actor,
    Briefing,
    Condition,
    Evidence,
    GroundingReport,
    MatchStatus,
    OpenQuestion,
    Position,
    Proposal,
    RunInfo,
    Usage,
)

ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
PUTIN = "2025-09-03-putin-china-press.txt"


def read(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


def ev(article: str, quote: str, match: MatchStatus = "exact", span: str | None = None) -> Evidence:
    """An evidence item whose offsets come from ``article.find``."""
    if match == "unmatched":
        assert quote not in article, quote
        return Evidence(quote=quote, match="unmatched", score=0.42)
    text = quote if span is None else span
    start = article.find(text)
    assert start >= 0, f"not in the article: {text!r}"
    assert match != "exact" or span is None
    score = 0.91 if match == "fuzzy" else 1.0
    return Evidence(quote=quote, start=start, end=start + len(text), match=match, score=score)


def finish(briefing: Briefing, article: str, source: str, engine: str = "llm") -> Briefing:
    """Attach run information and grounding figures counted from the evidence."""
    matches = [e.match for _, e in briefing.evidence_items()]
    briefing.grounding = GroundingReport(
        policy="flag",
        items=len(matches),
        exact=matches.count("exact"),
        normalised=matches.count("normalised"),
        fuzzy=matches.count("fuzzy"),
        unmatched=matches.count("unmatched"),
    )
    llm = engine == "llm"
    briefing.meta = RunInfo(
        engine="llm" if llm else "rules",
        model="gpt-4o-mini-2024-07-18" if llm else None,
        mode="tools" if llm else None,
        prompt_id="briefing-v1" if llm else None,
        prompt_hash="3f9a1c0b7d2e64a8b5c1e0f9a7d3b2c1e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9"
        if llm
        else None,
        attempts=2 if llm else 0,
        http_requests=3 if llm else 0,
        usage=Usage(prompt_tokens=2310, completion_tokens=604, total_tokens=2914)
        if llm
        else Usage(),
        latency_s=6.42 if llm else 0.03,
        created_at="2025-09-03T14:05:12Z",
        version="0.1.0",
        source=source,
        input_chars=len(article),
    )
    return briefing


def putin() -> tuple[Briefing, str]:
    a = read(PUTIN)
    b = Briefing(
        title="Putin: Ukraine may choose its security, but not at Russia's expense",
        summary=(
            "After a four-day visit to China, Vladimir Putin said Ukraine may choose its own "
            "security arrangements as long as they do not undermine Russia's security. He said "
            "the war could end by agreement if common sense prevails, and by military means if "
            "not. A meeting with Volodymyr Zelensky in Moscow remains possible at Donald Trump's "
            "request, though Putin doubts its value; Zelensky rejected a similar invitation in "
            "August."
        ),
        date="2025-09-03",
        place="Beijing, China",
        actors=[
            Actor(
                name="Vladimir Putin",
                aliases=["Putin", "The Russian president"],
                kind="person",
                role="President",
                affiliation="Russia",
            ),
            Actor(
                name="Volodymyr Zelensky",
                aliases=["Zelensky", "the Ukrainian leader"],
                kind="person",
                role="President",
                affiliation="Ukraine",
            ),
            Actor(name="Donald Trump", aliases=["Donald", "Trump"], kind="person"),
            Actor(name="AFP", kind="organisation", role="News agency"),
        ],
        positions=[
            Position(
                actor="Putin",
                topic="Ukraine's security choices",
                stance="Every country, Ukraine included, may choose its own security system.",
                evidence=[
                    ev(a, "every country has the right to choose its own system of security"),
                    ev(
                        a,
                        "Ukraine's Right to Security and Russia's Red Lines",
                        "normalised",
                        "Ukraine’s Right to Security and Russia’s Red Lines",
                    ),
                ],
            ),
            Position(
                actor="Putin",
                topic="Territory for guarantees",
                stance="Russia has never asked for territory in exchange for security guarantees.",
                evidence=[
                    ev(a, "Russia has never raised the issue of receiving territories in exchange")
                ],
            ),
            Position(
                actor="Putin",
                topic="War aims",
                stance="Russia fights for its people's language and culture, not mainly territory.",
                evidence=[
                    ev(
                        a,
                        "Russia is not fighting for territory but for the right of its people to "
                        "speak their own language",
                        "fuzzy",
                        "Russia is not fighting primarily for territory, but for the right of its "
                        "people to speak their own language",
                    )
                ],
            ),
            Position(
                actor="Putin",
                topic="Meeting Zelensky",
                stance="He has not ruled out a meeting but doubts it would carry real meaning.",
                evidence=[
                    ev(a, "As for meetings with Zelensky, I have not ruled them out"),
                    ev(a, "The only question is whether there is any sense in such meetings"),
                ],
            ),
            Position(
                actor="Trump",
                topic="Direct talks",
                stance="Asked Putin to consider hosting Zelensky for direct talks in Moscow.",
                evidence=[ev(a, "Donald asked me, if possible, to hold such a meeting")],
            ),
            Position(
                actor="Zelensky",
                topic="Moscow invitation",
                stance="Rejected Putin's earlier invitation to Moscow, according to AFP sources.",
                evidence=[
                    ev(a, "Zelensky later rejected the proposal, according to agency sources")
                ],
            ),
        ],
        conditions=[
            Condition(
                actor="Putin",
                kind="red_line",
                condition="Ukraine's security must not be ensured at the expense of Russia's",
                evidence=[
                    ev(
                        a,
                        "the security of one country cannot be ensured at the expense of another",
                    )
                ],
            ),
            Condition(
                actor="Putin",
                kind="if_then",
                condition="If common sense prevails, an acceptable resolution is possible",
                consequence="otherwise the conflict will be resolved by military means",
                evidence=[
                    ev(
                        a,
                        "If common sense prevails, it is possible to reach an acceptable",
                    ),
                    ev(a, "If not, then the matter will have to be resolved by military means"),
                ],
            ),
            Condition(
                actor="Putin",
                kind="prerequisite",
                condition="Martial law in Ukraine must be lifted",
                consequence="before a referendum on territorial disputes can take place",
                evidence=[ev(a, "martial law would need to be lifted in order for such a vote")],
            ),
        ],
        proposals=[
            Proposal(
                proposer="Trump",
                proposal="Putin should host Zelensky for direct talks in Moscow.",
                addressee="Putin",
                status="accepted",
                evidence=[
                    ev(a, "If Zelensky is ready to come to Moscow, such a meeting will take place")
                ],
            ),
            Proposal(
                proposer="Putin",
                proposal="A meeting with Zelensky in Moscow.",
                addressee="Zelensky",
                status="pending",
                evidence=[ev(a, "a meeting with Zelensky in Moscow remains possible")],
            ),
            Proposal(
                proposer="Putin",
                proposal="August invitation to Zelensky to come to Moscow.",
                addressee="Zelensky",
                status="rejected",
                evidence=[ev(a, "Putin had already extended such an invitation")],
            ),
            Proposal(
                proposer="Putin",
                proposal="Ukrainian authorities should hold a referendum on territorial disputes.",
                status="unknown",
                evidence=[ev(a, "Ukrainian authorities should hold a referendum")],
            ),
        ],
        open_questions=[
            OpenQuestion(
                question="Will Zelensky reconsider the Moscow invitation after Trump's request?",
                evidence=[
                    ev(
                        a,
                        "Whether the Ukrainian leader will reconsider in light of Trump’s request "
                        "remains uncertain",
                    ),
                    ev(a, "Zelensky said he would never travel to Moscow", "unmatched"),
                ],
            )
        ],
    )
    return finish(b, a, f"fixtures/articles/{PUTIN}"), a


def voa() -> tuple[Briefing, str]:
    name = "01-voa-iran-nuclear-talks-no-deal.txt"
    a = read(name)
    b = Briefing(
        title="Iran nuclear talks in Geneva end without a deal; next round on November 20",
        summary=(
            "Three days of talks between Iran and the P5+1 powers ended in Geneva without an "
            "agreement. Iran's foreign minister called them good and hopes for a deal when talks "
            "resume on November 20; John Kerry said the sides are closer than before. France "
            "said it is not satisfied with Iran's position and demands a halt to work on the "
            "Arak reactor."
        ),
        date="2013-11-10",
        place="Geneva",
        actors=[
            Actor(
                name="Mohammad Javad Zarif",
                aliases=["Zarif"],
                kind="person",
                role="Foreign Minister",
                affiliation="Iran",
            ),
            Actor(
                name="John Kerry",
                aliases=["Kerry"],
                kind="person",
                role="Secretary of State",
                affiliation="United States",
            ),
            Actor(
                name="Catherine Ashton",
                aliases=["Ashton"],
                kind="person",
                role="Foreign affairs chief",
                affiliation="European Union",
            ),
            Actor(
                name="Laurent Fabius",
                aliases=["Fabius"],
                kind="person",
                role="Foreign Minister",
                affiliation="France",
            ),
            Actor(name="Iran", kind="government"),
            Actor(
                name="P5+1",
                aliases=["major world powers"],
                kind="group",
                affiliation="U.N. Security Council members plus Germany",
            ),
        ],
        positions=[
            Position(
                actor="Zarif",
                topic="The talks",
                stance="The talks were good and gave all sides something to build on.",
                evidence=[ev(a, "the three days of marathon talks were good")],
            ),
            Position(
                actor="Kerry",
                topic="Progress",
                stance="All sides are closer to a deal than when the talks began.",
                evidence=[ev(a, "there is no question that all sides are closer to a deal now")],
            ),
            Position(
                actor="Ashton",
                topic="Progress",
                stance="There was concrete progress, but differences remain.",
                evidence=[ev(a, "there was concrete progress but that differences remain")],
            ),
            Position(
                actor="Fabius",
                topic="Iran's position",
                stance="Paris is not satisfied and will not be part of a 'fool's deal'.",
                evidence=[ev(a, "Paris is not satisfied with Iran's position")],
            ),
            Position(
                actor="Iran",
                topic="Nuclear programme",
                stance="Its nuclear programme is strictly for peaceful civilian uses.",
                evidence=[
                    ev(a, "Iran insists its nuclear program is strictly for peaceful civilian uses")
                ],
            ),
        ],
        conditions=[
            Condition(
                actor="Fabius",
                kind="prerequisite",
                condition="Iran suspends work on the plutonium reactor at Arak",
                consequence="before France joins a deal",
                evidence=[
                    ev(a, "He demands that Iran suspend work on its plutonium-producing reactor")
                ],
            ),
            Condition(
                actor="Kerry",
                kind="other",
                condition="The window for diplomacy will not stay open indefinitely",
                evidence=[ev(a, "such a window will not stay open indefinitely")],
            ),
        ],
        proposals=[
            Proposal(
                proposer="P5+1",
                addressee="Iran",
                proposal="Ease some U.N. sanctions if Iran suspends sensitive nuclear work.",
                status="pending",
                evidence=[
                    ev(a, "In exchange, the U.N. would ease some of its crippling sanctions")
                ],
            )
        ],
        open_questions=[
            OpenQuestion(
                question="How close are the sides to a deal?",
                evidence=[ev(a, "No one is saying how close the sides are to a deal")],
            ),
            OpenQuestion(
                question="Will France's objections block an agreement on November 20?",
                evidence=[
                    ev(
                        a,
                        "a Western diplomat accuses France of complicating the talks",
                        "fuzzy",
                        "a Western diplomat is accusing France of complicating the talks",
                    )
                ],
            ),
        ],
    )
    return finish(b, a, f"fixtures/articles/{name}"), a


def state() -> tuple[Briefing, str]:
    name = "03-state-blinken-safadi-readout-hamas-proposal.txt"
    a = read(name)
    b = Briefing(
        title="Blinken and Safadi discuss the Gaza ceasefire proposal put to Hamas",
        summary=(
            "Secretary of State Antony Blinken spoke with Jordan's Foreign Minister Ayman Safadi "
            "about the proposal submitted to Hamas for an immediate ceasefire, the release of "
            "all hostages and an end to the war in Gaza. Blinken said the deal serves Israelis, "
            "Palestinians and regional security, and urged Hamas to accept it without delay."
        ),
        place=None,
        actors=[
            Actor(
                name="Antony J. Blinken",
                aliases=["Blinken", "The Secretary", "Secretary Blinken"],
                kind="person",
                role="Secretary of State",
                affiliation="United States",
            ),
            Actor(
                name="Ayman Safadi",
                aliases=["Safadi", "Foreign Minister"],
                kind="person",
                role="Deputy Prime Minister and Minister of Foreign Affairs",
                affiliation="Jordan",
            ),
            Actor(name="Hamas", kind="group"),
            Actor(
                name="Matthew Miller",
                kind="person",
                role="Spokesperson",
                affiliation="Department of State",
            ),
        ],
        positions=[
            Position(
                actor="Blinken",
                topic="The ceasefire deal",
                stance="The proposal serves Israelis, Palestinians and the region's security.",
                evidence=[
                    ev(
                        a,
                        "the proposal is in the interests of both Israelis and Palestinians",
                    )
                ],
            ),
            Position(
                actor="Blinken",
                topic="Jordan's aid",
                stance="Thanked Jordan for leading life-saving humanitarian aid to Gaza.",
                evidence=[
                    ev(
                        a,
                        "thanked Jordan for its leadership in providing life-saving",
                    )
                ],
            ),
        ],
        conditions=[],
        proposals=[
            Proposal(
                proposer="Blinken",
                addressee="Hamas",
                proposal=(
                    "Immediate ceasefire, release of all hostages and an end to the war in Gaza."
                ),
                status="offered",
                evidence=[
                    ev(
                        a,
                        "the proposal submitted to Hamas that would achieve an immediate ceasefire",
                    ),
                    ev(a, "He emphasized that Hamas should accept the deal without delay"),
                ],
            )
        ],
    )
    return finish(b, a, f"fixtures/articles/{name}"), a


def biden() -> tuple[Briefing, str]:
    name = "05-wh-biden-rail-strike-statement.txt"
    a = read(name)
    b = Briefing(
        title="Biden thanks Congress for averting a national rail strike",
        summary=(
            "President Biden thanked congressional leaders and both parties for passing a bill "
            "that averts a rail shutdown, saying it spares workers, families and communities an "
            "economic catastrophe before Christmas. He will sign it as soon as it reaches him, "
            "acknowledged reluctance to override union ratification, and said his fight for paid "
            "sick leave continues."
        ),
        date="2022-12-01",
        place="Washington",
        actors=[
            Actor(
                name="Joe Biden",
                aliases=["President Biden", "Biden"],
                kind="person",
                role="President",
                affiliation="United States",
            ),
            Actor(name="Congress", kind="government", affiliation="United States"),
        ],
        positions=[
            Position(
                actor="Biden",
                topic="Congressional action",
                stance="Congress's decisive action avoids devastating economic consequences.",
                evidence=[
                    ev(
                        a,
                        "Congress' decisive action ensures that we will avoid the impending",
                        "normalised",
                        "Congress’ decisive action ensures that we will avoid the impending",
                    )
                ],
            ),
            Position(
                actor="Biden",
                topic="Union ratification",
                stance="Overriding it was reluctant but the shutdown risk was too great.",
                evidence=[ev(a, "the consequences of a shutdown were just too great")],
            ),
            Position(
                actor="Biden",
                topic="Paid sick leave",
                stance="He supports paid sick leave for workers in all industries.",
                evidence=[ev(a, "my fight for that critical benefit continues")],
            ),
        ],
        conditions=[
            Condition(
                actor="Biden",
                kind="if_then",
                condition="Congress sends him the bill",
                consequence="he will sign it into law at once",
                evidence=[
                    ev(a, "I will sign the bill into law as soon as Congress sends it to my desk")
                ],
            )
        ],
        proposals=[
            Proposal(
                proposer="Biden",
                addressee="Congress",
                proposal="Move quickly to pass a bill averting a rail shutdown.",
                status="accepted",
                evidence=[ev(a, "Congress needed to move quickly to avert a rail shutdown")],
            )
        ],
    )
    return finish(b, a, f"fixtures/articles/{name}"), a


MITCHELL = "07-wh-mitchell-briefing-trilateral-meeting"


def mitchell(article: str | None = None) -> tuple[Briefing, str]:
    """The Mitchell transcript; ``article`` may be the text extracted from the .html page."""
    a = article if article is not None else read(f"{MITCHELL}.txt")
    b = Briefing(
        title="Mitchell: Obama presses Netanyahu and Abbas to re-launch peace negotiations soon",
        summary=(
            "After President Obama's first trilateral meeting with Prime Minister Netanyahu and "
            "President Abbas, envoy George Mitchell said both sides share the goal of a "
            "two-state solution but differ on how to proceed. The U.S. wants permanent status "
            "negotiations re-launched soon, with talks in New York and Washington and a report "
            "from Secretary Clinton by mid-October. Settlements remain one of several unresolved "
            "issues; the U.S. sets no preconditions."
        ),
        date="2009-09-22",
        place="New York",
        actors=[
            Actor(
                name="George Mitchell",
                aliases=["Senator Mitchell", "Mitchell"],
                kind="person",
                role="Special Envoy for Middle East Peace",
                affiliation="United States",
            ),
            Actor(
                name="Barack Obama",
                aliases=["President Obama", "Obama", "the President"],
                kind="person",
                role="President",
                affiliation="United States",
            ),
            Actor(
                name="Netanyahu",
                aliases=["Prime Minister Netanyahu"],
                kind="person",
                role="Prime Minister",
                affiliation="Israel",
            ),
            Actor(
                name="Abbas",
                aliases=["President Abbas"],
                kind="person",
                role="President",
                affiliation="Palestinian Authority",
            ),
            Actor(
                name="Hillary Clinton",
                aliases=["Secretary Clinton"],
                kind="person",
                role="Secretary of State",
                affiliation="United States",
            ),
            Actor(
                name="Robert Gibbs",
                aliases=["Mr. Gibbs"],
                kind="person",
                role="Press Secretary",
                affiliation="White House",
            ),
            Actor(
                name="Saeb Erekat",
                kind="person",
                role="Negotiations Affairs Department Director",
                affiliation="Palestinian Authority",
            ),
        ],
        positions=[
            Position(
                actor="Obama",
                topic="Negotiations",
                stance="It is past time to talk about starting negotiations; all must take risks.",
                evidence=[
                    ev(a, "it's past time to talk about starting negotiations"),
                    ev(a, "We all must take risks for peace."),
                ],
            ),
            Position(
                actor="Mitchell",
                topic="U.S. focus",
                stance="The aim has always been to re-launch negotiations; the focus is unchanged.",
                evidence=[ev(a, "So there is absolutely no change in our focus.")],
            ),
            Position(
                actor="Mitchell",
                topic="Settlements",
                stance="The U.S. position is unchanged; no agreement yet on a freeze.",
                evidence=[
                    ev(a, "Our position remains unchanged."),
                    ev(a, "We have not reached an agreement on that issue."),
                ],
            ),
            Position(
                actor="Mitchell",
                topic="U.S. role",
                stance="Expects an active U.S. presence alongside direct talks between the sides.",
                evidence=[
                    ev(a, "We anticipate that there will be an active United States presence.")
                ],
            ),
            Position(
                actor="Netanyahu",
                topic="Two-state solution",
                stance="Shares the goal of a two-state solution and seeks re-launched talks.",
                evidence=[ev(a, "Both parties share the goal of a two-state solution")],
            ),
            Position(
                actor="Abbas",
                topic="Two-state solution",
                stance="Shares the goal but differs with Israel on how to proceed.",
                evidence=[
                    ev(
                        a,
                        "although there are differences between them on how to proceed",
                    )
                ],
            ),
        ],
        conditions=[
            Condition(
                actor="Mitchell",
                kind="other",
                condition="No issue is a precondition to negotiations",
                consequence="the U.S. urges others not to impose preconditions either",
                evidence=[
                    ev(a, "We are not identifying any issue as being a precondition"),
                    ev(a, "And we urge others not to impose preconditions."),
                ],
            ),
            Condition(
                actor="Obama",
                kind="prerequisite",
                condition="Permanent status negotiations must begin soon",
                evidence=[ev(a, "Permanent status negotiations must begin, and begin soon.")],
            ),
            Condition(
                actor="Mitchell",
                kind="if_then",
                condition="If accepted and acted upon, the U.S. requests",
                consequence="would create the most favourable conditions for success",
                evidence=[
                    ev(
                        a,
                        "would, if accepted and acted upon, create the most favourable conditions",
                        "normalised",
                        "would, if accepted and acted upon, create the most favorable conditions",
                    )
                ],
            ),
        ],
        proposals=[
            Proposal(
                proposer="Obama",
                addressee="Netanyahu",
                proposal="Re-launch permanent status negotiations as soon as possible.",
                status="pending",
                evidence=[
                    ev(a, "both parties seek the re-launch of negotiations as soon as possible")
                ],
            ),
            Proposal(
                proposer="Mitchell",
                addressee="Saeb Erekat",
                proposal="Meet Israeli and Palestinian negotiators in New York on Thursday.",
                status="accepted",
                evidence=[ev(a, "I also will meet with Saeb Erekat in behalf of the Palestinians")],
            ),
            Proposal(
                proposer="Netanyahu",
                proposal="A temporary settlement freeze of six to nine months.",
                status="unknown",
                evidence=[ev(a, "a temporary freeze of settlements for six to nine months")],
            ),
        ],
        open_questions=[
            OpenQuestion(
                question="Who will negotiate for each side in Washington next week?",
                evidence=[ev(a, "We do not yet know the composition of the negotiators")],
            ),
            OpenQuestion(
                question="Can final status talks start before the settlement issue is resolved?",
                evidence=[
                    ev(a, "can you start final status negotiations without the settlement issue")
                ],
            ),
            OpenQuestion(
                question="Will the U.S. sit at the table, and what role will the Quartet play?",
                evidence=[
                    ev(a, "Will the U.S. be at the table, or are there going to be only bilateral")
                ],
            ),
        ],
    )
    return finish(b, a, f"fixtures/articles/{MITCHELL}.txt"), a


def huge() -> tuple[Briefing, str]:
    """A deliberately oversized briefing of the canonical article: 40 positions and more."""
    a = read(PUTIN)
    base, _ = putin()
    quotes = [
        " ".join(words[i : i + 12])
        for words in (line.split(" ") for line in a.splitlines())
        for i in range(0, len(words) - 12, 7)
    ]
    actors = [
        Actor(name=f"Official {n:02d}", kind="person", role="Deputy minister", affiliation=c)
        for n, c in enumerate(["Russia", "Ukraine", "United States", "China", "France"] * 2)
    ]
    names = [x.name for x in actors]

    def evs(n: int) -> list[Evidence]:
        picks = [quotes[(n * 3 + k) % len(quotes)] for k in range(2)]
        return [ev(a, q) for q in picks]

    long = (
        "maintains at considerable length that the matter must be settled through further "
        "consultations with partners before any decision is taken on the next steps"
    )
    b = base.model_copy(
        update={
            "actors": [*base.actors, *actors],
            "positions": [
                Position(actor=names[n % 7], topic=f"Topic {n + 1}", stance=long, evidence=evs(n))
                for n in range(40)
            ],
            "conditions": [
                Condition(
                    actor=names[n % 10],
                    kind=("red_line", "prerequisite", "if_then", "other")[n % 4],
                    condition=f"Condition {n + 1}: {long}",
                    consequence="otherwise talks stop",
                    evidence=evs(n + 50),
                )
                for n in range(16)
            ],
            "proposals": [
                Proposal(
                    proposer=names[n % 10],
                    addressee=names[(n + 1) % 10],
                    proposal=f"Proposal {n + 1}: {long}",
                    status=("offered", "accepted", "rejected", "pending", "unknown")[n % 5],
                    evidence=evs(n + 90),
                )
                for n in range(15)
            ],
            "open_questions": [
                OpenQuestion(question=f"Open question {n + 1}: {long}?", evidence=evs(n + 130))
                for n in range(12)
            ],
        }
    )
    b = Briefing.model_validate(b.model_dump())
    return finish(b, a, "fixtures/articles/huge-synthetic"), a


HOSTILE_ARTICLE = (
    "Breaking: <script>alert('article')</script> The minister said talks & trade would resume.\n"
    '<img src=x onerror="alert(1)"> He added: "<b>no</b> deal without guarantees".\n'
    "</div></body></html><!-- closing tags in the text must not end the page -->"
)


def hostile() -> tuple[Briefing, str]:
    """Article and model text full of markup: every renderer must show it as text."""
    a = HOSTILE_ARTICLE
    b = Briefing(
        title="<script>alert('title')</script> Minister: talks & trade resume",
        summary="The minister said <b>talks</b> would resume | and trade too <!-- x -->.",
        date="2025-01-01",
        place="<i>Capital</i>",
        actors=[
            Actor(
                name="The <b>Minister</b>",
                aliases=["minister"],
                kind="person",
                role="Minister | *trade*",
                affiliation="<a href='javascript:alert(1)'>Govt</a>",
            )
        ],
        positions=[
            Position(
                actor="minister",
                topic="<script>x</script>",
                stance="Talks & trade resume [link](javascript:alert(1)).",
                evidence=[ev(a, "<script>alert('article')</script>")],
            )
        ],
        conditions=[
            Condition(
                actor="minister",
                kind="red_line",
                condition='"<b>no</b> deal without guarantees"',
                evidence=[ev(a, '"<b>no</b> deal without guarantees"')],
            )
        ],
        proposals=[
            Proposal(
                proposer="minister",
                proposal="Resume <em>talks</em> & trade",
                status="offered",
                evidence=[ev(a, '<img src=x onerror="alert(1)">')],
            )
        ],
        open_questions=[
            OpenQuestion(
                question="</ul></main><script>alert('q')</script>?",
                evidence=[ev(a, "</div></body></html>")],
            )
        ],
    )
    return finish(b, a, "<hostile>.txt"), a


CASES: dict[str, Callable[[], tuple[Briefing, str]]] = {
    "putin": putin,
    "voa": voa,
    "state": state,
    "biden": biden,
    "mitchell": mitchell,
}
"""Every fixture article's hand-built briefing, by short name."""
