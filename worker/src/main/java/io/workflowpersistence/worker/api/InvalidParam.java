package io.workflowpersistence.worker.api;

/**
 * One bad request parameter, as listed in the {@code invalidParams} member of a 400
 * problem.
 *
 * @param name the parameter (or JSON body field) name
 * @param reason why its value was refused
 */
public record InvalidParam(String name, String reason) {

}
