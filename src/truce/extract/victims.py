"""Who a kill or wound word counts: its victims ("killed two soldiers and a civilian", "One killed,
9 wounded", "leaving 3 officers dead") and the number each victim phrase carries ("a soldier",
"Eleven Maoist guerrillas", "the driver"). truce.extract.casualties adds the counts of a sentence."""

from __future__ import annotations

from spacy.tokens import Token

from truce.extract import toll_shapes as shapes
from truce.extract.datafiles import read_data
from truce.extract.numerals import NUMBER_WORDS, identifier, in_date, is_age, number_value

KILL = {"kill", "die", "dead", "death", "fatality", "slay", "slain", "behead", "execute", "massacre", "murder",
        "lynch", "assassinate", "martyr", "perish"}
# kill words whose subject is the one who died ("nine people died", "20 perished"), not a killer
_DYING = {"die", "perish", "succumb"}
WOUND = {"wound", "injure", "injured", "hurt", "wounded", "injury"}
ADJACENT = {"dead", "killed", "wounded", "injured", "hurt"}
PEOPLE_SINGULAR = {"soldier", "civilian", "man", "woman", "child", "boy", "girl", "person", "officer",
                   "policeman", "fighter", "resident", "villager", "serviceman", "journalist", "guard",
                   "driver", "worker", "farmer", "teacher", "student", "trader", "herder", "priest", "doctor",
                   "nurse", "member", "commander", "militant", "rebel", "insurgent", "peacekeeper", "policewoman",
                   "gendarme", "militiaman", "shepherd", "fisherman", "merchant", "imam", "pilgrim", "refugee",
                   "chief", "leader", "official", "elder", "mayor", "nun", "monk", "pastor", "miner", "hunter",
                   "son", "daughter", "wife", "husband", "brother", "sister", "father", "mother", "nephew",
                   "niece", "cousin", "uncle", "aunt", "baby", "infant", "passenger", "bodyguard", "companion",
                   "neighbour", "neighbor", "colleague", "assailant", "attacker", "bomber", "gunman", "suspect",
                   "pupil", "cleric", "councillor", "councilor", "activist", "lawyer", "judge"}
# offices, trades, ranks, kin and stations of life (data/people.yaml): "killed the governor"
PEOPLE_SINGULAR |= {str(w).lower() for w in read_data("people.yaml")["people"]}
# a/an before these names no one person ("a number of soldiers", "an unknown number")
_NOT_ONE = {"number", "lot", "group", "total", "handful", "couple", "dozen", "score", "family", "crowd", "series",
            "unit", "convoy", "patrol", "band", "team", "squad", "force"}
_SELF = {"himself", "herself"}
# number words that name no count standing alone ("the one who", "both sides" are read elsewhere)
_NOT_ALONE = {"a", "an", "one", "both"}
_NOBODY = {"nobody", "none", "noone", "no-one"}
_ANYONE = {"anyone", "anybody", "anything"}
_GENERAL = {"person", "people", "civilian", "individual", "resident", "villager", "other", "victim"}
_RESULT_DEPS = {"acomp", "oprd", "dep", "xcomp", "advmod"}  # "left 3 dead", "shot dead a chief"
_MEASURES = {"km", "kilometre", "kilometer", "mile", "metre", "meter", "yard", "hour", "minute", "day", "week",
             "month", "year"}
# nouns of many whose "of" phrase gives the count: "a total of 17 people", "a family of five",
# "a group of 7 shepherds" (as a victim: the people of the group were killed)
_COLLECTIVE = {"total", "group", "family", "party", "team", "crew", "squad", "patrol", "band", "crowd"}


def count_of(noun: Token, victim: bool = False) -> tuple[int, Token] | None:
    """The count a noun phrase carries: nummod, "a soldier", "another", or the noun being a numeral
    itself. Ages ("a 14-year-old boy") and ordinals ("the 93rd brigade") are not counts. As the
    victim of a kill or wound word (`victim`), "a/an" counts one whatever the noun ("a Maoist was
    killed": only people are killed), except a noun of many ("a number of", "a group of")."""
    if in_date(noun):
        return None
    value = number_value(noun) if noun.pos_ == "NUM" or noun.lower_ in shapes.LOW_BOUNDS or (
        noun.lower_ in NUMBER_WORDS and noun.lower_ not in _NOT_ALONE) else None
    if value is not None:
        return value, noun  # "Thirteen dead": a headline's number word, tagged as a noun
    nobody = no_one(noun)
    if nobody is not None and not any(c.dep_ == "nummod" for c in noun.children):
        return 0, nobody  # "no one was killed": a count the text states, of zero
    if noun.lower_ in {"another", "one", "him", "her"} or (victim and noun.lower_ in {"he", "she"}):
        return 1, noun  # "... and another was wounded", "beating him to death", "she died of her wounds"
    if victim and noun.lower_ == "both" and noun.pos_ in {"PRON", "DET"}:
        return 2, noun  # "stopped two traders and killed both"
    # a numeral before an article: "an estimated 60 villagers" counts 60, not one
    for child in noun.children:
        if (child.dep_ in {"nummod", "quantmod"} or _number_word_amod(child, noun)) and not is_age(child) \
                and not in_date(child) and not identifier(child):
            value = number_value(child)
            if value is not None:
                return value, child
    if victim and noun.lemma_.lower() in _COLLECTIVE:
        return _collective(noun)
    if victim and noun.lemma_.lower() == "couple" and any(c.dep_ == "det" for c in noun.children):
        return 2, noun  # "an elderly couple was killed", "a couple of farmers": two people
    for child in noun.children:
        if child.dep_ in {"det", "predet"} and child.lower_ == "both" and noun.tag_ in {"NNS", "NNPS"}:
            return 2, child  # "both soldiers were killed"
        if child.dep_ == "det" and child.lower_ in {"a", "an"} and (
                noun.lemma_.lower() in PEOPLE_SINGULAR or (
                    victim and noun.tag_ in {"NN", "NNP", "JJ"} and noun.lemma_.lower() not in _NOT_ONE)):
            return 1, child
        if child.dep_ == "compound" and _leading(child, noun) and child.lower_ in NUMBER_WORDS \
                and child.lower_ not in {"a", "an"}:
            return NUMBER_WORDS[child.lower_], child  # "Eleven Maoist guerrillas": a headline's capital
    return None


def _number_word_amod(word: Token, noun: Token) -> bool:
    """A number word the tagger read as an adjective: "Sixty people were killed"."""
    return word.dep_ == "amod" and word.i < noun.i and word.lower_ in NUMBER_WORDS and word.lower_ not in _NOT_ALONE


def _collective(noun: Token) -> tuple[int, Token] | None:
    """The count of a noun of many's "of" phrase: "a total of 17 people", "a family of five"."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for who in (g for g in prep.children if g.dep_ == "pobj"):
            counted = count_of(who)
            if counted is not None and counted[0] > 0:
                return counted
    return None


def _leading(word: Token, noun: Token) -> bool:
    """Whether `word` opens the words that name `noun` ("Eleven Maoist guerrillas"), a source tag
    glued before them aside ("Reuters12/4/1998 Eleven Maoist guerrillas")."""
    return not any(c.dep_ in {"compound", "amod", "nummod", "det"} and c.i < word.i for c in noun.children)


def no_one(noun: Token) -> Token | None:
    """The word that makes a victim or casualty phrase name nobody: "no one was killed", "nobody",
    "none of them", "no soldiers", "no casualties were reported", "there were no deaths or
    injuries", "without casualties", "did not kill anyone", "did not result in any casualties".
    Zero is a count the text states, not an unknown one (a count that is not written stays None)."""
    if noun.lower_ in _NOBODY:
        return noun
    det = next((c for c in noun.children if c.dep_ in {"det", "neg"} and c.lower_ == "no"), None)
    if det is not None:
        return det
    if noun.dep_ == "pobj" and noun.head.lower_ == "without":
        return noun.head
    if noun.dep_ == "conj" and noun.head.i < noun.i and not any(c.dep_ == "nummod" for c in noun.children):
        return no_one(noun.head)  # "no deaths or injuries": the "no" covers the list
    anyone = noun.lower_ in _ANYONE or any(c.dep_ == "det" and c.lower_ == "any" for c in noun.children)
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if anyone and any(c.dep_ == "neg" for c in verb.children):
        return noun  # "did not kill anyone", "did not result in any casualties"
    return None


def victims_of(tok: Token) -> list[Token]:
    """The noun phrases a kill or wound word `tok` counts as its victims, with the groups listed
    beside them; a part of a group ("27 of them died") rather than the whole."""
    lemma = tok.lemma_.lower()
    out: list[Token] = []
    if tok.pos_ in {"VERB", "AUX"}:
        deps = {"dobj", "nsubjpass"} if lemma not in _DYING else {"nsubj"}
        elliptic = tok.dep_ == "conj" and any(c.dep_ == "auxpass" for c in tok.head.children)
        if (tok.tag_ == "VBN" or elliptic) and not any(c.dep_ in {"dobj", "aux", "auxpass"} for c in tok.children):
            deps = deps | {"nsubj"}  # headline style: "One killed, two injured", "11 others wounded"
        out = [c for c in tok.children if c.dep_ in deps and not _past_break(tok, c)]
        if not out and lemma in KILL | WOUND and not any(c.dep_ in {"dobj", "aux"} for c in tok.children):
            # "six Albanians killed" tagged as a past tense: a counted subject with no object is
            # the one killed (an attacker who killed would have an object)
            out = [c for c in tok.children if c.dep_ == "nsubj" and (count_of(c) is not None or (
                tok.tag_ in {"VBD", "VBN"} and one_person(c) is not None))]  # "Woman killed in attack"
        if not out and ((tok.tag_ == "VBN" and tok.dep_ in {"xcomp", "oprd", "ccomp"}) or (
                tok.dep_ == "conj" and tok.head.lemma_.lower() == "leave" and tok.lower_ in ADJACENT)):
            # "two fighters said killed", "leaves 2 people killed": who the verb above names
            out = _object_victims(tok.head) or [c for c in tok.head.children if c.dep_ == "nsubj"]
        if not out and tok.dep_ == "conj" and not any(c.dep_ in {"dobj", "nsubj"} for c in tok.children):
            out = [c for c in tok.head.children if c.dep_ == "nsubjpass"]  # "a man was shot and killed"
        if not out and tok.dep_ == "nsubj" and tok.head.lemma_.lower() == "be":
            out = [c for c in tok.head.children if c.dep_ == "attr"]  # "Killed were 3 soldiers and a civilian"
        if tok.dep_ in {"acl", "relcl"} and not out and not _place_before(tok):
            out = [_counted_head(tok.head)]  # "two soldiers killed in the attack"
        out = [tok.head if n.tag_ in {"WP", "WDT"} and tok.dep_ == "relcl" else n for n in out]  # "2 men who were
        # killed": the men
    elif lemma in {"dead", "wounded", "injured"} and any(c.dep_ == "nummod" for c in tok.children):
        out = [tok]  # "left 30 dead"
    elif found := _dead_after(tok):
        out = found
    elif tok.pos_ == "ADJ" and (tok.dep_ == "amod" or (tok.dep_ == "acl" and tok.lower_ == "dead")):
        out = [_counted_head(tok.head)]  # "12 dead civilians", "leaves 8 fighters of a faction dead",
        # "shot a councillor dead outside his home"
    elif tok.pos_ == "ADJ" and tok.dep_ in _RESULT_DEPS and tok.head.pos_ in {"VERB", "AUX"}:
        out = _object_victims(tok.head) or _shot_dead(tok)  # "leaving 3 officers dead", "were shot dead",
        # "shot dead two", "shot dead a village chief"
        if not out and (tok.dep_ == "acomp" or (tok.dep_ == "oprd" and tok.head.tag_ in {"VBD", "VBN"})):
            # "two soldiers are dead"; a headline's "Teacher shot dead by gunmen" drops "was"
            out = [c for c in tok.head.children if c.dep_ == "nsubj"]
    elif tok.lower_ == "dead" and tok.dep_ in {"conj", "advcl"}:
        out = _left_dead(tok) or _object_before(tok)  # "... target a convoy leaving 70 members dead": the parse
        # may cut "leaving"; "shot three protesters dead": the object just before it
    elif lemma == "death" and tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.pos_ == "VERB":
        verb = tok.head.head  # "beating him to death", "was stabbed to death"; "beat to death and burned
        out = _object_victims(verb) or [o for c in verb.conjuncts for o in _object_victims(c)][:1]  # a man": one
    elif tok.pos_ == "ADJ" and tok.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in tok.children):
        out = [c for c in tok.children if c.dep_ == "nsubj"]  # headline style: "21 others dead"
    elif tok.pos_ in {"NOUN", "ADJ"} and lemma in {"dead", "wounded", "injured", "martyr", "fatality", "death"}:
        out = [tok]  # "12 dead", "the wounded", "31 martyrs", "resulted in 6 fatalities", "8 deaths"
    if not out and tok.dep_ == "amod" and tok.head.pos_ in {"NOUN", "PROPN"}:
        out = [_counted_head(tok.head)]  # a participle before its noun: "five executed victims", "3 slain men"
    partitive_ = [n for n in out if partitive(n)]
    if partitive_:
        out = partitive_  # "160 wounded people received, 27 of them died": the 27 died, not the 160
    out = [_among(n) or n for n in out]
    return _groups(out)


def _dead_after(tok: Token) -> list[Token]:
    """Who "dead" counts where the parse hung it after them: "gunmen ... shot dead a broadcaster"
    (the parse made "dead" the verb and "shot" a noun; an adjective has no object, so its object is
    the victim), "leaving at least five people dead" (a small clause: its subject) and "left 4
    soldiers and 3 militants dead" (the whole list, from its first item)."""
    if tok.lower_ != "dead":
        return []
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    if objects:
        return objects
    if tok.dep_ in {"ccomp", "xcomp"} and tok.head.lemma_.lower() == "leave":
        return [c for c in tok.children if c.dep_ == "nsubj"]  # "leaving at least five people dead"
    if tok.dep_ == "amod" and tok.head.i < tok.i and tok.head.dep_ == "conj" \
            and tok.head.head.dep_ in {"dobj", "nsubjpass"}:
        first = tok.head.head
        return [first, *(c for c in first.conjuncts if c.i > first.i)]
    return []


_PLACE_PREPS = {"in", "near", "at", "inside", "outside", "around", "into", "from", "across", "along"}


def _place_before(participle: Token) -> bool:
    """A participle hung on a place it follows ("the bodies ... were found in a forest near the
    town, killed by militants"): the parse's attachment, not who was killed; a counted or
    person noun there still is ("three men in a car, killed by ...")."""
    head = participle.head
    return head.dep_ == "pobj" and head.head.lower_ in _PLACE_PREPS and not person_word(head.lemma_.lower()) \
        and count_of(head) is None


def _past_break(verb: Token, noun: Token) -> bool:
    """A noun after a spaced dash or colon that follows the verb: a headline's source ("Three
    Lebanese killed in air raid - Al-Jazeera TV"), never who was killed."""
    doc = verb.doc
    return any(t.text in {"-", "–", "—", ":"} and t.whitespace_ and doc[t.i - 1].whitespace_
               for t in doc[verb.i + 1: noun.i])


def _among(noun: Token) -> Token | None:
    """"Three children among 10 killed": the part is told within the whole, which is the count."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "among"):
        for whole in (g for g in prep.children if g.dep_ == "pobj"):
            if count_of(whole) is not None:
                return whole
    return None


def _groups(victims: list[Token]) -> list[Token]:
    """The victims with the other groups listed beside them: conjuncts ("the driver and 3
    passengers") and a bare list's appositions ("kills two women, two children"). A conjunct with
    a casualty word of its own is that word's count ("One killed, 9 wounded"); an apposition to a
    general noun ("3 people, two women and a child") tells who they were, not more of them. A
    participle may hang on the list's last item ("Twelve rebels, two soldiers killed"): the items
    before it are victims too."""
    expanded: list[Token] = []
    for noun in victims:
        expanded.append(noun)
        if _listed_after(noun):
            expanded.append(noun.head)  # and the head's other appositions, below
            noun = noun.head
        listed = [c for c in noun.conjuncts if c.i > noun.i and not _own_casualty_word(c)]
        if not _who_they_were(noun, listed):
            expanded.extend(listed)
        if noun.lemma_.lower() not in _GENERAL:
            expanded.extend(c for c in noun.children if c.dep_ == "appos" and c.tag_ in {"NNS", "NNPS"}
                            and any(g.dep_ == "nummod" for g in c.children) and not _own_casualty_word(c))
    return expanded


def _listed_after(noun: Token) -> bool:
    """A counted plural set beside a counted plural before it, with only a comma between them:
    an item of a bare list ("Twelve Kurdish rebels, two soldiers"), not who a general noun's people
    were ("3 people, two women")."""
    head = noun.head
    return noun.dep_ == "appos" and head.i < noun.i and noun.tag_ in {"NNS", "NNPS"} \
        and head.tag_ in {"NNS", "NNPS"} and head.lemma_.lower() not in _GENERAL \
        and count_of(head) is not None and count_of(noun) is not None


def _who_they_were(noun: Token, listed: list[Token]) -> bool:
    """"3 people, two women and a child": a list set off by a comma after a counted general noun,
    adding up to no more than it, says who they were (the parse makes it a conjunct)."""
    if not listed or noun.lemma_.lower() not in _GENERAL or noun.i + 1 >= len(noun.doc) \
            or noun.doc[noun.i + 1].text != ",":
        return False
    own = count_of(noun)
    parts = [count_of(c, victim=True) or one_person(c) for c in listed]
    return own is not None and None not in parts and sum(p[0] for p in parts if p) <= own[0]


_PEOPLE_SUFFIXES = tuple(w for w in PEOPLE_SINGULAR if len(w) >= 6)


def person_word(lemma: str) -> bool:
    """A noun for one person, compounds of one included ("photojournalist", "steelworker")."""
    return lemma in PEOPLE_SINGULAR or (len(lemma) >= 9 and lemma.endswith(_PEOPLE_SUFFIXES))


def one_person(noun: Token) -> tuple[int, Token] | None:
    """One victim named without a numeral: "the driver", "his son", "killing himself", a person by
    name ("killed photojournalist Ziad al-Sharabi")."""
    if noun.lower_ in _SELF:
        return 1, noun
    if noun.ent_type_ == "PERSON" and noun.tag_ == "NNP" and noun.ent_iob_ in {"B", "I"} \
            and not any(c.dep_ == "nummod" for c in noun.children):
        return 1, noun
    headline_capital = noun.tag_ == "NNP" and noun.i == noun.sent.start  # "Journalist killed in ..."
    if (noun.tag_ != "NN" and not headline_capital) or not person_word(noun.lemma_.lower()):
        return None
    det = next((c for c in noun.children if c.dep_ in {"det", "poss"}), None)
    if det is None:
        # a headline drops the article: "Gunmen kill police officer in Kano" is one officer
        return (1, noun) if noun.dep_ not in {"compound", "pobj"} else None
    if det.lower_ not in {"the", "his", "her", "their", "its", "a", "an"}:
        return None
    return 1, det


def _counted_head(noun: Token) -> Token:
    """The noun a participle describes: "9 members from the regime forces killed" attaches the
    participle to "forces"; with no count there, the counted noun the preposition hangs on."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in {"NOUN", "PROPN"} \
            and count_of(noun.head.head) is not None and (
                count_of(noun) is None or noun.head.lower_ in {"of", "from"}):
        return noun.head.head  # "3 men of one family killed": the men, not the one family
    return noun


def _own_casualty_word(noun: Token) -> bool:
    return any(c.dep_ in {"acl", "amod", "relcl"} and (c.lemma_.lower() in KILL | WOUND or c.lower_ in ADJACENT)
               for c in noun.children)


def _left_dead(tok: Token) -> list[Token]:
    """The object of the nearest "leave" before `tok` when that object comes just before it."""
    for verb in reversed(tok.doc[tok.sent.start:tok.i]):
        if verb.lemma_.lower() == "leave" and verb.pos_ == "VERB":
            return [c for c in verb.children if c.dep_ == "dobj" and c.i < tok.i]
    return []


def _shot_dead(dead: Token) -> list[Token]:
    """"shot dead 3 herders": the counted phrase right after "dead" that the parse hung elsewhere."""
    doc = dead.doc
    if dead.head.i != dead.i - 1 or dead.i + 1 >= len(doc):
        return []
    nxt = doc[dead.i + 1]
    if nxt.pos_ != "NUM" and nxt.lower_ not in shapes.LOW_BOUNDS:
        return []
    noun = nxt.head if nxt.dep_ == "nummod" and nxt.head.pos_ == "NOUN" else nxt
    return [] if noun.lemma_.lower() in _MEASURES else [noun]  # "shot dead 2 km from the base": no one


def _object_before(dead: Token) -> list[Token]:
    """The object of the verb "dead" hangs on when that object's words end just before it."""
    return [o for o in _object_victims(dead.head) if o.right_edge.i == dead.i - 1]


def _object_victims(verb: Token) -> list[Token]:
    """Who a verb of result acts on: its object, else its passive subject ("were shot dead")."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return objs or [c for c in verb.children if c.dep_ == "nsubjpass"]


def partitive(noun: Token) -> bool:
    """"27 of them", "five of whom": a part of a group named before."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and
               any(g.lower_ in {"them", "whom", "those"} for g in c.children) for c in noun.children)
