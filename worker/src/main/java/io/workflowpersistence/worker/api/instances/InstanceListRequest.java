package io.workflowpersistence.worker.api.instances;

import java.util.List;

import io.workflowpersistence.worker.api.ApiProperties;
import io.workflowpersistence.worker.api.PageRequest;
import io.workflowpersistence.worker.api.ParameterReader;

/**
 * An instance list request, read and typed: the filters, the order and the page.
 *
 * @param filter the filters
 * @param sort the sort field
 * @param descending whether the order is descending
 * @param page the page asked for
 */
record InstanceListRequest(InstanceFilter filter, InstanceSort sort, boolean descending, PageRequest page) {

	/**
	 * Reads the parameters of a list or search.
	 * @param parameters the raw parameters
	 * @param properties the limits of the read API
	 * @return the request
	 * @throws io.workflowpersistence.worker.api.InvalidParameterException naming each bad
	 * parameter
	 */
	static InstanceListRequest read(InstanceListParameters parameters, ApiProperties properties) {
		ParameterReader reader = new ParameterReader(properties);
		InstanceFilter filter = InstanceFilter.read(reader, parameters.filter());
		InstancePageParameters pageParameters = parameters.page();
		String field = reader.choice("sort", pageParameters.sort(), InstanceSort.CREATED_AT.field(),
				InstanceSort.FIELDS);
		String order = reader.choice("order", pageParameters.order(), "desc", List.of("asc", "desc"));
		InstanceSort sort = InstanceSort.of(field);
		boolean descending = !"asc".equals(order);
		PageRequest page = PageRequest.read(reader, pageParameters, sort.field(), descending);
		reader.validate();
		return new InstanceListRequest(filter, sort, descending, page);
	}

}
