# nianbao: make site builds the example site into public/; make test runs
# every test. Both install the npm packages first when they are missing,
# and build ECharts for the theme (tools/echarts) when it is out of date.

GO ?= go
NPM ?= npm

.PHONY: site test bench build serve vet clean

ECHARTS := node_modules/.nianbao/echarts.min.js

# npm ci also builds $(ECHARTS) (package.json's postinstall).
node_modules/.package-lock.json: package.json package-lock.json
	$(NPM) ci --no-audit --no-fund --loglevel=error

$(ECHARTS): node_modules/.package-lock.json tools/echarts/entry.js tools/echarts/build.mjs $(wildcard tools/echarts/unused/*.js)
	$(NPM) run --silent echarts

site: $(ECHARTS)
	$(GO) run ./generator build --site . --out public

test: $(ECHARTS)
	$(GO) vet ./...
	$(GO) test -race ./...

bench: $(ECHARTS)
	$(GO) test -run '^$$' -bench . -skip HugeSection -benchmem -benchtime 10x ./generator/build/
	$(GO) test -run '^$$' -bench HugeSection -benchtime 1x ./generator/build/

# One self-contained binary: the default theme and ECharts embedded.
build: $(ECHARTS)
	$(GO) build -tags echarts -trimpath -o bin/nianbao ./generator

# The example site with live reload, at http://127.0.0.1:1313/jianglan/.
serve: $(ECHARTS)
	$(GO) run ./generator serve --site .

clean:
	rm -rf public bin
