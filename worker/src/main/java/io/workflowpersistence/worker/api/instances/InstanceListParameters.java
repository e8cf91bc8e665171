package io.workflowpersistence.worker.api.instances;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The parameters of an instance list: its filters, then its order and page, each as a
 * request carries them. A search's JSON body holds all of them side by side, as the
 * list's query does.
 *
 * @param filter the filters
 * @param page the order and the page
 */
record InstanceListParameters(@JsonUnwrapped InstanceFilterParameters filter,
		@JsonUnwrapped InstancePageParameters page) {

	// Built by hand or from a body, either part may be missing: it then asks for nothing.
	InstanceListParameters {
		filter = (filter != null) ? filter
				: new InstanceFilterParameters(null, null, null, null, null, null, null, null, null);
		page = (page != null) ? page : new InstancePageParameters(null, null, null, null, null);
	}

}
