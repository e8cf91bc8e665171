package io.workflowpersistence.worker.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request for an id that names no row: answered 404 with a problem.
 */
public class NotFoundException extends ErrorResponseException {

	/**
	 * Creates the exception.
	 * @param resource what was looked for, e.g. {@code workflow instance}
	 * @param id the id that was not found
	 */
	public NotFoundException(String resource, String id) {
		super(HttpStatus.NOT_FOUND, problem(resource, id), null);
	}

	private static ProblemDetail problem(String resource, String id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No " + resource + " has the id '" + id + "'");
		problem.setTitle("Not found");
		problem.setProperty("id", id);
		return problem;
	}

}
