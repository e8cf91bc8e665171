package io.workflowpersistence.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * A line chart of values over time, drawn with Java2D into a PNG.
 */
final class LinePlot {

	private static final int WIDTH = 1000;

	private static final int HEIGHT = 520;

	private static final int LEFT = 90;

	private static final int RIGHT = 30;

	private static final int TOP = 50;

	private static final int BOTTOM = 60;

	private static final List<Color> COLORS = List.of(new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
			new Color(0xff7f0e), new Color(0x9467bd));

	private LinePlot() {
	}

	/**
	 * Draws the series, each a value per step from its start, into the file.
	 */
	static void write(Path file, String title, String xLabel, String yLabel, List<Series> series) throws IOException {
		double maxSeconds = series.stream().mapToDouble(Series::seconds).max().orElse(1);
		double maxRate = series.stream()
			.flatMap((line) -> line.values().stream())
			.mapToDouble(Double::doubleValue)
			.max()
			.orElse(1);
		double yMax = niceCeiling(maxRate * 1.05);
		double xMax = niceCeiling(maxSeconds);
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, WIDTH, HEIGHT);
		axes(graphics, new String[] { title, xLabel, yLabel }, xMax, yMax);
		for (int index = 0; index < series.size(); index++) {
			Series line = series.get(index);
			graphics.setColor(COLORS.get(index % COLORS.size()));
			graphics.setStroke(new BasicStroke(2f));
			int previousX = -1;
			int previousY = -1;
			for (int point = 0; point < line.values().size(); point++) {
				int x = x((point + 1) * line.step(), xMax);
				int y = y(line.values().get(point), yMax);
				if (previousX >= 0) {
					graphics.drawLine(previousX, previousY, x, y);
				}
				previousX = x;
				previousY = y;
			}
			graphics.fillRect(WIDTH - RIGHT - 330, TOP + 12 + index * 20, 14, 4);
			graphics.setColor(Color.DARK_GRAY);
			graphics.drawString(line.name(), WIDTH - RIGHT - 310, TOP + 18 + index * 20);
		}
		graphics.dispose();
		Files.createDirectories(file.toAbsolutePath().getParent());
		ImageIO.write(image, "png", file.toFile());
	}

	private static void axes(Graphics2D graphics, String[] labels, double xMax, double yMax) {
		graphics.setColor(Color.BLACK);
		graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
		graphics.drawString(labels[0], LEFT, 30);
		graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		for (int tick = 0; tick <= 5; tick++) {
			double rate = yMax * tick / 5;
			int y = y(rate, yMax);
			graphics.setColor(new Color(0xe0e0e0));
			graphics.drawLine(LEFT, y, WIDTH - RIGHT, y);
			graphics.setColor(Color.DARK_GRAY);
			graphics.drawString(String.format("%,.0f", rate), 10, y + 4);
			double seconds = xMax * tick / 5;
			int x = x(seconds, xMax);
			graphics.drawString(String.format("%.0f s", seconds), x - 12, HEIGHT - BOTTOM + 20);
		}
		graphics.setColor(Color.BLACK);
		graphics.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
		graphics.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
		graphics.drawString(labels[1], WIDTH / 2 - 140, HEIGHT - 15);
		graphics.drawString(labels[2], 10, TOP - 10);
	}

	private static int x(double seconds, double xMax) {
		return LEFT + (int) Math.round(seconds / xMax * (WIDTH - LEFT - RIGHT));
	}

	private static int y(double rate, double yMax) {
		return HEIGHT - BOTTOM - (int) Math.round(rate / yMax * (HEIGHT - TOP - BOTTOM));
	}

	private static double niceCeiling(double value) {
		double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1))));
		for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (step * magnitude >= value) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}

	/**
	 * One line: a value for each step of {@code step} seconds.
	 */
	record Series(String name, List<Double> values, double step) {

		static Series of(String name, Drain drain) {
			return new Series(name, drain.rates(), drain.window());
		}

		double seconds() {
			return this.values.size() * this.step;
		}

	}

}
