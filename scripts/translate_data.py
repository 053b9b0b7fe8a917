"""Keep the data tables' translations (``data/<language>/<table>.csv``) in step with the English.

Each translation file has the table's key column(s) (``place_id`` and ``date`` for
``control``), ``en_hash`` (``helpers.data.hash_row`` of the English cells it translates, in
the file's column order) and the table's translated columns (``TRANSLATED_COLUMNS``).

    .venv/bin/python scripts/translate_data.py fr            # add skeleton rows, list stale ones
    .venv/bin/python scripts/translate_data.py fr --check    # fail on missing, stale, empty rows

Without ``--check`` the script appends a row for every English row that has none, with the
English text in place for a translator to replace, and drops nothing. A row whose English
changed since it was translated (its ``en_hash`` no longer matches) is never re-hashed here:
it is listed as stale, and the translator updates its text and its ``en_hash`` (the listing
prints the new hash) together.
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from helpers.data import (  # noqa: E402
    TRANSLATED_COLUMNS,
    DataError,
    hash_row,
    id_column,
    read_translation,
    row_keys,
    table_path,
    translation_path,
    validate_file,
)


@dataclass
class TableReport:
    """What one table's translation lacks: rows missing, stale, empty or unknown."""

    table: str
    missing: list[str] = field(default_factory=list)
    stale: list[tuple[str, str, str]] = field(default_factory=list)
    empty: list[tuple[str, str]] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    added: int = 0

    def lines(self) -> list[str]:
        """Return one readable line per problem."""
        out = [f"{self.table}: no translation for row {key!r}" for key in self.missing]
        out += [f"{self.table}: row {key!r} is stale (en_hash {old}, English now hashes to "
                f"{new}); update its text and en_hash" for key, old, new in self.stale]
        out += [f"{self.table}: row {key!r} column {column!r} is empty but the English is not"
                for key, column in self.empty]
        out += [f"{self.table}: row {key!r} is not a row of the English table"
                for key in self.unknown]
        return out


def key_columns(table: str) -> list[str]:
    """Return the column(s) that name a row in a table's translation file."""
    return ["place_id", "date"] if table == "control" else [id_column(table)]


def english_rows(table: str, *, data_dir: Path | None = None) -> dict[str, dict[str, str]]:
    """Return each English row's key and its translated columns' English text, in file order."""
    frame = validate_file(table_path(table, data_dir=data_dir), table)
    columns = TRANSLATED_COLUMNS[table]
    keys = row_keys(frame, table)
    return {key: {name: str(frame[name].iloc[i]) for name in columns}
            for i, key in enumerate(keys)}


def audit_table(table: str, language: str, *, data_dir: Path | None = None) -> TableReport:
    """Compare a table's translation file with the English table."""
    report = TableReport(table)
    english = english_rows(table, data_dir=data_dir)
    translated = read_translation(table, language, data_dir=data_dir)
    for key, cells in english.items():
        record = translated.get(key)
        if record is None:
            report.missing.append(key)
            continue
        columns = [name for name in record if name in TRANSLATED_COLUMNS[table]]
        expected = hash_row(cells[name] for name in columns)
        if record["en_hash"] != expected:
            report.stale.append((key, record["en_hash"], expected))
        for name in TRANSLATED_COLUMNS[table]:
            if cells[name].strip() and not record.get(name, "").strip():
                report.empty.append((key, name))
    report.unknown = [key for key in translated if key not in english]
    return report


def write_skeleton(table: str, language: str, *, data_dir: Path | None = None) -> TableReport:
    """Append a skeleton row (English text, current hash) for every English row lacking one.

    Existing rows are kept as they are, stale ones included, in their order.
    """
    report = audit_table(table, language, data_dir=data_dir)
    if not report.missing:
        return report
    path = translation_path(table, language, data_dir=data_dir)
    columns = list(TRANSLATED_COLUMNS[table])
    keys = key_columns(table)
    english = english_rows(table, data_dir=data_dir)
    new_file = not path.is_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        if new_file:
            writer.writerow([*keys, "en_hash", *columns])
        for key in report.missing:
            cells = english[key]
            writer.writerow([*key.split("|"), hash_row(cells[name] for name in columns),
                             *(cells[name] for name in columns)])
            report.added += 1
    return report


def main(argv: list[str] | None = None) -> int:
    """Run the script; return 1 when ``--check`` finds a problem."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("language", help="language code, e.g. fr")
    parser.add_argument("--check", action="store_true",
                        help="list missing, stale, empty and unknown rows; fail if any")
    parser.add_argument("--tables", nargs="*", default=list(TRANSLATED_COLUMNS),
                        help="tables to process (default: all translated tables)")
    args = parser.parse_args(argv)
    problems: list[str] = []
    try:
        for table in args.tables:
            if args.check:
                report = audit_table(table, args.language)
                problems += report.lines()
            else:
                report = write_skeleton(table, args.language)
                problems += report.lines()[len(report.missing):]
                if report.added:
                    print(f"{table}: added {report.added} skeleton rows to translate")
    except DataError as err:
        print(err, file=sys.stderr)
        return 1
    for line in problems:
        print(line)
    if args.check:
        print(f"{len(problems)} problem(s)" if problems else "translations complete")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
