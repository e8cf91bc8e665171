package io.workflowpersistence.bench;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's plots are PNGs of the report's size with a line in its own colour for each
 * series.
 */
class LinePlotTests {

	@TempDir
	Path directory;

	@Test
	void drawsEachSeriesInItsColourIntoAPng() throws Exception {
		Path file = this.directory.resolve("plot.png");

		LinePlot.write(file, "Draining 20,000 events into PostgreSQL", "seconds", "events/s",
				List.of(new LinePlot.Series("worker", List.of(1000.0, 5000.0, 4000.0, 3000.0), 1),
						new LinePlot.Series("peer", List.of(500.0, 800.0, 900.0), 2)));

		BufferedImage image = ImageIO.read(file.toFile());
		assertThat(image.getWidth()).isEqualTo(1000);
		assertThat(image.getHeight()).isEqualTo(520);
		assertThat(pixelsNear(image, new Color(0x1f77b4))).as("the first series' blue").isGreaterThan(100);
		assertThat(pixelsNear(image, new Color(0xd62728))).as("the second series' red").isGreaterThan(100);
	}

	private static int pixelsNear(BufferedImage image, Color colour) {
		int count = 0;
		for (int x = 0; x < image.getWidth(); x++) {
			for (int y = 0; y < image.getHeight(); y++) {
				Color pixel = new Color(image.getRGB(x, y));
				int distance = Math.abs(pixel.getRed() - colour.getRed())
						+ Math.abs(pixel.getGreen() - colour.getGreen()) + Math.abs(pixel.getBlue() - colour.getBlue());
				if (distance < 30) {
					count++;
				}
			}
		}
		return count;
	}

}
