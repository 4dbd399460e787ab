# nianbao: make site builds the example site into public/; make test runs
# every test. Both install the npm packages first when they are missing.

GO ?= go
NPM ?= npm

.PHONY: site test bench build serve vet clean

node_modules/.package-lock.json: package.json package-lock.json
	$(NPM) ci --no-audit --no-fund --loglevel=error

site: node_modules/.package-lock.json
	$(GO) run ./generator build --site . --out public

test: node_modules/.package-lock.json
	$(GO) vet ./...
	$(GO) test -race ./...

bench: node_modules/.package-lock.json
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 10x ./generator/build/

# One self-contained binary: the default theme and ECharts embedded.
build: node_modules/.package-lock.json
	$(GO) build -tags echarts -trimpath -o bin/nianbao ./generator

# The example site with live reload, at http://127.0.0.1:1313/jianglan/.
serve: node_modules/.package-lock.json
	$(GO) run ./generator serve --site .

clean:
	rm -rf public bin
