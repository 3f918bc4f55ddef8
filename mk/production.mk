# Production: storage, security, privacy, bad input, load (docs/deployment.md).
#   make servers      install PostgreSQL and Redis from Debian (once; the tests run
#                     their own instances on loopback, never the system services)
#   make purge        delete conversations idle for longer than clinic.yml retention_days
#   make load         a bigger load test (LOAD_CONVERSATIONS, LOAD_SECONDS)
.PHONY: servers purge load

PG_BIN_GLOB := /usr/lib/postgresql/*/bin/initdb
LOAD_CONVERSATIONS ?= 40
LOAD_SECONDS ?= 60

servers:
	@if ls $(PG_BIN_GLOB) >/dev/null 2>&1 && command -v redis-server >/dev/null 2>&1; then \
	  echo "PostgreSQL and Redis are installed."; \
	else \
	  echo "Installing PostgreSQL and Redis from Debian's packages (once)..."; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql redis-server >/dev/null; \
	fi

test: servers

purge: $(DEPS_STAMP)
	$(BIN)/python scripts/purge_conversations.py

load: $(MODEL) servers
	$(BIN)/python scripts/load_test.py --conversations $(LOAD_CONVERSATIONS) --seconds $(LOAD_SECONDS)
