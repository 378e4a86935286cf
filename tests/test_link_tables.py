"""Built-in actor tables (data files) and the user's aliases TOML file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgraph.config import Settings
from kgraph.errors import ConfigError
from kgraph.link.tables import load_tables


def test_builtin_tables_know_countries_igos_demonyms_capitals_titles() -> None:
    t = load_tables()
    assert (t.lookup("north korea").label, t.lookup("north korea").country) == ("North Korea", "PRK")
    assert t.lookup("britain").country == "GBR" and t.lookup("us").country == "USA"
    assert (t.lookup("un").label, t.lookup("un").country) == ("United Nations", "IGO")
    assert t.lookup("unsc").label == "UN Security Council" != t.lookup("un").label
    assert t.demonym("north korean") == "PRK" and t.demonym("iraqis") == "IRQ"
    assert t.capital("pyongyang") == "PRK" and t.capital("washington") == "USA"
    assert t.title("president") == ("head", "-") and t.title("mrs") == ("honorific", "f")


def test_every_country_code_is_iso_alpha3() -> None:
    import pycountry

    t = load_tables()
    codes = (
        {k.country for k in t.names.values() if k.type == "COUNTRY"}
        | set(t.demonyms.values())
        | set(t.capitals.values())
    )
    unknown = {c for c in codes if pycountry.countries.get(alpha_3=c) is None}
    assert unknown <= {"XKX", "ANT", "SCG"}  # Kosovo and two former codes that pycountry keeps elsewhere


def test_user_aliases_file_adds_aliases_actors_and_never_merge(tmp_path: Path) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text(
        'never_merge = [["Kim Jong Un", "Kim Jong Il"]]\n'
        '[aliases]\n"Kim Jong-eun" = "Kim Jong Un"\n"Brussels" = "European Union"\n'
        '[[actors]]\nlabel = "Sinn Fein"\ntype = "ORGANIZATION"\ncountry = "GBR"\naliases = ["SF"]\n',
        encoding="utf-8",
    )
    t = load_tables(Settings(aliases=path))
    assert t.lookup("kim jong eun").label == "Kim Jong Un"
    assert t.lookup("brussels").label == "European Union" and t.lookup("brussels").country == "IGO"
    assert (t.lookup("sf").label, t.lookup("sf").country) == ("Sinn Fein", "GBR")
    assert t.blocked("kim jong il", "kim jong un") and not t.blocked("kim jong un", "kim")
    assert load_tables().lookup("kim jong eun") is None  # the built-in tables are not changed


@pytest.mark.parametrize(
    "text", ['never_merge = [["a"]]\n', '[[actors]]\ntype = "PERSON"\n', "not toml = = \n"]
)
def test_bad_aliases_file_says_what_is_wrong(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.toml"):
        load_tables(Settings(aliases=path))
