# The seed's Makefile, for .NET. Every target is a plain dotnet command you can also run by hand.
.PHONY: install run test tests clean db-upgrade all

install:
	dotnet restore SsBoilerplate.sln

run:
	dotnet run --project Boilerplate.Host

test:
	./scripts/test

tests: test

db-upgrade:
	dotnet run --project Boilerplate.Host -- db upgrade

clean:
	dotnet clean SsBoilerplate.sln --nologo -v quiet
	rm -rf TestResults Boilerplate.Host/App_Data

all: clean install test run
