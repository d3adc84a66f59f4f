from hypothesis import given
from hypothesis import strategies as st

from core.text import (
    MAX_QUERY_TERMS,
    allowed_typos,
    analyse,
    compound_parts,
    edit_distance,
    fold,
    index_terms,
    normalise,
    query_terms,
    stem,
    stems_of,
)


def test_fold_removes_accents_and_case():
    assert fold("Café ÉÉN Ruwaard") == "cafe een ruwaard"


def test_stem_is_snowball_dutch_and_joins_plurals_and_diminutives():
    # The values PostgreSQL's dutch_stem gives (ts_lexize('dutch_stem', ...)).
    assert stem("activiteiten") == "activiteit"
    assert stem("schulden") == "schuld"
    assert stem("spreekuren") == stem("spreekuur") == "spreekur"
    assert stem("huisartsen") == stem("huisarts")
    assert stem("taallessen") == stem("taalles")
    assert stem("klusjes") == stem("klussen") == stem("klus")
    assert stem("kopjes") == stem("kop")
    assert stem("eenzaamheid") == stem("eenzaam")


def test_normalise_only_touches_diminutives_and_doubled_plurals():
    assert normalise("klusjes") == "klus"
    assert normalise("lessen") == "les"
    assert normalise("balletjes") == "bal"
    assert normalise("spreekuren") == "spreekuren"


def test_compounds_split_into_known_parts():
    assert compound_parts("taallessen") == ("taal", "lessen")
    assert compound_parts("wijkverpleegkundige") == ("wijk", "verpleegkundige")
    assert compound_parts("energierekening") == ("energie", "rekening")
    assert compound_parts("schuldhulp") == ("schuld", "hulp")
    assert compound_parts("brabantzorg") == ("brabant", "zorg")
    assert compound_parts("huiswerk") == ()  # a known word stays whole
    assert compound_parts("eenzaamheid") == ()


def test_analysis_keeps_whole_words_and_parts_apart():
    analysis = analyse("Taallessen bij de huisarts")
    assert analysis.stems == (stem("taallessen"), stem("huisarts"))
    assert set(analysis.part_stems) >= {stem("taal"), stem("les")}
    assert stems_of("Ik zoek taallessen") >= {stem("taal"), stem("les"), stem("zoek")}


def test_query_terms_drop_stop_words_and_duplicates():
    assert query_terms("De koffie en de KOFFIE bij het huis") == ["koffie", "huis"]


def test_query_terms_are_bounded():
    assert len(query_terms(" ".join(f"woord{i}" for i in range(100)))) <= MAX_QUERY_TERMS


def test_index_terms_are_stemmed_and_unique():
    assert index_terms("Schulden en schulden", "Activiteiten") == "schuld activiteit"


def test_edit_distance_counts_a_missing_letter_and_a_swap():
    assert edit_distance("shuldhulp", "schuldhulp", 2) == 1
    assert edit_distance("kofife", "koffie", 2) == 1
    assert edit_distance("fiets", "koffie", 2) == 3


def test_fuzziness_follows_elasticsearch_auto():
    assert [allowed_typos(w) for w in ("ab", "abc", "abcde", "abcdef")] == [0, 1, 1, 2]


@given(st.text(max_size=300))
def test_any_text_gives_plain_ascii_terms(value):
    terms = query_terms(value)
    assert len(terms) <= MAX_QUERY_TERMS
    assert all(term.isascii() and term.isalnum() for term in terms)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12), st.integers(0, 3))
def test_edit_distance_of_a_word_to_itself_is_zero(word, limit):
    assert edit_distance(word, word, limit) == 0
