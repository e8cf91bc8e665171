package io.workflowpersistence.worker.replay;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.workflowpersistence.worker.replay.SchemaObjects.SchemaObject;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gives the relations of a fresh schema the owner and the privileges of their live
 * namesakes, so that the worker's and the readers' users keep their rights across a swap
 * (default privileges are granted per schema, and the fresh schema has none).
 */
final class TablePrivileges {

	private static final String GRANTS = """
			SELECT quote_ident(c.relname) AS name, c.relkind = 'S' AS sequence, a.privilege_type,
			       CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee,
			       a.is_grantable
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			CROSS JOIN LATERAL aclexplode(c.relacl) a
			WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND a.grantee <> c.relowner
			ORDER BY 1, 4, 3
			""";

	private TablePrivileges() {
	}

	/**
	 * Copies owners and grants of the live relations onto the fresh ones of the same
	 * name.
	 * @return how many grants were copied
	 */
	static int copy(JdbcTemplate jdbc, String live, List<SchemaObject> liveObjects, String fresh,
			List<SchemaObject> freshObjects) {
		Map<String, SchemaObject> freshByIdentity = freshObjects.stream()
			.collect(Collectors.toMap(SchemaObject::identity, Function.identity()));
		for (SchemaObject liveObject : liveObjects) {
			SchemaObject freshObject = freshByIdentity.get(liveObject.identity());
			if (freshObject != null && !freshObject.owner().equals(liveObject.owner())) {
				jdbc.execute("ALTER " + freshObject.kind() + " " + freshObject.in(fresh) + " OWNER TO "
						+ quote(liveObject.owner()));
			}
		}
		Set<String> relations = freshObjects.stream()
			.filter(SchemaObject::isRelation)
			.map(SchemaObject::identity)
			.collect(Collectors.toSet());
		List<String> grants = jdbc.query(GRANTS, (row, number) -> {
			String name = row.getString("name");
			if (!relations.contains(name)) {
				return null;
			}
			return "GRANT " + row.getString("privilege_type") + " ON "
					+ (row.getBoolean("sequence") ? "SEQUENCE " : "TABLE ") + fresh + "." + name + " TO "
					+ row.getString("grantee") + (row.getBoolean("is_grantable") ? " WITH GRANT OPTION" : "");
		}, live);
		List<String> applicable = grants.stream().filter((grant) -> grant != null).toList();
		applicable.forEach(jdbc::execute);
		return applicable.size();
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

}
