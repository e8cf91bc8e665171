// The instance list: the page's query string holds the API's filters, sort and cursor, so
// every list can be linked to. Pages come from the API's keyset paging; a total is asked for
// only when the counts the worker keeps (by definition, status and sub-status) can answer it.
import { startView, getJson, withQuery } from './api.js';
import { renderChrome, element, link, badge, time, number, table, fill, query, setField } from './ui.js';

const FILTERS = ['status', 'subStatus', 'definitionId', 'correlationId', 'name', 'createdFrom', 'createdTo',
	'updatedFrom', 'updatedTo'];
const KEPT_COUNT_FILTERS = ['status', 'subStatus', 'definitionId'];
const TIMES = ['createdFrom', 'createdTo', 'updatedFrom', 'updatedTo'];
const PAGE = ['sort', 'order', 'limit'];

const form = document.getElementById('filters');

function requested() {
	const parameters = {};
	FILTERS.concat(PAGE).forEach((name) => {
		const values = query.getAll(name).filter((value) => value !== '');
		if (values.length > 0) {
			parameters[name] = values;
		}
	});
	return parameters;
}

function countable(parameters) {
	return FILTERS.every((name) => KEPT_COUNT_FILTERS.includes(name) || !parameters[name]);
}

function fillForm(parameters) {
	FILTERS.concat(PAGE).forEach((name) => {
		const field = form.elements[name];
		if (field && !(field instanceof RadioNodeList) && parameters[name]) {
			setField(field, TIMES.includes(name) ? parameters[name][0].replace(/Z$/, '') : parameters[name][0]);
		}
	});
}

function statusOptions(stats, chosen) {
	const names = stats.statuses.map((each) => each.status);
	chosen.filter((status) => !names.includes(status)).forEach((status) => names.push(status));
	fill('status-options', ...names.map((status) => {
		const counted = stats.statuses.find((each) => each.status === status);
		const box = element('input', { type: 'checkbox', name: 'status', value: status, checked: chosen.includes(status) });
		return element('label', { className: 'check' },
			[box, ' ' + status + ' ', element('small', { textContent: counted ? number(counted.count) : '' })]);
	}));
	const subStatuses = new Set(stats.statuses.flatMap((each) => each.subStatuses.map((sub) => sub.subStatus)));
	fill('sub-statuses', ...[...subStatuses].filter(Boolean).map((sub) => element('option', { value: sub })));
}

form.addEventListener('submit', (event) => {
	event.preventDefault();
	const chosen = {};
	new FormData(form).forEach((value, name) => {
		const text = String(value).trim();
		if (text !== '') {
			const apiValue = TIMES.includes(name) ? toInstant(text) : text;
			chosen[name] = (chosen[name] || []).concat(apiValue);
		}
	});
	window.location.href = withQuery(window.location.pathname, chosen);
});

// A datetime-local value (no zone) read as UTC, as the API takes it.
function toInstant(text) {
	return (text.length === 16 ? text + ':00' : text) + 'Z';
}

function render(page, parameters) {
	const rows = page.items;
	const total = (page.totalCount !== undefined && page.totalCount !== null)
		? number(page.totalCount) + ' instances match. ' : '';
	const note = countable(parameters) ? '' : ' (no total: the kept counts do not cover name, correlation id or time filters)';
	fill('summary', total + 'Showing ' + number(rows.length) + (query.get('cursor') ? ' on a later page' : '') + note + '.');
	fill('list', rows.length === 0 ? element('p', { className: 'empty', textContent: 'No instance matches.' })
		: table([
			['Name', (row) => link('instance.html?id=' + encodeURIComponent(row.id), row.name || row.id)],
			['Status', (row) => badge(row.status)],
			['Sub-status', (row) => row.subStatus ? badge(row.subStatus) : '–'],
			['Definition', (row) => link(withQuery('definitions.html', { definitionId: row.definitionId }),
				row.definitionId + (row.version != null ? ' v' + row.version : ''))],
			['Correlation id', (row) => row.correlationId ? link(withQuery('instances.html',
				{ correlationId: row.correlationId }), row.correlationId) : '–'],
			['Created', (row) => time(row.createdAt)],
			['Updated', (row) => time(row.updatedAt)],
			['Finished', (row) => time(row.finishedAt)]
		], rows));
	const pager = [];
	if (query.get('cursor')) {
		pager.push(link(withQuery(window.location.pathname, parameters), '« First page'));
	}
	if (page.nextCursor) {
		pager.push(element('a', { id: 'next-page', className: 'next',
			href: withQuery(window.location.pathname, Object.assign({}, parameters, { cursor: page.nextCursor })),
			textContent: 'Next page »' }));
	}
	fill('pager', ...pager);
}

async function load() {
	const parameters = requested();
	fillForm(parameters);
	// Unfiltered, the status counts always come from the kept counts.
	const stats = await getJson('/api/v1/stats/instances');
	statusOptions(stats, parameters.status || []);
	const apiQuery = Object.assign({}, parameters, { cursor: query.get('cursor') },
		countable(parameters) ? { count: 'true' } : {});
	render(await getJson(withQuery('/api/v1/instances', apiQuery)), parameters);
}

renderChrome('instances');
startView(load);
