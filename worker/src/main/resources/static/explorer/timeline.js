// Activity records as a timeline: one row each, a bar from its start to its completion on the
// instance's time axis. A record still running reaches the end of the axis; a faulted one is
// red and shows its exception. Each row opens to the record's data.
import { element, time, json } from './ui.js';

function millis(value) {
	return value ? Date.parse(value) : null;
}

function duration(ms) {
	if (ms === null || ms < 0) {
		return '';
	}
	if (ms < 1000) {
		return ms + ' ms';
	}
	if (ms < 60000) {
		return (ms / 1000).toFixed(ms < 10000 ? 2 : 1) + ' s';
	}
	const minutes = Math.floor(ms / 60000);
	const hours = Math.floor(minutes / 60);
	if (minutes < 60) {
		return minutes + ' min ' + Math.round((ms % 60000) / 1000) + ' s';
	}
	return hours < 48 ? hours + ' h ' + (minutes % 60) + ' min' : Math.floor(hours / 24) + ' d ' + (hours % 24) + ' h';
}

function axis(records, instance) {
	const starts = records.map((record) => millis(record.startedAt)).filter((value) => value !== null);
	const ends = records.map((record) => millis(record.completedAt) ?? millis(record.startedAt))
		.filter((value) => value !== null);
	const start = Math.min(...starts, millis(instance.createdAt) ?? Infinity);
	const end = Math.max(...ends, millis(instance.finishedAt) ?? millis(instance.updatedAt) ?? -Infinity);
	return { start: start, end: Math.max(end, start + 1) };
}

export function isFaulted(record) {
	return record.status === 'Faulted' || Boolean(record.exception);
}

function row(record, scale) {
	const started = millis(record.startedAt);
	const completed = millis(record.completedAt);
	const span = scale.end - scale.start;
	const from = started === null ? 0 : (started - scale.start) / span;
	const to = (completed ?? scale.end) === null ? from : ((completed ?? scale.end) - scale.start) / span;
	const bar = element('span', { className: 'bar' + (completed === null ? ' open' : ''),
		title: time(record.startedAt) + ' → ' + time(record.completedAt) });
	bar.style.left = (100 * from).toFixed(2) + '%';
	bar.style.width = Math.max(0.3, 100 * (to - from)).toFixed(2) + '%';
	const label = element('span', { className: 'label' }, [
		element('strong', { textContent: record.activityName || record.activityId }),
		element('small', { textContent: [record.status, duration(completed !== null && started !== null
			? completed - started : null)].filter(Boolean).join(' · ') })
	]);
	const summary = element('summary', {}, [label, element('span', { className: 'track' }, [bar])]);
	// The exception belongs to the row itself, visible without opening it.
	if (isFaulted(record)) {
		summary.append(element('span', { className: 'exception', textContent: '⚠ ' + (record.exception || record.status) }));
	}
	const details = element('details', { className: 'activity' + (isFaulted(record) ? ' faulted' : '') }, [summary]);
	details.dataset.id = record.id;
	details.dataset.status = record.status || '';
	details.append(element('p', { className: 'meta', textContent: [record.activityType, 'activity ' + record.activityId,
		'started ' + time(record.startedAt), 'completed ' + time(record.completedAt)].filter(Boolean).join(' · ') }),
	json(record.data));
	return details;
}

export function renderTimeline(container, records, instance) {
	if (records.length === 0) {
		container.replaceChildren(element('p', { className: 'empty', textContent: 'No activity records.' }));
		return;
	}
	const scale = axis(records, instance);
	const header = element('div', { className: 'axis' }, [
		element('span', { textContent: time(new Date(scale.start).toISOString()) }),
		element('span', { textContent: duration(scale.end - scale.start) }),
		element('span', { textContent: time(new Date(scale.end).toISOString()) })
	]);
	container.replaceChildren(header, ...records.map((record) => row(record, scale)));
}
