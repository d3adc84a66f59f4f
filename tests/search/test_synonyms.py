from core.text import stem
from search.synonyms import elasticsearch_rules, expand, synonym_groups, synonym_words


def test_synonym_file_has_thirty_groups_worth_having():
    assert len(synonym_groups()) >= 30


def test_required_groups_are_equivalent():
    assert {"schulden", "geldzaken", "schuldhulp", "geldzorgen"} <= set(synonym_words("geldzorgen"))
    assert "huisarts" in synonym_words("dokter")
    assert "ontmoeten" in synonym_words("eenzaam")


def test_expand_works_on_stems_both_ways():
    assert stem("schulden") in expand(stem("geldzorgen"))
    assert stem("geldzorgen") in expand(stem("schulden"))
    assert expand("fiets") >= {"fiets", stem("fietsenmaker")}


def test_word_without_synonyms_expands_to_itself():
    assert expand("xqzvbrt") == {"xqzvbrt"}


def test_elasticsearch_rules_are_solr_lines_without_accents_or_comments():
    rules = elasticsearch_rules()
    assert "schulden, schuld, geldzaken, schuldhulp, geldzorgen" in rules[0]
    assert all(rule.isascii() and not rule.startswith("#") and "," in rule for rule in rules)
