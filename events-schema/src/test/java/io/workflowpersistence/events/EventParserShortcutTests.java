package io.workflowpersistence.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shortcuts for valid events change no outcome: for valid events of every type and
 * thousands of mutations of them, the parser accepts the same events and rejects the
 * others for the same reasons as a parser without them.
 */
class EventParserShortcutTests {

	private static final EventParser PARSER = new EventParser();

	private static final EventParser WITHOUT_SHORTCUTS = EventParser.withoutShortcuts();

	@Test
	void everyRecordHasTheSameOutcomeAsWithTheFullValidatorAlone() {
		List<String> differences = new ArrayList<>();
		Map<String, Integer> outcomes = new TreeMap<>();
		for (MutatedRecords.TestRecord record : MutatedRecords.all()) {
			ParseOutcome expected = WITHOUT_SHORTCUTS.parse(record.value(), record.headers());
			ParseOutcome actual = PARSER.parse(record.value(), record.headers());
			if (!actual.equals(expected)) {
				differences.add(record.description() + "\n  expected " + expected + "\n  but was  " + actual);
			}
			outcomes.merge(expected.getClass().getSimpleName(), 1, Integer::sum);
		}

		assertThat(differences.stream().limit(10).toList()).as("the first of %d differences", differences.size())
			.isEmpty();
		assertThat(outcomes.get("Accepted")).isGreaterThan(10_000);
		assertThat(outcomes.get("Rejected")).isGreaterThan(50_000);
	}

}
