# LocalLens build and test entry points. Each target installs what it is missing (tools/setup.sh).
SHELL := /bin/bash
.ONESHELL:
.SHELLFLAGS := -euo pipefail -c
PORT ?= 8080
HOST ?= 127.0.0.1

.PHONY: run dist data boundaries e2e-data national test test-native test-e2e lint demo-data bench clean

REAL ?= data/real-62
SHARED ?= ../shared
LOCALLENS := cargo run --quiet --profile ci --features web --bin locallens --

## Build the release app into dist/ and serve it with its default data: the real data of กำแพงเพชร
## (public/data, made by `make data`) and, behind ?data=demo, the synthetic demonstration catalog.
run: dist
	@echo "LocalLens: http://$(HOST):$(PORT)/"
	python3 -m http.server $(PORT) --bind $(HOST) --directory dist

## Release build into dist/ (works from any sub-path of any static host).
dist: data
	eval "$$(tools/setup.sh wasm)"
	trunk build --release --dist dist

## The default data: the real files of one province (data/real-62, see its README) published into public/data
## by the CLI, as a publisher would. Reports of what was read, joined and left out go to target/data-reports.
data:
	mkdir -p target/data-reports
	$(LOCALLENS) catalog --registry $(REAL)/localAuthorities.json --population $(REAL)/population-2564.csv \
	  --places $(REAL)/th_adm1.geojson --places $(REAL)/th_adm2-62.geojson --agencies $(REAL)/agencies.csv \
	  --province 62 --report target/data-reports/catalog.json --out target/data-reports/registry-catalog.json
	$(LOCALLENS) publish --catalog target/data-reports/registry-catalog.json --agencies $(REAL)/agencies.csv \
	  --out public/data --report target/data-reports/publish.json $(REAL)/62.jsonl.gz $(REAL)/2565/*.json

## The maps' province and district boundaries (public/boundaries, committed; see its README for the attribution).
boundaries:
	$(LOCALLENS) boundaries --out public/boundaries $(SHARED)/real/boundaries/th_adm1.geojson \
	  $(SHARED)/real/boundaries/th_adm2.geojson

## The 76 real อบจ. budgets of FY 2565 (ACT × WeVis, $(SHARED)/fixtures) published over a catalog of every อบจ. from
## the national DLA registry, as the data of a second server in the end-to-end tests (pao.spec.mjs).
e2e-data:
	if [ -d $(SHARED)/fixtures/thai-pao-budgets/2565 ] && [ -f $(SHARED)/real/dla-registry/localAuthorities.json ]; then
	  mkdir -p target/e2e-pao
	  $(LOCALLENS) catalog --registry $(SHARED)/real/dla-registry/localAuthorities.json \
	    --population $(SHARED)/real/dla-registry/population-2564.csv --places $(SHARED)/real/boundaries/th_adm1.geojson \
	    --type pao --out target/e2e-pao/registry-catalog.json
	  $(LOCALLENS) publish --catalog target/e2e-pao/registry-catalog.json --out target/e2e-pao/data \
	    $(SHARED)/fixtures/thai-pao-budgets/2565/pao-*.json
	else
	  echo "SKIPPED e2e-data: $(SHARED)/fixtures/thai-pao-budgets or $(SHARED)/real is missing; pao.spec.mjs will skip"
	fi

## The real national data ($(SHARED)/real: every province's e-GP rows of FY 2568, the DLA registry, the 76 อบจ.
## budgets) published into target/national/data, as a national publisher would: what the national figures of
## docs/SHARDS.md read. About 8 minutes on 2 cores, under 500 MB; its time and peak memory go to target/national/publish.log.
national:
	if [ ! -d $(SHARED)/real/egp-contact-2568 ]; then echo "SKIPPED national: $(SHARED)/real is missing"; exit 0; fi
	cargo build --release --bin locallens
	mkdir -p target/national
	./target/release/locallens catalog --registry $(SHARED)/real/dla-registry/localAuthorities.json \
	  --population $(SHARED)/real/dla-registry/population-2564.csv --places $(SHARED)/real/boundaries/th_adm1.geojson \
	  --places $(SHARED)/real/boundaries/th_adm2.geojson --agencies $(SHARED)/real/egp-contact-2568/agencies.csv \
	  --out target/national/catalog.json
	/usr/bin/time -v ./target/release/locallens publish --catalog target/national/catalog.json \
	  --agencies $(SHARED)/real/egp-contact-2568/agencies.csv --out target/national/data \
	  --report target/national/publish.json $(SHARED)/real/egp-contact-2568/*.jsonl.gz \
	  $(SHARED)/fixtures/thai-pao-budgets/2565/pao-*.json 2> >(tee target/national/publish.log >&2)

## Every test: native (core, CLI, fixtures) and end-to-end in headless Chromium.
test: test-native test-e2e

test-native:
	rm -f target/skipped-tests.txt
	cargo test --profile ci --features web
	if [ -s target/skipped-tests.txt ]; then echo "SKIPPED native tests:"; sort -u target/skipped-tests.txt | sed 's/^/  /'; fi

test-e2e: dist e2e-data
	tools/setup.sh browser
	cd tests/e2e && ./node_modules/.bin/playwright test

lint:
	cargo fmt --check
	cargo clippy --all-targets --features web -- -D warnings
	cargo clippy --all-targets -- -D warnings

## Benchmarks (docs/BENCH.md): red flags over 1,000,000 generated processes, natively and in headless Chromium; a
## filter change on 100,000 processes; four queries by our store against JavaScript and DuckDB-WASM at 5 k, 100 k
## and 1 M generated processes and over the real national data when ../shared/real is present; the bytes of an
## organisation's page and of each shard format. Ends with target/bench/report.{json,md}.
bench: dist
	cargo bench --bench flags
	eval "$$(tools/setup.sh wasm)"
	trunk build bench.html --release true --dist target/bench-dist
	tools/setup.sh browser
	npm ci --prefix tools/bench --no-audit --no-fund
	mkdir -p target/bench target/bench-dist/duckdb
	# DuckDB-WASM, self-hosted beside the bench page: its eh build, its worker, and our loader bundled with Arrow JS.
	tools/bench/node_modules/.bin/esbuild tools/bench/duck.js --bundle --format=esm --minify --log-level=warning \
	  --outfile=target/bench-dist/duckdb/duck.js
	cp tools/bench/node_modules/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm \
	  tools/bench/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js target/bench-dist/duckdb/
	node tools/bench-browser.mjs $${BENCH_N:-1000000} flags
	node tools/bench-browser.mjs 100000 filter
	# The real national data, published once (make national, about 8 min) and kept in target/national.
	sizes=$${BENCH_SIZES:-5000,100000,1000000}
	if [ -d $(SHARED)/real/egp-contact-2568 ]; then
	  [ -f target/national/data/catalog.json ] || $(MAKE) national
	  sizes="$$sizes,published"
	  export BENCH_DATA=target/national/data
	fi
	# Every size in one Chromium, engines interleaved within each page, answers checked equal to ours.
	node tools/bench-browser.mjs "$$sizes" engines > target/bench/engines.json
	# Raw OCDS through the app: 25,000 processes (150 MB) peak at 1.34 GB of tab memory, and the page reads at most
	# 256 MB of raw files (query::load::RAW_LIMIT); larger folders go through publish, timed over the national data.
	cargo run --release --bin locallens -- demo --processes 25000 --out target/bench-data
	node tools/bench-ui.mjs target/bench-data/scale-25000.jsonl
	# The published data: what an organisation's page transfers, and the shard formats weighed (docs/SHARDS.md).
	node tools/bench/org-bytes.mjs public/data | tee target/bench/org-bytes.json
	node tools/bench/formats.mjs public/data 62 2568 | tee target/bench/formats.json
	node tools/bench/national.mjs public/data | tee target/bench/all-procurement.json
	node tools/bench/overview.mjs public/data | tee target/bench/overview.json
	# The whole app over the national data: first table, the overview, a citizen's page bytes (docs/SHARDS.md).
	if [ -n "$${BENCH_DATA:-}" ]; then
	  node tools/bench/national.mjs $$BENCH_DATA 1 | tee target/bench/national-first-view.json
	  node tools/bench/overview.mjs $$BENCH_DATA 2568 | tee target/bench/national-overview.json
	  node tools/bench/org-bytes.mjs $$BENCH_DATA | tee target/bench/national-org-bytes.json
	fi
	# The same steps natively, each timed as the page runs it as one task (a shard's read, a slice, a flags file).
	cargo run --release --example first_view -- public/data | tee target/bench/first-view-native.txt
	# What the wasm is made of, by crate and by our module (docs/BUNDLE.md).
	python3 tools/bench/wasm-sizes.py "$$(find target -path '*wasm-release/locallens-web.wasm' | head -1)" | tee target/bench/wasm-sizes.txt
	node tools/bench/report.mjs target/bench

## Regenerate the committed demonstration data in public/demo.
demo-data:
	cargo run --release --bin locallens -- demo --out public/demo

clean:
	rm -rf dist target/wasm-debian public/data
