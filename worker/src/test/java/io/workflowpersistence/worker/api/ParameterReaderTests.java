package io.workflowpersistence.worker.api;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ParameterReaderTests {

	private final ParameterReader reader = new ParameterReader(ApiProperties.defaults());

	@Test
	void readsTimestampsWithAnOffset() {
		assertThat(this.reader.timestamp("createdFrom", "2024-05-01T10:00:00+02:00"))
			.isEqualTo(OffsetDateTime.parse("2024-05-01T08:00:00Z")
				.withOffsetSameInstant(OffsetDateTime.parse("2024-05-01T10:00:00+02:00").getOffset()));
		assertThat(this.reader.timestamp("createdTo", "2024-05-01T08:00:00.123456Z")).isNotNull();
		this.reader.validate();
	}

	@Test
	void refusesTimestampsWithoutAnOffsetOrMalformed() {
		this.reader.timestamp("createdFrom", "2024-05-01T08:00:00");
		this.reader.timestamp("createdTo", "yesterday");
		this.reader.timestamp("updatedFrom", "2024-13-01T08:00:00Z");
		assertRefused("createdFrom", "createdTo", "updatedFrom");
	}

	@Test
	void refusesTimestampsPostgresqlCannotStore() {
		this.reader.timestamp("updatedTo", "+12345-01-01T00:00:00Z");
		assertRefused("updatedTo");
	}

	@Test
	void readsStatusNamesAndRefusesAnythingElse() {
		assertThat(this.reader.statuses("status", List.of("Running", "Faulted"))).containsExactly("Running", "Faulted");
		this.reader.validate();
		this.reader.status("subStatus", "' OR 1=1 --");
		this.reader.statuses("status", List.of("Running", ""));
		assertRefused("subStatus", "status");
	}

	@Test
	void refusesMoreValuesThanAllowed() {
		this.reader.texts("definitionId", Collections.nCopies(1001, "definition-1"));
		assertRefused("definitionId");
	}

	@Test
	void refusesNullValuesInAList() {
		this.reader.texts("definitionId", Arrays.asList("definition-1", null));
		assertRefused("definitionId");
	}

	@Test
	void keepsSqlLookingTextAsData() {
		assertThat(this.reader.text("name", "' OR 1=1 --")).isEqualTo("' OR 1=1 --");
		this.reader.validate();
	}

	@Test
	void refusesTextWithTheNulCharacterOrTooLong() {
		this.reader.text("name", "a\0b");
		this.reader.text("correlationId", "x".repeat(1001));
		assertRefused("name", "correlationId");
	}

	@Test
	void readsBooleansIgnoringCase() {
		assertThat(this.reader.bool("isLatest", "TRUE")).isTrue();
		assertThat(this.reader.bool("isPublished", "false")).isFalse();
		assertThat(this.reader.bool("isEnabled", null)).isNull();
		this.reader.bool("count", "yes");
		assertRefused("count");
	}

	@Test
	void readsUuids() {
		UUID id = UUID.randomUUID();
		assertThat(this.reader.uuid("categoryId", id.toString())).isEqualTo(id);
		this.reader.uuid("categoryId", "1-2-3-4-5");
		assertRefused("categoryId");
	}

	@Test
	void readsOneOfTheAllowedWordsOrTheDefault() {
		assertThat(this.reader.choice("sort", null, "createdAt", List.of("createdAt", "updatedAt")))
			.isEqualTo("createdAt");
		assertThat(this.reader.choice("sort", "updatedAt", "createdAt", List.of("createdAt", "updatedAt")))
			.isEqualTo("updatedAt");
		this.reader.choice("sort", "name; DROP TABLE x", "createdAt", List.of("createdAt", "updatedAt"));
		assertRefused("sort");
	}

	@Test
	void refusesAPathIdWithTheNulCharacter() {
		assertThat(ParameterReader.pathId("instance-1")).isEqualTo("instance-1");
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> ParameterReader.pathId("a\0"))
			.satisfies((ex) -> assertThat(ex.getInvalidParams()).extracting(InvalidParam::name).containsExactly("id"));
	}

	private void assertRefused(String... names) {
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(this.reader::validate)
			.satisfies((ex) -> assertThat(ex.getInvalidParams()).extracting(InvalidParam::name).containsExactly(names));
	}

}
