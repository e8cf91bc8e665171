package io.workflowpersistence.worker.api;

import java.util.List;
import java.util.stream.Collectors;

import io.workflowpersistence.worker.api.datasource.RecoveryConflictException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Answers request errors as RFC 9457 problems ({@code application/problem+json}): a bad
 * parameter or body 400 naming it in {@code invalidParams}, an unknown id 404, a query
 * cancelled by its timeout, twice by a standby's recovery conflict, or an unreachable
 * database 503. Bad input never answers 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler(QueryTimeoutException.class)
	ResponseEntity<Object> handleQueryTimeout(QueryTimeoutException ex, WebRequest request) {
		return unavailable(ex, "The query ran longer than the read API allows; narrow the filters.", request);
	}

	@ExceptionHandler(RecoveryConflictException.class)
	ResponseEntity<Object> handleRecoveryConflict(RecoveryConflictException ex, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The replica cancelled the query twice to apply changes from the primary; try again shortly.");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "1");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	@ExceptionHandler(DataAccessResourceFailureException.class)
	ResponseEntity<Object> handleDatabaseUnavailable(DataAccessResourceFailureException ex, WebRequest request) {
		return unavailable(ex, "The database cannot be reached; try again later.", request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		InvalidParam param = unreadableBody(ex.getCause());
		return badRequest(ex, List.of(param), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidParam> params = ex.getFieldErrors()
			.stream()
			.map((error) -> new InvalidParam(error.getField(), "has an invalid value"))
			.toList();
		return badRequest(ex, params, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		return badRequest(ex, List.of(new InvalidParam(name, "has a value of the wrong type")), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return badRequest(ex, List.of(new InvalidParam(ex.getParameterName(), "is required")), headers, request);
	}

	private ResponseEntity<Object> badRequest(Exception ex, List<InvalidParam> params, HttpHeaders headers,
			WebRequest request) {
		return handleExceptionInternal(ex, InvalidParameterException.problem(params), headers, HttpStatus.BAD_REQUEST,
				request);
	}

	private ResponseEntity<Object> unavailable(Exception ex, String detail, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	private static InvalidParam unreadableBody(Throwable cause) {
		if (cause == null) {
			return new InvalidParam("body", "is required: a JSON object of filters");
		}
		if (cause instanceof StreamReadException) {
			return new InvalidParam("body", "is not well-formed JSON");
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return new InvalidParam(fieldName(unknown.getPath()), "is not a field of this request");
		}
		if (cause instanceof JacksonException mapping && !mapping.getPath().isEmpty()) {
			return new InvalidParam(fieldName(mapping.getPath()), "has a value of the wrong type");
		}
		return new InvalidParam("body", "must be a JSON object of filters");
	}

	private static String fieldName(List<JacksonException.Reference> path) {
		return path.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? "." + reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining())
			.replaceFirst("^\\.", "");
	}

}
