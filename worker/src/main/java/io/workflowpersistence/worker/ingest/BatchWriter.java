package io.workflowpersistence.worker.ingest;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.workflowpersistence.events.EntityType;
import io.workflowpersistence.events.WorkflowEvent;
import io.workflowpersistence.worker.store.EntityStore;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a reduced batch inside the caller's transaction. When PostgreSQL refuses the
 * data of some event (a value too long, a character it cannot store), the batch is split
 * in halves under savepoints until each refused event stands alone, so the good events
 * keep the batch path and only the refused ones are named.
 */
class BatchWriter {

	private final EntityStore store;

	private final TransactionTemplate savepoint;

	BatchWriter(EntityStore store, PlatformTransactionManager transactions) {
		this.store = store;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	Result write(List<WorkflowEvent> events) {
		Result result = new Result(new EnumMap<>(EntityType.class), new IdentityHashMap<>());
		if (!events.isEmpty()) {
			write(events, result);
		}
		return result;
	}

	private void write(List<WorkflowEvent> events, Result result) {
		try {
			Map<EntityType, Integer> applied = this.savepoint.execute((status) -> this.store.applyAll(events));
			applied.forEach((type, count) -> result.applied().merge(type, count, Integer::sum));
		}
		catch (DataAccessException ex) {
			if (!isRefusedData(ex)) {
				throw ex;
			}
			if (events.size() == 1) {
				result.refused().put(events.get(0), "PostgreSQL refused the event: " + rootMessage(ex));
				return;
			}
			int half = events.size() / 2;
			write(new ArrayList<>(events.subList(0, half)), result);
			write(new ArrayList<>(events.subList(half, events.size())), result);
		}
	}

	// SQLSTATE classes 22 (data exception), 23 (integrity constraint violation) and 54
	// (program limit exceeded) describe the data; anything else is retried, never
	// skipped.
	static boolean isRefusedData(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				String sqlClass = sql.getSQLState().substring(0, 2);
				return sqlClass.equals("22") || sqlClass.equals("23") || sqlClass.equals("54");
			}
		}
		return false;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getMessage();
	}

	/**
	 * What the writer applied, per family, and the events PostgreSQL refused, with why.
	 */
	record Result(Map<EntityType, Integer> applied, Map<WorkflowEvent, String> refused) {
	}

}
