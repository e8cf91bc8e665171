package io.workflowpersistence.worker.api;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CursorCodecTests {

	@Test
	void decodesWhatItEncodes() {
		Cursor cursor = new Cursor("createdAt", true, Instant.parse("2024-05-01T08:00:00.123456Z"), "instance-7");
		assertThat(CursorCodec.decode(CursorCodec.encode(cursor))).contains(cursor);
	}

	@Test
	void keepsAMissingSortValueAndAnyCharactersOfTheId() {
		Cursor cursor = new Cursor("finishedAt", false, null, "ä/' OR 1=1 --");
		assertThat(CursorCodec.decode(CursorCodec.encode(cursor))).contains(cursor);
	}

	@Test
	void encodesToUrlSafeTextThatShowsNoSql() {
		String text = CursorCodec.encode(Cursor.afterId("x' OR '1'='1"));
		assertThat(text).matches("[A-Za-z0-9_-]+").doesNotContain("OR");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not a cursor", "' OR 1=1 --", "AAAA", "%%%", "eyJzb3J0IjoiY3JlYXRlZEF0In0" })
	void refusesTextItDidNotWrite(String text) {
		assertThat(CursorCodec.decode(text)).isEmpty();
	}

	@Test
	void refusesATruncatedCursor() {
		String text = CursorCodec.encode(new Cursor("createdAt", true, Instant.EPOCH, "instance-7"));
		assertThat(CursorCodec.decode(text.substring(0, text.length() - 3))).isEmpty();
	}

	@Test
	void refusesTrailingBytes() throws IOException {
		assertThat(CursorCodec.decode(forged("createdAt", Instant.EPOCH, "a", true))).isEmpty();
	}

	@Test
	void refusesTimestampsPostgresqlCannotStore() throws IOException {
		assertThat(CursorCodec.decode(forged("createdAt", Instant.parse("+20000-01-01T00:00:00Z"), "a", false)))
			.isEmpty();
		assertThat(CursorCodec.decode(forged("createdAt", Instant.parse("-5000-01-01T00:00:00Z"), "a", false)))
			.isEmpty();
	}

	@Test
	void refusesAnIdWithTheNulCharacter() throws IOException {
		assertThat(CursorCodec.decode(forged("id", null, "a\0b", false))).isEmpty();
	}

	@Test
	void acceptsTheForgeryOfAWellFormedCursorAsData() throws IOException {
		assertThat(CursorCodec.decode(forged("createdAt", Instant.EPOCH, "'; DROP TABLE x; --", false)))
			.contains(new Cursor("createdAt", true, Instant.EPOCH, "'; DROP TABLE x; --"));
	}

	private static String forged(String sort, Instant value, String id, boolean trailing) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeByte(1);
			out.writeUTF(sort);
			out.writeBoolean(true);
			out.writeBoolean(value != null);
			if (value != null) {
				out.writeLong(value.getEpochSecond());
				out.writeInt(value.getNano());
			}
			out.writeUTF(id);
			if (trailing) {
				out.writeByte(0);
			}
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
	}

}
