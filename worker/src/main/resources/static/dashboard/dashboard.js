// Reads the numbers from /dashboard/summary and the metrics from /actuator/prometheus every
// two seconds, and shows them; the event rate is the change of the applied-events counter.
(function () {
	'use strict';

	var REFRESH_MILLIS = 2000;
	var RATE_POINTS = 60;
	var previous = null;
	var rates = [];
	var format = new Intl.NumberFormat('en-US');

	function byId(id) {
		return document.getElementById(id);
	}

	function show(id, value) {
		byId(id).textContent = (value === null || value === undefined) ? '–' : format.format(value);
	}

	function parseMetrics(text) {
		var samples = [];
		text.split('\n').forEach(function (line) {
			if (!line || line.charAt(0) === '#') {
				return;
			}
			var match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
			if (!match) {
				return;
			}
			var labels = {};
			var pair = /(\w+)="((?:[^"\\]|\\.)*)"/g;
			var found;
			while ((found = pair.exec(match[2] || '')) !== null) {
				labels[found[1]] = found[2];
			}
			samples.push({ name: match[1], labels: labels, value: parseFloat(match[3]) });
		});
		return samples;
	}

	function sum(samples, name, outcome) {
		return samples.filter(function (sample) {
			return sample.name === name && (!outcome || sample.labels.outcome === outcome) && isFinite(sample.value);
		}).reduce(function (total, sample) {
			return total + sample.value;
		}, 0);
	}

	function lag(samples) {
		var perPartition = samples.filter(function (sample) {
			return sample.name === 'kafka_consumer_fetch_manager_records_lag' && isFinite(sample.value);
		});
		if (perPartition.length > 0) {
			return sum(perPartition, 'kafka_consumer_fetch_manager_records_lag');
		}
		var maxima = samples.filter(function (sample) {
			return sample.name === 'kafka_consumer_fetch_manager_records_lag_max' && isFinite(sample.value);
		});
		if (maxima.length === 0) {
			return null;
		}
		return Math.max.apply(null, maxima.map(function (sample) {
			return sample.value;
		}));
	}

	function showMetrics(text, now) {
		var samples = parseMetrics(text);
		var applied = sum(samples, 'workflow_ingest_events_total', 'applied');
		if (previous !== null && applied >= previous.applied && now > previous.time) {
			var rate = (applied - previous.applied) * 1000 / (now - previous.time);
			rates.push(rate);
			if (rates.length > RATE_POINTS) {
				rates.shift();
			}
			show('event-rate', Math.round(rate));
			drawRates();
		}
		previous = { applied: applied, time: now };
		show('events-applied', applied);
		show('events-stale', sum(samples, 'workflow_ingest_events_total', 'stale'));
		show('dead-letters', sum(samples, 'workflow_ingest_events_total', 'dead_lettered'));
		show('consumer-lag', lag(samples));
	}

	function drawRates() {
		var highest = Math.max.apply(null, rates.concat([1]));
		var step = 300 / (RATE_POINTS - 1);
		var points = rates.map(function (rate, index) {
			var x = (RATE_POINTS - rates.length + index) * step;
			var y = 48 - (rate / highest) * 46;
			return x.toFixed(1) + ',' + y.toFixed(1);
		});
		byId('rate-chart').querySelector('polyline').setAttribute('points', points.join(' '));
	}

	function showRows(tableId, counts, total, withSubStatus) {
		var body = byId(tableId).querySelector('tbody');
		body.textContent = '';
		counts.forEach(function (count) {
			var row = document.createElement('tr');
			row.dataset.status = count.status;
			row.dataset.kind = withSubStatus ? (count.subStatus || count.status) : count.status;
			var cells = [count.status];
			if (withSubStatus) {
				row.dataset.subStatus = count.subStatus || '';
				cells.push(count.subStatus || '');
			}
			cells.forEach(function (text) {
				var cell = document.createElement('td');
				cell.textContent = text;
				row.appendChild(cell);
			});
			var number = document.createElement('td');
			number.className = 'count';
			number.textContent = format.format(count.count);
			row.appendChild(number);
			var bar = document.createElement('td');
			bar.className = 'bar';
			var fill = document.createElement('span');
			fill.style.width = (total > 0 ? (100 * count.count / total) : 0).toFixed(1) + '%';
			bar.appendChild(fill);
			row.appendChild(bar);
			body.appendChild(row);
		});
	}

	function showSummary(summary) {
		show('instances-total', summary.instanceTotal);
		show('activities-total', summary.activityTotal);
		show('bookmarks-total', summary.bookmarkTotal);
		show('definitions-total', summary.definitionTotal);
		showRows('instances-by-status', summary.instances, summary.instanceTotal, true);
		showRows('activities-by-status', summary.activities, summary.activityTotal, false);
	}

	function connection(state, text) {
		var badge = byId('connection');
		badge.dataset.state = state;
		badge.textContent = text;
	}

	function refresh() {
		var now = Date.now();
		Promise.all([
			fetch('/dashboard/summary').then(function (response) {
				if (!response.ok) {
					throw new Error('summary: HTTP ' + response.status);
				}
				return response.json();
			}),
			fetch('/actuator/prometheus').then(function (response) {
				return response.ok ? response.text() : '';
			})
		]).then(function (answers) {
			showSummary(answers[0]);
			showMetrics(answers[1], now);
			byId('updated-at').textContent = new Date(now).toLocaleTimeString();
			connection('live', 'live');
		}).catch(function (error) {
			connection('offline', 'offline: ' + error.message);
		}).then(function () {
			setTimeout(refresh, REFRESH_MILLIS);
		});
	}

	function revealIfPresent(linkId, url) {
		fetch(url).then(function (response) {
			byId(linkId).hidden = !response.ok;
		}).catch(function () {
			byId(linkId).hidden = true;
		});
	}

	revealIfPresent('api-link', '/api/v1/instances?limit=1');
	revealIfPresent('openapi-link', '/v3/api-docs');
	refresh();
}());
