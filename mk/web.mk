# The website widget and the messaging channels (docs/channels.md).
#   make web-setup   rasa-webchat and axe-core from npm (web/node_modules), and
#                    Debian's Chromium for the browser tests (never a browser download)
# `make serve` and `make test` run it first.

WEB_STAMP := web/node_modules/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: web-setup

web-setup: $(WEB_STAMP) $(CHROMIUM)

# Exact versions from web/package-lock.json; no install scripts run.
$(WEB_STAMP): web/package.json web/package-lock.json
	cd web && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# The browser tests drive Debian's Chromium through Playwright.
$(CHROMIUM):
	@if [ "$$(id -u)" != 0 ]; then echo "Chromium is missing: run 'sudo apt-get install -y chromium fonts-dejavu-core'"; exit 1; fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null

serve: $(WEB_STAMP)
test: $(WEB_STAMP) $(CHROMIUM)
