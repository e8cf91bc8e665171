package io.workflowpersistence.worker.api.bookmarks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.workflowpersistence.worker.api.ApiProperties;
import io.workflowpersistence.worker.api.NotFoundException;
import io.workflowpersistence.worker.api.Page;
import io.workflowpersistence.worker.api.PageRequest;
import io.workflowpersistence.worker.api.PagingParameters;
import io.workflowpersistence.worker.api.ParameterReader;
import io.workflowpersistence.worker.api.Where;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bookmarks: found by hash, name or activity, or listed for one instance; by id.
 */
@RestController
@Tag(name = "Bookmarks", description = "Where instances wait to be resumed")
class BookmarkController {

	private final BookmarkRepository bookmarks;

	private final ApiProperties properties;

	BookmarkController(BookmarkRepository bookmarks, ApiProperties properties) {
		this.bookmarks = bookmarks;
		this.properties = properties;
	}

	@GetMapping("/api/v1/bookmarks")
	@Operation(operationId = "listBookmarks", summary = "List bookmarks",
			description = "Bookmarks matching every filter given, by id.")
	Page<Bookmark> list(@ParameterObject BookmarkListParameters parameters) {
		ParameterReader reader = new ParameterReader(this.properties);
		Where where = new Where().equal("Hash", "hash", reader.text("hash", parameters.hash()))
			.contains("Name", "name", reader.text("name", parameters.name()))
			.equal("ActivityId", "activityId", reader.text("activityId", parameters.activityId()));
		PageRequest page = PageRequest.read(reader, parameters);
		reader.validate();
		return this.bookmarks.page(where, page);
	}

	@GetMapping("/api/v1/instances/{id}/bookmarks")
	@Operation(operationId = "listInstanceBookmarks", summary = "List the bookmarks of an instance",
			description = "By id.")
	Page<Bookmark> listOfInstance(@Parameter(description = "Instance id.") @PathVariable String id,
			@ParameterObject PagingParameters parameters) {
		ParameterReader reader = new ParameterReader(this.properties);
		PageRequest page = PageRequest.read(reader, parameters);
		reader.validate();
		if (!this.bookmarks.instanceExists(ParameterReader.pathId(id))) {
			throw new NotFoundException("workflow instance", id);
		}
		return this.bookmarks.page(new Where().equal("WorkflowInstanceId", "instanceId", id), page);
	}

}
