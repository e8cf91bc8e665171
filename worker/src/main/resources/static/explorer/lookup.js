// Bookmarks and triggers that carry one hash: what an engine resumes or starts when it
// receives a stimulus of that hash. Both lists are read a keyset page at a time.
import { startView, getJson, withQuery, showError } from './api.js';
import { renderChrome, element, link, time, table, fill, json, query } from './ui.js';

const PAGE_SIZE = 100;
const hash = (query.get('hash') || '').trim();

document.getElementById('filters').addEventListener('submit', (event) => {
	event.preventDefault();
	window.location.href = withQuery(window.location.pathname, { hash: event.target.elements.hash.value.trim() });
});

function list(path, buttonId, targetId, columns, noun) {
	const items = [];
	const button = document.getElementById(buttonId);
	let cursor = null;
	async function next() {
		const page = await getJson(withQuery(path, { hash: hash, limit: PAGE_SIZE, cursor: cursor }));
		items.push(...page.items);
		cursor = page.nextCursor;
		button.hidden = !cursor;
		fill(targetId, items.length === 0
			? element('p', { className: 'empty', textContent: 'No ' + noun + ' has this hash.' })
			: table(columns, items));
	}
	button.onclick = () => next().catch(showError);
	return next();
}

const BOOKMARK_COLUMNS = [
	['Instance', (row) => link('instance.html?id=' + encodeURIComponent(row.workflowInstanceId),
		row.workflowInstanceId)],
	['Name', (row) => row.name],
	['Activity', (row) => row.activityId],
	['Created', (row) => time(row.createdAt)],
	['Data', (row) => json(row.data)]
];

const TRIGGER_COLUMNS = [
	['Definition', (row) => link(withQuery('definitions.html', { definitionId: row.workflowDefinitionId }),
		row.workflowDefinitionId)],
	['Name', (row) => row.name],
	['Activity', (row) => row.activityId],
	['Version id', (row) => row.workflowDefinitionVersionId],
	['Data', (row) => json(row.data)]
];

async function load() {
	document.getElementById('filters').elements.hash.value = hash;
	if (!hash) {
		return;
	}
	await Promise.all([
		list('/api/v1/bookmarks', 'more-bookmarks', 'bookmarks', BOOKMARK_COLUMNS, 'bookmark'),
		list('/api/v1/triggers', 'more-triggers', 'triggers', TRIGGER_COLUMNS, 'trigger')
	]);
}

renderChrome('lookup');
startView(load);
