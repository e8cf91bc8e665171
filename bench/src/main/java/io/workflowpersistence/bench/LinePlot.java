package io.workflowpersistence.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A line chart of values over time, drawn by JFreeChart into a PNG.
 */
final class LinePlot {

	private static final int WIDTH = 1000;

	private static final int HEIGHT = 520;

	private static final List<Color> COLORS = List.of(new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
			new Color(0xff7f0e), new Color(0x9467bd));

	private LinePlot() {
	}

	/**
	 * Draws the series, each a value per step from its start, into the file.
	 */
	static void write(Path file, String title, String xLabel, String yLabel, List<Series> series) throws IOException {
		XYSeriesCollection dataset = new XYSeriesCollection();
		for (Series line : series) {
			XYSeries points = new XYSeries(line.name(), false, true);
			for (int point = 0; point < line.values().size(); point++) {
				points.add((point + 1) * line.step(), line.values().get(point));
			}
			dataset.addSeries(points);
		}
		JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, dataset, PlotOrientation.VERTICAL,
				true, false, false);
		style(chart.getXYPlot(), series.size());
		Files.createDirectories(file.toAbsolutePath().getParent());
		ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
	}

	private static void style(XYPlot plot, int lines) {
		plot.setBackgroundPaint(Color.WHITE);
		plot.setDomainGridlinePaint(new Color(0xe0e0e0));
		plot.setRangeGridlinePaint(new Color(0xe0e0e0));
		XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
		for (int index = 0; index < lines; index++) {
			renderer.setSeriesPaint(index, COLORS.get(index % COLORS.size()));
			renderer.setSeriesStroke(index, new BasicStroke(2f));
		}
		plot.setRenderer(renderer);
		NumberAxis values = (NumberAxis) plot.getRangeAxis();
		values.setAutoRangeIncludesZero(true);
		values.setNumberFormatOverride(new DecimalFormat("#,##0"));
		NumberAxis seconds = (NumberAxis) plot.getDomainAxis();
		seconds.setAutoRangeIncludesZero(true);
	}

	/**
	 * One line: a value for each step of {@code step} seconds.
	 */
	record Series(String name, List<Double> values, double step) {

		static Series of(String name, Drain drain) {
			return new Series(name, drain.rates(), drain.window());
		}

	}

}
