/**
 * Access control of the read API and the actuator: OAuth2 bearer tokens (JWT) and static
 * API keys carrying scopes, RFC 9457 problems for 401 and 403, a JSON access log of API
 * calls, and the limits that keep analysts' requests from starving ingestion.
 */
package io.workflowpersistence.worker.security;
