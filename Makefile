# hostrun's everyday commands. `make demo` and `make test` are the README's two set-up commands:
# each installs what a fresh Debian machine with the Swift toolchain lacks, then does its job.

# Debian packages the build and the tests need: Lua headers to build; the lua5.4 interpreter and
# Debian's busted as oracles the tests compare against; sqlite3 for store checks.
DEBS := liblua5.4-dev lua5.4 lua-busted sqlite3 python3-openpyxl
SWIFT_FLAGS ?=
DEMO_DB ?= demo.db

.PHONY: deps build demo test swift-test lua-test

deps:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: deps
	swift build -c release $(SWIFT_FLAGS)

# The main job on bundled demo data: a ward's six-month report from generated dossiers.
demo: build
	.build/release/hostrun Scripts/hello.lua

# The whole test suite: Swift tests (bridge, sandbox, hostile corpus, domain, store, CLI end to end).
test: deps swift-test

swift-test:
	swift test $(SWIFT_FLAGS)
