# hostrun's everyday commands. `make demo` and `make test` are the README's two set-up commands:
# each installs what a fresh Debian machine with the Swift toolchain lacks, then does its job.

# Debian packages the build and the tests need: Lua headers to build (and libcurl's, which the
# statically linked release needs for Foundation's networking); the lua5.4 interpreter and
# Debian's busted as oracles the tests compare against; sqlite3 for store checks.
DEBS := liblua5.4-dev lua5.4 lua-busted sqlite3 python3-openpyxl libcurl4-openssl-dev
SWIFT_FLAGS ?=
DEMO_DB ?= demo.db

.PHONY: deps build demo test swift-test lua-test

deps:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# Statically linked Swift runtime, as shipped: start-up is half that of a dynamic build.
build: deps
	swift build -c release --static-swift-stdlib $(SWIFT_FLAGS)

# The main job on bundled demo data: the records behind the centre's six-month report go into a
# store, and the report is written from them (Markdown on screen, DOCX and XLSX in out/).
HOSTRUN := .build/release/hostrun
PERIOD := --from 01/01/2026 --to 25/05/2026
demo: build
	$(HOSTRUN) demo --scenario seed --db $(DEMO_DB)
	@mkdir -p out
	$(HOSTRUN) report bao-cao-dinh-ky --db $(DEMO_DB) $(PERIOD) --format md
	$(HOSTRUN) report bao-cao-dinh-ky --db $(DEMO_DB) $(PERIOD) -o out/bao-cao-dinh-ky.docx
	$(HOSTRUN) report thong-ke-tthc --db $(DEMO_DB) $(PERIOD) -o out/thong-ke-tthc.xlsx
	@echo "Written: out/bao-cao-dinh-ky.docx out/thong-ke-tthc.xlsx (store: $(DEMO_DB))"

# The whole test suite: Swift tests (bridge, sandbox, hostile corpus, domain, store, formats, CLI
# end to end), then every Lua spec of the bundled plugins and example scripts through `hostrun test`.
test: deps swift-test lua-test

swift-test:
	swift test $(SWIFT_FLAGS)

lua-test:
	swift build $(SWIFT_FLAGS) --product hostrun
	.build/debug/hostrun test Plugins Scripts
