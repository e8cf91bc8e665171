/**
 * The read API (docs/contract.md, section 5): keyset-paginated JSON lists and lookups
 * over the projected tables, with RFC 9457 problems for bad input.
 */
package io.workflowpersistence.worker.api;
