#!/usr/bin/env python3
"""Build custodiet's bundled seed data (data/) from ../shared/data/raw.

Usage: python3 tools/seed/build_seed.py [RAW_DIR] [--check]

Python 3.11 standard library only. Deterministic: the same raw input gives the same bytes.
The file contract is docs/data-format.md. Every repair of a raw defect is written to
data/CHANGES.md; the script fails loudly on any country or company name it cannot map.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
import shutil
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

RECORDED = "2026-11-27"  # fixed build date (keeps the output deterministic)
REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "data"


class BuildError(Exception):
    pass


def fail(msg: str):
    raise BuildError(msg)


# --------------------------------------------------------------------------------------
# helpers


def slug(s: str) -> str:
    a = unicodedata.normalize("NFKD", s)
    a = "".join(c for c in a if not unicodedata.combining(c))
    a = re.sub(r"[^a-z0-9]+", "-", a.lower()).strip("-")
    if not a:
        fail(f"cannot slug {s!r}")
    return a


def col_letter(i: int) -> str:  # 0-based -> A, B, ..., AA
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def r3(x: str) -> str:
    v = float(x.replace(",", "."))
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def write_csv(path: Path, header: list[str], rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow(["" if v is None else str(v) for v in r])
    path.write_bytes(buf.getvalue().encode("utf-8"))


def norm_url(url: str) -> str:
    """The canonical form of a web address; the same rule as core's CanonicalUrl.of (a store test
    checks every bundled document id against it): https; host lower-cased without "www."; default
    ports, fragment and utm_* parameters dropped; path and the other parameters kept as written."""
    u = urlsplit(url.strip())
    host = (u.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    netloc = host + (f":{u.port}" if u.port and u.port not in (80, 443) else "")
    kept = [p for p in u.query.split("&") if p and not p.lower().startswith("utm_")]
    return urlunsplit(("https", netloc, u.path or "/", "&".join(kept), ""))


def doc_id(url: str) -> str:
    return "doc-" + hashlib.sha256(norm_url(url).encode("utf-8")).hexdigest()[:12]


CHANGES: list[str] = []


def change(s: str) -> None:
    if s not in CHANGES:
        CHANGES.append(s)


# --------------------------------------------------------------------------------------
# countries

# Reviewed name -> ISO3 aliases (Carnegie/V-Dem spellings, short names). ISO official names
# are added automatically from the ISO table.
COUNTRY_ALIASES = {
    "Bolivia": ("BOL", "short name"),
    "Burma/Myanmar": ("MMR", "Carnegie spelling"),
    "Myanmar": ("MMR", "short name"),
    "Burma": ("MMR", "former name"),
    "Cape Verde": ("CPV", "English short name"),
    "Czech Republic": ("CZE", "former short name"),
    "Democratic Republic of the Congo": ("COD", "short name"),
    "Democratic Republic of Congo": ("COD", "short name"),
    "DR Congo": ("COD", "short name"),
    "Republic of the Congo": ("COG", "short name (Congo-Brazzaville)"),
    "Congo": ("COG", "ISO short name: Republic of the Congo, not the DRC"),
    "Iran": ("IRN", "short name"),
    "Ivory Coast": ("CIV", "English name of Côte d'Ivoire"),
    "Cote d'Ivoire": ("CIV", "unaccented spelling"),
    "Kosovo": ("XKX", "not in ISO 3166-1; XKX is the user-assigned code used by the EU and IMF"),
    "Laos": ("LAO", "short name"),
    "Moldova": ("MDA", "short name"),
    "Netherlands": ("NLD", "short name"),
    "The Netherlands": ("NLD", "short name"),
    "North Korea": ("PRK", "short name"),
    "South Korea": ("KOR", "short name"),
    "Korea": ("KOR", "AIGS usage refers to the Republic of Korea"),
    "Palestine": ("PSE", "short name"),
    "Palestine/West Bank": ("PSE", "V-Dem sub-unit; its values are used for PSE"),
    "Palestine/Gaza": ("XPG", "V-Dem unit; user-assigned code, see countries-extra.csv"),
    "Somaliland": ("XSL", "V-Dem unit; user-assigned code, see countries-extra.csv"),
    "Zanzibar": ("XZN", "V-Dem unit; user-assigned code, see countries-extra.csv"),
    "Russia": ("RUS", "short name"),
    "Syria": ("SYR", "short name"),
    "Taiwan": ("TWN", "short name"),
    "Tanzania": ("TZA", "short name"),
    "The Gambia": ("GMB", "short name"),
    "Gambia": ("GMB", "short name"),
    "Turkey": ("TUR", "former short name"),
    "Turkiye": ("TUR", "unaccented spelling"),
    "United Kingdom": ("GBR", "short name"),
    "UK": ("GBR", "abbreviation (AIGS Other Countries)"),
    "Great Britain": ("GBR", "short name"),
    "United States": ("USA", "short name"),
    "USA": ("USA", "abbreviation"),
    "US": ("USA", "abbreviation"),
    "Venezuela": ("VEN", "short name"),
    "Vietnam": ("VNM", "short name"),
    "Hong Kong": ("HKG", "short name"),
    "HK": ("HKG", "abbreviation (AIGS Other Countries)"),
    "Macau": ("MAC", "short name"),
    "Brunei": ("BRN", "short name"),
    "Eswatini": ("SWZ", "short name"),
    "Swaziland": ("SWZ", "former name"),
    "North Macedonia": ("MKD", "short name"),
    "Macedonia": ("MKD", "former name"),
    "Bosnia": ("BIH", "short name"),
    "UAE": ("ARE", "abbreviation"),
    "Micronesia": ("FSM", "short name"),
    "East Timor": ("TLS", "former English name"),
    "China": ("CHN", "short name"),
    "PRC": ("CHN", "abbreviation"),
}
# Units that V-Dem (and so the AIGS regime sheet) scores separately but ISO 3166-1 does not list.
# They get codes from the ISO user-assigned range X.. so that the regime-type denominators cover
# all 179 units the AIGS 2022 figures are computed over.
NON_ISO_UNITS = [
    ("XKX", "XK", "Kosovo", "Europe", "Southern Europe",
     "not in ISO 3166-1; XKX is the user-assigned code used by the EU and the IMF"),
    ("XPG", "", "Palestine/Gaza", "Asia", "Western Asia",
     "V-Dem scores Gaza separately from the West Bank (PSE); user-assigned code"),
    ("XSL", "", "Somaliland", "Africa", "Sub-Saharan Africa",
     "V-Dem unit, not a recognised state; user-assigned code"),
    ("XZN", "", "Zanzibar", "Africa", "Sub-Saharan Africa",
     "V-Dem scores Zanzibar separately from mainland Tanzania; user-assigned code"),
]
NON_ISO = {u[0]: u[2] for u in NON_ISO_UNITS}

# V-Dem sub-units whose values are NOT written as the ISO3 country's indicators (the ISO3
# country has its own row, or another unit is used for it).
VDEM_SKIP: set[str] = set()


class Countries:
    def __init__(self, iso_path: Path):
        self.rows = list(csv.DictReader(open(iso_path, encoding="utf-8", newline="")))
        self.iso3 = {r["alpha-3"] for r in self.rows} | set(NON_ISO)
        self.names: dict[str, tuple[str, str, str]] = {}  # lower -> (name, iso3, note)
        for r in self.rows:
            self._add(r["name"], r["alpha-3"], "ISO 3166-1 name")
        for n, (c, note) in COUNTRY_ALIASES.items():
            if c not in self.iso3:
                fail(f"alias {n} -> {c}: unknown code")
            self._add(n, c, note)
        self.used: set[str] = set()

    def _add(self, name, iso3, note):
        k = name.strip().lower()
        if k in self.names and self.names[k][1] != iso3:
            fail(f"country name {name!r} mapped twice ({self.names[k][1]} / {iso3})")
        self.names.setdefault(k, (name.strip(), iso3, note))

    def resolve(self, name: str, where: str) -> str:
        k = name.strip().lower()
        if k not in self.names:
            fail(f"UNMAPPED COUNTRY NAME {name!r} ({where}); add it to COUNTRY_ALIASES")
        self.used.add(k)
        return self.names[k][1]

    def display(self, iso3):
        for r in self.rows:
            if r["alpha-3"] == iso3:
                return r["name"]
        return NON_ISO.get(iso3, iso3)


# --------------------------------------------------------------------------------------
# companies: (id, name, hq, parent, ownership)
# HQ = the company's own headquarters (None = unknown). Ownership from general knowledge;
# ASPI labels were used only as a hint for Chinese firms.
COMPANIES = [
    ("accenture", "Accenture", "IRL", None, "listed"),
    ("adrin", "ADRIN (Advanced Data Processing Research Institute)", "IND", None, "state_owned"),
    ("agt-international", "AGT International", "CHE", None, "private"),
    ("airbus", "Airbus", "FRA", None, "listed"),
    ("aksu-huafu-textiles", "Aksu Huafu Textiles", "CHN", None, "unknown"),
    ("alomra-group", "Alomra Group", "MAR", None, "private"),
    ("amazon-web-services", "Amazon Web Services", "USA", None, "listed"),
    ("analytical-business-solutions", "Analytical Business Solutions", None, None, "unknown"),
    ("anduril", "Anduril Industries", "USA", None, "private"),
    ("anyvision", "AnyVision (Oosto)", "ISR", None, "private"),
    ("aselsan", "Aselsan", "TUR", None, "state_owned"),
    ("atos", "Atos", "FRA", None, "listed"),
    ("avigilon", "Avigilon", "CAN", "motorola-solutions", "listed"),
    ("axxonsoft", "AxxonSoft", "RUS", None, "private"),
    ("babel-street", "Babel Street", "USA", None, "private"),
    ("bae-systems", "BAE Systems", "GBR", None, "listed"),
    ("banco-santander", "Banco Santander", "ESP", None, "listed"),
    ("boeing", "Boeing", "USA", None, "listed"),
    ("bosch", "Bosch", "DEU", None, "private"),
    ("brainchip", "BrainChip", "AUS", None, "listed"),
    ("briefcam", "BriefCam", "ISR", None, "private"),
    ("casic", "CASIC (China Aerospace Science and Industry Corporation)", "CHN", None, "state_owned"),
    ("ceiec", "CEIEC (China National Electronics Import & Export Corporation)", "CHN", None, "state_owned"),
    ("cetc", "CETC (China Electronics Technology Group)", "CHN", None, "state_owned"),
    ("china-development-bank", "China Development Bank", "CHN", None, "state_lender"),
    ("china-exim-bank", "Export-Import Bank of China", "CHN", None, "state_lender"),
    ("china-machinery-engineering", "China Machinery Engineering Corporation", "CHN", None, "state_owned"),
    ("china-ministry-of-commerce", "Ministry of Commerce of the People's Republic of China", "CHN", None, "state_lender"),
    ("circinus", "Circinus", "USA", None, "private"),
    ("cisco", "Cisco", "USA", None, "listed"),
    ("citcc", "China International Telecommunication and Construction Corporation (CITCC)", "CHN", None, "state_owned"),
    ("citic-group", "CITIC Group", "CHN", None, "state_owned"),
    ("clearview-ai", "Clearview AI", "USA", None, "private"),
    ("cloudwalk", "CloudWalk Technology", "CHN", None, "private"),
    ("cognitec", "Cognitec", "DEU", None, "private"),
    ("corsight-ai", "Corsight AI", "ISR", None, "private"),
    ("crestron", "Crestron", "USA", None, "private"),
    ("crowdoptic", "CrowdOptic", "USA", None, "private"),
    ("dahua", "Dahua Technology", "CHN", None, "listed"),
    ("danaide", "Danaide", "ARG", None, "private"),
    ("dassault-systemes", "Dassault Systèmes", "FRA", None, "listed"),
    ("dataminr", "Dataminr", "USA", None, "private"),
    ("dataworks-plus", "DataWorks Plus", "USA", None, "private"),
    ("ddba", "DDBA", "URY", None, "unknown"),
    ("dell", "Dell", "USA", None, "listed"),
    ("desarrollos-terrestres-peru", "Desarrollos Terrestres Perú", "PER", None, "unknown"),
    ("digital-barriers", "Digital Barriers", "GBR", None, "private"),
    ("ekin", "Ekin", "TUR", None, "private"),
    ("elbit-systems", "Elbit Systems", "ISR", None, "listed"),
    ("engie-ineo", "Engie Ineo", "FRA", None, "unknown"),
    ("facefirst", "FaceFirst", "USA", None, "private"),
    ("fiberhome", "FiberHome Technologies Group", "CHN", None, "state_owned"),
    ("finatech", "Finatech", "MAR", None, "private"),
    ("fisca", "Fisca Security & Communication", "MMR", None, "private"),
    ("flock-safety", "Flock Safety", "USA", None, "private"),
    ("fusus", "Fusus", "USA", None, "private"),
    ("gatekeeper", "Gatekeeper", None, None, "unknown"),
    ("genetec", "Genetec", "CAN", None, "private"),
    ("geofeedia", "Geofeedia", "USA", None, "private"),
    ("gorilla-technology", "Gorilla Technology", "TWN", None, "unknown"),
    ("gsafety", "GSafety (Beijing Global Safety Technology)", "CHN", None, "unknown"),
    ("guardia", "Guardia", None, None, "unknown"),
    ("hanwha-techwin", "Hanwha Techwin", "KOR", None, "listed"),
    ("havelsan", "HAVELSAN", "TUR", None, "state_owned"),
    ("henan-costar-group", "Henan Costar Group", "CHN", None, "unknown"),
    ("herta-security", "Herta Security", "ESP", None, "private"),
    ("hikvision", "Hikvision", "CHN", None, "state_owned"),
    ("honeywell", "Honeywell", "USA", None, "listed"),
    ("huawei", "Huawei", "CHN", None, "private"),
    ("hugslock", "Hugslock", None, None, "unknown"),
    ("hytera", "Hytera", "CHN", None, "listed"),
    ("ibm", "IBM", "USA", None, "listed"),
    ("icx-technologies", "ICx Technologies", "USA", None, "unknown"),
    ("idemia", "Idemia", "FRA", None, "private"),
    ("iflytek", "iFlytek", "CHN", None, "listed"),
    ("ifmpt", "IfmPt", None, None, "unknown"),
    ("infinet", "InfiNet", None, None, "unknown"),
    ("infinova", "Infinova", "CHN", None, "listed"),
    ("innefu-labs", "Innefu Labs", "IND", None, "private"),
    ("integrated-computer-systems", "Integrated Computer Systems", None, None, "unknown"),
    ("intellifusion", "Intellifusion", "CHN", None, "private"),
    ("intracom-telecom", "Intracom Telecom", "GRC", None, "private"),
    ("iomniscient", "iOmniscient", "AUS", None, "private"),
    ("isvision", "IS'Vision", "CHN", None, "unknown"),
    ("jalud-embedded", "Jalud Embedded", "CZE", None, "private"),
    ("kedacom", "Kedacom", "CHN", None, "listed"),
    ("khamphay-xana-group", "Khamphay Xana Group", "LAO", None, "private"),
    ("knowlesys", "Knowlesys", "CHN", None, "private"),
    ("korea-telecom", "KT (Korea Telecom)", "KOR", None, "listed"),
    ("ladakom-service", "Ladakom-Service", None, None, "unknown"),
    ("leapcraft", "Leapcraft", "DNK", None, "private"),
    ("lg-uplus", "LG Uplus", "KOR", None, "listed"),
    ("lilin", "LILIN", "TWN", None, "private"),
    ("linn-it-solution", "Linn IT Solution", "MMR", None, "private"),
    ("lss", "LSS", None, None, "unknown"),
    ("megvii", "Megvii", "CHN", None, "private"),
    ("microsoft", "Microsoft", "USA", None, "listed"),
    ("motorola-solutions", "Motorola Solutions", "USA", None, "listed"),
    ("nanjing-fiberhome-starrysky", "Nanjing FiberHome Starrysky Communication Development", "CHN", "fiberhome", "state_owned"),
    ("nanjing-les", "Nanjing LES Information Technology", "CHN", None, "unknown"),
    ("naung-yoe-technologies", "Naung Yoe Technologies", "MMR", None, "private"),
    ("nec", "NEC", "JPN", None, "listed"),
    ("netposa", "NetPosa", "CHN", None, "listed"),
    ("nice", "NICE", "ISR", None, "listed"),
    ("ntechlab", "NtechLab", "RUS", None, "private"),
    ("oi-solucoes", "Oi Soluções", "BRA", None, "listed"),
    ("oracle", "Oracle", "USA", None, "listed"),
    ("orange", "Orange", "FRA", None, "listed"),
    ("otesa", "Otesa", None, None, "unknown"),
    ("palantir", "Palantir Technologies", "USA", None, "listed"),
    ("panasonic", "Panasonic", "JPN", None, "listed"),
    ("parsec-3-26", "Parsec 3.26", "ITA", None, "private"),
    ("pelco", "Pelco", "USA", "motorola-solutions", "private"),
    ("pelorus-technologies", "Pelorus Technologies", "IND", None, "private"),
    ("pontoid", "PontoiD", "BRA", None, "private"),
    ("predpol", "PredPol (Geolitica)", "USA", None, "private"),
    ("pt-inti", "PT Industri Telekomunikasi Indonesia (INTI)", "IDN", None, "state_owned"),
    ("qognify", "Qognify", "USA", None, "private"),
    ("safaricom", "Safaricom", "KEN", None, "listed"),
    ("safeguard-security-holdings", "Safeguard Security Holdings", "USA", None, "private"),
    ("salesforce", "Salesforce", "USA", None, "listed"),
    ("sandvine", "Sandvine", "CAN", None, "private"),
    ("secunet", "secunet", "DEU", None, "listed"),
    ("semptian", "Semptian", "CHN", None, "private"),
    ("sensenets", "SenseNets", "CHN", None, "private"),
    ("sensetime", "SenseTime", "CHN", None, "listed"),
    ("sergek-group", "Sergek Group", "KAZ", None, "private"),
    ("shotspotter", "ShotSpotter (SoundThinking)", "USA", None, "listed"),
    ("sice", "SICE", "ESP", None, "private"),
    ("sk-telecom", "SK Telecom", "KOR", None, "listed"),
    ("snaptrends", "Snaptrends", "USA", None, "private"),
    ("speech-technology-center", "Speech Technology Center", "RUS", None, "private"),
    ("sprinklr", "Sprinklr", "USA", None, "listed"),
    ("sri-lanka-telecom", "Sri Lanka Telecom", "LKA", None, "state_owned"),
    ("standard-chartered", "Standard Chartered", "GBR", None, "listed"),
    ("synesis", "Synesis", "BLR", None, "private"),
    ("target-ai", "Target AI", "KAZ", None, "private"),
    ("tascent", "Tascent", "USA", None, "private"),
    ("tcil", "Telecommunications Consultants India Ltd (TCIL)", "IND", None, "state_owned"),
    ("telecom-fiji", "Telecom Fiji", "FJI", None, "state_owned"),
    ("teleste", "Teleste", "FIN", None, "listed"),
    ("telmex", "Telmex", "MEX", None, "listed"),
    ("tevian", "Tevian", "RUS", None, "private"),
    ("thales", "Thales", "FRA", None, "listed"),
    ("tiandy", "Tiandy Technologies", "CHN", None, "private"),
    ("tkh-security", "TKH Security (TKH Group)", "NLD", None, "listed"),
    ("tsv", "TSV S.A.", "PRY", None, "private"),
    ("ultimate-solutions", "Ultimate Solutions", "TTO", None, "private"),
    ("verint", "Verint", "USA", None, "listed"),
    ("vicon-industries", "Vicon Industries", "USA", None, "unknown"),
    ("visionlabs", "VisionLabs", "RUS", None, "private"),
    ("vumacam", "Vumacam", "ZAF", None, "private"),
    ("webintpro", "Webintpro", None, None, "unknown"),
    ("xiamen-meiya-pico", "Xiamen Meiya Pico", "CHN", None, "state_owned"),
    ("yitu", "Yitu Technology", "CHN", None, "private"),
    ("yixin", "Yixin Science and Technology", "CHN", None, "unknown"),
    ("zencity", "ZenCity", "ISR", None, "private"),
    ("zte", "ZTE", "CHN", None, "state_owned"),
]

# Reviewed spelling -> company id. Matching is case-sensitive on the trimmed raw string;
# (raw spelling, id, is_repair) -- is_repair marks typos that are raw defects.
COMPANY_SPELLINGS = {
    "Accenture": "accenture", "ADRIN": "adrin", "AGT": "agt-international",
    "Airbus": "airbus", "Alomra Group": "alomra-group", "Amazon": "amazon-web-services",
    "Amazon Web Services": "amazon-web-services",
    "Analytical Business Solutions": "analytical-business-solutions", "Anduril": "anduril",
    "AnyVision": "anyvision", "AnyVision (Oosto)": "anyvision", "Aselsan": "aselsan",
    "Atos IT Solutions and Services": "atos", "Avigilon": "avigilon",
    "Motorola Solutions (Avigilon)": "avigilon", "Axxonsoft": "axxonsoft", "AxxonSoft": "axxonsoft",
    "Babel Street": "babel-street", "BAE": "bae-systems", "Boeing": "boeing", "Bosch": "bosch",
    "BrainChip": "brainchip", "BriefCam": "briefcam", "Briefcam (US)": "briefcam",
    "CASIC": "casic", "CEIEC": "ceiec", "CETC": "cetc",
    "China International Telecommunication and Construction Corp.": "citcc", "CITCC": "citcc",
    "China Machinery Engineering Corporation": "china-machinery-engineering",
    "CITIC Group": "citic-group", "Circinus": "circinus", "Cisco": "cisco",
    "Clearview AI": "clearview-ai", "CloudWalk": "cloudwalk", "Cognitec": "cognitec",
    "Cognitec Systems": "cognitec", "Corsight AI": "corsight-ai", "Crestron": "crestron",
    "CrowdOptic": "crowdoptic", "Dahua": "dahua", "Danaide": "danaide",
    "Dassault": "dassault-systemes", "Dataminr": "dataminr", "DataWorks Plus": "dataworks-plus",
    "DDBA": "ddba", "Dell": "dell", "Desarrollos Terrestres Perú": "desarrollos-terrestres-peru",
    "Digital Barriers": "digital-barriers", "Ekin": "ekin", "Elbit": "elbit-systems",
    "Engie Ineo": "engie-ineo", "FaceFirst": "facefirst", "Finatech": "finatech",
    "Fisca Security & Communication": "fisca", "Flock Safety": "flock-safety", "Fusus": "fusus",
    "Gatekeeper": "gatekeeper", "GateKeeper": "gatekeeper", "Genetec": "genetec",
    "Geofeedia": "geofeedia", "Gorilla": "gorilla-technology",
    "GSafety (Beijing Global Safety Technology)": "gsafety", "Guardia": "guardia",
    "Hanwha Techwin": "hanwha-techwin", "HAVESLAN": "havelsan",
    "Henan Costar Group": "henan-costar-group", "Herta": "herta-security",
    "Herta Security": "herta-security", "Hikvision": "hikvision", "Hikvsion": "hikvision",
    "Honeywell": "honeywell", "Huawei": "huawei", "Hugslock": "hugslock", "Hytera": "hytera",
    "IBM": "ibm", "ICx Technologies": "icx-technologies", "IDEMIA": "idemia", "Idemia": "idemia",
    "iFlytek": "iflytek", "IfmPt": "ifmpt", "InfiNet": "infinet", "Infinova": "infinova",
    "Innefu Labs": "innefu-labs", "Integrated Computer Systems": "integrated-computer-systems",
    "Intracom Telecom": "intracom-telecom", "iOmnicient": "iomniscient",
    "iOmniscient": "iomniscient", "Jalud Embedded": "jalud-embedded", "Kedacom": "kedacom",
    "Khamphay Xana Group": "khamphay-xana-group", "Knowlesys": "knowlesys",
    "Korea Telecom": "korea-telecom", "Ladakom-Service": "ladakom-service",
    "Leapcraft": "leapcraft", "LG Uplus": "lg-uplus", "Lilin": "lilin",
    "Linn IT Solution": "linn-it-solution", "LSS": "lss", "Megvii": "megvii", "Face++": "megvii",
    "Meiya Pico": "xiamen-meiya-pico", "Microsoft": "microsoft",
    "Motorola Solutions": "motorola-solutions",
    "Nanjing LES Information Technology": "nanjing-les", "Naung Yoe Technologies": "naung-yoe-technologies",
    "NEC": "nec", "NICE": "nice", "NTechLab": "ntechlab", "NtechLab": "ntechlab",
    "Oi Soluções": "oi-solucoes", "Oracle": "oracle", "Orange": "orange", "Otesa": "otesa",
    "Palantir": "palantir", "Panasonic": "panasonic", "Parsec": "parsec-3-26",
    "Parsec 3.26": "parsec-3-26", "Pelco": "pelco", "Pelorus Technologies": "pelorus-technologies",
    "PontoiD": "pontoid", "PredPol": "predpol", "PredPol (Geolitica)": "predpol",
    "PT Industri Telekomunikasi Indonesia": "pt-inti", "Qognify": "qognify",
    "Safaricom": "safaricom", "Safeguard Security Holdings": "safeguard-security-holdings",
    "Salesforce": "salesforce", "Sandvine": "sandvine", "Secunet": "secunet",
    "Semptian": "semptian", "SenseTime": "sensetime", "Sergek Group": "sergek-group",
    "ShotSpotter (SoundThinking)": "shotspotter", "SICE": "sice", "SK Telecom": "sk-telecom",
    "Snaptrends": "snaptrends", "Speech Technology Center": "speech-technology-center",
    "Sprinklr": "sprinklr", "Sri Lanka Telecom": "sri-lanka-telecom", "Synesis": "synesis",
    "Target AI": "target-ai", "Tascent": "tascent", "Telecom Fiji": "telecom-fiji",
    "Telecommunications Consultants India Ltd": "tcil", "Teleste": "teleste", "Telmex": "telmex",
    "Tevian": "tevian", "Thales": "thales", "Tiandy Technologies": "tiandy",
    "TKH Security (TKH Group)": "tkh-security", "TSV S.A.": "tsv",
    "Ultimate Solutions": "ultimate-solutions", "Verint": "verint",
    "Vicon Industries": "vicon-industries", "VisionLabs": "visionlabs", "Vumacam": "vumacam",
    "Webintpro": "webintpro", "Yitu": "yitu", "Yitu Technology": "yitu", "Yixin": "yixin",
    "ZenCity": "zencity", "ZTE": "zte",
    # entity list names
    "Dahua Technology": "dahua", "Megvii Technology": "megvii",
    "Xiamen Meiya Pico Information Co. Ltd.": "xiamen-meiya-pico", "Yitu Technologies": "yitu",
    "Yixin Science and Technology Co. Ltd.": "yixin", "CloudWalk Technology": "cloudwalk",
    "FiberHome Technologies Group": "fiberhome",
    "Nanjing FiberHome Starrysky Communication Development": "nanjing-fiberhome-starrysky",
    "NetPosa": "netposa", "SenseNets": "sensenets", "Intellifusion": "intellifusion",
    "IS'Vision": "isvision", "Aksu Huafu Textiles Co.": "aksu-huafu-textiles",
    "Huawei Technologies Co., Ltd.": "huawei", "IFLYTEK": "iflytek", "Sense Time": "sensetime",
    "Chongqing Cloudwalk Technology Co., Ltd.": "cloudwalk",
    "Guangzhou Yunshang Information Technology Co., Ltd.": "cloudwalk",
    "Yun Cong Information Technology Co. Ltd.": "cloudwalk", "Yun Cong Technology": "cloudwalk",
    # lenders / AidData names
    "Export-Import Bank of China (China Eximbank)": "china-exim-bank", "China Eximbank": "china-exim-bank",
    "China Exim Bank": "china-exim-bank", "China Development Bank (CDB)": "china-development-bank",
    "China Development Bank": "china-development-bank", "CDB": "china-development-bank",
    "China Ministry of Commerce": "china-ministry-of-commerce", "MOFCOM": "china-ministry-of-commerce",
    "Standard Chartered Bank": "standard-chartered", "Banco Santander (Hong Kong)": "banco-santander",
    "China National Electronics Import & Export Corporation (CEIEC)": "ceiec",
    "Huawei Technologies Uganda": "huawei", "Nanjing Les Information Technology": "nanjing-les",
}
TYPO_REPAIRS = {
    "Hikvsion": "typo of Hikvision", "iOmnicient": "typo of iOmniscient", "Briefcam (US)": "the `(US)` suffix dropped; BriefCam is headquartered in Israel",
    "HAVESLAN": "typo of HAVELSAN",
}
NOT_A_COMPANY = {"Mult"}
# AIGS v1 China row packs nine vendors into one overflow cell; split on this reviewed list.
PACKED_CELLS = {
    "Huawei, ZTE, Hikvision, Dahua, Face++, iFlytek, Yitu, CEIEC, and Yixin":
        ["Huawei", "ZTE", "Hikvision", "Dahua", "Face++", "iFlytek", "Yitu", "CEIEC", "Yixin"],
}

COMPANY_BY_ID = {c[0]: c for c in COMPANIES}
ALIASES_SEEN: dict[str, set[str]] = defaultdict(set)


def company(raw: str, where: str) -> str:
    s = raw.strip()
    if s not in COMPANY_SPELLINGS:
        fail(f"UNMAPPED COMPANY NAME {s!r} ({where}); add it to COMPANY_SPELLINGS")
    cid = COMPANY_SPELLINGS[s]
    if cid not in COMPANY_BY_ID:
        fail(f"company id {cid} not in COMPANIES")
    if s != COMPANY_BY_ID[cid][1]:
        ALIASES_SEEN[cid].add(s)
    if s in TYPO_REPAIRS:
        change(f"Supplier spelling `{s}` ({where}) normalised to company `{cid}` ({TYPO_REPAIRS[s]}).")
    return cid


# --------------------------------------------------------------------------------------
# technologies

TECHNOLOGIES = [
    ("smart_city", "Smart / safe city",
     "Integrated city or national public-safety platforms run for a public authority: command and "
     "control centres and networked public-space cameras, whether or not the source names analytics."),
    ("facial_recognition", "Facial recognition",
     "Automated comparison of faces captured by fixed cameras, body-worn or handheld devices, or "
     "uploaded photos against watch lists or image databases, in real time or afterwards."),
    ("smart_policing", "Smart policing",
     "Data platforms for police: large-scale analytics that link records, and software that "
     "forecasts where or by whom crime is likely (predictive policing)."),
    ("social_media_surveillance", "Social-media surveillance",
     "Systematic monitoring of social-media posts, accounts and locations by or for a public "
     "authority, at a scale beyond looking at individual profiles."),
    ("other:alpr", "Licence-plate recognition",
     "Cameras and software that read vehicle number plates and check them against lists, when this "
     "is the main product rather than one feature of a city platform."),
    ("other:audio_event_detection", "Audio event detection",
     "Microphone networks with software that classifies sounds such as screams or breaking glass "
     "and alerts operators."),
    ("other:gunshot_detection", "Gunshot detection",
     "Acoustic sensor networks that detect and locate gunfire and notify police."),
    ("other:video_analytics", "Video analytics",
     "Automated analysis of recorded or live video (object, person or behaviour search) outside a "
     "named facial-recognition or city platform."),
    ("other:voice_recognition", "Voice recognition",
     "Collection and automated matching of voice samples to identify speakers."),
]
TECH_LABEL = {
    "smart_city": "smart/safe city", "facial_recognition": "facial recognition",
    "smart_policing": "smart policing", "social_media_surveillance": "social-media surveillance",
}

# --------------------------------------------------------------------------------------
# publisher groups: reviewed list of relayed / syndicated copies -> original outlet
PUBLISHER_GROUPS = {
    "24.kg (relaying Human Rights Watch)": "Human Rights Watch",
    "AURDIP (reposting Haaretz on NBC News findings)": "Haaretz",
    "BNN Bloomberg (Bloomberg News)": "Bloomberg News",
    "Biometric Update (citing Human Rights Watch)": "Human Rights Watch",
    "Biometric Update (citing Reuters)": "Reuters",
    "BlackListed News (relaying Motherboard)": "Motherboard",
    "BodyBlaze (relaying Morocco World News)": "Morocco World News",
    "BusinessFast (relaying The Telegraph)": "The Telegraph",
    "China.org.cn (Xinhua)": "Xinhua",
    "Cloakers (quoting The Atlantic)": "The Atlantic",
    "Communications of the ACM (summarising Christian Science Monitor)": "Christian Science Monitor",
    "Connectionivoirienne (AIP)": "AIP",
    "Creating Future US (reposting The Guardian)": "The Guardian",
    "Digital Watch Observatory (relaying BuzzFeed News)": "BuzzFeed News",
    "Dinar Updates forum (reposting a Babylon police statement)": "Babylon provincial police",
    "Disruptive.Asia (Reuters)": "Reuters",
    "EIN News (relaying Biometric Update)": "Biometric Update",
    "Foreign Policy (via aggregator mirror)": "Foreign Policy",
    "Forum Macao (citing Lusa)": "Lusa",
    "Futurist Journal (relaying Reuters)": "Reuters",
    "Gambakwe Media (citing Spotlight Zimbabwe)": "Spotlight Zimbabwe",
    "Good ID (relaying Biometric Update)": "Biometric Update",
    "Grassroots50 (The Center Square)": "The Center Square",
    "Guyanese Online (citing Guyana Times / government statement)": "Guyana Times",
    "HackerPranks (relaying RFE/RL)": "RFE/RL",
    "Hiiraan Online (relaying defenceWeb)": "defenceWeb",
    "Infokeltai (relaying Biometric Update / Tele.Síntese)": "Biometric Update",
    "JK News Line (citing MediaNama)": "MediaNama",
    "Journal of Democracy (via Boise State ScholarWorks)": "Journal of Democracy",
    "La Gazette Mag (citing L'Express)": "L'Express",
    "Laotian Times (citing Vientiane Times)": "Vientiane Times",
    "Mubaf (reposting a feature on Moscow's Safe City)": "Mubaf",  # original outlet not named
    "Redmond City blog (citing council memo)": "City of Redmond",
    "NewZone (relaying MIT Technology Review / IPVM)": "MIT Technology Review",
    "NewsGram (relaying RFE/RL)": "RFE/RL",
    "NewsWorldCity (relaying El País)": "El País",
    "Novaya Gazeta Europe (relaying BBC Russian Service)": "BBC Russian Service",
    "People's Daily (French edition, citing Xinhua / Al-Sabah)": "Xinhua",
    "Pipedot (summarising The Guardian)": "The Guardian",
    "Radio Angola (relaying Africa Intelligence)": "Africa Intelligence",
    "Rappler (Reuters)": "Reuters",
    "Safety and Security Africa (citing ITWeb Africa)": "ITWeb Africa",
    "San Francisco Chronicle (Associated Press)": "Associated Press",
    "Scribd list (citing SF Weekly)": "SF Weekly",
    "Security.World (citing Emirates 24/7)": "Emirates 24/7",
    "SoylentNews (relaying ACLU / Washington Post)": "The Washington Post",
    "SoylentNews (relaying BuzzFeed News)": "BuzzFeed News",
    "THISDAY (via PressReader)": "THISDAY",
    "The BFD (citing RNZ)": "RNZ",
    "The Courier-Mail (via NewsBite mirror)": "The Courier-Mail",
    "The Standard (Kenya), Reuters copy": "Reuters",
    "UpNewsInfo (relaying BuzzFeed News)": "BuzzFeed News",
    "WSAU (Reuters)": "Reuters",
    "WorldNewsBits (Reuters copy)": "Reuters",
    "Ynetnews (citing The National)": "The National",
    "bdnews24 (Thomson Reuters Foundation)": "Thomson Reuters Foundation",
}
RELAY_PAT = re.compile(r"\((relaying|citing|quoting|reposting|summarising)\b|\bvia\b|\bcopy\b|\((Reuters|Xinhua|AIP|Associated Press|Bloomberg News|The Center Square|Thomson Reuters Foundation)\)")


def publisher_group(p: str) -> str:
    if p in PUBLISHER_GROUPS:
        return PUBLISHER_GROUPS[p]
    if RELAY_PAT.search(p):
        fail(f"publisher {p!r} looks like a relayed copy but is not in PUBLISHER_GROUPS")
    return p


TIER_BY_KIND = {"official": "A", "established_media": "B", "ngo_report": "B", "trade_press": "C", "other": "C"}

# --------------------------------------------------------------------------------------
# raw readers


def read_aigs2022(raw: Path, C: Countries):
    rows = list(csv.reader(open(raw / "carnegie-aigs-2022" / "aigs_2022__AIGS_2022.csv", encoding="utf-8", newline="")))
    hdr, data = rows[0], rows[1:]
    if len(data) != 97:
        fail(f"AIGS 2022: expected 97 rows, got {len(data)}")
    repairs = {
        (0, "UnitElectoral Democracy States of AmeriClosed Autocracy"): "United States of America",
        (17, "South KorElectoral Autocracy, SwElectoral Democracyen, Russia"): "South Korea, Sweden, Russia",
    }
    out = []
    for i, r in enumerate(data):
        n = i + 2
        r = list(r)
        for (c, bad), good in repairs.items():
            if r[c] == bad:
                change(f"AIGS 2022 sheet, row {n}, column {col_letter(c)} ({hdr[c]}): `{bad}` repaired to "
                       f"`{good}` (find-and-replace accident that expanded regime codes ED/EA/CA inside words).")
                r[c] = good
        if any(x.strip() for x in r[23:32]):
            change(f"AIGS 2022 sheet, row {n} ({r[0]}), columns X–AF (overflow \"Company 6+\"): ignored; these "
                   f"cells sit on the wrong rows in the workbook. Only Company 1–5 (columns S–W) are used.")
        out.append((n, r))
    return hdr, out


def read_vdem(raw: Path):
    rows = list(csv.reader(open(raw / "carnegie-aigs-2022" / "aigs_2022__Digital_Repression_Inde_V_Dem.csv", encoding="utf-8", newline="")))
    if len(rows) - 1 != 179:
        fail(f"V-Dem sheet: expected 179 rows, got {len(rows) - 1}")
    return rows[0], [(i + 2, r) for i, r in enumerate(rows[1:])]


def read_v1(raw: Path):
    p = raw / "carnegie-aigs-2020-v1" / "AI & Big Data Global Surveillance Index.csv"
    rows = list(csv.reader(open(p, encoding="utf-8-sig", newline=""), delimiter=";"))
    if len(rows) - 1 != 77:
        fail(f"AIGS v1: expected 77 rows, got {len(rows) - 1}")
    return rows[0], [(i + 2, r) for i, r in enumerate(rows[1:])]


# --------------------------------------------------------------------------------------
# the build


class KB:
    def __init__(self):
        self.claims: dict[str, dict] = {}
        self.evidence: list[tuple] = []
        self.flags: list[tuple] = []
        self.sources: dict[str, dict] = {}

    def claim(self, cid, **kw):
        base = dict(id=cid, kind="", country_iso3="", technology="", supplier_company_id="",
                    supplier_origin_iso3="", lender_id="", instrument="", amount="", currency="",
                    city="", agency="", stage="unspecified", observed_from="", observed_to="")
        if cid in self.claims:
            c = self.claims[cid]
            for k, v in kw.items():
                if v and not c.get(k):
                    c[k] = v
            return c
        base.update({k: v for k, v in kw.items() if v is not None})
        self.claims[cid] = base
        return base

    def ev(self, claim_id, source_id, summary, locator):
        self.evidence.append((claim_id, source_id, summary, locator, RECORDED))


def aigs_claims(kb: KB, C: Countries, release: str, rows, cols, label, locprefix):
    """cols: dict with country, techs[4], china, us, other, companies(list of indexes)."""
    src = release
    for n, r in rows:
        name = r[cols["country"]].strip()
        iso = C.resolve(name, f"{label} row {n}")

        def loc(c):
            return f"{locprefix}, row {n}, column {col_letter(c)}"

        for t, c in zip(["smart_city", "facial_recognition", "smart_policing", "social_media_surveillance"], cols["techs"]):
            if r[c].strip().lower() == "x":
                cid = f"aigs/{iso}/uses/{t}"
                kb.claim(cid, kind="uses", country_iso3=iso, technology=t)
                kb.ev(cid, src, f"{label} flags {TECH_LABEL[t]} for {name}", loc(c))
        for origin, c, adj in (("CHN", cols["china"], "Chinese"), ("USA", cols["us"], "US")):
            if r[c].strip() == "1":
                cid = f"aigs/{iso}/origin/{origin}"
                kb.claim(cid, kind="supplies", country_iso3=iso, supplier_origin_iso3=origin)
                kb.ev(cid, src, f"{label} marks {adj}-origin technology for {name}", loc(c))
        oc = r[cols["other"]]
        for part in [p.strip() for p in oc.split(",") if p.strip()]:
            o = C.resolve(part, f"{label} row {n} Other Countries")
            cid = f"aigs/{iso}/origin/{o}"
            kb.claim(cid, kind="supplies", country_iso3=iso, supplier_origin_iso3=o)
            kb.ev(cid, src, f"{label} names {part} as a supplier country for {name}", loc(cols["other"]))
        for c in cols["companies"]:
            cell = r[c].strip()
            if not cell:
                continue
            names = PACKED_CELLS.get(cell, [cell])
            if len(names) > 1:
                change(f"{locprefix}, row {n}, column {col_letter(c)}: one cell lists {len(names)} vendors "
                       f"(`{cell}`); split into separate supplier claims.")
            for nm in names:
                if nm in NOT_A_COMPANY:
                    change(f"{locprefix}, row {n}, column {col_letter(c)}: `{nm}` means multiple/unspecified "
                           f"vendors, not a company; no claim produced.")
                    continue
                co = company(nm, f"{locprefix} row {n}")
                cid = f"aigs/{iso}/supplies/{co}"
                kb.claim(cid, kind="supplies", country_iso3=iso, supplier_company_id=co)
                kb.ev(cid, src, f"{label} lists {COMPANY_BY_ID[co][1]} among suppliers for {name}", loc(c))


FIN_TABLE = {
    # financing string -> (lender id or None, instrument, amount, currency)
    "China Exim Bank loan": ("china-exim-bank", "loan", None, None),
    "China Exim Bank loan (USD 20.9m)": ("china-exim-bank", "loan", "20900000", "USD"),
    "China Exim Bank loan (USD 399.5m)": ("china-exim-bank", "loan", "399500000", "USD"),
    "China Exim Bank loan (via Huawei)": ("china-exim-bank", "loan", None, None),
    "China Exim Bank soft loan": ("china-exim-bank", "concessional_loan", None, None),
    "China Exim Bank soft loan (delayed)": ("china-exim-bank", "concessional_loan", None, None),
    "China Exim Bank preferential buyer's credit (USD 73.7m, 2% interest, sovereign guarantee)":
        ("china-exim-bank", "export_credit", "73700000", "USD"),
    "China Exim Bank financing (FCFA 33.4bn)": ("china-exim-bank", "unknown", "33400000000", "XOF"),
    "China Development Bank loan": ("china-development-bank", "loan", None, None),
    "China Development Bank loan (USD 240m)": ("china-development-bank", "loan", "240000000", "USD"),
    "CITIC Group investment": ("citic-group", "unknown", "300000000", "USD"),
    "Banco Santander (Hong Kong) loan, EUR 50m": ("banco-santander", "loan", "50000000", "EUR"),
}
# financing strings that name no lender company (public budgets, unnamed Chinese sources,
# vendor financing): no finances claim.


def deployments(kb: KB, C: Countries, raw: Path, dep_rows_out: list):
    p = raw / "deployments-compiled" / "deployments.csv"
    rows = list(csv.DictReader(open(p, encoding="utf-8", newline="")))
    if len(rows) != 368:
        fail(f"deployments.csv: expected 368 rows, got {len(rows)}")
    groups = defaultdict(list)
    no_lender = Counter()
    for i, r in enumerate(rows):
        n = i + 2
        iso = r["recipient_iso3"].strip()
        if iso not in C.iso3:
            fail(f"deployments.csv row {n}: unknown recipient_iso3 {iso}")
        co = company(r["supplier"], f"deployments.csv row {n}")
        hq = r["supplier_hq_iso3"].strip()
        tech = r["technology"].strip()
        if tech not in {t[0] for t in TECHNOLOGIES}:
            fail(f"deployments.csv row {n}: unknown technology {tech}")
        city = r["city"].strip()
        cslug = slug(city) if city else "-"
        cid = f"dep/{co}/{iso}/{tech.replace(':', '-')}/{cslug}"
        groups[cid].append((n, r))
        dep_rows_out.append((n, r, cid, co, hq))
        sid = add_doc_source(kb, r["source_url"], r["publisher"], r["published"], r["source_kind"], f"deployments.csv row {n}")
        parts = [f"{COMPANY_BY_ID[co][1]}: {tech}"]
        if city:
            parts.append(f"in {city}")
        if r["agency"].strip():
            parts.append(f"for {r['agency'].strip()}")
        meta = [r["status"]] + ([r["year"]] if r["year"] else [])
        s = " ".join(parts) + f" ({', '.join(meta)})"
        if r["amount_usd"].strip():
            s += f"; stated value USD {int(float(r['amount_usd'])):,}"
        kb.ev(cid, sid, s, f"deployments.csv row {n}")
        # financing
        fin = r["financing"].strip()
        if fin:
            if fin in FIN_TABLE:
                lender, instr, amt, cur = FIN_TABLE[fin]
                fslug = f"{co}-{tech.replace(':', '-')}-{cslug if city else 'national'}"
                fid = FIN_ALIASES.get(f"fin/{lender}/{iso}/{fslug}", f"fin/{lender}/{iso}/{fslug}")
                existing = kb.claims.get(fid)
                if existing and existing["instrument"] == "unknown" and instr != "unknown":
                    change(f"deployments.csv row {n}: financing `{fin}` names the instrument ({instr}) that an earlier "
                           f"row of `{fid}` left open; instrument set to {instr}.")
                    existing["instrument"] = instr
                elif existing and ((amt and existing["amount"] and existing["amount"] != amt) or
                                   (instr != "unknown" and existing["instrument"] != instr)):
                    change(f"deployments.csv row {n}: financing `{fin}` differs from an earlier row of the same "
                           f"finances claim `{fid}` (instrument {existing['instrument']}, amount "
                           f"{existing['amount'] or 'none'}); kept the earlier instrument, amount filled only if empty.")
                kb.claim(fid, kind="finances", country_iso3=iso, technology=tech, supplier_company_id=co,
                         lender_id=lender, instrument=instr, amount=amt or "", currency=cur or "",
                         city=city, agency=r["agency"].strip(),
                         stage="unspecified", observed_from=f"{r['year']}-01-01" if r["year"] else "")
                fs = f"{COMPANY_BY_ID[lender][1]} finances {COMPANY_BY_ID[co][1]} {tech} in {C.display(iso) if not city else city} ({instr.replace('_', ' ')}"
                fs += f", {cur} {int(amt):,})" if amt else ")"
                kb.ev(fid, sid, fs, f"deployments.csv row {n}, column financing")
            else:
                no_lender[fin] += 1
    # stage merge
    for cid, rs in groups.items():
        n0, r0 = rs[0]
        iso = r0["recipient_iso3"]
        co = cid.split("/")[1]
        statuses = [r["status"].strip() for _, r in rs]
        years = sorted(int(r["year"]) for _, r in rs if r["year"].strip())
        agency = next((r["agency"].strip() for _, r in rs if r["agency"].strip()), "")
        c = kb.claim(cid, kind="supplies", country_iso3=iso, technology=r0["technology"], supplier_company_id=co,
                     city=r0["city"].strip(), agency=agency,
                     observed_from=f"{years[0]}-01-01" if years else "")
        core = [s for s in statuses if s in ("deployed", "contracted", "trial")]
        observed_to = ""
        if core:
            stage = max(core, key=["trial", "contracted", "deployed"].index)
        elif all(s == "reported" for s in statuses):
            stage = "unspecified"
        else:  # all ended, or ended + reported
            stage = "deployed"
            if years:
                observed_to = f"{years[-1]}-12-31"
            else:
                pubs = sorted(r["published"] for _, r in rs if r["published"])
                if pubs:
                    observed_to = pubs[-1] if len(pubs[-1]) == 10 else f"{pubs[-1][:4]}-12-31"
        if all(s == "reported" for s in statuses):
            pubs = sorted(r["published"] for _, r in rs if r["published"])
            kb.flags.append((cid, "disputed", pubs[0] if pubs else RECORDED,
                             "The cited reporting presents this supply as unconfirmed, or the supplier denied it."))
        if co == "clearview-ai" and set(statuses) != {"trial"}:
            change(f"Clearview AI claim `{cid}` (deployments.csv rows {', '.join(str(n) for n, _ in rs)}; raw "
                   f"status {'/'.join(sorted(set(statuses)))}): stage set to `trial` — the rows rest on a leaked client "
                   f"list showing accounts/searches, not agency contracts.")
            stage = "trial"
        if len(set(statuses)) > 1:
            change(f"`{cid}`: deployments.csv rows {', '.join(str(n) for n, _ in rs)} have statuses "
                   f"{', '.join(statuses)}; merged into one claim with stage `{stage}`"
                   + (f", observed_to {observed_to}" if observed_to else "") + ".")
        if co == "clearview-ai":
            stage = "trial"
        c["stage"] = stage
        c["observed_to"] = observed_to
    return no_lender


FIN_ALIASES = {
    # deployment-row financing that restates an AidData record -> the AidData finances claim
    "fin/china-development-bank/ECU/ceiec-smart_city-quito": "fin/china-development-bank/ECU/aiddata-39281",
}

# Reviewed reading of the AidData file (free-text cells): per row
AIDDATA = {
    "37016": dict(lender="china-exim-bank", instrument="concessional_loan", amount="850000000", currency="CNY",
                  suppliers=[("huawei", "Islamabad")], stage="deployed", frm="2010-12-17",
                  summary="AidData record 37016: Export-Import Bank of China concessional loan of CNY 850 million (nominal) for Islamabad's safe-city project, contractor Huawei; AidData's adjusted value is about USD 174.9 million (constant 2021)"),
    "39281": dict(lender="china-development-bank", instrument="loan", amount="240000000", currency="USD",
                  suppliers=[("ceiec", "Quito")], stage="contracted", frm="2012-01-01",
                  summary="AidData record 39281: China Development Bank loan of USD 240 million (nominal) for Ecuador's ECU 911 system, contractor CEIEC"),
    "59325": dict(lender="china-ministry-of-commerce", instrument="grant", amount="97000000", currency="CNY",
                  suppliers=[("huawei", ""), ("ceiec", "")], stage="deployed", frm="2015-11-19",
                  summary="AidData record 59325: Chinese Ministry of Commerce equipment grant of CNY 97 million (nominal) for ECU 911, equipment by Huawei and CEIEC; AidData's adjusted value is about USD 17.3 million (constant 2021)"),
    "30364": dict(lender="china-ministry-of-commerce", instrument="grant", amount="100000000", currency="USD",
                  suppliers=[("nanjing-les", "Nairobi")], stage="unspecified", frm="2012-05",
                  summary="AidData record 30364: Chinese Ministry of Commerce grant of USD 100 million (nominal, as recorded) for CCTV in Kenya, Nairobi portion by Nanjing LES; AidData's adjusted value is about USD 117.4 million (constant 2021)",
                  flag="AidData itself flags the recorded grant amount as implausibly high."),
}
AIDDATA_OTHER = {
    "UGA": dict(fid="fin/standard-chartered/UGA/huawei-smart_city-national-cctv-2018", lender="standard-chartered",
                instrument="loan", amount="104000000", currency="USD", suppliers=[("huawei", "")], stage="unspecified",
                frm="2018-05-28", tier="A", kind="official", publisher="Parliament Watch Uganda",
                summary="Parliamentary committee record: a commercial loan of up to USD 104 million, with Standard Chartered as proposed arranger, to fund Huawei's national CCTV contract (not Chinese official finance)"),
    "UZB": dict(fid="fin/citic-group/UZB/huawei-smart_city-national", lender="citic-group", instrument="unknown",
                amount="300000000", currency="USD", suppliers=[("huawei", ""), ("henan-costar-group", "")],
                stage="contracted", frm="2019-06-21", tier="B", kind="established_media", publisher="The Diplomat",
                summary="News report: CITIC Group to invest USD 300 million (nominal) in Uzbekistan's safe-city project with Huawei and Henan Costar"),
    "KEN": dict(fid=None, suppliers=[("safaricom", "Nairobi"), ("safaricom", "Mombasa")], stage="deployed", frm="2014",
                tier="B", kind="established_media", publisher="Business Daily Africa",
                summary="News report: Kenya's government pays Safaricom in instalments for the KSh 14.9 billion police surveillance system in Nairobi and Mombasa (completed 2016)"),
}


def add_doc_source(kb: KB, url, publisher, published, kind, where, tier=None):
    sid = doc_id(url)
    nu = norm_url(url)
    host = urlsplit(nu).hostname or ""
    if tier is None:
        tier = "A" if host == "china.aiddata.org" else TIER_BY_KIND[kind]
    if sid in kb.sources:
        s = kb.sources[sid]
        if not s["published"] and published:
            s["published"] = published
        if (publisher and s["publisher"] != publisher) or (published and s["published"] != published):
            change(f"Source `{sid}` ({nu}): {where} gives publisher/date `{publisher}` / `{published or '-'}`, "
                   f"an earlier row gives `{s['publisher']}` / `{s['published'] or '-'}`; kept the first.")
        return sid
    attribution = ""
    if host == "china.aiddata.org":
        attribution = "AidData, Global Chinese Development Finance Dataset (china.aiddata.org); AidData at William & Mary"
    kb.sources[sid] = dict(id=sid, type="document", url=nu, doi="", title="", publisher=publisher,
                           publisher_group=publisher_group(publisher), published=published, tier=tier,
                           kind=kind, licence="", attribution=attribution)
    return sid


def aiddata(kb: KB, C: Countries, raw: Path):
    p = raw / "aiddata-gcdf" / "surveillance_finance_projects.csv"
    rows = list(csv.DictReader(open(p, encoding="utf-8", newline="")))
    for i, r in enumerate(rows):
        n = i + 2
        iso = C.resolve(r["recipient"], f"aiddata row {n}")
        if iso != r["recipient_iso3"]:
            fail(f"aiddata row {n}: recipient/iso mismatch")
        loc = f"surveillance_finance_projects.csv row {n}"
        if r["source_type"] == "aiddata":
            rec = r["aiddata_record_id"]
            spec = AIDDATA[rec]
            sid = add_doc_source(kb, r["source_url"], "AidData", "", "ngo_report", loc, tier="A")
            company(r["funding_agency"], loc)  # validates the lender spelling
            fid = f"fin/{spec['lender']}/{iso}/aiddata-{rec}"
            sup = spec["suppliers"][0][0] if len(spec["suppliers"]) == 1 else ""
            kb.claim(fid, kind="finances", country_iso3=iso, technology="smart_city", supplier_company_id=sup,
                     lender_id=spec["lender"], instrument=spec["instrument"], amount=spec["amount"],
                     currency=spec["currency"], city=spec["suppliers"][0][1] if sup else "",
                     stage=spec["stage"], observed_from=spec["frm"])
            kb.ev(fid, sid, spec["summary"], loc)
            if spec.get("flag"):
                kb.flags.append((fid, "disputed", RECORDED, spec["flag"]))
        else:
            spec = AIDDATA_OTHER[iso]
            sid = add_doc_source(kb, r["source_url"], spec["publisher"], "", spec["kind"], loc, tier=spec["tier"])
            if spec["fid"]:
                sup = spec["suppliers"][0][0]
                kb.claim(spec["fid"], kind="finances", country_iso3=iso, technology="smart_city",
                         supplier_company_id=sup, lender_id=spec["lender"], instrument=spec["instrument"],
                         amount=spec["amount"], currency=spec["currency"], stage=spec["stage"],
                         observed_from=spec["frm"])
                kb.ev(spec["fid"], sid, spec["summary"], loc)
        for co, city in spec["suppliers"]:
            cid = f"dep/{co}/{iso}/smart_city/{slug(city) if city else '-'}"
            new = cid not in kb.claims
            kb.claim(cid, kind="supplies", country_iso3=iso, technology="smart_city", supplier_company_id=co,
                     city=city, stage=spec["stage"] if new else None,
                     observed_from=(spec["frm"] if len(spec["frm"]) == 10 else "") if new else None)
            kb.ev(cid, sid, f"{COMPANY_BY_ID[co][1]}: smart_city{(' in ' + city) if city else ''} in "
                            f"{C.display(iso)}, named as contractor of a financed project", loc)


def entity_list(raw: Path):
    p = raw / "us-entity-list" / "surveillance_entity_list_additions.csv"
    rows = list(csv.DictReader(open(p, encoding="utf-8", newline="")))
    skip_authorities = {
        "Xinjiang Uighur Autonomous Region People's Government Public Security Bureau",
        "Xinjiang Police College",
        "Ministry of Public Security's Institute of Forensic Science",
    }
    out, skipped = [], []
    for r in rows:
        nm = r["entity_name"].strip()
        if nm in skip_authorities or nm.startswith("18 subordinate"):
            skipped.append(nm)
            continue
        co = company(nm, "surveillance_entity_list_additions.csv")
        for a in [a.strip() for a in r["aliases"].split(";") if a.strip()]:
            company(a, "surveillance_entity_list_additions.csv aliases")
        ref = r["federal_register_document"].strip()
        if ref.startswith("("):
            ref = ""
        elif re.fullmatch(r"\d{4}-\d+", ref):
            ref = f"FR Doc {ref}"
        out.append((co, r["list"].strip(), nm, r["effective_date"].strip(), ref,
                    r["source_url"].split(";")[0].strip()))
    return sorted(out), skipped


FIGURE_MAP = {
    "countries_covered_by_index": (None, "Countries covered by the 2019 index", "Size of the 2019 index."),
    "countries_actively_using_ai_surveillance": ("countries.any", "Countries using AI surveillance", "Published as a lower bound."),
    "countries_with_smart_city_safe_city_platforms": ("countries.technology.smart_city", "Countries with smart/safe city platforms", ""),
    "countries_with_facial_recognition_systems": ("countries.technology.facial_recognition", "Countries with facial recognition", "One press translation gives 65; the report text gives 64."),
    "countries_with_smart_policing": ("countries.technology.smart_policing", "Countries with smart policing", ""),
    "countries_with_ai_surveillance_tech_linked_to_chinese_firms": ("countries.supplier_country.CHN", "Countries with technology from Chinese firms", ""),
    "of_those_63_countries_that_signed_onto_BRI": ("countries.supplier_country.CHN.bri", "Of those, Belt and Road members", ""),
    "countries_supplied_by_huawei": ("countries.company.huawei", "Countries supplied by Huawei", "Published as a lower bound; one news digest says 55."),
    "countries_supplied_by_nec": ("countries.company.nec", "Countries supplied by NEC", "Largest non-Chinese vendor in the report."),
    "countries_with_ai_surveillance_tech_from_us_firms": ("countries.supplier_country.USA", "Countries with technology from US firms", ""),
    "countries_supplied_by_ibm": ("countries.company.ibm", "Countries supplied by IBM", "Known from secondary notes and press."),
    "countries_supplied_by_palantir": ("countries.company.palantir", "Countries supplied by Palantir", "Known from secondary notes and press."),
    "countries_supplied_by_cisco": ("countries.company.cisco", "Countries supplied by Cisco", "Known from secondary notes and press."),
    "countries_named_for_chinese_soft_loans": (None, "Countries named as receiving Chinese soft loans", "A list of examples, not a count."),
    "share_of_advanced_liberal_democracies_deploying": (None, "Share of liberal democracies deploying", "A percentage, not a count."),
    "share_of_closed_autocracies_deploying": (None, "Share of closed autocracies deploying", "A percentage, not a count."),
    "share_of_electoral_competitive_autocracies_deploying": (None, "Share of electoral autocracies deploying", "A percentage, not a count."),
    "share_of_electoral_illiberal_democracies_deploying": (None, "Share of electoral democracies deploying", "A percentage, not a count."),
    "top50_military_spenders_also_using_ai_surveillance": (None, "Top-50 military spenders using AI surveillance", "A ratio, not a plain count."),
    "fotn_countries_using_chinese_ai_surveillance_2018_vs_aigs": (None, "FOTN sample countries using Chinese AI surveillance", "Seen in one set of reading notes only; lower trust."),
    "regime_type_method": (None, "Regime-type method", "Describes the method; no value."),
    "ibm_example_countries": (None, "Example countries for IBM", "Examples only."),
    "palantir_example_countries": (None, "Example countries for Palantir", "Examples only."),
    "huawei_example_countries_arab_region": (None, "Example Arab countries for Huawei", "Examples only; from a machine-translated article."),
}


def published_figures(raw: Path):
    rows = list(csv.DictReader(open(raw / "carnegie-2019" / "figures.csv", encoding="utf-8", newline="")))
    out = []
    for r in rows:
        f = r["figure"].strip()
        if f not in FIGURE_MAP:
            fail(f"carnegie-2019 figure {f!r} not reviewed")
        fid, label, note = FIGURE_MAP[f]
        pv = r["value"].strip()
        m = re.fullmatch(r"(\d+)( \(at least\))?", pv)
        value = m.group(1) if m else ""
        if fid and not value:
            fail(f"figure {f} maps to {fid} but has no integer value")
        urls = " | ".join(u.strip() for u in r["quote_source_url"].split(";") if u.strip())
        if f == "regime_type_method":
            pv = ""  # a method description, not a value
        out.append(("carnegie-2019", fid or f"carnegie-2019.{f}", label, pv, value, urls,
                    (note + f" Evidence: {r['evidence_kind'].strip()}.").strip()))
    return sorted(out, key=lambda x: x[1])


# --------------------------------------------------------------------------------------


def build(raw: Path):
    C = Countries(raw / "iso3166" / "all.csv")
    kb = KB()
    indicators = []

    # ---- datasets as sources
    kb.sources["aigs-2022"] = dict(
        id="aigs-2022", type="dataset", url="https://data.mendeley.com/datasets/gjhf5y4xjp/4",
        doi="10.17632/gjhf5y4xjp.4", title="AI & Big Data Global Surveillance Index (2022 updated)",
        publisher="Carnegie Endowment for International Peace (Steven Feldstein)",
        publisher_group="Carnegie Endowment for International Peace (Steven Feldstein)",
        published="2022-03-09", tier="A", kind="dataset", licence="CC-BY-4.0",
        attribution="Feldstein, Steven (2022), AI & Big Data Global Surveillance Index (2022 updated), Mendeley Data, DOI 10.17632/gjhf5y4xjp.4")
    kb.sources["aigs-v1"] = dict(
        id="aigs-v1", type="dataset", url="https://data.mendeley.com/datasets/gjhf5y4xjp/1",
        doi="10.17632/gjhf5y4xjp.1", title="AI & Big Data Global Surveillance Index (version 1)",
        publisher="Carnegie Endowment for International Peace (Steven Feldstein)",
        publisher_group="Carnegie Endowment for International Peace (Steven Feldstein)",
        published="2019-09", tier="A", kind="dataset", licence="CC-BY-4.0",
        attribution="Feldstein, Steven (2019), AI & Big Data Global Surveillance Index, Mendeley Data, V1, DOI 10.17632/gjhf5y4xjp.1")
    kb.sources["carnegie-2019-report"] = dict(
        id="carnegie-2019-report", type="document",
        url="https://carnegieendowment.org/research/2019/09/the-global-expansion-of-ai-surveillance", doi="",
        title="The Global Expansion of AI Surveillance", publisher="Carnegie Endowment for International Peace",
        publisher_group="Carnegie Endowment for International Peace", published="2019-09-17", tier="A",
        kind="ngo_report", licence="", attribution="Feldstein, Steven (2019), The Global Expansion of AI Surveillance, Carnegie Endowment for International Peace")
    kb.sources["us-bis-entity-list"] = dict(
        id="us-bis-entity-list", type="dataset",
        url="https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/part-744/appendix-Supplement%20No.%204%20to%20Part%20744",
        doi="", title="Entity List (Supplement No. 4 to Part 744 of the EAR)",
        publisher="U.S. Department of Commerce, Bureau of Industry and Security",
        publisher_group="U.S. Department of Commerce, Bureau of Industry and Security", published="",
        tier="A", kind="official", licence="public-domain", attribution="US Government work (public domain)")

    # ---- AIGS 2022
    hdr22, rows22 = read_aigs2022(raw, C)
    aigs_claims(kb, C, "aigs-2022", rows22,
                dict(country=0, techs=[11, 12, 13, 14], china=15, us=16, other=17, companies=[18, 19, 20, 21, 22]),
                "AIGS 2022", "AIGS 2022 sheet")
    aigs22_iso = {}
    for n, r in rows22:
        iso = C.resolve(r[0], f"AIGS 2022 row {n}")
        aigs22_iso[iso] = r
        if r[5].strip():
            indicators.append((iso, "fotn_status", "2021", r[5].strip(), "aigs-2022"))
        if r[6].strip():
            indicators.append((iso, "fotn_score", "2021", r3(r[6]), "aigs-2022"))
        if r[8].strip():
            indicators.append((iso, "military_expenditure_rank", "2018", r3(r[8]), "aigs-2022"))
        indicators.append((iso, "bri_member", "2022", "true" if r[9].strip().lower() == "x" else "false", "aigs-2022"))

    # ---- V-Dem sheet (179)
    vh, vrows = read_vdem(raw)
    vdem_regime = {}
    for n, r in vrows:
        iso = C.resolve(r[0], f"V-Dem sheet row {n}")
        vdem_regime[r[0]] = r[5].strip()
        if r[0] in VDEM_SKIP:
            change(f"V-Dem sheet, row {n} (`{r[0]}`): sub-national unit; mapped to {iso} in country-names.csv but its "
                   f"values are not written as {iso} indicators.")
            continue
        indicators.append((iso, "regime_type", "2021", r[5].strip(), "aigs-2022"))
        indicators.append((iso, "electoral_democracy_index", "2021", r3(r[3]), "aigs-2022"))
        if r[6].strip():
            indicators.append((iso, "digital_repression_index", "2021", r3(r[6]), "aigs-2022"))
    for iso, r in aigs22_iso.items():  # cross-check AIGS sheet regime vs V-Dem sheet
        if not any(ind[0] == iso and ind[1] == "regime_type" for ind in indicators):
            fail(f"AIGS 2022 country {iso} has no V-Dem regime row")

    # ---- AIGS v1
    h1, rows1 = read_v1(raw)
    aigs_claims(kb, C, "aigs-v1", rows1,
                dict(country=0, techs=[10, 11, 12, 13], china=14, us=15, other=16, companies=list(range(17, 38))),
                "AIGS v1", "AIGS v1 csv")
    for n, r in rows1:
        iso = C.resolve(r[0], f"AIGS v1 row {n}")
        if r[3].strip():
            indicators.append((iso, "regime_type", "2019", r[3].strip(), "aigs-v1"))
        indicators.append((iso, "bri_member", "2019", "true" if r[8].strip() == "1" else "false", "aigs-v1"))
        if r[4].strip():
            indicators.append((iso, "fotn_status", "2019", r[4].strip(), "aigs-v1"))
        if r[5].strip():
            indicators.append((iso, "fotn_score", "2019", r3(r[5]), "aigs-v1"))

    # ---- deployments, AidData
    dep_rows = []
    no_lender = deployments(kb, C, raw, dep_rows)
    aiddata(kb, C, raw)

    # ---- entity list
    listings, skipped = entity_list(raw)
    C.resolve("China", "entity list country")

    # ---- validations
    techs = {t[0] for t in TECHNOLOGIES}
    for c in kb.claims.values():
        if c["technology"] and c["technology"] not in techs:
            fail(f"claim {c['id']}: technology {c['technology']}")
        for k in ("supplier_company_id", "lender_id"):
            if c[k] and c[k] not in COMPANY_BY_ID:
                fail(f"claim {c['id']}: unknown company {c[k]}")
        if c["kind"] == "supplies" and bool(c["supplier_company_id"]) == bool(c["supplier_origin_iso3"]):
            fail(f"claim {c['id']}: supplies needs exactly one of supplier/origin")
        if c["country_iso3"] not in C.iso3:
            fail(f"claim {c['id']}: bad country")
    ind_keys = Counter((i[0], i[1], i[2], i[4]) for i in indicators)
    dup = [k for k, v in ind_keys.items() if v > 1]
    if dup:
        fail(f"duplicate indicators: {dup[:5]}")
    used_companies = ({c["supplier_company_id"] for c in kb.claims.values()} |
                      {c["lender_id"] for c in kb.claims.values()} | {l[0] for l in listings}) - {""}
    for cid, co in COMPANY_BY_ID.items():
        if co[3] and co[3] not in COMPANY_BY_ID:
            fail(f"company {cid}: unknown parent {co[3]}")
    for n, r, cid, co, hq in dep_rows:
        mine = COMPANY_BY_ID[co][2]
        parent = COMPANY_BY_ID[co][3]
        parent_hq = COMPANY_BY_ID[parent][2] if parent else None
        if hq and hq not in (mine, parent_hq):
            change(f"deployments.csv row {n}: supplier_hq_iso3 `{hq}` for {r['supplier']} records the parent's "
                   f"country; companies.csv keeps the company's own headquarters `{mine}`.")
    unused = sorted(set(COMPANY_BY_ID) - used_companies)
    if unused:
        fail(f"companies defined but never used: {unused}")
    return dict(C=C, kb=kb, indicators=sorted(set(indicators)), listings=listings, skipped=skipped,
                figures=published_figures(raw), no_lender=no_lender, vdem_regime=vdem_regime,
                aigs22_iso=aigs22_iso, dep_rows=dep_rows)


# --------------------------------------------------------------------------------------


def write_all(raw: Path, B):
    C, kb = B["C"], B["kb"]
    (OUT / "iso3166").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(raw / "iso3166" / "all.csv", OUT / "iso3166" / "all.csv")
    (OUT / "iso3166" / "LICENSE.md").write_bytes(ISO_LICENSE.encode("utf-8"))
    write_csv(OUT / "technologies.csv", ["code", "label", "definition"], sorted(TECHNOLOGIES))
    names = sorted(C.names.values(), key=lambda x: (x[0].lower(), x[0]))
    write_csv(OUT / "country-names.csv", ["name", "iso3", "note"], names)
    write_csv(OUT / "countries-extra.csv", ["iso3", "iso2", "name", "region", "sub_region", "note"],
              sorted(NON_ISO_UNITS))
    write_csv(OUT / "sources.csv", ["id", "type", "url", "doi", "title", "publisher", "publisher_group", "published",
                                    "tier", "kind", "licence", "attribution"],
              [list(s.values()) for _, s in sorted(kb.sources.items())])
    comp_rows = []
    for cid, name, hq, parent, own in sorted(COMPANIES):
        al = sorted(ALIASES_SEEN.get(cid, set()) - {name}, key=str.lower)
        comp_rows.append((cid, name, hq or "", parent or "", own, " | ".join(al)))
    write_csv(OUT / "companies.csv", ["id", "name", "headquarters_iso3", "parent_id", "ownership", "aliases"], comp_rows)
    cols = ["id", "kind", "country_iso3", "technology", "supplier_company_id", "supplier_origin_iso3", "lender_id",
            "instrument", "amount", "currency", "city", "agency", "stage", "observed_from", "observed_to"]
    write_csv(OUT / "claims.csv", cols, [[c[k] for k in cols] for _, c in sorted(kb.claims.items())])

    def locnum(e):
        return (e[0], e[1], [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", e[3])])
    # One evidence row per (claim, source): a source that states a claim in several places (two
    # deployment rows citing one page, "Face++" and "Megvii" in one AIGS row) is one piece of
    # evidence whose locator names every place.
    merged: dict[tuple[str, str], list] = {}
    for e in sorted(kb.evidence, key=locnum):
        key = (e[0], e[1])
        if key in merged:
            m = merged[key]
            if e[2] not in m[2].split(" / "):
                m[2] = m[2] + " / " + e[2]
            m[3] = m[3] + "; " + e[3]
            change(f"evidence for `{e[0]}` from `{e[1]}`: stated twice in one source ({m[3]}); "
                   "merged into one evidence row.")
        else:
            merged[key] = list(e)
    write_csv(OUT / "evidence.csv", ["claim_id", "source_id", "summary", "locator", "recorded"],
              [tuple(m) for m in merged.values()])
    write_csv(OUT / "flags.csv", ["claim_id", "kind", "effective", "reason"], sorted(kb.flags))
    write_csv(OUT / "indicators.csv", ["country_iso3", "indicator", "year", "value", "source_id"], B["indicators"])
    write_csv(OUT / "entity-listings.csv", ["company_id", "list", "listed_name", "listed_on", "reference", "source_url"], B["listings"])
    write_csv(OUT / "published-figures.csv", ["release", "figure_id", "label", "published_value", "value", "source_urls", "note"], B["figures"])
    ch = ["# Repairs and merge decisions in the bundled data", "",
          "Generated by `tools/seed/build_seed.py`. One bullet per repair of a raw defect or per merge decision.", ""]
    ch += [f"- {c}" for c in sorted(CHANGES)]
    fin = B["no_lender"]
    ch += ["", "## Financing strings that name no lender (no `finances` claim produced; the rows keep their `supplies` claim)", ""]
    ch += [f"- `{k}` ({v} row{'s' if v > 1 else ''})" for k, v in sorted(fin.items())]
    (OUT / "CHANGES.md").write_bytes(("\n".join(ch) + "\n").encode("utf-8"))
    unknown = sorted(c[1] for c in COMPANIES if not c[2])
    readme = README.format(
        hq_unknown=", ".join(unknown),
        skipped="\n".join(f"  - {s}" for s in B["skipped"]),
        n_claims=len(kb.claims), n_ev=len(merged), n_src=len(kb.sources), n_comp=len(COMPANIES))
    (OUT / "README.md").write_bytes(readme.encode("utf-8"))


# --------------------------------------------------------------------------------------


def check(B) -> bool:
    kb, C = B["kb"], B["C"]
    ok = True
    by_claim_src = defaultdict(set)
    for cid, sid, *_ in kb.evidence:
        by_claim_src[cid].add(sid)

    def countries(release, pred):
        return {c["country_iso3"] for cid, c in kb.claims.items() if release in by_claim_src[cid] and pred(c)}

    def expect(label, got, want):
        nonlocal ok
        flag = "OK " if got == want else "FAIL"
        if got != want:
            ok = False
        print(f"[{flag}] {label}: {got} (expected {want})")

    a22 = countries("aigs-2022", lambda c: True)
    expect("aigs-2022 countries", len(a22), 97)
    for t, w in (("smart_city", 64), ("facial_recognition", 78), ("smart_policing", 69), ("social_media_surveillance", 38)):
        expect(f"aigs-2022 uses {t}", len(countries("aigs-2022", lambda c, t=t: c["kind"] == "uses" and c["technology"] == t)), w)
    chn = countries("aigs-2022", lambda c: c["supplier_origin_iso3"] == "CHN")
    expect("aigs-2022 origin CHN", len(chn), 68)
    bri = {i[0] for i in B["indicators"] if i[1] == "bri_member" and i[2] == "2022" and i[3] == "true"}
    expect("  of which bri_member true (2022)", len(chn & bri), 53)
    usa = countries("aigs-2022", lambda c: c["supplier_origin_iso3"] == "USA")
    expect("aigs-2022 origin USA (flag)", len(usa), 31)
    us_co = countries("aigs-2022", lambda c: c["supplier_company_id"] and COMPANY_BY_ID[c["supplier_company_id"]][2] == "USA")
    expect("aigs-2022 origin USA incl. US-headquartered named companies", len(usa | us_co), 32)
    for iso in sorted(us_co - usa):
        cos = sorted(c["supplier_company_id"] for c in kb.claims.values() if c["country_iso3"] == iso and
                     c["supplier_company_id"] and "aigs-2022" in by_claim_src[c["id"]] and
                     COMPANY_BY_ID[c["supplier_company_id"]][2] == "USA")
        print(f"       inconsistency: {iso} names US-headquartered {', '.join(cos)} but lacks the AIGS US Tech flag")
    for co, w in (("huawei", 51), ("nec", 14), ("hikvision", 12), ("palantir", 9)):
        expect(f"aigs-2022 supplies {co}", len(countries("aigs-2022", lambda c, co=co: c["supplier_company_id"] == co)), w)
    reg = {i[0]: i[3] for i in B["indicators"] if i[1] == "regime_type" and i[2] == "2021"}
    rc = Counter(reg.get(iso) for iso in a22)
    for k, w in (("LD", 22), ("ED", 30), ("EA", 32), ("CA", 13)):
        expect(f"aigs-2022 regime {k}", rc[k], w)
    vc = Counter(B["vdem_regime"].values())
    for k, w in (("LD", 34), ("ED", 55), ("EA", 60), ("CA", 30)):
        expect(f"V-Dem sheet (179 units) regime {k}", vc[k], w)
    written = Counter(i[3] for i in B["indicators"] if i[1] == "regime_type" and i[2] == "2021")
    for k, w in (("LD", 34), ("ED", 55), ("EA", 60), ("CA", 30)):
        expect(f"regime_type 2021 indicator rows {k}", written[k], w)
    v1 = countries("aigs-v1", lambda c: True)
    expect("aigs-v1 countries", len(v1), 77)
    for t, w in (("smart_city", 55), ("facial_recognition", 68), ("smart_policing", 61), ("social_media_surveillance", 36)):
        expect(f"aigs-v1 uses {t}", len(countries("aigs-v1", lambda c, t=t: c["kind"] == "uses" and c["technology"] == t)), w)
    expect("aigs-v1 origin CHN", len(countries("aigs-v1", lambda c: c["supplier_origin_iso3"] == "CHN")), 57)
    expect("aigs-v1 origin USA", len(countries("aigs-v1", lambda c: c["supplier_origin_iso3"] == "USA")), 29)
    dep_ev = [e for e in kb.evidence if e[3].startswith("deployments.csv row ") and "column" not in e[3]]
    expect("deployments evidence rows", len(dep_ev), 368)
    expect("deployments recipient countries", len({kb.claims[e[0]]["country_iso3"] for e in dep_ev}), 83)
    both = [cid for cid, s in by_claim_src.items() if {"aigs-2022", "aigs-v1"} <= s]
    print(f"       claims with evidence from both AIGS releases: {len(both)}")
    print(f"       totals: {len(kb.claims)} claims, {len(kb.evidence)} evidence, {len(kb.sources)} sources, "
          f"{len(COMPANIES)} companies, {len(kb.flags)} flags, {len(B['indicators'])} indicators")
    return ok


ISO_LICENSE = """# ISO 3166-1 table: licence and attribution

`all.csv` is copied verbatim (byte for byte) from **lukes/ISO-3166-Countries-with-Regional-Codes**
(https://github.com/lukes/ISO-3166-Countries-with-Regional-Codes), path `all/all.csv`, last changed in
commit `99cdae15c839bb4f94a23db4e47b4a4c590dec61` (2024-06-19).

Licence: Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0),
https://creativecommons.org/licenses/by-sa/4.0/ . Attribution: Luke Duncalfe and contributors,
"ISO-3166-Countries-with-Regional-Codes". The file is kept separate and unmodified; any
derivative of this file must be shared under the same licence. The other files in `data/` do not
derive from it (they only use its alpha-3 codes as keys).
"""

README = """# custodiet bundled seed data

Built by `tools/seed/build_seed.py` from `../shared/data/raw` (run it with `--check` to verify the
headline counts). The format is defined in `docs/data-format.md`. Facts are restated in our own
words; no prose from the raw files is copied. Repairs and merge decisions: `CHANGES.md`.
Build date fixed at 2026-11-27 (the `recorded` date of all evidence). Totals: {n_claims} claims,
{n_ev} evidence rows, {n_src} sources, {n_comp} companies.

## Files

| file | what | from |
|---|---|---|
| `iso3166/all.csv` | ISO 3166-1 table, verbatim | lukes/ISO-3166-Countries-with-Regional-Codes (CC BY-SA 4.0, see `iso3166/LICENSE.md`) |
| `country-names.csv` | reviewed name → alpha-3 mapping: every ISO name plus every spelling met in the raw files | ours |
| `technologies.csv` | taxonomy with our own definitions | ours |
| `sources.csv` | datasets (`aigs-2022`, `aigs-v1`, `carnegie-2019-report`, `us-bis-entity-list`) and one `doc-…` row per normalised URL cited by the deployments and AidData files | compiled tables |
| `companies.csv` | suppliers and lenders with aliases (every raw spelling) | all raw files |
| `claims.csv`, `evidence.csv` | `uses` / `supplies` / `finances` claims; one evidence row per raw statement | AIGS 2022, AIGS v1, deployments, AidData |
| `flags.csv` | `disputed` flags | deployments rows with status `reported`, AidData's own doubt on record 30364 |
| `indicators.csv` | regime type, EDI, DRI, FOTN, military rank, BRI | AIGS 2022 workbook (both sheets), AIGS v1 |
| `entity-listings.csv` | BIS Entity List additions for surveillance firms | compiled from the Federal Register and law-firm notes |
| `published-figures.csv` | Carnegie 2019 headline figures, mapped to index figure ids | compiled from report mirrors and press |

## Licences and attribution

- **AIGS 2022** (claims/evidence with source `aigs-2022`, indicators from both sheets): CC BY 4.0.
  Cite: Feldstein, Steven (2022), AI & Big Data Global Surveillance Index (2022 updated), Mendeley Data,
  DOI 10.17632/gjhf5y4xjp.4. The V-Dem values in the workbook (regime type, electoral democracy
  index, digital-society indicators behind the DRI) carry V-Dem's own licence and citation
  requirements (V-Dem Institute, Varieties of Democracy dataset).
- **AIGS v1** (`aigs-v1`): Feldstein, Steven (2019), AI & Big Data Global Surveillance Index, Mendeley
  Data, V1, DOI 10.17632/gjhf5y4xjp.1; CC BY 4.0 as stated for the Mendeley record (not verified
  directly). Freedom on the Net values are Freedom House's.
- **ISO table**: CC BY-SA 4.0, separate file, attribution in `iso3166/LICENSE.md`.
- **AidData**: Global Chinese Development Finance Dataset, AidData at William & Mary
  (china.aiddata.org); AidData asks to be credited when its data is used.
- **BIS Entity List / Federal Register**: US Government works, public domain.
- Document sources (news, NGO, trade press) are cited by URL only; nothing from them is reproduced.

## Modelling decisions

- **AIGS claim ids are release-neutral** (`aigs/<ISO3>/uses/<tech>`, `aigs/<ISO3>/supplies/<company>`,
  `aigs/<ISO3>/origin/<ISO3>`): the same fact in both releases is one claim with one evidence row
  per release. Locators give sheet row and column. AIGS supplier claims have no technology
  (the sheet does not link a vendor to a technology); stage `unspecified`, period open.
  `origin/<ISO3>` comes from the China Tech / US Tech flags and from each country named in
  "Other Countries" (a country naming itself there means domestic suppliers; kept).
- **AIGS v1 date**: published `2019-09`. The file carries Freedom on the Net 2019 values and 77
  countries, i.e. the release that accompanied Carnegie's report of 2019-09-17 (the report's
  own 176-country table is a different Mendeley record). The exact Mendeley posting day was not
  verified, so only the month is given.
- **carnegie-2019-report** is tier A as the primary publication of its own figures (kind `ngo_report`).
- **Deployments**: rows with the same supplier, recipient, technology and city form one claim
  `dep/<company>/<ISO3>/<tech>/<city-slug or ->` with one evidence row per raw row. Stage: most
  advanced of deployed > contracted > trial; `ended` only when all rows agree (stage `deployed`,
  `observed_to` = end of the latest year); all `reported` → stage `unspecified` plus a `disputed`
  flag. Clearview AI claims are `trial`. `observed_from` = first year's 1 January. Stated USD values
  appear in the evidence summary, not in `amount` (they mix contract, project and loan values).
- **Financing**: a `finances` claim is made only when the financing names a lender (reviewed
  table in the script; others are listed in `CHANGES.md`). Amount/currency are set only when the
  financing text states the amount of the financing itself. AidData: only nominal amounts in the
  stated currency are used (e.g. CNY 850 million); AidData's constant-2021-USD adjustments are
  mentioned in the evidence summary, not used as `amount`. Record 59325 has two contractors, so its
  `finances` claim has no supplier and each contractor gets a `supplies` claim. The Kenya
  Safaricom row (government paying the vendor in instalments) has no lender, so it adds evidence
  to the Safaricom supply claims only.
- **Lenders** are companies: Export-Import Bank of China and China Development Bank (`state_lender`).
  China's Ministry of Commerce is a public authority, not a bank; it is modelled as a lender
  company with ownership `state_lender` because its grants are the financing of record.
  Standard Chartered and Banco Santander are commercial banks (`listed`). CITIC Group
  (`state_owned`) appears as an investor.
- **Tiers**: official A; established media and NGO reports B; trade press and other C;
  china.aiddata.org pages A (curated dataset of record); the Uganda parliamentary record A.
  `publisher_group` = original outlet for relayed copies (reviewed list in the script).
  Source URLs are normalised (https, lower-case host without `www.`, no fragment, no `utm_*`).
- **Countries**: V-Dem scores four units that ISO 3166-1 does not list: Kosovo, Palestine/Gaza
  (the West Bank unit is PSE), Somaliland and Zanzibar. `countries-extra.csv` gives them codes
  from the ISO user-assigned range (`XKX`, `XPG`, `XSL`, `XZN`), so that all 179 V-Dem units carry
  their 2021 values and the regime-type denominators match the AIGS 2022 figures (LD 34, ED 55,
  EA 60, CA 30).
- **Companies**: `headquarters_iso3` is the company's own HQ. Deployments' `supplier_hq_iso3` was used
  where given (it names the parent's country, e.g. Avigilon → Motorola Solutions); a mismatch with
  both the company's and its parent's HQ would be listed in CHANGES.md (none in this build). Other
  HQs and the ownership labels come from general knowledge of the firms (ASPI's labels only as a
  hint for Chinese firms); treat `ownership` as approximate. "Mult" in AIGS is not a company.
  HQ unknown: {hq_unknown}.
- **Entity list**: public authorities are not suppliers and were left out:
{skipped}
  Aksu Huafu Textiles is a company and is kept.
"""


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    raw = Path(args[0]).resolve() if args else (REPO.parent / "shared" / "data" / "raw").resolve()
    try:
        B = build(raw)
        write_all(raw, B)
    except BuildError as e:
        print(f"build_seed: ERROR: {e}", file=sys.stderr)
        return 2
    if "--check" in argv:
        return 0 if check(B) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
