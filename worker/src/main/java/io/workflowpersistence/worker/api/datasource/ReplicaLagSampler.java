package io.workflowpersistence.worker.api.datasource;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Samples the replication position of the database behind the read API's pool at a fixed
 * interval and keeps the lag in {@link ReplicaLag}, so that no API request asks the
 * database for it. It samples through one connection of its own, made as the API pool
 * makes its connections, on a thread of its own: API queries filling their pool neither
 * delay a sample nor make it fail, and a slow sample delays no other scheduled task.
 */
@Component
class ReplicaLagSampler implements InitializingBean, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ReplicaLagSampler.class);

	// Every function here may be called by any user, on a primary as on a standby; the
	// WAL receiver's row shows its pid to every user.
	private static final String POSITION = """
			SELECT pg_is_in_recovery() AS Standby,
				EXISTS (SELECT 1 FROM pg_stat_wal_receiver) AS Streaming,
				COALESCE(pg_last_wal_receive_lsn() <= pg_last_wal_replay_lsn(), false) AS ReplayedAllReceived,
				pg_last_xact_replay_timestamp() AS LastReplayedCommit,
				clock_timestamp() AS SampledAt
			""";

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final ReplicaLag lag;

	private final ApiDataSourceProperties properties;

	private final LagEstimator estimator = new LagEstimator();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "replica-lag");
		thread.setDaemon(true);
		return thread;
	});

	ReplicaLagSampler(@ApiDataSource DataSource apiDataSource, ReplicaLag lag, ApiDataSourceProperties properties) {
		this.dataSource = ownConnection(apiDataSource);
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.jdbc.setQueryTimeout(5);
		this.lag = lag;
		this.properties = properties;
	}

	@Override
	public void afterPropertiesSet() {
		long interval = this.properties.lagSampleInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::sample, 0, interval, TimeUnit.MILLISECONDS);
	}

	void sample() {
		try {
			ReplicaPosition position = this.jdbc.queryForObject(POSITION,
					(row, number) -> new ReplicaPosition(row.getBoolean("Standby"), row.getBoolean("Streaming"),
							row.getBoolean("ReplayedAllReceived"), instant(row.getTimestamp("LastReplayedCommit")),
							row.getTimestamp("SampledAt").toInstant()));
			boolean wasFailing = this.lag.last().error() != null;
			this.lag.sampled(position.standby(), this.estimator.lag(position), position.at());
			if (wasFailing) {
				logger.info("Sampling the read API database's replication lag again");
			}
		}
		catch (RuntimeException ex) {
			if (RecoveryConflictRetry.isRecoveryConflict(ex)) {
				// The next sample comes soon enough; the last value stands until then.
				return;
			}
			if (this.lag.last().error() == null) {
				logger.warn("Cannot sample the read API database's replication lag: {}", ex.toString());
			}
			this.lag.failed(ex, Instant.now());
		}
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
		if (this.dataSource instanceof HikariDataSource own) {
			own.close();
		}
	}

	private static DataSource ownConnection(DataSource apiDataSource) {
		if (!(apiDataSource instanceof HikariDataSource api)) {
			return apiDataSource;
		}
		HikariConfig config = new HikariConfig();
		api.copyStateTo(config);
		config.setPoolName("api-lag");
		config.setMaximumPoolSize(1);
		config.setMinimumIdle(1);
		// A database that cannot be reached yet fails no bean, only the samples until it
		// answers.
		config.setInitializationFailTimeout(-1);
		return new HikariDataSource(config);
	}

	private static Instant instant(java.sql.Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
