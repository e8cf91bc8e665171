package io.workflowpersistence.worker.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * The services of the project's {@code docker-compose.yml}, as the tests that do what it
 * does read them: environments, commands, bind mounts.
 */
final class ComposeFile {

	static final Path ROOT = Path.of("").toAbsolutePath().getParent();

	private static final Pattern FLYWAY_ARGUMENT = Pattern.compile("^-(\\w+)=(.*)$");

	private static final Pattern API_KEY = Pattern.compile("X-API-Key: ([\\w-]+)");

	private final String text;

	private final Map<String, Object> services;

	private ComposeFile(String text, Map<String, Object> services) {
		this.text = text;
		this.services = services;
	}

	static ComposeFile read() {
		try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
			Map<String, Object> compose = new Yaml().load(reader);
			return new ComposeFile(Files.readString(ROOT.resolve("docker-compose.yml")), map(compose.get("services")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read docker-compose.yml in " + ROOT, ex);
		}
	}

	Map<String, String> environment(String service) {
		Map<String, String> environment = new HashMap<>();
		map(service(service).get("environment")).forEach((key, value) -> environment.put(key, String.valueOf(value)));
		return environment;
	}

	List<String> command(String service) {
		return ((List<?>) service(service).get("command")).stream().map(Object::toString).toList();
	}

	/**
	 * The bind mounts of a service whose target lies under a folder, in the order of
	 * their targets' names (the order the image's entrypoint runs its init scripts in).
	 */
	List<Mount> mountsUnder(String service, String folder) {
		return ((List<?>) service(service).get("volumes")).stream().map((volume) -> {
			String[] parts = volume.toString().split(":");
			return new Mount(ROOT.resolve(parts[0]).normalize(), parts[1]);
		}).filter((mount) -> mount.target().startsWith(folder)).sorted(Comparator.comparing(Mount::target)).toList();
	}

	/**
	 * The {@code -name=value} arguments of the {@code migrate} service's Flyway.
	 */
	Map<String, String> flywayArguments() {
		Map<String, String> arguments = new HashMap<>();
		for (String argument : command("migrate")) {
			Matcher matcher = FLYWAY_ARGUMENT.matcher(argument);
			if (matcher.matches()) {
				arguments.put(matcher.group(1), matcher.group(2));
			}
		}
		return arguments;
	}

	/**
	 * The API key the file's comments tell a user to send.
	 */
	String documentedApiKey() {
		Matcher key = API_KEY.matcher(this.text);
		if (!key.find()) {
			throw new IllegalStateException("docker-compose.yml names no X-API-Key to send");
		}
		return key.group(1);
	}

	private Map<String, Object> service(String name) {
		if (!this.services.containsKey(name)) {
			throw new IllegalArgumentException("docker-compose.yml has no service " + name);
		}
		return map(this.services.get(name));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	/**
	 * A file or folder of the project mounted into a container.
	 *
	 * @param source where it is in the project
	 * @param target where the container sees it
	 */
	record Mount(Path source, String target) {
	}

}
