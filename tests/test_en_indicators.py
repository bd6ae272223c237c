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
