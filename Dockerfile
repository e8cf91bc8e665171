# The worker image of docker-compose.yml: builds worker.jar with Maven, runs it on a JRE.
# Arguments after the image name go to the jar: `simulate ...` runs the engine simulator.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -ntp -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/worker/target/worker.jar /app/worker.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/worker.jar"]
