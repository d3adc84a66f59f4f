from core.text import stem
from search.synonyms import elasticsearch_rules, groups_for_phrases, groups_for_stem, synonym_groups


def words_like(word: str) -> set[str]:
    return {entry for group in groups_for_stem(stem(word)) for entry in group}


def test_synonym_file_has_thirty_groups_worth_having():
    assert len(synonym_groups()) >= 30


def test_the_words_residents_use_are_equivalent():
    assert {"schulden", "geldzaken", "schuldhulp", "geldzorgen"} <= words_like("geldzorgen")
    assert "diabetes" in words_like("suikerziekte")
    assert "huisarts" in words_like("dokter")
    assert {"ontmoeten", "gezelschap"} <= words_like("eenzaam")
    assert "klussen" in words_like("klusjes")
    assert {"buurtpreventie", "wijkagent"} <= words_like("inbraak")
    assert "wijkverpleging" in words_like("thuiszorg")
    assert "uitkering" in words_like("bijstand")
    assert "digid" in words_like("computer")
    assert "taalles" in words_like("nederlands")


def test_plurals_find_the_same_group():
    assert words_like("schuld") == words_like("schulden")


def test_a_phrase_in_a_sentence_finds_its_group():
    query = tuple(stem(w) for w in ("rekeningen", "betalen"))
    groups = [group for _, group in groups_for_phrases(query)]
    assert any("schuldhulp" in group for group in groups)


def test_word_without_synonyms_has_no_group():
    assert groups_for_stem("xqzvbrt") == []


def test_elasticsearch_rules_are_solr_lines_without_accents_or_comments():
    rules = elasticsearch_rules()
    assert rules[0].startswith("schulden, geldzaken, schuldhulp, geldzorgen")
    assert all(rule.isascii() and not rule.startswith("#") and "," in rule for rule in rules)
