"""English indicators: figures with their units, comparators, years and status."""

import pytest

from extract.en.indicators import find_english_indicators
from extract.model import Sentence


def one(text):
    return (Sentence("s00001", 0, len(text), text),)


@pytest.mark.parametrize(
    "text,value,unit,cmp_,year,status",
    [
        # units and comparators as tests/gold/NOTES-heldout.md rules 6-7 fix them: "above" is >=,
        # money as written (RMB billion / billion yuan), counts by their head noun as written
        ("R&D intensity above 5% by 2025.", 5, "%", ">=", 2025, "target"),
        ("Output will exceed RMB 300 billion by 2025.", 300, "RMB billion", ">", 2025, "target"),
        ("In 2020, GDP reached nearly 370 billion yuan.", 370, "billion yuan", "~", 2020, "achieved"),
        ("The district had more than 1,200 high-tech enterprises in 2020.", 1200, "enterprises", ">", 2020, "achieved"),
        (
            "The number of listed companies will reach at least 60 during the 14th Five-Year Plan period.",
            60,
            "companies",
            ">=",
            2025,
            "target",
        ),
        ("Three years ago the zone approved 12 innovative drugs.", 12, "drugs", "=", None, "achieved"),
        ("Forest coverage will be no less than 40 percent.", 40, "%", ">=", None, "target"),
        ("The share rose by 2 percentage points in 2019.", 2, "percentage points", "=", 2019, "achieved"),
        ("We will build 50 km of metro lines by 2035.", 50, "km", "=", 2035, "target"),
        ("Exports of US$ 20 billion or more are expected by 2025.", 20, "US$ billion", ">=", 2025, "target"),
        ("Sales reached 80 billion yuan in 2020.", 80, "billion yuan", "=", 2020, "achieved"),
    ],
)
def test_english_indicators(text, value, unit, cmp_, year, status):
    found = find_english_indicators("d", one(text))
    hits = [i for i in found if i.value == value and i.unit == unit]
    assert hits, [(i.value, i.unit) for i in found]
    i = hits[0]
    assert (i.comparator, i.year, i.status) == (cmp_, year, status)
    assert text[i.evidence.start : i.evidence.end] == i.evidence.text


@pytest.mark.parametrize(
    "text",
    [
        "The plan covers 2021 to 2025.",
        "Article 12 applies.",
        "Chapter 3 Opening Up",
        "Within 5 years the park doubled.",
        "It took 30 minutes.",
    ],
)
def test_years_and_numbers_without_units_are_not_indicators(text):
    assert find_english_indicators("d", one(text)) == ()


@pytest.mark.parametrize(
    "text",
    ["Patents per 10,000 people will reach 150.", "It hosts 90 Fortune Global 500 companies.", "Metro Line 5 opens."],
)
def test_numbers_inside_names_and_rates_are_not_figures(text):
    assert not [i for i in find_english_indicators("d", one(text)) if i.value in (10000, 500, 5)]


# ------------------------------------------------------------------ more figures


@pytest.mark.parametrize(
    "text,value,unit,cmp_,year,status",
    [
        (
            "Support for a single enterprise will be capped, not exceeding RMB 30 million per year.",
            30,
            "RMB million",
            "<=",
            None,
            "target",
        ),
        (
            "Subsidies of up to RMB 3 million, 5 million and 10 million will be granted respectively.",
            10,
            "RMB million",
            "<=",
            None,
            "target",
        ),
        (
            "The circle covers 27 districts and counties of Chongqing.",
            27,
            "districts and counties",
            "=",
            None,
            "achieved",
        ),
        (
            "The railway, designed for 350 km per hour, will cut travel time to about 50 minutes.",
            350,
            "km per hour",
            "=",
            None,
            "target",
        ),
        (
            "The railway, designed for 350 km per hour, will cut travel time to about 50 minutes.",
            50,
            "minutes",
            "~",
            None,
            "target",
        ),
        (
            "Metro Line 18 will connect Nansha to downtown Guangzhou within 30 minutes.",
            30,
            "minutes",
            "<=",
            None,
            "target",
        ),
        (
            "The corridors will expand the China-Europe Railway Express, which made over 5,000 trips in 2023.",
            5000,
            "trips",
            ">",
            2023,
            "achieved",
        ),
        (
            "The link, with a total investment of about RMB 44.7 billion, will open by 2024, and the area will have "
            "more than 2,500 kilometers of railways by 2035.",
            2500,
            "kilometers",
            ">",
            2035,
            "target",
        ),
        (
            "By 2025, the number of Hong Kong-invested enterprises in Qianhai will exceed 12,000.",
            12000,
            "enterprises",
            ">",
            2025,
            "target",
        ),
        (
            "The annual offshore duty-free shopping quota for each traveller is RMB 100,000.",
            100000,
            "RMB",
            "=",
            None,
            "target",
        ),
    ],
)
def test_more_english_indicators(text, value, unit, cmp_, year, status):
    found = find_english_indicators("d", one(text))
    hits = [i for i in found if i.value == value and i.unit == unit]
    assert hits, [(i.value, i.unit) for i in found]
    assert (hits[0].comparator, hits[0].year, hits[0].status) == (cmp_, year, status)


@pytest.mark.parametrize(
    "text",
    ["It took 30 minutes.", "The plan is valid for three years.", "100 Class III medical devices were approved."],
)
def test_durations_and_classes_that_are_not_figures(text):
    assert not [i for i in find_english_indicators("d", one(text)) if i.unit in ("minutes", "class", "Class")]


def english(text: str):
    from extract.pipeline import extract_text

    return extract_text(text, "d", lang="en").indicators


def test_a_work_reports_figures_belong_to_the_year_it_reviews():
    text = (
        "Report on the Work of the Government\n\n"
        "Delivered at the Second Session of the People's Congress on January 20, 2006\n\n"
        "Last year, the city's GDP reached 165 billion yuan, an increase of 15.8 percent. "
        "Local fiscal revenue was 15.1 billion yuan.\n"
    )
    got = [(i.value, i.year) for i in english(text)]
    assert (165.0, 2005) in got and (15.8, 2005) in got and (15.1, 2005) in got


def test_growth_after_a_level_names_the_levels_measure_and_conversions_are_no_figures():
    got = [
        (i.value, i.unit, i.metric)
        for i in find_english_indicators(
            "d", one("In 2021 the city's GDP was 7.35 trillion yuan (US$1.15 trillion), an increase of 8.5 percent.")
        )
    ]
    assert got == [(7.35, "trillion yuan", "GDP"), (8.5, "%", "GDP growth")]


def test_ordinals_are_not_counts():
    assert find_english_indicators("d", one("It was adopted at the 14th National People's Congress.")) == ()


def test_a_line_introducing_a_list_governs_its_items_and_counts_name_what_they_count():
    text = (
        "Targets\n\nThe report proposes the main targets for development in 2024 as follows:\n\n"
        "-- GDP growth of around 5 percent\n\n-- over 12 million new urban jobs\n\n"
        "-- growth in personal income in step with economic growth\n\n"
        "-- grain output of over 650 million metric tons\n\n"
        "-- a drop of around 2.5 percent in energy consumption per unit of GDP\n"
    )
    got = [(i.value, i.year, i.metric) for i in english(text)]
    assert (5.0, 2024, "GDP growth") in got
    assert (12.0, 2024, "number of new urban jobs") in got
    assert (650.0, 2024, "grain output") in got  # a list item in lower case is no heading
    assert (2.5, 2024, "energy consumption per unit of GDP reduction") in got


def test_a_measure_after_its_verb_and_a_measure_opening_the_sentence():
    got = find_english_indicators(
        "d", one("Last year, high-tech enterprises there generated gross revenue over 3.5 trillion yuan.")
    )
    assert got[0].metric == "gross revenue of high-tech enterprises"
    text = (
        "Industrial output in Liangjiang New Area, during the first three quarters of 2021, "
        "has risen to 316 billion yuan."
    )
    assert find_english_indicators("d", one(text))[0].metric == "Industrial output in Liangjiang New Area"


def test_a_percentage_of_a_whole_is_a_share():
    text = "R&D expenditure should reach 2.2% of operating revenue by 2025."
    assert find_english_indicators("d", one(text))[0].metric == "share of R&D expenditure in operating revenue"


def test_a_count_of_two_nouns_is_named_and_evidenced_by_both():
    text = "The zone is home to 53 enterprises and institutions engaged in the aerospace industry."
    (ind,) = find_english_indicators("d", one(text))
    assert ind.metric == "number of enterprises and institutions"
    assert ind.evidence.text == "53 enterprises and institutions"
