"""Word lists the rules engine reads: titles, demonyms, capitals, organisation words, verbs.

Kept apart from the rules so that widening coverage (another country, another title) is a data
change, not a logic change. Every list is general English news vocabulary; nothing here is
specific to any one article. Lookups are lower-cased unless a name says otherwise.
"""

from __future__ import annotations

import re
from typing import Final, TypeAlias


def split_words(text: str) -> list[str]:
    """The whitespace-separated words of a word list written as one string."""
    return text.split()


def trie_pattern(words: list[str] | frozenset[str] | tuple[str, ...]) -> str:
    """A regex alternation of ``words`` factored as a trie: ``re`` tries the alternatives of a
    flat ``a|b|c`` one by one at every position, so long word lists are much faster this way.
    Longer words are preferred over their prefixes ("said" before "sa")."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _build(trie) + ")"


_Trie: TypeAlias = dict[str, "_Trie"]


def _build(node: _Trie) -> str:
    branches = [re.escape(c) + _build(child) for c, child in sorted(node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


# Country name -> canonical name (identity for most; a few long forms fold to the short one).
_COUNTRIES: Final = """
Afghanistan Albania Algeria Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh
Belarus Belgium Bolivia Bosnia Brazil Bulgaria Cambodia Cameroon Canada Chile China Colombia
Croatia Cuba Cyprus Denmark Ecuador Egypt Eritrea Estonia Ethiopia Finland France Georgia Germany
Ghana Greece Guatemala Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel
Italy Japan Jordan Kazakhstan Kenya Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Libya Lithuania
Luxembourg Malaysia Mali Mexico Moldova Mongolia Montenegro Morocco Mozambique Myanmar Nepal
Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan Palestine Panama Paraguay Peru
Philippines Poland Portugal Qatar Romania Russia Rwanda Senegal Serbia Singapore Slovakia Slovenia
Somalia Spain Sudan Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Tunisia Turkey
Turkmenistan Uganda Ukraine Uruguay Uzbekistan Venezuela Vietnam Yemen Zambia Zimbabwe Gaza
"""
COUNTRIES: Final[dict[str, str]] = {c.lower(): c for c in _COUNTRIES.split()}
COUNTRIES.update(
    {
        "united states": "United States",
        "united states of america": "United States",
        "u.s.": "United States",
        "u.s.a.": "United States",
        "us": "United States",
        "usa": "United States",
        "america": "United States",
        "united kingdom": "United Kingdom",
        "u.k.": "United Kingdom",
        "uk": "United Kingdom",
        "britain": "United Kingdom",
        "great britain": "United Kingdom",
        "russian federation": "Russia",
        "south korea": "South Korea",
        "north korea": "North Korea",
        "saudi arabia": "Saudi Arabia",
        "south africa": "South Africa",
        "new zealand": "New Zealand",
        "united arab emirates": "United Arab Emirates",
        "czech republic": "Czech Republic",
        "west bank": "West Bank",
        "palestinian authority": "Palestinian Authority",
    }
)

# Demonym (adjective) -> country.
DEMONYMS: Final[dict[str, str]] = {
    "afghan": "Afghanistan", "american": "United States", "u.s.": "United States",
    "us": "United States", "argentine": "Argentina", "armenian": "Armenia",
    "australian": "Australia", "austrian": "Austria", "azerbaijani": "Azerbaijan",
    "belarusian": "Belarus", "belgian": "Belgium", "brazilian": "Brazil",
    "british": "United Kingdom",
    "u.k.": "United Kingdom", "canadian": "Canada", "chinese": "China", "colombian": "Colombia",
    "cuban": "Cuba", "danish": "Denmark", "dutch": "Netherlands", "egyptian": "Egypt",
    "emirati": "United Arab Emirates", "estonian": "Estonia", "ethiopian": "Ethiopia",
    "finnish": "Finland", "french": "France", "georgian": "Georgia", "german": "Germany",
    "greek": "Greece", "hungarian": "Hungary", "indian": "India", "indonesian": "Indonesia",
    "iranian": "Iran", "iraqi": "Iraq", "irish": "Ireland", "israeli": "Israel", "italian": "Italy",
    "japanese": "Japan", "jordanian": "Jordan", "kazakh": "Kazakhstan", "kenyan": "Kenya",
    "korean": "Korea", "north korean": "North Korea", "south korean": "South Korea",
    "kuwaiti": "Kuwait", "latvian": "Latvia", "lebanese": "Lebanon",
    "libyan": "Libya", "lithuanian": "Lithuania", "mexican": "Mexico", "moldovan": "Moldova",
    "moroccan": "Morocco", "nigerian": "Nigeria", "norwegian": "Norway", "pakistani": "Pakistan",
    "palestinian": "Palestinian Authority", "polish": "Poland", "portuguese": "Portugal",
    "qatari": "Qatar", "romanian": "Romania", "russian": "Russia", "saudi": "Saudi Arabia",
    "serbian": "Serbia", "slovak": "Slovakia", "spanish": "Spain", "sudanese": "Sudan",
    "swedish": "Sweden", "swiss": "Switzerland", "syrian": "Syria", "taiwanese": "Taiwan",
    "thai": "Thailand", "turkish": "Turkey", "ukrainian": "Ukraine", "venezuelan": "Venezuela",
    "vietnamese": "Vietnam", "yemeni": "Yemen", "european": "European Union",
    "eu": "European Union",
}  # fmt: skip

# Seat of government -> country, used when a capital stands for its government ("Paris said").
CAPITALS: Final[dict[str, str]] = {
    "moscow": "Russia", "kremlin": "Russia", "kyiv": "Ukraine", "kiev": "Ukraine",
    "washington": "United States", "paris": "France", "berlin": "Germany",
    "london": "United Kingdom",
    "beijing": "China", "tehran": "Iran", "jerusalem": "Israel", "ankara": "Turkey",
    "tokyo": "Japan", "seoul": "South Korea", "pyongyang": "North Korea", "rome": "Italy",
    "madrid": "Spain", "warsaw": "Poland", "cairo": "Egypt", "amman": "Jordan",
    "riyadh": "Saudi Arabia",
    "damascus": "Syria", "baghdad": "Iraq", "kabul": "Afghanistan", "islamabad": "Pakistan",
    "new delhi": "India", "ottawa": "Canada", "brussels": "European Union", "minsk": "Belarus",
}  # fmt: skip

# Cities and places that are commonly where news happens (for the `place` field).
PLACES: Final[frozenset[str]] = frozenset(
    {k.title() for k in CAPITALS if k != "kremlin"}
    | {
        "Geneva", "New York", "Vienna", "Doha", "Istanbul", "Davos", "Munich", "Sochi",
        "Saint Petersburg", "St. Petersburg", "Vladivostok", "Dubai", "Abu Dhabi", "Brussels",
        "Camp David", "Oslo", "Stockholm", "Helsinki", "Minsk", "Kyiv", "Tel Aviv",
        "Hong Kong", "Shanghai", "Los Angeles", "Chicago", "San Francisco", "The Hague",
    }
)  # fmt: skip

# Words that make a capitalised run a person's title (lower-cased, single words).
TITLE_WORDS: Final[frozenset[str]] = frozenset(
    split_words("""
        president vice prime minister secretary chancellor senator sen. representative rep.
        governor gov. mayor ambassador envoy special general gen. admiral colonel col. lieutenant
        commander chief director spokesman spokeswoman spokesperson king queen prince princess
        pope sheikh emir sultan premier foreign defense defence interior finance deputy assistant
        national security advisor adviser state press attorney justice judge speaker leader
        chairman chairwoman chair mr. mrs. ms. dr. mr mrs ms dr sir lord dame former acting first
        lady senior executive ceo head negotiator officer minister-president majority minority
        whip counselor counsellor undersecretary under high commissioner affairs economy trade
        energy health education labor labour agriculture transport intelligence homeland treasury
        commerce president-elect premier-designate minister-designate
        """)
)
# Title words that on their own (as the run's last title word) denote a role.
ROLE_HEADS: Final[frozenset[str]] = frozenset(
    split_words("""
        president minister secretary chancellor senator sen. representative rep. governor gov.
        mayor ambassador envoy general gen. admiral colonel col. commander chief director
        spokesman spokeswoman spokesperson king queen prince princess pope sheikh emir sultan
        premier advisor adviser attorney judge speaker leader chairman chairwoman chair ceo head
        negotiator officer whip counselor counsellor undersecretary commissioner justice
        lieutenant president-elect premier-designate minister-designate
        """)
)
# Honorifics: a role-less title ("Mr. Gibbs").
HONORIFICS: Final[frozenset[str]] = frozenset(split_words("mr. mrs. ms. dr. mr mrs ms dr sir"))
# Heads of state or government: "the Ukrainian leader" may refer to any of them.
LEADER_ROLES: Final[frozenset[str]] = frozenset(
    split_words("president prime minister chancellor premier king queen leader emir sultan")
)
# Domain words inside a role complement ("Secretary of State", "Envoy for Middle East Peace").
ROLE_DOMAIN: Final[frozenset[str]] = frozenset(
    split_words("""
        state defense defence foreign affairs interior finance justice health energy trade peace
        middle east near far west north south security commerce treasury education labor labour
        agriculture transportation transport homeland intelligence economy economic development
        environment culture staff the united nations european union joint chiefs house senate
        congress white department office nations
        """)
)
# Lower-case role nouns in descriptive roles ("foreign affairs chief", "chief negotiator").
ROLE_NOUNS: Final[frozenset[str]] = frozenset(
    split_words("""
        chief spokesman spokeswoman spokesperson minister official envoy negotiator ambassador
        leader president adviser advisor secretary director head commander diplomat representative
        chairman chairwoman
        """)
)
# Indefinite speakers that count as actors when they speak ("a Western diplomat said").
ANONYMOUS_SPEAKERS: Final[frozenset[str]] = frozenset(
    split_words(
        "diplomat official officials source sources spokesman spokeswoman spokesperson analyst"
    )
)
# Words after a demonym that make it a government ("Ukrainian authorities").
GOVERNMENT_NOUNS: Final[frozenset[str]] = frozenset(
    split_words("authorities government administration officials leadership side delegation")
)

# Organisations that are well known by short names.
KNOWN_ORGS: Final[frozenset[str]] = frozenset(
    split_words("""
        AFP AP Reuters Bloomberg TASS RIA Interfax Xinhua BBC CNN NATO UN U.N. EU E.U. IAEA OPEC
        WHO IMF OSCE ASEAN Hamas Hezbollah Taliban Kremlin Pentagon Congress Senate Quartet
        """)
)
ORG_HEADS: Final[frozenset[str]] = frozenset(
    split_words("""
        council union organization organisation agency ministry department committee party bank
        fund post times news press authority commission court parliament assembly association
        institute university corporation company group army forces navy office house league
        alliance federation service journal network
        """)
)

# Capitalised words that never start or form a person's name.
NOT_NAMES: Final[frozenset[str]] = frozenset(
    split_words("""
        the a an this that these those it its he she they we i you his her their our my your in on
        at of for by with from to and or but if as when while after before since also then there
        here what who why how which where however although though because so yet thus monday
        tuesday wednesday thursday friday saturday sunday january february march april may june
        july august september october november december jan feb mar apr jun jul aug sep sept oct
        nov dec today yesterday tomorrow breaking news photo image video live update updated read
        more share print email copyright reports report according q a mr mrs end no yes thank
        thanks good well now let first second secondly finally both each every all some many most
        neither either nor regrettably unfortunately meanwhile readout remarks transcript
        one two three four five six seven eight nine ten god office press briefing statement
        release immediate center centre hotel street avenue minister president secretary east west
        north south middle peace security council republic federation kingdom state states united
        nations union international national federal democratic people war world
        """)
)

# Family names written first. A Korean name is "Kim Jong Un" or "Lee Jae-myung" (the given
# name in two parts or hyphenated): Kim and Lee are also Western given names, so only those
# shapes count. Chinese family names count in any two-part name ("Xi Jinping", "Wang Yi").
KOREAN_FAMILY: Final[frozenset[str]] = frozenset(
    split_words("""
        Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Moon Shin Yoo Kwon Hwang Ahn Song
        """)
)
CHINESE_FAMILY: Final[frozenset[str]] = frozenset(
    split_words("Xi Li Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Guo Gao Luo")
)

# Verbs that introduce speech; present and past forms.
SPEECH_VERBS: Final[frozenset[str]] = frozenset(
    split_words("""
        said says say told tells stressed stresses added adds warned warns noted notes explained
        explains declared declares stated states emphasized emphasised emphasizes emphasises
        insisted insists argued argues claimed claims announced announces confirmed confirms
        acknowledged acknowledges admitted admits asserted asserts maintained maintains suggested
        suggests revealed reveals reported reports wrote writes replied replies responded responds
        commented comments observed observes remarked remarks continued continues concluded
        concludes cautioned cautions predicted predicts underlined underlines underscored
        underscores recalled recalls affirmed affirms reiterated reiterates pointed accused
        accuses accusing accuse demanded demands questioned questions reaffirmed reaffirms
        welcomed welcomes condemned condemns expressed expresses highlighted highlights believes
        believed hopes hoped thinks thought thanked thanks outlined outlines complained complains
        criticized criticised criticizes criticises denied denies vowed vows pledged pledges
        charged charges alleged alleges contended contends agreed agrees
        """)
)
# Speech verbs that take a bare clause ("said Paris is not satisfied"); others need "that".
BARE_CLAUSE_VERBS: Final[frozenset[str]] = frozenset(
    split_words("""
        said says say told tells insists insisted believes believed hopes hoped argued argues
        claimed claims warned warns added adds stressed stresses noted notes accused accuses
        accusing accuse demanded demands declared declares thanked thanks
        """)
    + split_words(
        # stance verbs whose object is the stance: "reaffirmed the commitment to ..."
        """emphasized emphasised emphasizes underscored underscores reaffirmed reaffirms
        reiterated reiterates welcomed welcomes condemned condemns expressed expresses
        highlighted highlights stressed""",
    )
)
# Verbs that are speech only with a following "that" clause ("suggested that", "made clear that").
VERB_PHRASES: Final[tuple[str, ...]] = (
    "made clear",
    "makes clear",
    "made it clear",
    "spoke on",
    "spoke about",
    "told reporters",
    "told a news conference",
    "told a press conference",
    "told journalists",
    "said in a statement",
)

# Words that cannot be the verb after a subject (so "Iran and ..." is not "Iran <verb>").
NOT_VERBS: Final[frozenset[str]] = frozenset(
    split_words("""
        of and or in on at for to with from by the a an as than that which who whom whose plus
        between about into over under after before during per via including its his her their our
        my your this these those
        """)
)
# Prepositions before a name that make the mention an object, not a subject.
OBJECT_MARKERS: Final[frozenset[str]] = frozenset(
    split_words("""
        with by to of from for on at about between into over under against among toward towards
        via plus than like without behind within upon onto in near across inside outside around
        through his her their its our my your the a an
        """)
)
# Verbs that may follow a non-person subject ("Iran says", "Russia has never").
AUXILIARIES: Final[frozenset[str]] = frozenset(
    split_words("""
        is are was were has have had will would can could must should may might does did do shall
        also never still later now already again
        """)
)
