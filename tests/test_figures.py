"""Figures on sentences written for these tests: value, range, qualifier, unit, counted, trend,
category, and what is no count at all."""

from __future__ import annotations

import pytest
from conftest import SEED


@pytest.fixture(scope="module")
def figures(nlp):
    def run(text: str) -> list[dict]:
        found = nlp(text)._.claimex_figures
        for figure in found:  # every offset exact, always
            assert text[figure["start"] : figure["end"]] == figure["text"]
        return found

    return run


def figure(found: list[dict], text: str) -> dict:
    matches = [f for f in found if f["text"] == text]
    assert matches, f"no figure {text!r} in {[f['text'] for f in found]}"
    return matches[0]


@pytest.mark.parametrize(
    "text, written, value",
    [
        ("The club sold 12,000 tickets.", "12,000", 12000),
        ("Inflation reached 2.4 in the index.", "2.4", 2.4),
        ("The error rate is .001 percent.", ".001 percent", 0.001),
        ("The deal is worth 1.5bn dollars.", "1.5bn", 1.5e9),
        ("She has 3k followers.", "3k", 3000),
        ("It weighs 1,250.5 tonnes.", "1,250.5", 1250.5),
        ("The cutoff rose to $51,000, a record.", "$51,000", 51000),
        ("The lake is 1/8 of its size.", "1/8", 0.125),
        ("The gauge read minus 12 degrees.", "minus 12", -12),
        ("The charge was 1.6×10−19 coulombs.", "1.6×10−19", 1.6e-19),
        ("They sold ½ of the stock.", "½", 0.5),
        ("They shipped 1½ tonnes of rice.", "1½", 1.5),
        ("The town has 1 000 000 residents.", "1 000 000", 1e6),
        ("The grant was 1.000.000 euros.", "1.000.000", 1e6),
    ],
)
def test_digits(figures, text, written, value):
    assert figure(figures(text), written)["value"] == pytest.approx(value)


@pytest.mark.parametrize(
    "text, written, value",
    [
        ("They adopted seven cats.", "seven", 7),
        ("We invited four hundred guests.", "four hundred", 400),
        ("She baked a dozen pies.", "a dozen", 12),
        ("One fourth of the budget went to roads.", "One fourth", 0.25),
        ("Two-thirds of the members agreed.", "Two-thirds", 2 / 3),
        ("The bridge took twenty-five years.", "twenty-five", 25),
        ("It cost a million dollars.", "a million", 1e6),
        ("They hired one hundred and five nurses.", "one hundred and five", 105),
        ("Half of the staff left.", "Half", 0.5),
        ("About one in five adults smoke.", "one in five", 0.2),
        ("The hike took two and a half hours.", "two and a half", 2.5),
        ("One and a half million jobs are at stake.", "One and a half million", 1.5e6),
        ("Three quarters of voters agreed.", "Three quarters", 0.75),
        ("She ordered two dozen roses.", "two dozen", 24),
        ("She ordered 3 dozen roses.", "3 dozen", 36),
        ("Half a million people came.", "Half a million", 5e5),
    ],
)
def test_words(figures, text, written, value):
    found = figures(text)
    match = [f for f in found if written in f["text"]]
    assert match and match[0]["value"] == pytest.approx(value)


@pytest.mark.parametrize(
    "text, written, value",
    [
        ("The city has 2.9 million residents.", "2.9 million", 2.9e6),
        ("There were 4 hundred applicants.", "4 hundred", 400),
        ("The firm lost $8 billion.", "$8 billion", 8e9),
        ("A budget of HK$5.4m was approved.", "HK$5.4m", 5.4e6),
        ("The yacht sold for USD10m.", "USD10m", 1e7),
        ("The mast is 37m tall.", "37", 37),
        ("The project costs Rs 500 crore.", "Rs 500 crore", 5e9),
        ("She earns $50K a year.", "$50K", 5e4),
    ],
)
def test_scale_words(figures, text, written, value):
    assert figure(figures(text), written)["value"] == pytest.approx(value)


@pytest.mark.parametrize(
    "text, written, low, high",
    [
        ("The crowd grew to 4 to 5 million people.", "4 to 5 million", 4e6, 5e6),
        ("A fine of $3 billion to $5 billion is expected.", "$3 billion to $5 billion", 3e9, 5e9),
        ("Margins of 5%-10% are normal.", "5%-10%", 5, 10),
        ("The score will be between 240 and 273 points.", "between 240 and 273", 240, 273),
        ("The trip takes 25 – 40 minutes.", "25 – 40", 25, 40),
        ("Prices run from $200 to $4 million.", "$200 to $4 million", 200, 4e6),
        ("Growth slowed from 4.8 to 4.7 percent.", "4.8 to 4.7 percent", 4.7, 4.8),
        ("It lasted three or four weeks.", "three or four", 3, 4),
        ("Rents rose from 24.2 to 33-35 billion euros.", "24.2 to 33-35 billion", 24.2e9, 35e9),
        ("Temperatures fell by 1 to 1.5 degrees.", "1 to 1.5", 1, 1.5),
        ("Recovery takes 5-to-10 days.", "5-to-10", 5, 10),
        ("The density fell from 1.3 A/cm2 to 0.03 A/cm2.", "1.3 A/cm2 to 0.03", 0.03, 1.3),
        ("It jumped from 240 to 273.", "240 to 273", 240, 273),
        ("It slid from $75 a barrel in May to $45 in June.", "$75 a barrel in May to $45", 45, 75),
    ],
)
def test_ranges(figures, text, written, low, high):
    found = figure(figures(text), written)
    assert (found["low"], found["high"]) == (pytest.approx(low), pytest.approx(high))
    assert found["value"] is None


@pytest.mark.parametrize(
    "text, written, low, high",
    [
        ("Dozens of boats sank.", "Dozens", 12, 120),
        ("Hundreds of fans waited.", "Hundreds", 100, 1000),
        ("Tens of thousands of people marched.", "Tens of thousands", 1e4, 1e5),
        ("It cost tens of millions of dollars.", "tens of millions", 1e7, 1e8),
        ("Millions of users logged in.", "Millions", 1e6, 1e7),
    ],
)
def test_vague_amounts(figures, text, written, low, high):
    found = figure(figures(text), written)
    assert (found["low"], found["high"], found["value"]) == (low, high, None)


@pytest.mark.parametrize(
    "text, written, qualifier",
    [
        ("About 300 people came.", "About 300", "approximately"),
        ("Around 40 boats left.", "Around 40", "approximately"),
        ("Roughly 8 billion people live on Earth.", "Roughly 8 billion", "approximately"),
        ("Nearly 60 firms signed.", "Nearly 60", "approximately"),
        ("Almost 90 votes were cast.", "Almost 90", "approximately"),
        ("Some 12,000 troops were sent.", "Some 12,000", "approximately"),
        ("An estimated 400 families fled.", "An estimated 400", "approximately"),
        ("More than 700 patients were treated.", "More than 700", "more_than"),
        ("Over $100 million was paid.", "Over $100 million", "more_than"),
        ("At least 12 ministers resigned.", "At least 12", "at_least"),
        ("The plant will create up to 400 jobs.", "up to 400", "at_most"),
        ("Fewer than 20 cases were found.", "Fewer than 20", "less_than"),
        ("Tickets cost under $10.", "under $10", "less_than"),
        ("Cash is just under 20 percent of spending.", "just under 20 percent", "less_than"),
        ("They need 50 or more votes.", "50 or more", "more_than"),
        ("A 20,000-plus crowd cheered.", "20,000-plus", "more_than"),
        ("The tablet has 64 GB of storage.", "64", None),
        ("Another around 2,000 people may come.", "around 2,000", "approximately"),
    ],
)
def test_qualifiers(figures, text, written, qualifier):
    assert figure(figures(text), written)["qualifier"] == qualifier


@pytest.mark.parametrize(
    "text, separate",
    [
        ("Revenue dipped 1.3 percent to $191.6 million.", ["1.3 percent", "$191.6 million"]),
        ("Profit rose by $4 billion to $9 billion.", ["$4 billion", "$9 billion"]),
        ("Four in 10 — 38 percent — agreed.", ["Four in 10", "38 percent"]),
    ],
)
def test_no_range(figures, text, separate):
    assert [f["text"] for f in figures(text)] == separate


def test_bracketed_conversion_keeps_the_qualifier(figures):
    found = figures("The engine makes just under 296 hp (224 kW) of power.")
    assert figure(found, "224")["qualifier"] == "less_than"


@pytest.mark.parametrize(
    "text, written, unit, category",
    [
        ("Turnout was 64%.", "64%", "percent", "percent"),
        ("Turnout was 64 per cent.", "64 per cent", "percent", "percent"),
        ("The ring cost $1,200.", "$1,200", "USD", "money"),
        ("The laptop cost 1,200€.", "1,200€", "EUR", "money"),
        ("The watch cost £950.", "£950", "GBP", "money"),
        ("The fine was 10.5 million Australian dollars.", "10.5 million", "AUD", "money"),
        ("The fish cost 333.6 million yen.", "333.6 million", "JPY", "money"),
        ("The trail is 30 miles long.", "30", "mile", "quantity"),
        ("The car reached 155mph.", "155", "mile per hour", "quantity"),
        ("The battery holds 5.5kWh.", "5.5", "kilowatt hour", "quantity"),
        ("The farm has 40 cows.", "40", None, "count"),
    ],
)
def test_units_and_categories(figures, text, written, unit, category):
    found = figure(figures(text), written)
    assert (found["unit"], found["category"]) == (unit, category)


@pytest.mark.parametrize(
    "text, written, counted",
    [
        ("The army sent 2,000 soldiers.", "2,000", "soldiers"),
        ("The firm laid off 6,650 employees.", "6,650", "employees"),
        ("We visited seven European countries.", "seven", "European countries"),
        ("Dozens of people were hurt.", "Dozens", "people"),
        ("There were 300 of them [local volunteers] on site.", "300", "local volunteers"),
        ("The team sent 40 medics, with 12 still on duty.", "12", "medics"),
        ("The team sent 40 medics. Then 12 left.", "12", None),
    ],
)
def test_counted(figures, text, written, counted):
    assert figure(figures(text), written)["counted"] == counted


@pytest.mark.parametrize(
    "text, written, trend",
    [
        ("Shares rose 7 percent to 47.65 yuan.", "7 percent", "up"),
        ("Shares rose 7 percent to 47.65 yuan.", "47.65", None),
        ("The index fell 1.2% on Monday.", "1.2%", "down"),
        ("Exports were up 4.2 percent.", "4.2 percent", "up"),
        ("Profit increased by 2 percent.", "2 percent", "up"),
        ("Bonds closed 0.5 per cent lower.", "0.5 per cent", "down"),
        ("On Wall Street the Dow was +0.3%.", "0.3%", "up"),
        ("Revenue rose to $7 billion.", "$7 billion", None),
        ("Revenue rose by $7 billion to $9 billion.", "$9 billion", None),
        ("The firm lost 3,000 customers.", "3,000", None),
        ("Unemployment fell by 3,000.", "3,000", "down"),
        ("Turnout was 64%.", "64%", None),
    ],
)
def test_trends(figures, text, written, trend):
    assert figure(figures(text), written)["trend"] == trend


@pytest.mark.parametrize(
    "text, written, category",
    [
        ("The school opened in 1998.", "1998", "date"),
        ("The vote is on March 7.", "7", "date"),
        ("It was signed on 11 February.", "11", "date"),
        ("The decree of 2021-05-04 stands.", "2021-05-04", "date"),
        ("Music of the 1990s returned.", "1990s", "date"),
        ("The 2019-20 season was cut short.", "2019-20", "date"),
        ("The talks start at 10:30 a.m. today.", "10:30 a.m.", "time"),
        ("The train left at 5pm.", "5pm", "time"),
        ("She finished 2nd in the race.", "2nd", "ordinal"),
        ("The company employs 2000 people.", "2000", "count"),
        ("In Britain 500 people died.", "500", "count"),
        ("The 335 pro-Islamic State accounts closed.", "335", "count"),
        ("The No. 1 seed lost.", "1", "ordinal"),
        ("The category 4 storm hit.", "4", "ordinal"),
        ("The firm filed for Chapter 11 protection.", "11", "ordinal"),
    ],
)
def test_dates_times_ordinals(figures, text, written, category):
    assert figure(figures(text), written)["category"] == category


@pytest.mark.parametrize(
    "text, number",
    [
        ("United won 2-0 at home.", "2"),
        ("Chelsea beat Arsenal 3-1 on Sunday.", "1"),
        ("The bill passed 52-48.", "48"),
        ("Call 555-123-4567 for tickets.", "555"),
        ("The new iPhone 11 is out.", "11"),
        ("The S&P 500 closed flat.", "500"),
        ("COVID -19 cases fell.", "19"),
        ("The covid-19 wave ebbed.", "19"),
        ("They reached the last-32 stage.", "32"),
        ("The F-150 truck sold well.", "150"),
        ("The odds were 10 to 1 against.", "10 to 1"),
        ("She lives at 49 Oak Ranch Road now.", "49"),
        ("On one hand, prices fell.", "one"),
        ("Each one they lose costs money.", "one"),
        ("It was several hundred metres away.", "hundred"),
        ("The 5G network is live.", "5"),
        ("The 4K screen is sharp.", "4"),
        ("The iPhone 12 Mini deal ends today.", "12"),
        ("He was born on 9/11 in a storm.", "9/11"),
        ("The shop is open 24/7.", "24"),
        ("The tweet id 771156940076544000 was deleted.", "771156940076544000"),
        ("They rallied around one candidate.", "around one"),
        ("The third-party audit was late.", "third"),
    ],
)
def test_not_counts(figures, text, number):
    counts = [f for f in figures(text) if f["category"] not in ("date", "time", "ordinal")]
    assert not [f for f in counts if number in f["text"]]


@pytest.mark.parametrize(
    "text, written, value, unit",
    [
        ("The hatchback has a 1.6l petrol engine.", "1.6", 1.6, "litre"),
        ("The router runs at 5GHz and 2.4 GHz.", "5", 5, "gigahertz"),
        ("Lagos hit 20degC by noon.", "20", 20, "celsius"),
        ("The condo sold for S$2mil last week.", "S$2mil", 2e6, "SGD"),
        ("The council approved RM4.5mil for drains.", "RM4.5mil", 4.5e6, "MYR"),
        ("The utility reported RM1.2bil in revenue.", "RM1.2bil", 1.2e9, "MYR"),
        ("The fund raised 40 USD million in May.", "40", 4e7, "USD"),
        ("Brevik Oil bought it for EUR 120m.", "EUR 120m", 1.2e8, "EUR"),
        ("The app has 20m users in Kenya.", "20m", 2e7, None),
        ("Profits reached 3.5bn in the year.", "3.5bn", 3.5e9, None),
        ("The cliff is 40m high at the bay.", "40", 40, "metre"),
        ("She won the 400m hurdles in Oslo.", "400", 400, "metre"),
        ("A parking ticket costs 12 dollars 30 now.", "12 dollars 30", 12.3, "USD"),
        ("Lunch was seven dollars and twenty cents.", "seven dollars and twenty cents", 7.2, "USD"),
        ("The pilgrims walked 5 1/2 miles.", "5 1/2", 5.5, "mile"),
        ("The plank is 2-3/4 inches thick.", "2-3/4", 2.75, "inch"),
        ("The wait was 3 and a half hours.", "3 and a half", 3.5, "hour"),
        (
            "The deficit hit three quarters of a billion dollars.",
            "three quarters of a billion",
            7.5e8,
            "USD",
        ),
        ("They expect a third of a million tourists.", "a third of a million", 1e6 / 3, None),
        ("Half a million commuters were stranded.", "Half a million", 5e5, None),
        ("The state spent Rs 12,34,567 on the bridge.", "Rs 12,34,567", 1234567, "INR"),
        ("The scheme costs Rs 3 crores a year.", "Rs 3 crores", 3e7, "INR"),
        ("The bike costs 45,000 koruna in Brno.", "45,000", 45000, "CZK"),
        ("The rent is 9,000 Swedish kronor.", "9,000", 9000, "SEK"),
        ("The ferry costs 300 Danish krone.", "300", 300, "DKK"),
        ("The fine was 20,000 Czech crowns.", "20,000", 20000, "CZK"),
        ("A ticket costs 50 crowns at the gate.", "50", 50, "crown"),
        ("Dinner cost 300 pesos in the old town.", "300", 300, "peso"),
        ("The tax is 500 Philippine pesos.", "500", 500, "PHP"),
        ("The levy is 1,200 Kenyan shillings.", "1,200", 1200, "KES"),
        ("Rice costs 40 taka a kilo in Dhaka.", "40", 40, "BDT"),
        ("The fare rose to ₱15 this month.", "₱15", 15, "PHP"),
    ],
)
def test_glued_split_and_named_amounts(figures, text, written, value, unit):
    found = figure(figures(text), written)
    assert (found["value"], found["unit"]) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "text, written, low, high",
    [
        ("Tickets go for 1500 - 1800 euros.", "1500 - 1800", 1500, 1800),
        ("Between three to four thousand fans came.", "three to four thousand", 3000, 4000),
        ("Two to three hundred boats sailed.", "Two to three hundred", 200, 300),
        ("They paid between 300 and 400 dollars.", "between 300 and 400", 300, 400),
        ("It rained for two or three days.", "two or three", 2, 3),
        ("Few own more than one or two boats.", "more than one or two", 1, 2),
        ("Between one and three people were hurt.", "Between one and three", 1, 3),
    ],
)
def test_more_ranges(figures, text, written, low, high):
    found = figure(figures(text), written)
    assert (found["low"], found["high"]) == (low, high)


@pytest.mark.parametrize(
    "text, separate",
    [
        ("Growth was 3 or 4 percent in 2024 and 2025 respectively.", ["3", "4 percent"]),
        ("Either 5 or 50 people will come.", ["5", "50"]),
        ("The tally went 20 - 15 in the end.", ["20", "15"]),
    ],
)
def test_not_ranges(figures, text, separate):
    counts = [f["text"] for f in figures(text) if f["category"] != "date"]
    assert counts == separate


@pytest.mark.parametrize(
    "text, written, qualifier",
    [
        ("Inflation stayed lower than 2 percent.", "lower than 2 percent", "less_than"),
        ("Sales were higher than 400 units.", "higher than 400", "more_than"),
        ("Children under the age of 12 ride free.", "under the age of 12", "less_than"),
        ("Each fan may buy no more than 4 tickets.", "no more than 4", "at_most"),
        ("Almost 900 homes lost power.", "Almost 900", "approximately"),
        ("The loan is spread over four years.", "four", None),
        ("The cost, $5bn over five years, was cut.", "five", None),
        ("She has lived there for over four years.", "over four", "more_than"),
        ("The margin was two percent plus or minus.", "two percent", None),
    ],
)
def test_more_qualifiers(figures, text, written, qualifier):
    assert figure(figures(text), written)["qualifier"] == qualifier


@pytest.mark.parametrize(
    "text, written, trend",
    [
        ("There was a rise of 9% in exports.", "9%", "up"),
        ("The index fell 3 points on Friday.", "3", "down"),
        ("The firm saw a drop of 12 percent.", "12 percent", "down"),
        ("He lost the seat four years later.", "four", None),
        ("Wages rose 0.4 percent after a flat month.", "0.4 percent", "up"),
        ("She gave the Fund for Growth $5,000.", "$5,000", None),
    ],
)
def test_more_trends(figures, text, written, trend):
    assert figure(figures(text), written)["trend"] == trend


@pytest.mark.parametrize(
    "text, number",
    [
        ("The feed was stamped 2021-03-04T09:15 before the bell.", "03"),
        ("The feed was stamped 2021-03-04T09:15 before the bell.", "15"),
        ("Trading resumed at 0930 GMT on Tuesday.", "0930"),
        ("The fair runs Oct. 3-7 in Lyon.", "7"),
        ("The summit is set for 12-14 March in Riga.", "14"),
        ("The FTSE 250 slipped on Friday.", "250"),
        ("The iPhone 15 costs more.", "15"),
        ("All plants meet ISO 9001 now.", "9001"),
        ("They drove Route 66 in a van.", "66"),
        ("It ran on the 8086 processor.", "8086"),
        ("They flew the 747 jet to Oslo.", "747"),
        ("Steps: 1) register, 2) pay the fee.", "1"),
        ("Steps: 1) register, 2) pay the fee.", "2"),
        ("1. PRICES CLIMB AGAIN\nThe bank said more.", "1"),
        ("The car has a six-speed gearbox.", "six"),
        ("They rent a three-bed flat in Leeds.", "three"),
        ("She signed a two-month contract.", "two"),
        ("He was one of four candidates.", "one"),
        ("They could only agree on one.", "one"),
        ("She saved in a 401(k) plan.", "401"),
        ("The post had timestamp 1448038800 in it.", "1448038800"),
    ],
)
def test_more_not_figures(figures, text, number):
    counts = [f for f in figures(text) if f["category"] not in ("date", "time", "ordinal")]
    assert not [f for f in counts if number in f["text"]]


@pytest.mark.parametrize(
    "text, written",
    [
        ("He was one of four candidates.", "four"),
        ("The crowd (at least 5) stayed.", "at least 5"),
        ("The 300 staff were told on Monday.", "300"),
        ("The index crossed the 5000 level.", "5000"),
        ("A three-year-old boy was found.", "three"),
        ("It was a five-percent rise.", "five-percent"),
        ("She holds a two-point lead.", "two"),
        ("It is one of the best phones.", "one"),
        ("More than 500 Okafor supporters came.", "More than 500"),
        ("He used his two-million-person mailing list.", "two-million"),
        ("She leads by a three-percentage-point margin.", "three-percentage-point"),
        (
            "Her share rose from 40 percent on May 14 to 46 percent.",
            "40 percent on May 14 to 46 percent",
        ),
    ],
)
def test_still_figures(figures, text, written):
    assert figure(figures(text), written)["category"] not in ("date", "time", "ordinal")


def test_seed_figures(figures):
    text = SEED.read_text(encoding="utf-8")
    found = figures(text)
    counts = [f for f in found if f["category"] not in ("date", "time", "ordinal")]
    assert [(f["text"], f["value"], f["qualifier"]) for f in counts] == [
        ("around 12,000", 12000, "approximately"),
        ("4,000", 4000, None),
        ("around 2,000", 2000, "approximately"),
    ]
    assert [f["counted"] for f in counts] == ["North Korean troops"] * 2 + ["people"]
    years = [f for f in found if f["text"] in ("2023", "2024")]
    assert [f["category"] for f in years] == ["date", "date"]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\u201c\u201d\"'", "$", "-", "1", "a dozen"])
def test_odd_input_does_not_fail(nlp, text):
    doc = nlp(text)
    assert doc._.claimex_error is None
    assert isinstance(doc._.claimex_figures, list)


def test_works_in_a_blank_pipeline():
    import spacy

    import claimex.components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("en")
    nlp.add_pipe("claimex_figures")
    found = nlp("Around 12,000 troops left in 2023.")._.claimex_figures
    assert [(f["text"], f["category"]) for f in found] == [
        ("Around 12,000", "count"),
        ("2023", "date"),
    ]


@pytest.mark.parametrize(
    "category, value, shown",
    [("date", 2023, "2023"), ("count", 12000, "12,000"), ("ordinal", 1500, "1500")],
)
def test_table_groups_digits_of_amounts_only(category, value, shown):
    import io

    from claimex.models import Article, Figure
    from claimex.render import make_writer

    written = "the year" if category == "date" else "the figure"
    figure_ = Figure(
        id="f1", text=written, start=0, end=len(written), value=value, category=category
    )
    stream = io.StringIO()
    writer = make_writer("table", stream)
    writer.write(Article(source="a.txt", figures=[figure_]))
    writer.close()
    assert f" {shown} " in stream.getvalue()
