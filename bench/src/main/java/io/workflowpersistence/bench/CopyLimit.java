package io.workflowpersistence.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.workflowpersistence.db.testing.DatabaseInfo;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The physical limit on the writing side: the final rows of a drain, dumped with
 * {@code COPY … TO STDOUT (FORMAT binary)}, loaded with {@code COPY … FROM STDIN (FORMAT
 * binary)} into a freshly migrated database (the same tables with the same indexes) in
 * one transaction, through pgjdbc's {@link CopyManager}.
 */
final class CopyLimit {

	private final Path directory;

	private final Map<String, Long> rows = new LinkedHashMap<>();

	private CopyLimit(Path directory) {
		this.directory = directory;
	}

	/**
	 * Dumps the tables of a drained database into files under {@code directory}.
	 */
	static CopyLimit dump(DatabaseInfo source, Path directory) throws SQLException {
		CopyLimit limit = new CopyLimit(directory);
		try (Connection connection = Databases.connect(source)) {
			Files.createDirectories(directory);
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			for (String table : Tables.ALL) {
				try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(limit.file(table)), 1 << 20)) {
					limit.rows.put(table, copy.copyOut("COPY " + table + " TO STDOUT (FORMAT binary)", out));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot dump the tables into " + directory, ex);
		}
		return limit;
	}

	/**
	 * Loads the dumped rows into a fresh database once per run.
	 */
	List<Result> load(int runs) throws SQLException {
		List<Result> results = new ArrayList<>();
		for (int run = 1; run <= runs; run++) {
			DatabaseInfo target = Databases.migrated("bench_copy");
			try {
				results.add(loadInto(target));
			}
			finally {
				Databases.drop(target);
			}
		}
		return results;
	}

	long rows() {
		return Tables.total(this.rows);
	}

	long bytes() {
		return Tables.ALL.stream().mapToLong((table) -> {
			try {
				return Files.size(file(table));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).sum();
	}

	private Result loadInto(DatabaseInfo target) throws SQLException {
		try (Connection connection = Databases.connect(target)) {
			connection.setAutoCommit(false);
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			long loaded = 0;
			long started = System.nanoTime();
			for (String table : Tables.ALL) {
				try (InputStream in = new BufferedInputStream(Files.newInputStream(file(table)), 1 << 20)) {
					loaded += copy.copyIn("COPY " + table + " FROM STDIN (FORMAT binary)", in);
				}
			}
			connection.commit();
			double seconds = (System.nanoTime() - started) / 1e9;
			if (loaded != rows()) {
				throw new IllegalStateException("COPY loaded " + loaded + " rows but " + rows() + " were dumped");
			}
			return new Result(loaded, seconds);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the dumped rows in " + this.directory, ex);
		}
	}

	private Path file(String table) {
		return this.directory.resolve(table + ".bin");
	}

	/**
	 * One load.
	 *
	 * @param rows the rows loaded
	 * @param seconds from the first COPY to the commit
	 */
	record Result(long rows, double seconds) {

		double rate() {
			return this.rows / this.seconds;
		}

	}

}
