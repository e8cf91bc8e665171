package io.workflowpersistence.worker.api;

/**
 * A record of the raw query parameters of one endpoint, built by
 * {@link QueryParametersResolver}: each component of type {@code List<String>} takes
 * every value of the parameter of its name, each {@code String} component its single
 * value.
 */
public interface QueryParameters {

}
