package io.workflowpersistence.worker.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.FileSystemUtils;

/**
 * A headless Chromium driven through the DevTools protocol over a WebSocket: navigate,
 * evaluate JavaScript, take a screenshot. Closing it ends the browser and every process
 * it started, and deletes its profile.
 */
public final class Chromium implements AutoCloseable {

	private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

	private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://[^\\s]+)");

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Process process;

	private final Path profile;

	private final WebSocket socket;

	private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

	private final AtomicInteger ids = new AtomicInteger();

	private Chromium(Process process, Path profile, URI page) {
		this.process = process;
		this.profile = profile;
		this.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(page, new Replies())
			.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
			.join();
	}

	/**
	 * The Chromium on the {@code PATH}, if any.
	 */
	public static Optional<Path> find() {
		String path = System.getenv().getOrDefault("PATH", "");
		return Stream.of(path.split(File.pathSeparator))
			.flatMap((directory) -> NAMES.stream().map((name) -> Path.of(directory, name)))
			.filter(Files::isExecutable)
			.findFirst();
	}

	/**
	 * Starts the browser headless, with a new profile, a window of the given size and one
	 * blank page.
	 */
	public static Chromium launch(Path executable, int width, int height) throws IOException {
		Path profile = Files.createTempDirectory("chromium-profile-");
		Process process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
				"--remote-debugging-port=0", "--window-size=" + width + "," + height, "about:blank")
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			URI browser = devToolsAddress(process);
			return new Chromium(process, profile, pageAddress(browser));
		}
		catch (RuntimeException ex) {
			stop(process);
			FileSystemUtils.deleteRecursively(profile);
			throw ex;
		}
	}

	/**
	 * Opens the address in the page; the page loads on its own after this returns.
	 */
	public void navigate(String url) {
		send("Page.enable", JSON.createObjectNode());
		send("Page.navigate", JSON.createObjectNode().put("url", url));
	}

	/**
	 * The value of a JavaScript expression evaluated in the page, or {@code null} when it
	 * threw.
	 */
	public JsonNode evaluate(String expression) {
		JsonNode result = send("Runtime.evaluate",
				JSON.createObjectNode().put("expression", expression).put("returnByValue", true));
		if (result.has("exceptionDetails")) {
			return null;
		}
		return result.path("result").path("value");
	}

	/**
	 * A PNG of what the page shows.
	 */
	public byte[] screenshot() {
		JsonNode result = send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
		return Base64.getDecoder().decode(result.get("data").asString());
	}

	@Override
	public void close() throws IOException {
		this.socket.abort();
		stop(this.process);
		FileSystemUtils.deleteRecursively(this.profile);
	}

	private JsonNode send(String method, ObjectNode parameters) {
		int id = this.ids.incrementAndGet();
		CompletableFuture<JsonNode> reply = new CompletableFuture<>();
		this.pending.put(id, reply);
		ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
		message.set("params", parameters);
		this.socket.sendText(JSON.writeValueAsString(message), true).join();
		JsonNode answer = reply.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
		if (answer.has("error")) {
			throw new IllegalStateException(method + " failed: " + answer.get("error"));
		}
		return answer.path("result");
	}

	private static URI devToolsAddress(Process process) {
		CompletableFuture<URI> address = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader errors = new BufferedReader(
					new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = errors.readLine()) != null) {
					Matcher matcher = DEVTOOLS.matcher(line);
					if (matcher.find()) {
						address.complete(URI.create(matcher.group(1)));
					}
				}
				address.completeExceptionally(new IllegalStateException("Chromium ended without DevTools"));
			}
			catch (IOException ex) {
				address.completeExceptionally(ex);
			}
		}, "chromium-stderr");
		reader.setDaemon(true);
		reader.start();
		return address.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
	}

	private static URI pageAddress(URI browser) {
		URI list = URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list");
		try {
			String body = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(list).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString())
				.body();
			for (JsonNode target : JSON.readTree(body)) {
				if ("page".equals(target.path("type").asString())) {
					return URI.create(target.get("webSocketDebuggerUrl").asString());
				}
			}
			throw new IllegalStateException("Chromium has no page: " + body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void stop(Process process) {
		List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
		all.add(process.toHandle());
		all.forEach(ProcessHandle::destroy);
		for (ProcessHandle handle : all) {
			try {
				handle.onExit().get(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				handle.destroyForcibly();
			}
		}
	}

	/**
	 * Gathers the text frames of each reply and hands it to the command waiting for it.
	 */
	private final class Replies implements WebSocket.Listener {

		private final StringBuilder text = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				JsonNode message = JSON.readTree(this.text.toString());
				this.text.setLength(0);
				if (message.has("id")) {
					CompletableFuture<JsonNode> reply = Chromium.this.pending.remove(message.get("id").asInt());
					if (reply != null) {
						reply.complete(message);
					}
				}
			}
			webSocket.request(1);
			return null;
		}

	}

}
