package io.workflowpersistence.worker.api;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PageRequestTests {

	private final ParameterReader reader = new ParameterReader(ApiProperties.defaults());

	@Test
	void defaultsToFiftyRowsFromTheStartWithoutCount() {
		PageRequest page = PageRequest.read(this.reader, new PagingParameters(null, null, null));
		this.reader.validate();
		assertThat(page).isEqualTo(new PageRequest(50, null, false));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "1000", " 20 " })
	void acceptsLimitsFromOneToOneThousand(String limit) {
		PageRequest page = PageRequest.read(this.reader, new PagingParameters(limit, null, "true"));
		this.reader.validate();
		assertThat(page.limit()).isEqualTo(Integer.parseInt(limit.strip()));
		assertThat(page.count()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "1001", "-1", "ten", "", "1.5", "99999999999" })
	void refusesOtherLimits(String limit) {
		PageRequest.read(this.reader, new PagingParameters(limit, null, null));
		assertRefused("limit");
	}

	@Test
	void readsACursorOfTheSameSortAndOrder() {
		Cursor cursor = new Cursor("updatedAt", true, Instant.EPOCH, "instance-1");
		PageRequest page = PageRequest.read(this.reader, new PagingParameters(null, CursorCodec.encode(cursor), null),
				"updatedAt", true);
		this.reader.validate();
		assertThat(page.after()).isEqualTo(cursor);
	}

	@Test
	void refusesACursorOfAnotherSortOrOrder() {
		String cursor = CursorCodec.encode(new Cursor("updatedAt", true, Instant.EPOCH, "instance-1"));
		PageRequest.read(this.reader, new PagingParameters(null, cursor, null), "createdAt", true);
		PageRequest.read(this.reader, new PagingParameters(null, cursor, null), "updatedAt", false);
		assertRefused("cursor", "cursor");
	}

	@Test
	void refusesAMalformedCursorAndCount() {
		PageRequest.read(this.reader, new PagingParameters(null, "' OR 1=1 --", "maybe"));
		assertRefused("cursor", "count");
	}

	@Test
	void refusesACursorWhoseIdIsNoUuidForUuidKeyedLists() {
		String cursor = CursorCodec.encode(Cursor.afterId("not-a-uuid"));
		PageRequest page = PageRequest.readUuidKeyed(this.reader, new PagingParameters(null, cursor, null));
		assertThat(page.after()).isNull();
		assertRefused("cursor");
	}

	private void assertRefused(String... names) {
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(this.reader::validate)
			.satisfies((ex) -> assertThat(ex.getInvalidParams()).extracting(InvalidParam::name).containsExactly(names));
	}

}
