// Reads the numbers from /dashboard/summary and the metrics from /actuator/prometheus every
// two seconds, and shows them; the event rate is the change of the applied-events counter.
// Calls carry the tab's credentials; metrics need their own scope and are left out without it.
// Each status opens the instance list filtered by it.
import { ApiError, call, getJson, showError, startView, withQuery } from '../explorer/api.js';
import { renderChrome } from '../explorer/ui.js';

const REFRESH_MILLIS = 2000;
const RATE_POINTS = 60;
let previous = null;
const rates = [];
const format = new Intl.NumberFormat('en-US');

function byId(id) {
	return document.getElementById(id);
}

// Totals the server estimates from PostgreSQL's statistics are marked as such.
function show(id, value, estimated) {
	const element = byId(id);
	const known = value !== null && value !== undefined;
	element.textContent = known ? (estimated ? '≈ ' : '') + format.format(value) : '–';
	element.title = known && estimated ? 'estimated from PostgreSQL\'s statistics' : '';
}

function parseMetrics(text) {
	const samples = [];
	text.split('\n').forEach(function (line) {
		if (!line || line.charAt(0) === '#') {
			return;
		}
		const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
		if (!match) {
			return;
		}
		const labels = {};
		const pair = /(\w+)="((?:[^"\\]|\\.)*)"/g;
		let found;
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
	const perPartition = samples.filter(function (sample) {
		return sample.name === 'kafka_consumer_fetch_manager_records_lag' && isFinite(sample.value);
	});
	if (perPartition.length > 0) {
		return sum(perPartition, 'kafka_consumer_fetch_manager_records_lag');
	}
	const maxima = samples.filter(function (sample) {
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
	const samples = parseMetrics(text);
	const applied = sum(samples, 'workflow_ingest_events_total', 'applied');
	if (previous !== null && applied >= previous.applied && now > previous.time) {
		const rate = (applied - previous.applied) * 1000 / (now - previous.time);
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
	const highest = Math.max.apply(null, rates.concat([1]));
	const step = 300 / (RATE_POINTS - 1);
	const points = rates.map(function (rate, index) {
		const x = (RATE_POINTS - rates.length + index) * step;
		const y = 48 - (rate / highest) * 46;
		return x.toFixed(1) + ',' + y.toFixed(1);
	});
	byId('rate-chart').querySelector('polyline').setAttribute('points', points.join(' '));
}

function showRows(tableId, counts, total, withSubStatus) {
	const body = byId(tableId).querySelector('tbody');
	body.textContent = '';
	counts.forEach(function (count) {
		const row = document.createElement('tr');
		row.dataset.status = count.status;
		row.dataset.kind = withSubStatus ? (count.subStatus || count.status) : count.status;
		// Instances can be listed by status and sub-status; activity records only per instance.
		const list = withSubStatus ? instancesLink : function () {
			return null;
		};
		row.appendChild(cell(count.status, list({ status: count.status })));
		if (withSubStatus) {
			row.dataset.subStatus = count.subStatus || '';
			row.appendChild(cell(count.subStatus || '', count.subStatus
				? list({ status: count.status, subStatus: count.subStatus }) : null));
		}
		const number = cell(format.format(count.count), list({ status: count.status, subStatus: count.subStatus }));
		number.className = 'count';
		row.appendChild(number);
		const bar = document.createElement('td');
		bar.className = 'bar';
		const fill = document.createElement('span');
		fill.style.width = (total > 0 ? (100 * count.count / total) : 0).toFixed(1) + '%';
		bar.appendChild(fill);
		row.appendChild(bar);
		body.appendChild(row);
	});
}

function instancesLink(filters) {
	return withQuery('/explorer/instances.html', filters);
}

function cell(text, href) {
	const td = document.createElement('td');
	if (href) {
		const link = document.createElement('a');
		link.href = href;
		link.textContent = text;
		td.appendChild(link);
	}
	else {
		td.textContent = text;
	}
	return td;
}

function showSummary(summary) {
	const estimated = summary.estimated || [];
	show('instances-total', summary.instanceTotal, estimated.includes('instanceTotal'));
	show('activities-total', summary.activityTotal, estimated.includes('activityTotal'));
	show('bookmarks-total', summary.bookmarkTotal, estimated.includes('bookmarkTotal'));
	show('definitions-total', summary.definitionTotal, estimated.includes('definitionTotal'));
	showRows('instances-by-status', summary.instances, summary.instanceTotal, true);
	showRows('activities-by-status', summary.activities, summary.activityTotal, false);
}

function connection(state, text) {
	const badge = byId('connection');
	badge.dataset.state = state;
	badge.textContent = text;
}

let timer = null;

async function refresh() {
	const now = Date.now();
	const summary = await getJson('/dashboard/summary');
	const metrics = await call('/actuator/prometheus', 'text/plain').then(function (response) {
		return response.text();
	}, function () {
		return '';
	});
	showSummary(summary);
	showMetrics(metrics, now);
	byId('updated-at').textContent = new Date(now).toLocaleTimeString();
	connection('live', 'live');
}

// Polls until the credentials are refused: then the prompt waits for new ones.
function poll() {
	timer = setTimeout(function () {
		refresh().then(poll, function (error) {
			if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
				connection('offline', 'no access');
				showError(error);
				return;
			}
			connection('offline', 'offline: ' + error.message);
			poll();
		});
	}, REFRESH_MILLIS);
}

function revealIfPresent(linkId, url) {
	call(url).then(function () {
		byId(linkId).hidden = false;
	}, function () {
		byId(linkId).hidden = true;
	});
}

renderChrome('dashboard');
startView(function () {
	clearTimeout(timer);
	revealIfPresent('api-link', '/api/v1/instances?limit=1');
	revealIfPresent('openapi-link', '/v3/api-docs');
	// A first answer that fails for another reason than the credentials (the database
	// busy or restarting) is shown, and polling goes on until one succeeds.
	return refresh().then(poll, function (error) {
		connection('offline', 'no answer');
		if (!(error instanceof ApiError && (error.status === 401 || error.status === 403))) {
			poll();
		}
		throw error;
	});
});
