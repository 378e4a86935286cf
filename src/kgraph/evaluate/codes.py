"""Country codes of gold actors: ISO 3166 alpha-3, old CAMEO codes, and category codes.

PLOVER gold entities carry a CAMEO country code. A *state* code is an ISO 3166 alpha-3 code
or an old CAMEO/COW-style code that reads as one (JAP → JPN, UKG → GBR, ...); Kosovo's
KOS/KSV/XKX are one state. PLOVER's non-state codes (IGO, UNO, EUR, NGO, ISM, IMG, MNC)
and anything unknown are *category* codes: such entities match by text only.

Old codes that are also current ISO codes of another country (COW's AUS Austria, SWZ
Switzerland, MAC Macedonia, MNG Montenegro, SLV Slovenia) keep their ISO meaning.

>>> state_code("JAP"), state_code("gbr"), state_code("IGO"), state_code(None)
('JPN', 'GBR', None, None)
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["CATEGORY_CODES", "OLD_CODES", "same_state", "state_code"]

#: PLOVER's international non-state "country" codes: these match by text only.
CATEGORY_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})

#: Old CAMEO (COW/KEDS-style) country codes → ISO 3166 alpha-3.
OLD_CODES: dict[str, str] = {
    "JAP": "JPN", "VTN": "VNM", "DRV": "VNM", "ITL": "ITA", "GMY": "DEU", "GFR": "DEU",
    "UKG": "GBR", "BHM": "BHS", "HAI": "HTI", "TRI": "TTO", "BAR": "BRB", "GRN": "GRD",
    "SLU": "LCA", "AAB": "ATG", "SKN": "KNA", "GUA": "GTM", "HON": "HND", "SAL": "SLV",
    "COS": "CRI", "PAR": "PRY", "URU": "URY", "IRE": "IRL", "NTH": "NLD", "FRN": "FRA",
    "SPN": "ESP", "POR": "PRT", "CZR": "CZE", "SLO": "SVK", "SNM": "SMR", "CRO": "HRV",
    "BOS": "BIH", "BUL": "BGR", "MLD": "MDA", "ROM": "ROU", "LAT": "LVA", "LIT": "LTU",
    "GRG": "GEO", "SWD": "SWE", "DEN": "DNK", "ICE": "ISL", "CAP": "CPV", "EQG": "GNQ",
    "GAM": "GMB", "MAA": "MRT", "NIR": "NER", "CDI": "CIV", "GUI": "GIN", "BFO": "BFA",
    "SIE": "SLE", "TOG": "TGO", "CAO": "CMR", "NIG": "NGA", "CEN": "CAF", "CHA": "TCD",
    "CON": "COG", "DRC": "COD", "ZAI": "COD", "TAZ": "TZA", "BUI": "BDI", "ANG": "AGO",
    "MZM": "MOZ", "ZAM": "ZMB", "ZIM": "ZWE", "MAW": "MWI", "SAF": "ZAF", "LES": "LSO",
    "BOT": "BWA", "SWA": "SWZ", "MAG": "MDG", "MAS": "MUS", "SEY": "SYC", "MOR": "MAR",
    "ALG": "DZA", "LIB": "LBY", "SUD": "SDN", "LEB": "LBN", "KUW": "KWT", "BAH": "BHR",
    "UAE": "ARE", "OMA": "OMN", "TAJ": "TJK", "KYR": "KGZ", "KZK": "KAZ", "MON": "MNG",
    "TAW": "TWN", "ROK": "KOR", "BHU": "BTN", "BNG": "BGD", "MYA": "MMR", "SRI": "LKA",
    "MAD": "MDV", "NEP": "NPL", "THI": "THA", "CAM": "KHM", "MAL": "MYS", "SIN": "SGP",
    "BRU": "BRN", "PHI": "PHL", "INS": "IDN", "ETM": "TLS", "AUL": "AUS", "NEW": "NZL",
    "VAN": "VUT", "SOL": "SLB", "FIJ": "FJI", "NAU": "NRU", "MSI": "MHL",
    "RVN": "VNM", "YAR": "YEM", "YPR": "YEM", "KOS": "XKX", "KSV": "XKX",
}  # fmt: skip


@lru_cache(maxsize=1)
def _iso_alpha3() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


def state_code(code: str | None) -> str | None:
    """Return the ISO alpha-3 state a code names, or ``None`` for category and unknown codes.

    >>> state_code("VTN"), state_code("ITL"), state_code("KSV"), state_code("NGO"), state_code("XYZ")
    ('VNM', 'ITA', 'XKX', None, None)
    """
    if not code:
        return None
    code = code.strip().upper()
    if code in CATEGORY_CODES:
        return None
    if code in _iso_alpha3():
        return code
    return OLD_CODES.get(code)


def same_state(gold_code: str | None, country: str | None) -> bool:
    """Tell whether a gold code is a state code naming the same state as ``country``.

    >>> same_state("UKG", "GBR"), same_state("IGO", "IGO"), same_state("USA", None)
    (True, False, False)
    """
    state = state_code(gold_code)
    return state is not None and state == state_code(country)
