/**
 * Encryption of sensitive fields: configured JSON paths inside the {@code data} of events
 * are encrypted with AES-GCM before they are stored, and the read API decrypts them only
 * for callers allowed to see them, masking them for everyone else.
 */
package io.workflowpersistence.worker.protection;
