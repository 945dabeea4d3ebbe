# One image recipe for every service: docker compose passes the module to build.
# Build stage: the Maven wrapper builds only that module and what it depends on.
FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests -pl "${MODULE}" -am package

FROM eclipse-temurin:17-jre
ARG MODULE
WORKDIR /app
COPY --from=build /src/${MODULE}/target/${MODULE}.jar app.jar
RUN useradd --system --uid 10001 app && mkdir -p /data && chown app /data
USER app
# The container's memory limit, not the host's, sizes the heap.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
