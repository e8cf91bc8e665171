package io.workflowpersistence.worker.api;

/**
 * The paging parameters every list takes, as the request carries them.
 */
public interface PageParameters extends QueryParameters {

	/**
	 * The page size asked for.
	 * @return the raw {@code limit}, or {@code null}
	 */
	String limit();

	/**
	 * The cursor of the page before.
	 * @return the raw {@code cursor}, or {@code null} for the first page
	 */
	String cursor();

	/**
	 * Whether the answer should carry the total count.
	 * @return the raw {@code count}, or {@code null}
	 */
	String count();

}
