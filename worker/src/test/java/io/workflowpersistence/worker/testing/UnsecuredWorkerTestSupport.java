package io.workflowpersistence.worker.testing;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The worker on a random port with access control off, for tests of what it ingests and
 * shows rather than who may see it; each subclass names its database and topics in a
 * {@code @DynamicPropertySource} of its own (see {@link WorkerConnections}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "worker.security.enabled=false")
public abstract class UnsecuredWorkerTestSupport {

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

}
