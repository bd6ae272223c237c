"""Generate the development-zone gazetteers of extract/lexicon/gazetteers/ from GB/T 37028-2018.

    python scripts/make_gazetteers.py GB_T_37028-2018.json

GB/T 37028-2018 《全国主要经济功能区分类与代码》 (National standard: classification and codes of
China's main economic functional zones; https://openstd.samr.gov.cn/bzgk/gb/newGbInfo?hcno=241A4BB1E525D9491A72E5BF3DF15D5A)
lists, per province, the national zones (101 economic and technological development zones,
102 national new areas, 103 high-tech industrial development zones, 104 customs special
supervision zones, 105 border economic cooperation zones, 106 cross-border economic cooperation
zones, 107 national innovation demonstration zones, 108 key development and opening pilot
zones, 109 inland open economy pilot zones, 110 pilot free trade zones, 111 sustainable
development agenda innovation demonstration zones, 199 other national zones) and the provincial
ones (201 economic development zones, 202 high-tech zones, 299 other provincial zones), the
zones of the 2018 《中国开发区审核公告目录》. The input is that list as transcribed in
github.com/WankkoRee/cn-adcode-efzcode (src/raw/GB_T_37028/data/GB_T 37028-2018.json):
``{province_code: {"name": ..., "children": {category: {"children": {code: {"name": ...}}}}}}``.
The transcription was typed by hand; the obvious typing slips (朝→前, 信→现, 涿→逐, 河源→源城,
献县→县县) are corrected below, and the one entry filed under the wrong province is left out.

Each zone becomes one Platform row: the catalogue name, short forms official texts use
(合肥高新区 for 合肥高新技术产业开发区, 合肥经开区, 涪陵综保区; the name without its leading
province, 德州运河经济开发区 for 山东德州运河经济开发区), never a short form that two entries
share or that names a registry or division entry, and no generic word. Zones the registry
already holds (same name, or a short form that is a registry name or alias) are skipped and
counted. name_en is left empty except where the zone publishes an English name (EN below): the
tool generates English names. The generated files are data: they are committed, this script is
how they were made.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from pypinyin import lazy_pinyin, load_phrases_dict, load_single_dict

# readings of place names that pypinyin's defaults get wrong (长宁 changning, 朝阳 chaoyang)
load_single_dict({ord("长"): "cháng", ord("朝"): "cháo"})
load_phrases_dict({"单县": [["shàn"], ["xiàn"]], "莘庄": [["shēn"], ["zhuāng"]]})

ROOT = Path(__file__).resolve().parents[1]
LEXICON = ROOT / "extract" / "lexicon"
OUT = LEXICON / "gazetteers"

SOURCE = (
    "https://openstd.samr.gov.cn/bzgk/gb/newGbInfo?hcno=241A4BB1E525D9491A72E5BF3DF15D5A "
    "(GB/T 37028-2018; transcribed via github.com/WankkoRee/cn-adcode-efzcode/"
    "src/raw/GB_T_37028/data/GB_T 37028-2018.json)"
)
RETRIEVED = "2026-12-07"

# typing slips of the transcription, checked against the place names of divisions.tsv
CORRECTIONS = {
    "河北县县经济开发区": "河北献县经济开发区",
    "河北逐州高新技术产业开发区": "河北涿州高新技术产业开发区",
    "河北逐鹿经济开发区": "河北涿鹿经济开发区",
    "辽宁前阳经济开发区": "辽宁朝阳经济开发区",
    "前阳柳城经济开发区": "朝阳柳城经济开发区",
    "前阳建平经济开发区": "朝阳建平经济开发区",
    "前阳喀左经济开发区": "朝阳喀左经济开发区",
    "前阳凌源经济开发区": "朝阳凌源经济开发区",
    "前阳高新技术产业开发区": "朝阳高新技术产业开发区",
    "长春前阳经济开发区": "长春朝阳经济开发区",
    "四川广元前天经济开发区": "四川广元朝天经济开发区",
    "山东阳现经济开发区": "山东阳信经济开发区",
    "现阳高新技术产业开发区": "信阳高新技术产业开发区",
    "现阳金牛物流产业集聚区": "信阳金牛物流产业集聚区",
    "江西现丰工业园区": "江西信丰工业园区",
    "广东现宜经济开发区": "广东信宜经济开发区",
    "云南呈贡现息产业园区": "云南呈贡信息产业园区",
    "崇现县工业集中区": "崇信县工业集中区",
    "源城高新技术产业开发区": "河源高新技术产业开发区",
}
DROP = {"黑龙江富蕴工业园区"}  # filed under Xinjiang with another province's prefix: left out

# English names the zones themselves publish
EN = {
    "北京经济技术开发区": "Beijing Economic-Technological Development Area",
    "天津经济技术开发区": "Tianjin Economic-Technological Development Area",
    "中关村科技园区": "Zhongguancun Science Park",
}

FILES = {
    "national-etdz.tsv": ("101",),
    "national-hitech-zones.tsv": ("103",),
    "customs-special-zones.tsv": ("104",),
    "national-other-zones.tsv": ("102", "105", "106", "107", "108", "109", "110", "111", "199"),
    "provincial-zones.tsv": ("201", "202", "299"),
}
TITLES = {
    "national-etdz.tsv": (
        "national economic and technological development zones (国家级经济技术开发区, GB/T 37028 class 101)"
    ),
    "national-hitech-zones.tsv": (
        "national high-tech industrial development zones (国家高新技术产业开发区, GB/T 37028 class 103)"
    ),
    "customs-special-zones.tsv": (
        "customs special supervision zones: comprehensive bonded zones, bonded "
        "port areas, bonded zones, export processing zones (海关特殊监管区域, GB/T "
        "37028 class 104)"
    ),
    "national-other-zones.tsv": (
        "other national zones: national new areas and pilot free trade zones "
        "the registry lacks, border and cross-border economic cooperation "
        "zones, national innovation demonstration zones, key development and "
        "opening pilot zones, inland open economy pilot zones, sustainable "
        "development agenda demonstration zones, other national zones (GB/T "
        "37028 classes 102, 105-111, 199)"
    ),
    "provincial-zones.tsv": (
        "provincial economic development zones, high-tech zones and other "
        "provincial zones (省级经济开发区, 省级高新技术产业园区, 其他省级经济功能区; GB/T 37028 classes "
        "201, 202, 299)"
    ),
}

PROVINCE_PREFIXES = sorted(
    {
        "北京市",
        "北京",
        "天津市",
        "天津",
        "河北省",
        "河北",
        "山西省",
        "山西",
        "内蒙古自治区",
        "内蒙古",
        "辽宁省",
        "辽宁",
        "吉林省",
        "吉林",
        "黑龙江省",
        "黑龙江",
        "上海市",
        "上海",
        "江苏省",
        "江苏",
        "浙江省",
        "浙江",
        "安徽省",
        "安徽",
        "福建省",
        "福建",
        "江西省",
        "江西",
        "山东省",
        "山东",
        "河南省",
        "河南",
        "湖北省",
        "湖北",
        "湖南省",
        "湖南",
        "广东省",
        "广东",
        "广西壮族自治区",
        "广西",
        "海南省",
        "海南",
        "重庆市",
        "重庆",
        "四川省",
        "四川",
        "贵州省",
        "贵州",
        "云南省",
        "云南",
        "西藏自治区",
        "西藏",
        "陕西省",
        "陕西",
        "甘肃省",
        "甘肃",
        "青海省",
        "青海",
        "宁夏回族自治区",
        "宁夏",
        "新疆维吾尔自治区",
        "新疆",
    },
    key=len,
    reverse=True,
)
NO_STRIP = ("中关村", "半岛")  # 江苏省中关村高新技术产业开发区 must not become Beijing's name
# names other places share once the province is gone (滨海, 朝阳, 金山, 白云 ...): keep the prefix
SHARED_STEMS = (
    "滨海",
    "朝阳",
    "金山",
    "和平",
    "白云",
    "钟山",
    "九龙",
    "港城",
    "空港",
    "南部",
    "化学工业",
    "星火",
    "茶园",
    "同兴",
    "建桥",
    "正阳",
    "双桥",
    "西彭",
    "长安",
)
MUNICIPALITIES = ("北京", "天津", "上海", "重庆")

# suffix -> (short form, English id suffix); longest first
SUFFIXES = [
    ("农业高新技术产业示范区", None, "agricultural-hitech-demonstration-zone"),
    ("火炬高技术产业开发区", "火炬高新区", "torch-hitech-zone"),
    ("高新技术产业开发区", "高新区", "hitech-zone"),
    ("高新技术产业园区", "高新区", "hitech-park"),
    ("高技术产业开发区", "高新区", "hitech-zone"),
    ("新技术开发区", None, "new-technology-development-zone"),
    ("经济技术开发区", "经开区", "etdz"),
    ("新兴技术开发区", None, "emerging-technology-development-zone"),
    ("经济开发区", None, "edz"),
    ("综合保税区", "综保区", "comprehensive-bonded-zone"),
    ("保税港区", None, "bonded-port-area"),
    ("保税物流园区", None, "bonded-logistics-park"),
    ("保税区", None, "bonded-zone"),
    ("出口加工区", None, "export-processing-zone"),
    ("边境经济合作区", None, "border-economic-cooperation-zone"),
    ("重点开发开放试验区", None, "key-development-and-opening-pilot-zone"),
    ("国家自主创新示范区", None, "national-innovation-demonstration-zone"),
    ("国家可持续发展议程创新示范区", None, "sustainable-development-agenda-demonstration-zone"),
    ("内陆开放型经济试验区", None, "inland-open-economy-pilot-zone"),
    ("国家旅游度假区", None, "national-tourist-resort"),
    ("自由贸易试验区", None, "pilot-ftz"),
    ("台商投资区", None, "taiwanese-investment-zone"),
    ("产业集聚区", None, "industrial-cluster-zone"),
    ("工业集中区", None, "industrial-concentration-zone"),
    ("工业园区", None, "industrial-park"),
    ("产业园区", None, "industrial-park"),
    ("工业园", None, "industrial-park"),
    ("产业园", None, "industrial-park"),
    ("新区", None, "new-area"),
    ("科技园区", None, "science-park"),
]

GENERIC = {
    "高新区",
    "开发区",
    "经开区",
    "新区",
    "自贸区",
    "实验室",
    "大学",
    "综保区",
    "保税区",
    "工业园区",
    "产业园区",
    "园区",
    "片区",
    "自贸试验区",
    "高新技术产业开发区",
    "经济技术开发区",
    "经济开发区",
    "综合保税区",
}

_DROP = re.compile(r"[\s“”\"'‘’《》〈〉「」『』·・]")


def norm(name: str) -> str:
    return _DROP.sub("", unicodedata.normalize("NFKC", name)).lower()


def read_rows(path: Path):
    header = None
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            continue
        yield dict(zip(header, cols))


def lexicon_forms() -> tuple[set[str], set[str], set[str]]:
    """Normalised forms of registry.tsv, of divisions.tsv, and the registry's ids."""
    reg: set[str] = set()
    ids: set[str] = set()
    for row in read_rows(LEXICON / "registry.tsv"):
        ids.add(row["id"])
        cells = [row.get("name_zh", ""), row.get("name_en", "")]
        for col in ("aliases_zh", "aliases_en"):
            cells += (row.get(col) or "").split("|")
        reg.update(norm(c.strip().lstrip("~")) for c in cells if c.strip().lstrip("~"))
    div: set[str] = set()
    for row in read_rows(LEXICON / "divisions.tsv"):
        div.update(norm(row[c]) for c in ("name", "short") if row.get(c))
    return reg, div, ids


def split_suffix(name: str):
    for suffix, short, en in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], suffix, short, en
    return name, "", None, None


def strip_province(name: str, category: str = "") -> str | None:
    """The name without its leading province, where what remains still names one zone."""
    for p in PROVINCE_PREFIXES:
        if name.startswith(p):
            rest = name[len(p) :]
            stem, suffix, _, _ = split_suffix(rest)
            if (
                len(stem) >= 2
                and suffix
                and not rest.startswith(NO_STRIP + SHARED_STEMS)
                and not (category == "299" and p.startswith(MUNICIPALITIES))
            ):
                return rest
            return None
    return None


def bare(name: str) -> str:
    """The name without any leading province (天津滨海新区 -> 滨海新区), to find registry entries."""
    for p in PROVINCE_PREFIXES:
        if name.startswith(p) and len(name) > len(p) + 2:
            return name[len(p) :]
    return name


def candidate_aliases(name: str, category: str = "") -> list[str]:
    out = []
    stripped = strip_province(name, category)
    if stripped:
        out.append(stripped)
    base = stripped or name
    stem, _suffix, short, _ = split_suffix(base)
    if short and len(stem) >= 2 and "（" not in stem and "(" not in stem:
        out.append(stem + short)
    return [a for a in dict.fromkeys(out) if a != name]


def slug_words(text: str) -> str:
    text = re.sub(r"[（(].*?[）)]", "", text)
    syl = [s for s in lazy_pinyin(text) if re.fullmatch(r"[a-z]+", s)]
    return "".join(syl)


def make_id(name: str, province: str, taken: set[str]) -> str:
    base = strip_province(name) or name
    stem, _suffix, _short, en = split_suffix(base)
    words = [slug_words(stem) or slug_words(base)]
    if en:
        words.append(en)
    else:
        words = [slug_words(base)]
    cand = "-".join(w for w in words if w)
    if cand in taken:
        cand = f"{slug_words(province)}-{cand}"
    n = 2
    while cand in taken:
        cand = f"{cand}-{n}"
        n += 1
    taken.add(cand)
    return cand


def main(argv=None) -> int:
    argv = argv if argv is not None else sys.argv[1:]
    if len(argv) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    data = json.loads(Path(argv[0]).read_text("utf-8"))
    reg, div, taken = lexicon_forms()

    zones = []  # (file, province, category, name)
    cat_file = {c: f for f, cats in FILES.items() for c in cats}
    seen = set()
    for _pcode, prov in data.items():
        for cat, block in prov["children"].items():
            for item in block["children"].values():
                name = CORRECTIONS.get(item["name"], item["name"]).strip()
                name = re.sub(r"（含[^）]*）$", "", name)  # 喀什经济开发区（含新疆生产建设兵团片区）
                if name in DROP or name in seen:
                    continue
                seen.add(name)
                zones.append((cat_file[cat], prov["name"], cat, name))

    # skip what the registry already holds
    kept: list = []
    skipped: Counter[str] = Counter()
    for z in zones:
        forms = [z[3], bare(z[3])] + candidate_aliases(z[3], z[2])
        if any(norm(f) in reg for f in forms):
            skipped[z[0]] += 1
            continue
        kept.append(z)

    # aliases: drop those shared, equal to a name, a registry or division form, or generic
    names = Counter(norm(z[3]) for z in kept)
    alias_count: Counter[str] = Counter()
    for z in kept:
        for a in set(candidate_aliases(z[3], z[2])):
            alias_count[norm(a)] += 1
    rows = defaultdict(list)
    for f, prov, cat, name in kept:
        aliases = [
            a
            for a in candidate_aliases(name, cat)
            if alias_count[norm(a)] == 1
            and norm(a) not in names
            and norm(a) not in reg
            and norm(a) not in div
            and a not in GENERIC
        ]
        rows[f].append(
            (make_id(name, prov, taken), "Platform", name, EN.get(name, ""), "|".join(aliases), "", SOURCE, "")
        )

    OUT.mkdir(parents=True, exist_ok=True)
    for f in FILES:
        lines = [
            f"# {TITLES[f]}",
            f"# Source: GB/T 37028-2018 《全国主要经济功能区分类与代码》 (the zones of the 2018 "
            f"《中国开发区审核公告目录》), transcribed via github.com/WankkoRee/cn-adcode-efzcode; "
            f"retrieved {RETRIEVED}.",
            f"# Generated by scripts/make_gazetteers.py (typing slips of the transcription corrected "
            f"there). {len(rows[f])} rows; {skipped[f]} zones the registry already holds were skipped.",
            "id\ttype\tname_zh\tname_en\taliases_zh\taliases_en\tsource\tmatch",
        ]
        lines += ["\t".join(r) for r in rows[f]]
        (OUT / f).write_text("\n".join(lines) + "\n", "utf-8")
        print(f"{f}: {len(rows[f])} rows, {skipped[f]} skipped (already in registry.tsv)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
