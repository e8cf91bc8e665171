package io.workflowpersistence.worker.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Turns cursors into opaque URL-safe strings and back. Decoding accepts only what
 * {@link #encode} writes, so a cursor can never carry anything but a sort name, a
 * timestamp PostgreSQL can store and an id; its values are always bound as parameters.
 */
public final class CursorCodec {

	private static final byte FORMAT = 1;

	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

	private CursorCodec() {
	}

	/**
	 * Encodes a cursor.
	 * @param cursor the cursor
	 * @return its opaque, URL-safe text
	 */
	public static String encode(Cursor cursor) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeByte(FORMAT);
			out.writeUTF(cursor.sort());
			out.writeBoolean(cursor.descending());
			out.writeBoolean(cursor.value() != null);
			if (cursor.value() != null) {
				out.writeLong(cursor.value().getEpochSecond());
				out.writeInt(cursor.value().getNano());
			}
			out.writeUTF(cursor.id());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
	}

	/**
	 * Decodes a cursor.
	 * @param text the text {@link #encode} wrote
	 * @return the cursor, or empty when the text is not one
	 */
	public static Optional<Cursor> decode(String text) {
		try {
			byte[] bytes = Base64.getUrlDecoder().decode(text);
			DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
			if (in.readByte() != FORMAT) {
				return Optional.empty();
			}
			Cursor cursor = new Cursor(in.readUTF(), in.readBoolean(), readValue(in), in.readUTF());
			return (in.available() == 0 && isStorable(cursor)) ? Optional.of(cursor) : Optional.empty();
		}
		catch (IOException | IllegalArgumentException | DateTimeException ex) {
			return Optional.empty();
		}
	}

	private static Instant readValue(DataInputStream in) throws IOException {
		if (!in.readBoolean()) {
			return null;
		}
		return Instant.ofEpochSecond(in.readLong(), in.readInt());
	}

	private static boolean isStorable(Cursor cursor) {
		Instant value = cursor.value();
		boolean valueInRange = value == null || (!value.isBefore(EARLIEST) && !value.isAfter(LATEST));
		return valueInRange && cursor.id().indexOf('\0') < 0;
	}

}
