package io.workflowpersistence.worker.store;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * One column of an entity table: its name, its PostgreSQL type and how to read its value
 * from the entity.
 *
 * @param name the column name as written in the migrations
 * @param sqlType the PostgreSQL type the bound array is cast to (e.g. {@code varchar},
 * {@code jsonb}, {@code timestamptz})
 * @param value reads the column's value from the entity; {@code null} stores NULL
 * @param <E> the entity type
 */
record Column<E>(String name, String sqlType, Function<E, Object> value) {

	static <E> Column<E> text(String name, Function<E, String> value) {
		return new Column<>(name, "varchar", value::apply);
	}

	static <E> Column<E> json(String name, Function<E, String> value) {
		return new Column<>(name, "jsonb", value::apply);
	}

	static <E> Column<E> integer(String name, Function<E, Integer> value) {
		return new Column<>(name, "int", value::apply);
	}

	static <E> Column<E> bool(String name, Function<E, Boolean> value) {
		return new Column<>(name, "boolean", value::apply);
	}

	static <E> Column<E> uuid(String name, Function<E, UUID> value) {
		return new Column<>(name, "uuid", value::apply);
	}

	static <E> Column<E> timestamp(String name, Function<E, Instant> value) {
		return new Column<>(name, "timestamptz", value::apply);
	}

}
