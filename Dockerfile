# The service's image: the host published by the SDK image, run by the ASP.NET Core runtime image
# as its non-root user. Boilerplate.Tests/Deploy/ContainerContractTests.cs runs the published
# output as this file says (the same command, environment, user and writable folders), since no
# container runtime works where the tests run; README, Deploy, says what is tested where.

# The account pages (clients/web), built where the host's project expects them: account-app/.
FROM node:22-bookworm-slim AS web
WORKDIR /src/clients/web
COPY clients/web/package.json clients/web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY clients/dtos.ts /src/clients/dtos.ts
COPY clients/web/ ./
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY ServiceStackLite/ ServiceStackLite/
COPY Boilerplate.ServiceModel/ Boilerplate.ServiceModel/
COPY Boilerplate.ServiceInterface/ Boilerplate.ServiceInterface/
COPY Boilerplate.Host/ Boilerplate.Host/
COPY --from=web /src/Boilerplate.Host/account-app/ Boilerplate.Host/account-app/
# The pages were built in the stage above (this image has no Node.js): publish ships them as they are.
# The project publishes ReadyToRun for the platform this stage runs on, the runtime image's own.
RUN dotnet publish Boilerplate.Host -c Release -o /app -p:BuildAccountApp=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# SQLite's file lives on the volume, the only place the app writes; /app stays read-only.
RUN mkdir /data && chown "$APP_UID" /data
VOLUME /data
ENV BOILERPLATE_ENV=prod \
    ASPNETCORE_HTTP_PORTS=8080 \
    DATABASE_URL=sqlite:////data/boilerplate.db \
    Logging__Console__FormatterName=json \
    Logging__Console__FormatterOptions__IncludeScopes=true
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
    CMD ["dotnet", "Boilerplate.Host.dll", "probe", "http://localhost:8080/health/live"]
ENTRYPOINT ["dotnet", "Boilerplate.Host.dll"]
