// One instance: its fields and data as the API gives them (encrypted fields stay masked unless
// the caller has the scope), its activity records as a timeline, and its bookmarks. Activity
// records and bookmarks are read a keyset page at a time.
import { startView, getJson, withQuery, showError } from './api.js';
import { renderChrome, element, link, badge, time, number, table, fill, json, query } from './ui.js';
import { renderTimeline } from './timeline.js';

const PAGE_SIZE = 200;
const id = query.get('id') || '';
const base = '/api/v1/instances/' + encodeURIComponent(id);

function field(term, value) {
	return [element('dt', { textContent: term }),
		element('dd', {}, [(value instanceof Node) ? value : document.createTextNode(value ?? '–')])];
}

function renderInstance(instance) {
	document.title = (instance.name || instance.id) + ' · Workflow persistence';
	fill('title', instance.name || instance.id, ' ', badge(instance.status),
		instance.subStatus ? badge(instance.subStatus) : '');
	fill('fields', ...[
		field('Id', instance.id),
		field('Definition', link(withQuery('definitions.html', { definitionId: instance.definitionId }),
			instance.definitionId)),
		field('Definition version id', instance.definitionVersionId),
		field('Version', instance.version),
		field('Status', instance.status),
		field('Sub-status', instance.subStatus),
		field('Correlation id', instance.correlationId ? link(withQuery('instances.html',
			{ correlationId: instance.correlationId }), instance.correlationId) : null),
		field('Created', time(instance.createdAt)),
		field('Updated', time(instance.updatedAt)),
		field('Finished', time(instance.finishedAt)),
		field('Activity records', number(instance.activityCount)),
		field('Bookmarks', number(instance.bookmarkCount))
	].flat());
	fill('data', json(instance.data));
}

// Reads page after page on demand into one growing list, and shows the whole list each time.
function pagedList(path, parameters, buttonId, show) {
	const items = [];
	const button = document.getElementById(buttonId);
	let cursor = null;
	async function next() {
		const page = await getJson(withQuery(path, Object.assign({ limit: PAGE_SIZE, cursor: cursor }, parameters)));
		items.push(...page.items);
		cursor = page.nextCursor;
		button.hidden = !cursor;
		show(items);
	}
	button.onclick = () => next().catch(showError);
	return next();
}

function renderBookmarks(bookmarks) {
	fill('bookmarks', bookmarks.length === 0 ? element('p', { className: 'empty', textContent: 'No bookmarks.' })
		: table([
			['Name', (row) => row.name],
			['Activity', (row) => row.activityId],
			['Hash', (row) => link(withQuery('lookup.html', { hash: row.hash }), row.hash)],
			['Created', (row) => time(row.createdAt)],
			['Data', (row) => json(row.data)]
		], bookmarks));
}

async function load() {
	const instance = await getJson(base);
	renderInstance(instance);
	const activityStatus = query.get('activityStatus');
	document.querySelector('#activity-filter input').value = activityStatus || '';
	await pagedList(base + '/activities', { status: activityStatus }, 'more-activities',
		(records) => renderTimeline(document.getElementById('timeline'), records, instance));
	await pagedList(base + '/bookmarks', {}, 'more-bookmarks', renderBookmarks);
}

document.getElementById('activity-filter').addEventListener('submit', (event) => {
	event.preventDefault();
	const status = event.target.elements.activityStatus.value.trim();
	window.location.href = withQuery(window.location.pathname, { id: id, activityStatus: status });
});

renderChrome('instances');
startView(load);
