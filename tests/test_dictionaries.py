"""PETRARCH / Phoenix actor and agent dictionaries: formats, dated codes, lookups."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgraph.config import Settings
from kgraph.errors import ConfigError
from kgraph.link.dictionaries import DatedCode, load_dictionaries, parse_actors, parse_agents, parse_date
from kgraph.link.tables import load_tables

ACTORS = """\
# comment
KIM_JONG_IL_  # CountryInfo.txt
+KIM_JONG-IL_
\t[PRKGOV >041201]
TONY_BLAIR_  # CountryInfo.txt
\t[GBRELI 710101-970502]
\t[GBRGOV 970502-070627]
\t[GBRELI]
UN_ [IGOUNO]
U.N._

ABRAHAM_ABRAHAM_\t[IGOUNOREFHCR] #MleH 23 Jul 2009# NGO_Actors
"""


def test_actor_file_entries_synonyms_and_codes_valid_on_a_date() -> None:
    table = parse_actors(ACTORS.splitlines(), source="x.actors.txt")
    kim = table["kim jong il"]
    assert table["kim jong il"] is kim and kim.label == "Kim Jong Il" and kim.source == "x.actors.txt:2"
    assert kim.codes_on("2010-01-01") == ("PRKGOV",) and kim.codes_on("2003-06-01") == ()
    blair = table["tony blair"]
    assert blair.codes_on("1999-05-01") == ("GBRELI", "GBRGOV") and blair.codes_on("1980-01-01") == (
        "GBRELI",
    )
    assert blair.country == "GBR" and table["un"].country == "IGO" and table["un"].label == "UN"
    assert table["abraham abraham"].codes_on(None) == ("IGOUNOREFHCR",)
    assert "u n" not in table  # a root with no code is not an actor


def test_dates_and_ranges() -> None:
    assert parse_date("041201") == "2004-12-01" and parse_date("710101") == "1971-01-01"
    assert parse_date("20070101") == "2007-01-01" and parse_date("2004017") is None
    code = DatedCode("GBRGOV", "1997-05-02", "2007-06-27")
    assert code.valid_on("2005") and code.valid_on("2007-06") and not code.valid_on("2008-01-01")


def test_agent_file_substitution_sets_plurals_and_braces() -> None:
    agents = parse_agents(
        [
            "!PERSON! = MAN, MEN",
            "PRESIDENT [~GOV]",
            "BUSINESS!PERSON! [~BUS]",
            "CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]",
            "# X [~Y]",
        ]
    )
    assert agents["president"] == agents["presidents"] == "GOV"
    assert agents["businessman"] == agents["businessmen"] == "BUS" and agents["chambers of commerce"] == "BUS"
    assert "x" not in agents


def test_dictionaries_extend_the_tables_and_built_in_countries_win(tmp_path: Path) -> None:
    path = tmp_path / "my.actors.txt"
    path.write_text(ACTORS + "NORTH_KOREA_ [PRK]\n+DPRK_\n", encoding="utf-8")
    tables = load_tables(Settings(actor_dictionaries=(path,)))
    kim = tables.lookup("kim jong il")
    assert kim is not None and kim.codes_on("2016-03") == ("PRKGOV",) and kim.country == "PRK"
    assert tables.lookup("north korea").label == "North Korea"


def test_missing_dictionary_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="--actors"):
        load_dictionaries((tmp_path / "nope.txt",))


@pytest.mark.shared
def test_phoenix_dictionaries_read_in_place(shared_dir: Path) -> None:
    folder = shared_dir / "reference" / "phoenix"
    files = tuple(
        folder / f
        for f in (
            "Phoenix.Countries.actors.txt",
            "Phoenix.International.actors.txt",
            "Phoenix.MilNonState.actors.txt",
            "Phoenix.agents.txt",
        )
    )
    d = load_dictionaries(files)
    assert d.actors["kim jong il"].codes_on("2016-03-01") == ("PRKGOV",)
    assert d.actors["north korea"].country == "PRK" and d.actors["barack obama"].codes_on("2010-01-01") == (
        "USAGOV",
    )
    assert d.agents["president"] == "GOV" and d.agents["farmers"] == "AGR"
    assert len(d.actors) > 30000 and len(d.agents) > 5000
