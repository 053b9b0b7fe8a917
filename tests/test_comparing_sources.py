"""Lesson 05, comparing sources: sourcing, the corroboration matrix, discrepancies, labels,
the explorer, and the exercise keys that rest on them."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers.charts import PALETTE
from helpers.comparing_sources import (
    _CELL_STYLES,
    STATUSES,
    _cell_html,
    _citation_html,
    _claim_status,
    _claims_by_topic,
    _combine_statuses,
    _compare_html,
    _corroborated_keys,
    _days_after,
    _describe_discrepancy,
    _favourite_labels,
    _figures_for_key,
    _label_counts,
    _legend_html,
    _matrix_columns,
    _numeric_keys,
    _pair_html,
    _shared_keys,
    _source_label,
    _source_profile,
    _status_label,
    _unread_keys,
    compare_sources,
    corroborate_claims,
    describe_gap,
    describe_labels,
    discrepancy_chart,
    find_uncorroborated_keys,
    key_claims_table,
    labels_chart,
    matrix_html,
    matrix_table,
    source_explorer,
    sourcing_table,
)
from helpers.exercises import check, load_exercises

SEEDS = ["seed-chivvis-2015", "seed-france24-2013", "seed-thinkprogress-2013",
         "seed-blog-diabaly-2013", "seed-passblue-2013"]
EVIL = '<script>alert("x")</script>'


def body_rows(table: str) -> list[list[str]]:
    """The cells of a Markdown table's body rows (header and rule left out)."""
    return [[cell.strip() for cell in line.strip("|").split(" | ")]
            for line in table.splitlines()[2:]]


# 1. Sourcing

def test_days_after_counts_from_11_january_2013() -> None:
    assert _days_after("2013-01-11") == (0, True)
    assert _days_after("2013-01-14") == (3, True)
    assert _days_after("2015-12-05") == (1058, True)
    assert _days_after("2015") == (720, False)


def test_a_malformed_date_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="expected a date like 2013-01-18"):
        describe_gap("soon")
    with pytest.raises(ValueError, match="expected a date like 2013-01-18"):
        describe_gap("2013-13-01")


def test_gap_in_words_is_honest_about_imprecise_dates() -> None:
    assert describe_gap("2013-01-12") == "1 day after 11 January 2013"
    assert describe_gap("2013-01-08") == "3 days before 11 January 2013"
    assert describe_gap("2013-01").startswith("date known only as 2013-01")


def test_sourcing_table_puts_the_seeds_in_date_order_with_their_ids(sources) -> None:
    rows = body_rows(sourcing_table(sources, SEEDS))
    assert len(rows) == len(SEEDS)
    assert rows[-1][0].startswith("Chivvis (Cambridge University Press)")
    assert rows[-1][1] == "`seed-chivvis-2015`"
    assert {row[1].strip("`") for row in rows} == set(SEEDS)
    assert {row[5] for row in rows} <= {"reporter", "official", "analyst", "scholar", "blogger",
                                        "commenter", "mixed", "legal\\_text", "reference"}


def test_profile_names_who_speaks_and_when(sources) -> None:
    profile = _source_profile(sources, "seed-france24-2013")
    assert profile["Who speaks"] == "mixed"
    assert profile["Written"] == "7 days after 11 January 2013"


def test_key_claims_table_is_in_date_order(claims, sources) -> None:
    rows = body_rows(key_claims_table(claims, sources, "first-french-mission"))
    assert len(rows) == (claims["claim_key"] == "first-french-mission").sum()
    dates = [row[0].rsplit(", ", 1)[1] for row in rows]
    assert dates == sorted(dates) and dates[0] == "2013-01-11"
    with pytest.raises(ValueError, match="no claim uses claim_key 'nope'"):
        key_claims_table(claims, sources, "nope")


def test_tables_escape_text_from_the_data() -> None:
    claims = pd.DataFrame({"claim_key": ["k"], "source_id": ["s"], "speaker": ["a | b"],
                           "claim": [EVIL]})
    sources = pd.DataFrame({"source_id": ["s"], "publisher": ["P"], "published": ["2013"]})
    table = key_claims_table(claims, sources, "k")
    assert "<script>" not in table and "&lt;script&gt;" in table and "a \\| b" in table


# 2. Corroboration: statuses

def test_every_status_has_its_own_symbol_word_and_palette_colour() -> None:
    labels = [_status_label(status) for status in STATUSES]
    assert len({label.split()[0] for label in labels}) == len(STATUSES)
    assert {style.colour for style in _CELL_STYLES.values()} <= set(PALETTE.values())
    assert len({style.colour for style in _CELL_STYLES.values()}) == len(STATUSES)


def test_an_unknown_status_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown status 'maybe'"):
        _status_label("maybe")


def test_legend_names_all_four_statuses() -> None:
    legend = _legend_html()
    assert all(_status_label(status) in legend for status in STATUSES)


# 2. Corroboration: the matrix

def fixture_tables() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    claims = pd.DataFrame({
        "claim_id": ["c1", "c2", "c3", "c4", "c5", "c6", "c7"],
        "claim_key": ["dist", "dist", "dist", "when", "when", "why", "why"],
        "source_id": ["a", "b", "c", "a", "b", "a", "c"],
        "value": ["400", "404", "515", "2013-01-11", "2013-01-10", "", ""],
    })
    keys = pd.DataFrame({"claim_key": ["dist", "when", "why"],
                         "kind": ["number", "date", "text"],
                         "baseline_value": ["400", "2013-01-11", ""]})
    stances = pd.DataFrame({"claim_id": ["c7"], "stance": ["contradicts"]})
    return claims, keys, stances


def test_matrix_on_a_fixture_gives_each_of_the_four_statuses() -> None:
    claims, keys, stances = fixture_tables()
    matrix = corroborate_claims(claims, keys, stances, source_ids=["a", "b", "c"])
    assert matrix.loc["dist"].tolist() == ["agrees", "agrees", "different figure"]
    assert matrix.loc["when"].tolist() == ["agrees", "contradicts", "silent"]
    assert matrix.loc["why"].tolist() == ["agrees", "silent", "contradicts"]


def test_tolerance_decides_what_counts_as_the_same_figure() -> None:
    claims, keys, stances = fixture_tables()
    assert corroborate_claims(claims, keys, stances, source_ids=["b"]).loc["dist", "b"] == \
        "agrees"
    strict = corroborate_claims(claims, keys, stances, source_ids=["b"], rel_tol=0.0)
    assert strict.loc["dist", "b"] == "different figure"


def test_rows_silent_for_every_shown_source_are_dropped_unless_asked() -> None:
    claims, keys, stances = fixture_tables()
    assert "when" not in corroborate_claims(claims, keys, stances, source_ids=["c"]).index
    kept = corroborate_claims(claims, keys, stances, source_ids=["c"], drop_silent=False)
    assert kept.loc["when", "c"] == "silent"


def test_an_unread_figure_key_gets_a_derived_reading_and_an_unread_text_key_stays_out() -> None:
    claims, keys, stances = fixture_tables()
    unread = keys[keys["claim_key"] == "why"]
    matrix = corroborate_claims(claims, unread, stances, source_ids=["a", "b", "c"])
    assert matrix.loc["when"].tolist() == ["contradicts", "contradicts", "silent"]
    assert matrix.loc["dist"].tolist() == ["agrees", "agrees", "different figure"]
    only_dist = keys[keys["claim_key"] == "dist"]
    assert "why" not in corroborate_claims(claims, only_dist, stances).index
    assert _unread_keys(claims, only_dist) == ["why"]


def test_one_contradiction_outweighs_agreement_in_a_cell() -> None:
    assert _combine_statuses(["agrees", "different figure"]) == "different figure"
    assert _combine_statuses(["different figure", "contradicts"]) == "contradicts"


def test_a_claim_without_a_value_on_a_number_key_uses_its_stance() -> None:
    key = {"kind": "number", "baseline_value": "400"}
    claim = {"claim_id": "x", "value": ""}
    assert _claim_status(claim, key, {"x": "contradicts"}) == "contradicts"
    assert _claim_status(claim, key, {}) == "agrees"


def test_every_key_two_sources_answer_appears_in_the_shipped_matrix(
        claims, claim_keys, claim_stances) -> None:
    matrix = corroborate_claims(claims, claim_keys, claim_stances)
    assert set(_corroborated_keys(claims)) - set(_unread_keys(claims, claim_keys)) == \
        set(matrix.index)
    assert len(matrix.index) >= 12


def test_every_key_a_seed_shares_with_another_source_has_a_reading(claims, claim_keys) -> None:
    seeded = set(claims.loc[claims["source_id"].isin(SEEDS), "claim_key"])
    assert not seeded & set(_unread_keys(claims, claim_keys))


def test_every_seed_has_at_least_six_claims_and_a_filled_cell(
        claims, claim_keys, claim_stances) -> None:
    counts = claims["source_id"].value_counts()
    assert all(counts.get(seed, 0) >= 6 for seed in SEEDS)
    matrix = corroborate_claims(claims, claim_keys, claim_stances, source_ids=SEEDS)
    assert list(matrix.columns) == SEEDS
    assert ((matrix != "silent").sum() > 0).all()


def test_the_shipped_seeds_disagree_somewhere(claims, claim_keys, claim_stances) -> None:
    matrix = corroborate_claims(claims, claim_keys, claim_stances, source_ids=SEEDS)
    assert matrix.loc["first-french-mission", "seed-thinkprogress-2013"] == "contradicts"
    assert matrix.loc["african-troops-arrived", "seed-passblue-2013"] == "different figure"
    assert matrix.loc["konna-retaken", "seed-passblue-2013"] == "contradicts"


def test_readings_cite_known_sources_and_stances_known_claims(
        claims, sources, claim_keys, claim_stances) -> None:
    known = set(sources["source_id"])
    for cell in claim_keys["source_ids"]:
        assert set(cell.split(";")) <= known, cell
    assert set(claim_stances["claim_id"]) <= set(claims["claim_id"])


def test_uncorroborated_keys_are_the_complement(claims) -> None:
    alone = find_uncorroborated_keys(claims)
    assert set(alone) | set(_corroborated_keys(claims)) == set(claims["claim_key"])
    assert not set(alone) & set(_corroborated_keys(claims))
    assert "us-surprised" in alone


# 2. Corroboration: the matrix shown as a table and as HTML

def tiny() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    claims = pd.DataFrame({"claim_id": ["c1"], "claim_key": ["k"], "source_id": ["s"],
                           "claim": [EVIL], "speaker": ["<b>reporter</b>"], "quote": [EVIL],
                           "locator": ["para <2>"]})
    keys = pd.DataFrame({"claim_key": ["k"], "question": [f"Q {EVIL}?"]})
    sources = pd.DataFrame({"source_id": ["s"], "author": [""], "publisher": ["P & Co"],
                            "published": ["2013-01-11"], "title": [EVIL],
                            "url": ['https://x.org/"onmouseover="bad']})
    return claims, keys, sources


def test_text_from_the_data_is_escaped_everywhere_in_the_html() -> None:
    claims, keys, sources = tiny()
    page = matrix_html(pd.DataFrame({"s": ["agrees"]}, index=["k"]), claims, keys, sources)
    assert "<script>" not in page and "<b>reporter</b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert 'href="https://x.org/&quot;onmouseover=&quot;bad"' in page
    assert "P &amp; Co" in page
    assert page._repr_html_() == page  # a notebook shows it rendered


def test_a_filled_cell_opens_onto_claim_and_citation() -> None:
    claims, _, sources = tiny()
    cell = _cell_html("contradicts", claims.to_dict("records"), _citation_html(sources, "s"))
    assert "<details><summary>✘ contradicts</summary>" in cell
    assert "para &lt;2&gt;" in cell and "<code>s</code>" in cell


def test_a_silent_cell_is_labelled_and_does_not_open() -> None:
    cell = _cell_html("silent", [], "")
    assert "details" not in cell and "· silent" in cell


def test_unknown_source_is_a_clear_error() -> None:
    _, _, sources = tiny()
    with pytest.raises(ValueError, match="unknown source id 'nope'"):
        _citation_html(sources, "nope")
    with pytest.raises(ValueError, match="unknown source id 'nope'"):
        _source_label(sources, "nope")


def test_matrix_table_shows_questions_symbols_and_words_under_source_names(
        claims, sources, claim_keys, claim_stances) -> None:
    matrix = corroborate_claims(claims, claim_keys, claim_stances,
                                source_ids=["seed-passblue-2013"])
    table = matrix_table(matrix, claim_keys, sources)
    assert table.splitlines()[0] == "| Question | claim\\_key | PassBlue, 2013-01-11 |"
    rows = body_rows(table)
    assert len(rows) == len(matrix)
    assert {row[1].strip("`") for row in rows} == set(matrix.index)
    assert {row[2] for row in rows} <= {"✔ agrees", "✘ contradicts", "≠ different figure"}
    assert "What were the first French forces there to do?" in table


def test_shipped_matrix_html_has_one_row_per_key(claims, sources, claim_keys,
                                                 claim_stances) -> None:
    matrix = corroborate_claims(claims, claim_keys, claim_stances)
    page = matrix_html(matrix, claims, claim_keys, sources)
    assert len(matrix) > 0 and page.count('<th scope="row"') == len(matrix)


def test_pair_table_lists_only_questions_both_sources_answer(
        claims, sources, claim_keys, claim_stances) -> None:
    first, second = "seed-passblue-2013", "seed-thinkprogress-2013"
    matrix = corroborate_claims(claims, claim_keys, claim_stances, source_ids=[first, second])
    page = _pair_html(matrix, claim_keys, sources, first, second)
    assert "What were the first French forces there to do?" in page
    assert "How far is Mopti from Bamako?" not in page
    assert _pair_html(matrix, claim_keys, sources, first, "un-sres-2085") == ""


# 3. Discrepancies

def test_every_numeric_key_with_two_figures_is_offered(claims, claim_keys) -> None:
    keys = _numeric_keys(claim_keys, claims)
    expected = {"french-troops-in-mali", "african-troops-arrived", "distance-bamako-diabaly"}
    assert expected <= set(keys)
    assert "legal-basis" not in keys


def test_figures_come_out_in_date_order_with_units(claims, sources) -> None:
    figures = _figures_for_key(claims, sources, "french-troops-in-mali")
    assert len(figures) >= 2
    assert list(figures["published"]) == sorted(figures["published"])
    assert figures["value"].iloc[0] == 750 and set(figures["unit"]) == {"troops"}


def test_a_key_without_figures_and_a_non_number_are_clear_errors() -> None:
    sources = pd.DataFrame({"source_id": ["s"], "publisher": ["P"], "published": ["2013"]})
    claims = pd.DataFrame({"claim_key": ["k"], "source_id": ["s"], "value": ["many"],
                           "unit": ["km"], "claim": ["C"]})
    with pytest.raises(ValueError, match="no source gives a figure for claim_key 'x'"):
        _figures_for_key(claims, sources, "x")
    with pytest.raises(ValueError, match="not a number: 'many'"):
        _figures_for_key(claims, sources, "k")


def test_the_sentence_states_the_range(claims, sources) -> None:
    figures = _figures_for_key(claims, sources, "distance-bamako-diabaly")
    text = _describe_discrepancy(figures, question="How far?")
    low, high = figures["value"].min(), figures["value"].max()
    assert low < high and f"range from {low:,.0f} to {high:,.0f} km" in text
    assert text.startswith(f"How far? {len(figures)} sources give")


def test_chart_has_labelled_axis_caption_sources_and_text_alternative(
        claims, sources, claim_keys) -> None:
    chart = discrepancy_chart(claims, claim_keys, sources, "distance-bamako-diabaly")
    axis = chart.figure.axes[0]
    assert axis.get_xlabel() == "Figure given (km)"
    assert "BBC News (news), 2013-01-15" in chart.caption and chart.alt_text.startswith("How far")
    assert len(chart.table) >= 2 and len(chart.table) == len(axis.get_yticks())


def test_an_unknown_key_is_a_clear_error(claims, sources, claim_keys) -> None:
    with pytest.raises(ValueError, match="unknown claim_key 'nope'"):
        discrepancy_chart(claims, claim_keys, sources, "nope")


# 4. Close reading: labels

@pytest.fixture
def seed_labels(labels) -> pd.DataFrame:
    return labels[labels["source_id"].isin(SEEDS)]


def test_every_seed_has_label_counts(labels) -> None:
    assert set(SEEDS) <= set(labels["source_id"])


def test_counts_keep_descriptive_words_used_at_least_once(seed_labels, sources) -> None:
    table = _label_counts(seed_labels, sources)
    assert "aqim" not in table.columns and (table.sum() > 0).all()
    assert table.loc["PassBlue, 2013-01-11", "terrorists"] == 8


def test_favourites_and_sentence_agree_with_the_counts(seed_labels, sources) -> None:
    favourites = _favourite_labels(seed_labels)
    assert favourites["seed-thinkprogress-2013"] == "rebels"
    assert favourites["seed-blog-diabaly-2013"] == "islamists"
    assert 'PassBlue, 2013-01-11: "terrorists" (8)' in describe_labels(seed_labels, sources)


def test_a_source_with_no_descriptive_label_says_so() -> None:
    labels = pd.DataFrame({"source_id": ["s"], "label": ["aqim"], "count": [2]})
    sources = pd.DataFrame({"source_id": ["s"], "publisher": ["P"], "published": ["2013"]})
    assert describe_labels(labels, sources).endswith("P, 2013: none of these words.")


def test_chart_prints_every_count_and_names_its_sources(seed_labels, sources) -> None:
    chart = labels_chart(seed_labels, sources)
    axis = chart.figure.axes[0]
    table = _label_counts(seed_labels, sources)
    assert table.size > 0 and len(axis.texts) == table.size
    assert sorted(int(t.get_text()) for t in axis.texts) == sorted(table.to_numpy().ravel())
    assert "PassBlue (news), 2013-01-11" in chart.caption and "Sources:" in chart.caption
    assert axis.get_xlabel().startswith("Word used for the armed groups")


# 5. Side by side, and the explorer

def test_claims_are_grouped_by_topic_and_shared_questions_marked(claims, sources) -> None:
    groups = _claims_by_topic(claims, "seed-passblue-2013")
    assert "troops" in groups and all((g["topic"] == t).all() for t, g in groups.items())
    both = _shared_keys(claims, "seed-passblue-2013", "seed-thinkprogress-2013")
    assert "first-french-mission" in both
    page = _compare_html(claims, sources, "seed-passblue-2013", "seed-thinkprogress-2013")
    assert page.count("(both answer this)") >= 2 * len(both)


def test_an_empty_choice_is_a_prompt_not_an_error(claims, sources, claim_keys,
                                                  claim_stances) -> None:
    for first, second in (("seed-passblue-2013", ""), ("", "seed-passblue-2013"), ("", "")):
        side, grid = compare_sources(claims, claim_keys, claim_stances, sources, first, second)
        assert "Pick two sources" in side and "cm-matrix" in grid


def test_matrix_shows_the_seeds_and_the_two_chosen_sources(sources) -> None:
    columns = _matrix_columns(sources, "un-sres-2085", "seed-passblue-2013")
    assert columns[:5] == [s for s in columns if s.startswith("seed-")]
    assert columns[-1] == "un-sres-2085" and len(columns) == 6


@pytest.fixture
def explorer(claims, sources, claim_keys, claim_stances):
    return source_explorer(claims, claim_keys, claim_stances, sources)


def test_picking_two_sources_fills_the_comparison_and_the_matrix(explorer) -> None:
    pick_a, pick_b = explorer.children[0].children
    pick_a.value, pick_b.value = "seed-thinkprogress-2013", "news-reuters-20130121"
    assert "ThinkProgress" in explorer.children[1].value
    assert "Reuters" in explorer.children[1].value
    assert "Reuters, 2013-01-21" in explorer.children[2].value


def test_the_widget_shows_what_the_pure_function_returns(
        explorer, claims, sources, claim_keys, claim_stances) -> None:
    pick_a, pick_b = explorer.children[0].children
    pick_a.value, pick_b.value = "seed-chivvis-2015", "seed-france24-2013"
    side, grid = compare_sources(claims, claim_keys, claim_stances, sources,
                                 "seed-chivvis-2015", "seed-france24-2013")
    assert "Chivvis" in side
    assert (explorer.children[1].value, explorer.children[2].value) == (side, grid)


def test_the_figure_menu_redraws_the_discrepancy_chart(explorer) -> None:
    menu, chart = explorer.children[3], explorer.children[4]
    menu.value = "distance-bamako-diabaly"
    assert "How far is Diabaly from Bamako?" in chart.value and "<img" in chart.value


def test_the_source_menus_name_sources_not_ids(explorer) -> None:
    labels = [label for label, _ in explorer.children[0].children[0].options]
    assert "PassBlue, 2013-01-11" in labels
    assert not [label for label in labels if re.match(r"^seed-", label)]


# The exercise keys agree with the data they ask about

def test_lesson_has_at_least_five_exercises() -> None:
    assert len([key for key in load_exercises() if key.startswith("5.")]) >= 5


def test_5_1_is_the_seed_written_furthest_from_the_events(sources) -> None:
    published = sources.set_index("source_id")["published"]
    furthest = max(SEEDS, key=lambda s: _days_after(published[s])[0])
    assert check("5.1", furthest)


def test_5_4_accepts_exactly_the_seeds_uncorroborated_keys(claims) -> None:
    seeded = set(claims.loc[claims["source_id"].isin(SEEDS), "claim_key"])
    exercise = load_exercises()["5.4"]
    assert {exercise.answer, *exercise.accept} == set(find_uncorroborated_keys(claims)) & seeded
    assert check("5.4", "us-surprised") and not check("5.4", "legal-basis")


def test_5_5_names_the_seeds_that_answer_a_troop_question_differently(
        claims, claim_keys, claim_stances) -> None:
    matrix = corroborate_claims(claims, claim_keys, claim_stances, source_ids=SEEDS)
    disputed = [key for key in matrix.index
                if "troops" in key and (matrix.loc[key] == "different figure").any()]
    assert disputed
    answering = {s for key in disputed for s in SEEDS if matrix.loc[key, s] != "silent"}
    assert check("5.5", sorted(answering))


def test_specific_feedback_for_a_likely_slip() -> None:
    feedback = check("5.3", ["blogger", "commenter"])
    assert not feedback and "outer layers" in feedback.message


def test_in_french_the_explorer_tables_and_chart_speak_french(monkeypatch) -> None:
    from helpers.comparing_sources import (
        compare_sources,
        describe_gap,
        discrepancy_chart,
        labels_chart,
        sourcing_table,
    )
    from helpers.data import (
        load_claim_keys,
        load_claim_stances,
        load_claims,
        load_labels,
        load_sources,
    )

    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    sources, claims = load_sources(), load_claims()
    assert describe_gap("2013-01-18") == "7 jours après le 11 janvier 2013"
    assert describe_gap("2015-12-05") == "1058 jours (environ 2,9 ans) après le 11 janvier 2013"
    header = sourcing_table(sources, ["seed-passblue-2013"]).splitlines()[0]
    assert [cell.strip() for cell in header.strip("|").split("|")] == [
        "Source", "source\\_id", "Titre", "Auteur", "Nature", "Qui parle", "Écrit"]
    side, grid = compare_sources(claims, load_claim_keys(), load_claim_stances(), sources,
                                 "seed-passblue-2013", "seed-france24-2013")
    assert "Questions auxquelles les deux répondent" in side and "Questions both" not in side
    assert "✘ contredit" in grid and "✘ contradicts" not in grid
    chart = discrepancy_chart(claims, load_claim_keys(), sources, "african-troops-arrived")
    assert "Un point par source" in chart.caption and "Sources :" in chart.caption
    assert "soldats" in chart.alt_text and "troops" not in chart.alt_text
    words = labels_chart(load_labels(), sources).alt_text
    assert words.startswith("Mot le plus fréquent") and "« terrorists »" in words
    assert "Most frequent" not in words and "none of these" not in words
