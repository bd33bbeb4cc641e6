#!/usr/bin/env python3
"""Copies one province's share of ../shared/real into data/real-<code>/, for the app's default data.

usage: tools/real-subset.py PROVINCE_CODE [REAL_DIR] [OUT_DIR]

The e-GP file of the province is copied byte for byte (its line numbers stay those of the source); the DLA
registry, population and agency list keep the province's rows only; district boundaries keep the province's
districts; province boundaries are copied whole (small, and the maps need the country). Nothing is changed in
any record kept. Sources and licences: data/real-<code>/README.md.
"""
import csv
import io
import json
import shutil
import sys
from pathlib import Path

code = sys.argv[1]
real = Path(sys.argv[2] if len(sys.argv) > 2 else "../shared/real")
out = Path(sys.argv[3] if len(sys.argv) > 3 else f"data/real-{code}")
out.mkdir(parents=True, exist_ok=True)

shutil.copyfile(real / "egp-contact-2568" / f"{code}.jsonl.gz", out / f"{code}.jsonl.gz")

registry = json.loads((real / "dla-registry" / "localAuthorities.json").read_text(encoding="utf-8"))
kept = [e for e in registry["localAuthorities"] if e["provinceCode"] == code]
subset = {k: v for k, v in registry.items() if k != "localAuthorities"}
subset["recordCount"] = len(kept)
subset["subsetOf"] = {"provinceCode": code, "recordCountOfSource": len(registry["localAuthorities"])}
subset["localAuthorities"] = kept
(out / "localAuthorities.json").write_text(json.dumps(subset, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

province = None
with open(real / "boundaries" / "th_adm1.geojson", encoding="utf-8") as f:
    for feature in json.load(f)["features"]:
        if feature["properties"]["ADM1_PCODE"] == f"TH{code}":
            province = feature["properties"]["ADM1_TH"]
shutil.copyfile(real / "boundaries" / "th_adm1.geojson", out / "th_adm1.geojson")
with open(real / "boundaries" / "th_adm2.geojson", encoding="utf-8") as f:
    districts = json.load(f)
districts["features"] = [x for x in districts["features"] if x["properties"]["ADM1_PCODE"] == f"TH{code}"]
(out / f"th_adm2-{code}.geojson").write_text(json.dumps(districts, ensure_ascii=False) + "\n", encoding="utf-8")


def keep_rows(name, target, keep):
    text = (real / name).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(rows[0])
    writer.writerows(r for r in rows[1:] if keep(dict(zip(rows[0], r))))
    (out / target).write_text(buf.getvalue(), encoding="utf-8")


keep_rows("dla-registry/population-2564.csv", "population-2564.csv", lambda r: r["provinceCode"] == code)
keep_rows("egp-contact-2568/agencies.csv", "agencies.csv", lambda r: r["province"] == province)
print(f"{out}: {len(kept)} organisations of {province}")
