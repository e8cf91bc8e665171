# The worker image of docker-compose.yml: builds the jars with Maven, runs the production jar,
# worker-server.jar, on a JRE. It is worker.jar without the embedded PostgreSQL and Kafka broker
# (about 100 MB less to ship and scan); in the image it keeps the name worker.jar.
# Arguments after the image name go to the jar: `simulate ...` runs the engine simulator.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -ntp -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/worker/target/worker-server.jar /app/worker.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/worker.jar"]
