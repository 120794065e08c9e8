#!/usr/bin/env python3
"""Regenerate the fixtures that cannot be written by hand in a text editor.

Stdlib only. Run from anywhere:  python3 Tests/FeedParsingTests/Fixtures/generate.py

It (re)writes, next to itself, each NAME.xml below together with its NAME.expect.json:
  * encoding fixtures (windows-1251, KOI8-R, ISO-8859-1, windows-1252, UTF-16LE/BE with BOM,
    undeclared windows-1251, declared/actual mismatches) -- the bytes are produced by encoding
    the text here, so the .xml files are not UTF-8 and must not be edited as text;
  * detect-utf8-bom.xml (a UTF-8 byte order mark before the XML declaration);
  * recover-control-chars.xml (raw C0 control characters, illegal in XML 1.0);
  * hostile documents that are repetitive or large: billion laughs, quadratic blow-up, deep nesting.

All other fixtures in this folder are hand-written files; this script does not touch them.
Every text here was written for this project (wire-style one-liners about real events, in our
own words); domains are example domains.
"""

from __future__ import annotations

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# Fixtures bigger than this are not committed; the Swift test must generate them instead.
MAX_COMMITTED_BYTES = 3 * 1024 * 1024


def write(name: str, data: bytes, expect: dict) -> None:
    if len(data) > MAX_COMMITTED_BYTES:
        print(f"skip {name}.xml: {len(data)} bytes is over the commit limit; generate it in the Swift test",
              file=sys.stderr)
        return
    with open(os.path.join(HERE, name + ".xml"), "wb") as f:
        f.write(data)
    with open(os.path.join(HERE, name + ".expect.json"), "w", encoding="utf-8") as f:
        json.dump(expect, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"wrote {name}.xml ({len(data)} bytes)")


def rss(declaration: str, channel_title: str, channel_link: str, language: str | None,
        description: str, items: list[dict]) -> str:
    """Build a small RSS 2.0 document as text. `declaration` is the whole XML declaration or ''."""
    out = []
    if declaration:
        out.append(declaration)
    out.append('<rss version="2.0">')
    out.append("  <channel>")
    out.append(f"    <title>{channel_title}</title>")
    out.append(f"    <link>{channel_link}</link>")
    out.append(f"    <description>{description}</description>")
    if language:
        out.append(f"    <language>{language}</language>")
    for it in items:
        out.append("    <item>")
        for key in ("title", "link", "guid", "pubDate", "description", "category"):
            if key in it:
                value = it[key]
                if key == "guid":
                    out.append(f'      <guid isPermaLink="false">{value}</guid>')
                else:
                    out.append(f"      <{key}>{value}</{key}>")
        out.append("    </item>")
    out.append("  </channel>")
    out.append("</rss>")
    return "\n".join(out) + "\n"


def expect_entries(items: list[dict], keys=("title", "link")) -> list[dict]:
    result = []
    for it in items:
        e = {}
        if "guid" in it:
            e["id"] = it["guid"]
        for k in keys:
            if k in it:
                e[k] = it[k]
        if "published" in it:
            e["published"] = it["published"]
        if "summary" in it:
            e["summaryContains"] = it["summary"]
        if "category" in it:
            e["categories"] = [it["category"]]
        result.append(e)
    return result


def strip_private(items: list[dict]) -> list[dict]:
    """Items as written into XML (without the expectation-only keys)."""
    return [{k: v for k, v in it.items() if k not in ("published", "summary")} for it in items]


# --------------------------------------------------------------------------- encodings

def enc_windows_1251_declared() -> None:
    items = [
        {"title": "Минобороны России: удары наносились только по позициям боевиков ИГ",
         "link": "https://agency.example.ru/politika/4567001",
         "guid": "agency-ru-4567001",
         "pubDate": "Sun, 17 Sep 2017 11:30:00 +0300",
         "published": "2017-09-17T08:30:00Z",
         "description": "Российская сторона заранее сообщила американским коллегам границы района операции, "
                        "заявил представитель ведомства.",
         "summary": ["заранее сообщила американским коллегам"],
         "category": "Политика"},
        {"title": "Пограничники ФСБ: корабли ВМС Украины вошли в «закрытую зону» у Керченского пролива",
         "link": "https://agency.example.ru/proisshestviya/5812003",
         "guid": "agency-ru-5812003",
         "pubDate": "Sun, 25 Nov 2018 22:05:00 +0300",
         "published": "2018-11-25T19:05:00Z",
         "description": "Три судна задержаны — сообщение пресс-службы.",
         "summary": ["Три судна задержаны"]},
    ]
    text = rss('<?xml version="1.0" encoding="windows-1251"?>', "ТАСС", "https://agency.example.ru/", "ru",
               "Информационное агентство — лента новостей (структура как у ТАСС)", strip_private(items))
    write("enc-windows-1251-declared", text.encode("cp1251"), {
        "format": "rss2.0", "encoding": "windows-1251", "wellFormed": True,
        "feed": {"title": "ТАСС", "link": "https://agency.example.ru/", "language": "ru"},
        "entryCount": 2,
        "entries": expect_entries(items),
        "error": None})


def enc_koi8_r_declared() -> None:
    items = [
        {"title": "ЦИК: явка на выборах президента превысила 60 процентов",
         "link": "https://newsagency.example.ru/2018/03/18/yavka",
         "guid": "na-2018-03-18-1",
         "pubDate": "Sun, 18 Mar 2018 19:00:00 +0300",
         "published": "2018-03-18T16:00:00Z"},
        {"title": "Путин набирает более 76 процентов голосов по предварительным данным",
         "link": "https://newsagency.example.ru/2018/03/19/itogi",
         "guid": "na-2018-03-19-1",
         "pubDate": "Mon, 19 Mar 2018 06:30:00 +0300",
         "published": "2018-03-19T03:30:00Z",
         "description": "Обработано больше девяноста девяти процентов протоколов.",
         "summary": ["Обработано больше девяноста девяти процентов протоколов."]},
    ]
    text = rss('<?xml version="1.0" encoding="KOI8-R"?>', "Интерфакс-пример", "https://newsagency.example.ru/", "ru",
               "Новости политики", strip_private(items))
    write("enc-koi8-r-declared", text.encode("koi8_r"), {
        "format": "rss2.0", "encoding": "koi8-r", "wellFormed": True,
        "feed": {"title": "Интерфакс-пример", "language": "ru"},
        "entryCount": 2,
        "entries": expect_entries(items),
        "error": None})


def enc_iso_8859_1_declared() -> None:
    # Only characters in 0xA0-0xFF, so ISO-8859-1 and windows-1252 decode these bytes identically;
    # the expectation therefore does not assert the encoding name (either is acceptable).
    items = [
        {"title": "Élection présidentielle : Macron l'emporte au second tour",
         "link": "https://filpol.example.fr/2017/05/07/second-tour",
         "guid": "fil-2017-05-07-1",
         "description": "Le candidat centriste a devancé sa rivale ; la participation était en baisse.",
         "summary": ["Le candidat centriste a devancé sa rivale"]},
        {"title": "« Une nouvelle page » : le discours du Louvre",
         "link": "https://filpol.example.fr/2017/05/07/louvre",
         "guid": "fil-2017-05-07-2"},
        {"title": "Bundestagswahl: Union bleibt stärkste Kraft, große Verluste für die SPD",
         "link": "https://filpol.example.fr/2017/09/24/bundestag",
         "guid": "fil-2017-09-24-1"},
    ]
    text = rss('<?xml version="1.0" encoding="ISO-8859-1"?>', "Le Fil Européen", "https://filpol.example.fr/", "fr",
               "Actualité politique en Europe", strip_private(items))
    write("enc-iso-8859-1-declared", text.encode("latin-1"), {
        "format": "rss2.0", "wellFormed": True,
        "feed": {"title": "Le Fil Européen", "language": "fr"},
        "entryCount": 3,
        "entries": expect_entries(items),
        "error": None})


def enc_windows_1252_declared() -> None:
    items = [
        {"title": "“Act of aggression”: Kyiv reacts to the Kerch seizure",
         "link": "https://eurodesk.example.eu/2018/11/26/kyiv-reacts",
         "guid": "ed-1126-1",
         "description": "Officials said the response would be “measured” but firm…",
         "summary": ["Officials said the response would be"]},
        {"title": "EU weighs €1.2bn support package – officials",
         "link": "https://eurodesk.example.eu/2018/11/27/support",
         "guid": "ed-1127-1"},
        {"title": "Ministers’ statement due on Monday",
         "link": "https://eurodesk.example.eu/2018/11/27/statement",
         "guid": "ed-1127-2"},
    ]
    data = rss('<?xml version="1.0" encoding="windows-1252"?>', "Euro Desk", "https://eurodesk.example.eu/", "en",
               "Brussels briefings", strip_private(items)).encode("cp1252")
    assert b"\x93" in data and b"\x94" in data and b"\x80" in data
    write("enc-windows-1252-declared", data, {
        "format": "rss2.0", "encoding": "windows-1252", "wellFormed": True,
        "feed": {"title": "Euro Desk"},
        "entryCount": 3,
        "entries": expect_entries(items),
        "error": None})


def _utf16_items() -> list[dict]:
    return [
        {"title": "Выборы в Германии: блок ХДС/ХСС лидирует по предварительным данным",
         "link": "https://multiwire.example.net/ru/2017/09/24/vybory",
         "guid": "mw-ru-1"},
        {"title": "Élections allemandes : la participation progresse",
         "link": "https://multiwire.example.net/fr/2017/09/24/participation",
         "guid": "mw-fr-1"},
        {"title": "Kerch Strait incident — first reactions from Kyiv and Moscow",
         "link": "https://multiwire.example.net/en/2018/11/25/kerch",
         "guid": "mw-en-1"},
    ]


def enc_utf16(name: str, codec: str, bom: bytes) -> None:
    items = _utf16_items()
    text = rss('<?xml version="1.0" encoding="UTF-16"?>', "Multilingual Wire", "https://multiwire.example.net/", None,
               "Headlines in three languages", strip_private(items))
    # The encoding name reported for UTF-16 (utf-16, utf-16le, utf-16be) is not asserted.
    write(name, bom + text.encode(codec), {
        "format": "rss2.0", "wellFormed": True,
        "feed": {"title": "Multilingual Wire", "link": "https://multiwire.example.net/"},
        "entryCount": 3,
        "entries": expect_entries(items),
        "error": None})


def enc_windows_1251_undeclared() -> None:
    items = [
        {"title": "Минобороны России опровергло сообщения об ударах по позициям СДС",
         "link": "https://vesti-primer.example.ru/2017/09/17/oproverzhenie",
         "guid": "vp-1",
         "description": "В ведомстве заявили, что авиация наносила удары только по объектам террористов "
                        "на восточном берегу Евфрата, а американская сторона была заранее предупреждена.",
         "summary": ["авиация наносила удары только по объектам террористов"]},
        {"title": "Коалиция сообщила о раненых бойцах СДС под Дейр-эз-Зором",
         "link": "https://vesti-primer.example.ru/2017/09/16/koalitsiya",
         "guid": "vp-2",
         "description": "По данным коалиции, пострадали несколько бойцов, советники не пострадали."},
        {"title": "Украина ввела военное положение в приграничных областях",
         "link": "https://vesti-primer.example.ru/2018/11/26/polozhenie",
         "guid": "vp-3"},
    ]
    # No encoding in the declaration, no BOM: by the XML rules this is UTF-8, and it is not valid UTF-8.
    text = rss('<?xml version="1.0"?>', "Вести-пример: новости", "https://vesti-primer.example.ru/", "ru",
               "Новости без объявленной кодировки", strip_private(items))
    write("enc-windows-1251-undeclared", text.encode("cp1251"), {
        "format": "rss2.0", "encoding": "windows-1251", "wellFormed": False,
        "warningsContain": ["windows-1251"],
        "feed": {"title": "Вести-пример: новости", "language": "ru"},
        "entryCount": 3,
        "entries": expect_entries(items),
        "error": None})


def enc_declared_1252_actually_utf8() -> None:
    items = [
        {"title": "EU pledges €50m in aid — “urgent”, says Brussels",
         "link": "https://eurodesk.example.eu/2017/09/18/aid",
         "guid": "ed-utf8-1"},
        {"title": "Commission: “We will not look away” from Deir ez-Zor",
         "link": "https://eurodesk.example.eu/2017/09/18/commission",
         "guid": "ed-utf8-2"},
    ]
    data = rss('<?xml version="1.0" encoding="windows-1252"?>', "Euro Desk – mislabelled", "https://eurodesk.example.eu/",
               "en", "The declaration says windows-1252; the bytes are UTF-8", strip_private(items)).encode("utf-8")
    write("enc-declared-1252-actually-utf8", data, {
        "format": "rss2.0", "encoding": "utf-8", "wellFormed": False,
        "warningsContain": ["windows-1252"],
        "feed": {"title": "Euro Desk – mislabelled"},
        "entryCount": 2,
        "entries": expect_entries(items),
        "error": None})


def enc_declared_utf8_actually_latin1() -> None:
    items = [
        {"title": "Élysée confirms Müller visit to Paris",
         "link": "https://eurodesk.example.eu/2017/05/15/visit",
         "guid": "ed-latin1-1"},
        {"title": "Große Koalition talks: Schäfer sees “no obstacle”",
         "link": "https://eurodesk.example.eu/2018/01/12/talks",
         "guid": "ed-latin1-2"},
    ]
    # Encoded as windows-1252 (a superset of Latin-1 in 0x80-0x9F), declared UTF-8: invalid UTF-8.
    data = rss('<?xml version="1.0" encoding="UTF-8"?>', "Euro Desk (Latin-1 bytes)", "https://eurodesk.example.eu/",
               "en", "The declaration says UTF-8; the bytes are not", strip_private(items)).encode("cp1252")
    write("enc-declared-utf8-actually-latin1", data, {
        "format": "rss2.0", "encoding": "windows-1252", "wellFormed": False,
        "warningsContain": ["windows-1252"],
        "feed": {"title": "Euro Desk (Latin-1 bytes)"},
        "entryCount": 2,
        "entries": expect_entries(items),
        "error": None})


def detect_utf8_bom() -> None:
    items = [
        {"title": "Kerch Strait: Kyiv’s navy says six sailors wounded",
         "link": "https://bomwire.example.com/2018/11/25/wounded",
         "guid": "bom-1"},
    ]
    text = rss('<?xml version="1.0" encoding="utf-8"?>', "BOM Wire", "https://bomwire.example.com/", "en",
               "A UTF-8 byte order mark comes first", strip_private(items))
    write("detect-utf8-bom", b"\xef\xbb\xbf" + text.encode("utf-8"), {
        "format": "rss2.0", "encoding": "utf-8", "wellFormed": True,
        "feed": {"title": "BOM Wire", "link": "https://bomwire.example.com/"},
        "entryCount": 1,
        "entries": expect_entries(items),
        "error": None})


# --------------------------------------------------------------------------- recovery

def recover_control_chars() -> None:
    # \x01, \x0B and \x1B are not allowed anywhere in XML 1.0. Each sits next to a space, so the
    # expected title is the same whether the parser drops them or turns them into spaces.
    text = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0">\n'
        '  <channel>\n'
        '    <title>Wire Desk</title>\n'
        '    <link>https://wiredesk.example.org/</link>\n'
        '    <description>Control characters in text</description>\n'
        '    <item>\n'
        '      <title>Ukrainian \x01navy \x0Bboats \x1Bseized near Crimea</title>\n'
        '      <link>https://wiredesk.example.org/2018/11/25/boats</link>\n'
        '      <description>Border guards \x1Bused force, \x01the ministry said.</description>\n'
        '    </item>\n'
        '    <item>\n'
        '      <title>A clean title after the dirty one</title>\n'
        '      <link>https://wiredesk.example.org/2018/11/25/clean</link>\n'
        '    </item>\n'
        '  </channel>\n'
        '</rss>\n')
    write("recover-control-chars", text.encode("utf-8"), {
        "format": "rss2.0", "encoding": "utf-8", "wellFormed": False,
        "entryCount": 2,
        "entries": [
            {"title": "Ukrainian navy boats seized near Crimea", "link": "https://wiredesk.example.org/2018/11/25/boats",
             "summaryContains": ["Border guards", "the ministry said."], "summaryExcludes": ["\x01", "\x1b", "&#1;", "&#27;"]},
            {"title": "A clean title after the dirty one", "link": "https://wiredesk.example.org/2018/11/25/clean"},
        ],
        "error": None})


# --------------------------------------------------------------------------- hostile

def hostile_billion_laughs() -> None:
    levels = ['  <!ENTITY lol0 "lol">']
    for i in range(1, 11):
        levels.append(f'  <!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">')
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<!DOCTYPE rss [\n" + "\n".join(levels) + "\n]>\n"
        '<rss version="2.0">\n'
        "  <channel>\n"
        "    <title>&lol10;</title>\n"
        "    <link>https://laughs.example.com/</link>\n"
        "    <description>Ten levels of ten references: 10^10 copies of lol</description>\n"
        "  </channel>\n"
        "</rss>\n")
    write("hostile-billion-laughs", text.encode("utf-8"), {"error": "entity expansion"})


def hostile_quadratic_blowup() -> None:
    # One internal entity of 50,000 characters, referenced 50,000 times: 2.5e9 characters expanded
    # from a ~200 KB document. No nesting, so a nesting-only limit does not catch it.
    payload = "A" * 50_000
    refs = "&big;" * 50_000
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<!DOCTYPE rss [\n  <!ENTITY big "{payload}">\n]>\n'
        '<rss version="2.0">\n'
        "  <channel>\n"
        "    <title>Quadratic Wire</title>\n"
        "    <link>https://quadratic.example.com/</link>\n"
        "    <description>One large entity referenced many times</description>\n"
        "    <item>\n"
        "      <title>Blow-up</title>\n"
        f"      <description>{refs}</description>\n"
        "    </item>\n"
        "  </channel>\n"
        "</rss>\n")
    write("hostile-quadratic-blowup", text.encode("utf-8"), {"error": "entity expansion"})


def hostile_deep_nesting() -> None:
    depth = 10_000
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0">\n'
        "  <channel>\n"
        "    <title>Deep Wire</title>\n"
        "    <link>https://deep.example.com/</link>\n"
        "    <description>An item whose description nests 10,000 elements</description>\n"
        "    <item>\n"
        "      <title>Nesting</title>\n"
        "      <description>" + "<d>" * depth + "bottom" + "</d>" * depth + "</description>\n"
        "    </item>\n"
        "  </channel>\n"
        "</rss>\n")
    write("hostile-deep-nesting", text.encode("utf-8"), {"error": "nesting"})


def main() -> None:
    enc_windows_1251_declared()
    enc_koi8_r_declared()
    enc_iso_8859_1_declared()
    enc_windows_1252_declared()
    enc_utf16("enc-utf-16le-bom", "utf-16-le", b"\xff\xfe")
    enc_utf16("enc-utf-16be-bom", "utf-16-be", b"\xfe\xff")
    enc_windows_1251_undeclared()
    enc_declared_1252_actually_utf8()
    enc_declared_utf8_actually_latin1()
    detect_utf8_bom()
    recover_control_chars()
    hostile_billion_laughs()
    hostile_quadratic_blowup()
    hostile_deep_nesting()


if __name__ == "__main__":
    main()
