# The seed's Makefile, for .NET. Every target is a plain dotnet command you can also run by hand.
.PHONY: install run web test tests bench clean db-upgrade dtos openapi all

install:
	dotnet restore SsBoilerplate.sln

run: web
	dotnet run --project Boilerplate.Host

# The account pages (clients/web) into Boilerplate.Host/account-app, rebuilt only when their sources changed.
WEB_APP := Boilerplate.Host/account-app/index.html
WEB_PACKAGES := clients/web/node_modules/.package-lock.json
WEB_SOURCES := $(shell find clients/web/src -type f) clients/web/index.html clients/web/vite.config.ts clients/web/tsconfig.json clients/dtos.ts

web: $(WEB_APP)

$(WEB_PACKAGES): clients/web/package-lock.json
	cd clients/web && npm ci --no-audit --no-fund

$(WEB_APP): $(WEB_SOURCES) $(WEB_PACKAGES)
	cd clients/web && npm run build

test:
	./scripts/test

tests: test

# The load benchmark against a bare Kestrel baseline; writes bench/RESULTS.md (see bench/README.md).
bench:
	bench/run

# Regenerates clients/dtos.ts and clients/dtos.cs from the server's DTOs (the drift test, told to write).
dtos:
	BOILERPLATE_UPDATE_DTOS=1 dotnet test Boilerplate.Tests --filter "FullyQualifiedName~ClientDtosTests"

# Regenerates clients/openapi.json from /openapi/v1.json (the snapshot test, told to write).
openapi:
	BOILERPLATE_UPDATE_OPENAPI=1 dotnet test Boilerplate.Tests --filter "FullyQualifiedName~OpenApiSnapshotTests"

db-upgrade:
	dotnet run --project Boilerplate.Host -- db upgrade

clean:
	dotnet clean SsBoilerplate.sln --nologo -v quiet
	rm -rf TestResults Boilerplate.Host/App_Data Boilerplate.Host/account-app

all: clean install test run
