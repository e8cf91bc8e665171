package io.workflowpersistence.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Markdown document being written, and the number formats of the report.
 */
final class Markdown {

	private final StringBuilder text = new StringBuilder();

	Markdown heading(int level, String title) {
		this.text.append("\n").append("#".repeat(level)).append(' ').append(title).append("\n\n");
		return this;
	}

	Markdown paragraph(String paragraph) {
		this.text.append(paragraph.strip()).append("\n\n");
		return this;
	}

	Markdown line(String line) {
		this.text.append(line).append('\n');
		return this;
	}

	Markdown table(List<String> headers, List<List<String>> rows) {
		this.text.append("| ").append(String.join(" | ", headers)).append(" |\n");
		this.text.append("|").append("---|".repeat(headers.size())).append('\n');
		for (List<String> row : rows) {
			this.text.append("| ").append(String.join(" | ", row)).append(" |\n");
		}
		this.text.append('\n');
		return this;
	}

	/**
	 * A two-column table of shares, largest first.
	 */
	Markdown shares(String what, Map<String, Double> shares) {
		return table(List.of(what, "share"),
				shares.entrySet()
					.stream()
					.map((entry) -> List.of(code(entry.getKey()), percent(entry.getValue())))
					.toList());
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

	static String count(double value) {
		return String.format(Locale.ROOT, "%,.0f", value);
	}

	static String decimal(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	static String millis(double value) {
		return String.format(Locale.ROOT, (value < 10) ? "%.2f ms" : "%.1f ms", value);
	}

	static String percent(double share) {
		return String.format(Locale.ROOT, "%.1f%%", share * 100);
	}

	static String ratio(double value) {
		return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f×", value);
	}

	static String mebibytes(double bytes) {
		return (bytes <= 0) ? "n/a" : String.format(Locale.ROOT, "%,.0f MiB", bytes / 1024 / 1024);
	}

	static String code(String text) {
		return "`" + text.replace("|", "\\|").replace("`", "") + "`";
	}

}
