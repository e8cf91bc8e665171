package io.workflowpersistence.worker.api;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request with one or more bad parameters: answered 400 with a problem that names each
 * of them in {@code invalidParams}.
 */
public class InvalidParameterException extends ErrorResponseException {

	private final List<InvalidParam> invalidParams;

	/**
	 * Creates the exception.
	 * @param invalidParams the bad parameters, at least one
	 */
	public InvalidParameterException(List<InvalidParam> invalidParams) {
		super(HttpStatus.BAD_REQUEST, problem(invalidParams), null);
		this.invalidParams = List.copyOf(invalidParams);
	}

	/**
	 * Creates the exception for a single bad parameter.
	 * @param name the parameter name
	 * @param reason why its value was refused
	 */
	public InvalidParameterException(String name, String reason) {
		this(List.of(new InvalidParam(name, reason)));
	}

	/**
	 * The bad parameters.
	 * @return each bad parameter with its reason
	 */
	public List<InvalidParam> getInvalidParams() {
		return this.invalidParams;
	}

	/**
	 * The problem a request with these bad parameters is answered with.
	 * @param invalidParams the bad parameters
	 * @return a 400 problem naming each of them
	 */
	public static ProblemDetail problem(List<InvalidParam> invalidParams) {
		String detail = invalidParams.stream()
			.map((param) -> "'" + param.name() + "' " + param.reason())
			.collect(Collectors.joining("; ", "Invalid parameter: ", ""));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid request parameter");
		problem.setProperty("invalidParams", invalidParams);
		return problem;
	}

}
