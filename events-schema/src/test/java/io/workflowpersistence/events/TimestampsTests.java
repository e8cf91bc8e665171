package io.workflowpersistence.events;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 3339 date-times with or without an offset, and what is not one.
 */
class TimestampsTests {

	@ParameterizedTest
	@CsvSource({ "2026-11-24T10:15:30Z, 2026-11-24T10:15:30Z", "2026-11-24T10:15:30, 2026-11-24T10:15:30Z",
			"2026-11-24t10:15:30z, 2026-11-24T10:15:30Z", "2026-11-24T10:15:30+01:00, 2026-11-24T09:15:30Z",
			"2026-11-24T00:15:30+01:00, 2026-11-23T23:15:30Z", "2026-11-24T23:15:30-01:30, 2026-11-25T00:45:30Z",
			"2026-11-24T10:15:30-00:00, 2026-11-24T10:15:30Z", "2026-11-24T10:15:30.1Z, 2026-11-24T10:15:30.100Z",
			"2026-11-24T10:15:30.000001, 2026-11-24T10:15:30.000001Z",
			"2026-11-24T10:15:30.123456789+00:00, 2026-11-24T10:15:30.123456789Z",
			"2024-02-29T23:59:59.999999999Z, 2024-02-29T23:59:59.999999999Z",
			"2000-02-29T00:00:00Z, 2000-02-29T00:00:00Z", "1969-12-31T23:59:59Z, 1969-12-31T23:59:59Z",
			"0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z, 9999-12-31T23:59:59Z" })
	void readsRfc3339DateTimes(String text, String expected) {
		assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "2026-11-24", "2026-11-24 10:15:30Z", "2026-11-24T10:15Z", "2026-11-24T10:15:30.Z",
			"2026-11-24T10:15:30.1234567890Z", "2026-11-24T10:15:30ZZ", "2026-11-24T10:15:30+0100",
			"2026-11-24T10:15:30+01", "2026-11-24T10:15:30+24:00", "2026-11-24T10:15:30+01:60", "2026-00-24T10:15:30Z",
			"2026-13-24T10:15:30Z", "2026-11-00T10:15:30Z", "2026-11-31T10:15:30Z", "2026-02-29T10:15:30Z",
			"1900-02-29T10:15:30Z", "2026-11-24T24:00:00Z", "2026-11-24T10:60:00Z", "2026-11-24T10:15:60Z",
			"2026-11-24T10:15:30Z\n", "+2026-11-24T10:15:30Z", "2026/11/24T10:15:30Z", "2O26-11-24T10:15:30Z" })
	void rejectsWhatIsNotOne(String text) {
		assertThat(Timestamps.parse(text)).isNull();
	}

}
