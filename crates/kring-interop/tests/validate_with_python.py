#!/usr/bin/env python3
"""Independent validation of Kring's exports with the Python ecosystem's readers.

Usage:
    validate_with_python.py vcard FILE [EXPECTATIONS.json]
    validate_with_python.py icalendar FILE [EXPECTATIONS.json]

Why: a writer tested only against its own reader can be consistently wrong. `vobject` (vCard)
and `icalendar` (RFC 5545) are widely used, independent parsers; if they read our files and find
the same names, addresses and reminders, other software will too.

Checks, beyond "it parses": every physical line ends with CRLF and is at most 75 octets, and
when an expectations file is given, each card or item has the values the Rust test expected.
Exits 0 on success and 1 with a message on any failure.

Needs: pip install vobject icalendar
"""

import json
import sys


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def check_lines(raw):
    if not raw.endswith(b"\r\n"):
        fail("the file does not end with CRLF")
    for number, line in enumerate(raw.split(b"\r\n")[:-1], start=1):
        if b"\n" in line or b"\r" in line:
            fail(f"line {number} has a bare CR or LF")
        if len(line) > 75:
            fail(f"line {number} is {len(line)} octets long (limit 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as error:
            fail(f"line {number} splits a UTF-8 character or is not UTF-8: {error}")


def values(card, name):
    return [entry.value for entry in card.contents.get(name, [])]


def validate_vcard(raw, expectations):
    import vobject

    text = raw.decode("utf-8")
    cards = list(vobject.readComponents(text, validate=True))
    if not cards:
        fail("vobject found no vCard")
    for card in cards:
        if card.name != "VCARD":
            fail(f"unexpected component {card.name}")
        if values(card, "version") != ["4.0"]:
            fail(f"VERSION is {values(card, 'version')}, expected 4.0")
        if len(values(card, "fn")) != 1:
            fail("a card must have exactly one FN")
    if expectations is not None:
        if len(cards) != len(expectations):
            fail(f"{len(cards)} cards, expected {len(expectations)}")
        for index, (card, expected) in enumerate(zip(cards, expectations)):
            where = f"card {index + 1}"
            if card.fn.value != expected["display_name"]:
                fail(f"{where}: FN {card.fn.value!r} != {expected['display_name']!r}")
            for name, key in (("email", "emails"), ("tel", "phones"), ("url", "websites")):
                found = values(card, name)
                if found != expected[key]:
                    fail(f"{where}: {name} {found!r} != {expected[key]!r}")
            if "org" in expected:
                found = values(card, "org")
                org = found[0] if found else None
                if org != expected["org"]:
                    fail(f"{where}: ORG {org!r} != {expected['org']!r}")
            if "note" in expected:
                found = values(card, "note")
                note = found[0] if found else None
                if note != expected["note"]:
                    fail(f"{where}: NOTE {note!r} != {expected['note']!r}")
    print(f"vobject {vobject.VERSION}: {len(cards)} vCards valid")


def validate_icalendar(raw, expectations):
    import icalendar
    from datetime import date, datetime, timedelta

    calendar = icalendar.Calendar.from_ical(raw)
    if calendar.name != "VCALENDAR":
        fail(f"top component is {calendar.name}")
    for required in ("PRODID", "VERSION"):
        if required not in calendar:
            fail(f"VCALENDAR lacks {required}")
    if str(calendar["VERSION"]) != "2.0":
        fail(f"VERSION is {calendar['VERSION']}")
    items = [component for component in calendar.subcomponents if component.name in ("VTODO", "VEVENT")]
    for item in items:
        for required in ("UID", "DTSTAMP"):
            if required not in item:
                fail(f"{item.name} lacks {required}")
        for alarm in item.walk("VALARM"):
            for required in ("ACTION", "TRIGGER", "DESCRIPTION"):
                if required not in alarm:
                    fail(f"VALARM lacks {required}")
    if expectations is not None:
        if len(items) != len(expectations):
            fail(f"{len(items)} items, expected {len(expectations)}")
        for item, expected in zip(items, expectations):
            uid = str(item["UID"])
            if uid != expected["uid"]:
                fail(f"UID {uid!r} != {expected['uid']!r}")
            if item.name != expected["component"]:
                fail(f"{uid}: component {item.name} != {expected['component']}")
            if str(item["SUMMARY"]) != expected["summary"]:
                fail(f"{uid}: SUMMARY {str(item['SUMMARY'])!r} != {expected['summary']!r}")
            if "description" in expected and str(item.get("DESCRIPTION")) != expected["description"]:
                fail(f"{uid}: DESCRIPTION {str(item.get('DESCRIPTION'))!r} != {expected['description']!r}")
            when = item.decoded("DUE" if item.name == "VTODO" else "DTSTART")
            if expected["due"].get("date"):
                if isinstance(when, datetime) or when != date.fromisoformat(expected["due"]["date"]):
                    fail(f"{uid}: due {when!r} is not the date {expected['due']['date']}")
            else:
                wanted = datetime.fromisoformat(expected["due"]["datetime"].replace("Z", "+00:00"))
                if not isinstance(when, datetime) or when != wanted:
                    fail(f"{uid}: due {when!r} != {wanted!r}")
            if item.name == "VTODO":
                status = str(item.get("STATUS"))
                wanted_status = "COMPLETED" if expected["done"] else "NEEDS-ACTION"
                if status != wanted_status:
                    fail(f"{uid}: STATUS {status} != {wanted_status}")
            alarms = list(item.walk("VALARM"))
            if expected["alarm_minutes_before"] is None:
                if alarms:
                    fail(f"{uid}: unexpected VALARM")
            else:
                if len(alarms) != 1:
                    fail(f"{uid}: {len(alarms)} alarms, expected 1")
                trigger = alarms[0].decoded("TRIGGER")
                if trigger != -timedelta(minutes=expected["alarm_minutes_before"]):
                    fail(f"{uid}: TRIGGER {trigger!r} != -{expected['alarm_minutes_before']} minutes")
    print(f"icalendar {icalendar.__version__}: {len(items)} items valid")


def main():
    if len(sys.argv) not in (3, 4) or sys.argv[1] not in ("vcard", "icalendar"):
        print(__doc__)
        sys.exit(2)
    kind, path = sys.argv[1], sys.argv[2]
    expectations = None
    if len(sys.argv) == 4:
        with open(sys.argv[3], encoding="utf-8") as file:
            expectations = json.load(file)
    with open(path, "rb") as file:
        raw = file.read()
    check_lines(raw)
    try:
        if kind == "vcard":
            validate_vcard(raw, expectations)
        else:
            validate_icalendar(raw, expectations)
    except SystemExit:
        raise
    except Exception as error:  # any parser exception is a validation failure
        fail(f"{type(error).__name__}: {error}")


if __name__ == "__main__":
    main()
