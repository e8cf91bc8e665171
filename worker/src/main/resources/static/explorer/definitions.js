// Definition versions with their tags and category, filtered and paged by the API; with one
// definition id chosen, its triggers too. The query string holds the filters and the cursor.
import { startView, getJson, withQuery } from './api.js';
import { renderChrome, element, link, badge, table, fill, query, number, setField } from './ui.js';

const FILTERS = ['name', 'definitionId', 'tag', 'categoryId', 'isLatest', 'isPublished', 'limit'];
const form = document.getElementById('filters');

function requested() {
	const parameters = {};
	FILTERS.forEach((name) => {
		if (query.get(name)) {
			parameters[name] = query.get(name);
		}
	});
	return parameters;
}

form.addEventListener('submit', (event) => {
	event.preventDefault();
	const chosen = {};
	new FormData(form).forEach((value, name) => {
		chosen[name] = String(value).trim();
	});
	window.location.href = withQuery(window.location.pathname, chosen);
});

function flag(value) {
	return value ? 'yes' : 'no';
}

function tags(row) {
	return element('span', { className: 'tags' }, (row.tags || []).map((tag) =>
		element('a', { className: 'tag', href: withQuery('definitions.html', { tag: tag }), textContent: tag })));
}

function category(categories, row) {
	const found = categories.find((each) => each.id === row.categoryId);
	if (!found) {
		return row.categoryId || '–';
	}
	const chip = element('span', { className: 'category', textContent: found.name });
	chip.style.borderColor = found.color || '';
	return chip;
}

function render(page, parameters, categories) {
	fill('summary', 'Showing ' + number(page.items.length) + ' definition versions'
		+ (query.get('cursor') ? ' on a later page' : '') + '.');
	fill('list', page.items.length === 0 ? element('p', { className: 'empty', textContent: 'No definition matches.' })
		: table([
			['Name', (row) => row.displayName || row.name || row.definitionId],
			['Definition id', (row) => link(withQuery('definitions.html', { definitionId: row.definitionId }),
				row.definitionId)],
			['Version', (row) => 'v' + row.version],
			['Latest', (row) => row.isLatest ? badge('Latest') : flag(row.isLatest)],
			['Published', (row) => flag(row.isPublished)],
			['Tags', tags],
			['Category', (row) => category(categories, row)],
			['Instances', (row) => link(withQuery('instances.html', { definitionId: row.definitionId }), 'instances')]
		], page.items));
	const pager = [];
	if (query.get('cursor')) {
		pager.push(link(withQuery(window.location.pathname, parameters), '« First page'));
	}
	if (page.nextCursor) {
		pager.push(element('a', { id: 'next-page', href: withQuery(window.location.pathname,
			Object.assign({}, parameters, { cursor: page.nextCursor })), textContent: 'Next page »' }));
	}
	fill('pager', ...pager);
}

async function renderTriggers(definitionId) {
	const page = await getJson(withQuery('/api/v1/triggers', { workflowDefinitionId: definitionId, limit: 100 }));
	document.getElementById('triggers-panel').hidden = false;
	fill('triggers', page.items.length === 0 ? element('p', { className: 'empty', textContent: 'No triggers.' })
		: table([
			['Name', (row) => row.name],
			['Activity', (row) => row.activityId],
			['Version id', (row) => row.workflowDefinitionVersionId],
			['Hash', (row) => row.hash ? link(withQuery('lookup.html', { hash: row.hash }), row.hash) : '–']
		], page.items));
}

async function load() {
	const parameters = requested();
	Object.entries(parameters).forEach(([name, value]) => {
		setField(form.elements[name], value);
	});
	const categories = (await getJson('/api/v1/categories?limit=1000')).items;
	const select = form.elements.categoryId;
	select.replaceChildren(element('option', { value: '', textContent: 'any' }),
		...categories.map((each) => element('option', { value: each.id, textContent: each.name })));
	select.value = parameters.categoryId || '';
	render(await getJson(withQuery('/api/v1/definitions', Object.assign({}, parameters,
		{ cursor: query.get('cursor') }))), parameters, categories);
	if (parameters.definitionId) {
		await renderTriggers(parameters.definitionId);
	}
}

renderChrome('definitions');
startView(load);
