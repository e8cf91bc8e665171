package io.workflowpersistence.worker.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.workflowpersistence.kafka.SingleNodeKafka;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker (KRaft, in process) with a TLS listener and a
 * {@link TestCertificate}; clients must trust that certificate and verify the host name.
 * The test kit it runs in also keeps a plaintext listener of its own for the broker's
 * inner traffic; {@link #bootstrapServers()} names only the TLS one.
 */
public final class TlsKafkaBroker implements AutoCloseable {

	private static final String LISTENER = "SSL";

	private final KafkaClusterTestKit cluster;

	private final int port;

	private final TestCertificate certificate;

	private final KafkaProducer<byte[], byte[]> producer;

	private TlsKafkaBroker(KafkaClusterTestKit cluster, int port, TestCertificate certificate) {
		this.cluster = cluster;
		this.port = port;
		this.certificate = certificate;
		Map<String, Object> producerConfig = new HashMap<>(clientConfig());
		producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
		this.producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
	}

	/**
	 * Starts the broker and creates the topics, three partitions each; it stops when the
	 * JVM exits.
	 * @param certificate the broker's certificate
	 * @param topics the topics to create
	 * @return the running broker
	 */
	public static TlsKafkaBroker start(TestCertificate certificate, List<String> topics) {
		try {
			TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true)
				.setNumBrokerNodes(1)
				.setNumControllerNodes(1)
				.build();
			KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
			String inner = nodes.brokerListenerName().value();
			String controller = nodes.controllerListenerName().value();
			int port = freePort();
			builder.setConfigProp("listeners",
					"%s://localhost:0,%s://localhost:0,%s://localhost:%d".formatted(inner, controller, LISTENER, port));
			builder.setConfigProp("listener.security.protocol.map",
					"%s:PLAINTEXT,%s:PLAINTEXT,%s:SSL".formatted(inner, controller, LISTENER));
			Map<String, Object> broker = Map.of(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG,
					certificate.keyStore().toString(), SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, certificate.password(),
					SslConfigs.SSL_KEY_PASSWORD_CONFIG, certificate.password(), SslConfigs.SSL_KEYSTORE_TYPE_CONFIG,
					"PKCS12", SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, certificate.trustStore().toString(),
					SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, certificate.password(),
					SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12", "num.partitions", "3");
			broker.forEach(builder::setConfigProp);
			SingleNodeKafka.singleReplica().forEach(builder::setConfigProp);
			KafkaClusterTestKit cluster = builder.build();
			cluster.format();
			cluster.startup();
			cluster.waitForReadyBrokers();
			TlsKafkaBroker started = new TlsKafkaBroker(cluster, port, certificate);
			started.createTopics(topics);
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "tls-kafka-stop"));
			return started;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot start a Kafka broker with a TLS listener", ex);
		}
	}

	/**
	 * The TLS listener.
	 * @return {@code localhost:<port>}
	 */
	public String bootstrapServers() {
		return "localhost:" + this.port;
	}

	/**
	 * What a client needs to reach the broker: TLS, trusting the test certificate.
	 * @return client settings
	 */
	public Map<String, Object> clientConfig() {
		return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL", SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG,
				this.certificate.trustStore().toString(), SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG,
				this.certificate.password(), SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
	}

	/**
	 * Sends the records and waits until the broker has acknowledged all of them.
	 * @param records the records
	 */
	public void send(List<ProducerRecord<byte[], byte[]>> records) {
		try {
			for (var future : records.stream().map(this.producer::send).toList()) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send over TLS", ex);
		}
	}

	@Override
	public synchronized void close() {
		try {
			this.producer.close(Duration.ofSeconds(2));
			this.cluster.close();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private void createTopics(List<String> topics) throws InterruptedException, ExecutionException {
		try (Admin admin = Admin.create(clientConfig())) {
			admin.createTopics(topics.stream().map((topic) -> new NewTopic(topic, 3, (short) 1)).toList()).all().get();
		}
	}

}
