package io.workflowpersistence.worker.replay;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.workflowpersistence.worker.store.SchemaStores;
import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A rebuild into the live tables: migrated (a lost database starts empty), then emptied
 * in one transaction that also notes where the live consumer group stands. Live workers
 * may go on meanwhile: they apply what comes after their positions, the rebuild reads
 * everything before them, and newest-wins makes the order of the two irrelevant.
 */
final class InPlaceTarget implements RebuildTarget {

	private final ConnectionSettings database;

	private final String live;

	private final String liveGroup;

	private final String group;

	private final List<String> migrations;

	private final int connections;

	private final Map<TopicPartition, Long> livePositions = new HashMap<>();

	private HikariDataSource dataSource;

	InPlaceTarget(ConnectionSettings database, String live, String liveGroup, String group, List<String> migrations,
			int connections) {
		this.database = database;
		this.live = live;
		this.liveGroup = liveGroup;
		this.group = group;
		this.migrations = migrations;
		this.connections = connections;
	}

	@Override
	public String describe() {
		return "the live tables of schema " + this.live + ", emptied first";
	}

	@Override
	public DataSource prepare() {
		this.dataSource = this.database.pooled("rebuild", this.connections, null);
		Flyway.configure()
			.dataSource(this.dataSource)
			.locations(this.migrations.toArray(String[]::new))
			.load()
			.migrate();
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		SchemaStores stores = SchemaStores.on(jdbc);
		TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(this.dataSource));
		LockRetry.run("Emptying the tables", () -> transaction.execute((status) -> {
			jdbc.execute(LockRetry.LOCK_TIMEOUT);
			// No live batch is half-applied once the positions are locked: the ones
			// before are committed, the ones after wait and then apply to the empty
			// tables what comes after the positions read below.
			stores.offsets().lockAll();
			stores.entities().truncateAll();
			stores.offsets().forget(this.group);
			this.livePositions.clear();
			this.livePositions.putAll(stores.offsets().findPositions(this.liveGroup));
			return null;
		}));
		return this.dataSource;
	}

	/**
	 * The live group's positions when the tables were emptied: live workers apply only
	 * what comes after them.
	 */
	@Override
	public Map<TopicPartition, Long> readAtLeastTo() {
		return this.livePositions;
	}

	@Override
	public boolean catchesUp() {
		return false;
	}

	@Override
	public List<String> finish(Map<TopicPartition, Long> positions) {
		return List.of("Rebuilt the live tables of schema " + this.live + " in place.");
	}

	@Override
	public String leftBehind() {
		if (this.dataSource == null) {
			return "";
		}
		return "The tables of schema " + this.live + " hold only part of the topics: run the rebuild again.";
	}

	@Override
	public void close() {
		if (this.dataSource != null) {
			this.dataSource.close();
		}
	}

}
