/**
 * Bookmarks: looked up by hash, name or activity, or listed per instance.
 */
package io.workflowpersistence.worker.api.bookmarks;
