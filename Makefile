# The seed's Makefile, for .NET. Every target is a plain dotnet command you can also run by hand.
.PHONY: install run web test tests bench clean db-upgrade dtos openapi all

install:
	dotnet restore SsBoilerplate.sln

# Building the host builds the account pages (clients/web) too, when their sources changed.
run:
	dotnet run --project Boilerplate.Host

# The account pages alone, into Boilerplate.Host/account-app (the host's BuildAccountApp target).
web:
	dotnet msbuild Boilerplate.Host -t:BuildAccountApp -v:m -nologo

test:
	./scripts/test

tests: test

# The load benchmark against a bare Kestrel baseline; writes bench/RESULTS.md (see bench/README.md).
bench:
	bench/run

# Regenerates clients/dtos.ts and clients/dtos.cs from the server's DTOs (the drift test, told to write);
# the account pages are built from dtos.ts, so they wait for the next build.
dtos:
	BOILERPLATE_UPDATE_DTOS=1 dotnet test Boilerplate.Tests -p:BuildAccountApp=false --filter "FullyQualifiedName~ClientDtosTests"

# Regenerates clients/openapi.json from /openapi/v1.json (the snapshot test, told to write).
openapi:
	BOILERPLATE_UPDATE_OPENAPI=1 dotnet test Boilerplate.Tests -p:BuildAccountApp=false --filter "FullyQualifiedName~OpenApiSnapshotTests"

db-upgrade:
	dotnet run --project Boilerplate.Host -- db upgrade

clean:
	dotnet clean SsBoilerplate.sln --nologo -v quiet
	rm -rf TestResults Boilerplate.Host/App_Data Boilerplate.Host/account-app

all: clean install test run
