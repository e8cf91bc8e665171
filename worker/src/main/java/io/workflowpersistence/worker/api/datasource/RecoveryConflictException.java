package io.workflowpersistence.worker.api.datasource;

import org.springframework.dao.TransientDataAccessResourceException;

/**
 * A read cancelled by a hot standby's recovery conflict twice in a row: the standby had
 * to replay changes the query still needed. Trying again later may succeed.
 */
public class RecoveryConflictException extends TransientDataAccessResourceException {

	RecoveryConflictException(String message, Throwable cause) {
		super(message, cause);
	}

}
