// What every page shares: the header with its navigation, the message line, the credentials
// prompt, and small helpers to build tables, status badges and times.

const PAGES = [
	['dashboard', '/', 'Dashboard'],
	['instances', '/explorer/instances.html', 'Instances'],
	['definitions', '/explorer/definitions.html', 'Definitions'],
	['lookup', '/explorer/lookup.html', 'Bookmarks & triggers']
];

const numbers = new Intl.NumberFormat('en-US');

/** Puts the header, the message line and the credentials prompt above the page's main. */
export function renderChrome(active) {
	const header = element('header', { className: 'top' });
	header.append(element('a', { className: 'brand', href: '/', textContent: 'Workflow persistence' }));
	const nav = element('nav');
	PAGES.forEach(([name, href, label]) => {
		nav.append(element('a', { href: href, textContent: label, className: (name === active) ? 'active' : '' }));
	});
	header.append(nav);
	const signedIn = element('span', { id: 'signed-in', className: 'signed-in', hidden: true });
	signedIn.append(element('span'), element('button', { type: 'button', textContent: 'Forget' }));
	header.append(signedIn);

	const message = element('p', { id: 'message', className: 'message', hidden: true, role: 'alert' });
	const prompt = element('form', { id: 'credentials', className: 'credentials', hidden: true });
	prompt.innerHTML = `
		<h2>Credentials</h2>
		<p>Access control is on. Give an API key or a bearer token with the scope
		<code>workflows.read</code>; it is kept in this tab only (session storage) and sent with every call.</p>
		<label>Kind <select name="kind">
			<option value="apiKey">API key (X-API-Key)</option>
			<option value="bearer">Bearer token (Authorization)</option>
		</select></label>
		<label>Secret <input name="secret" type="password" autocomplete="off" required></label>
		<button type="submit">Use</button>`;
	document.body.prepend(header, message, prompt);
}

export function element(tag, properties, children) {
	const created = Object.assign(document.createElement(tag), properties || {});
	(children || []).forEach((child) => created.append(child));
	return created;
}

export function link(href, text) {
	return element('a', { href: href, textContent: text });
}

export function badge(status) {
	const node = element('span', { className: 'badge', textContent: status || '–' });
	node.dataset.status = status || '';
	return node;
}

/** A time as UTC, to the second, readable and sortable. */
export function time(value) {
	if (!value) {
		return '–';
	}
	return new Date(value).toISOString().replace('T', ' ').replace(/\.\d+Z$|Z$/, '');
}

export function number(value) {
	return (value === null || value === undefined) ? '–' : numbers.format(value);
}

/** A table of rows: columns are [heading, function of a row giving text or a node]. */
export function table(columns, rows, rowClass) {
	const head = element('tr', {}, columns.map(([heading]) => element('th', { textContent: heading })));
	const body = element('tbody', {}, rows.map((row) => {
		const tr = element('tr', { className: rowClass ? rowClass(row) : '' }, columns.map(([, cell]) => {
			const value = cell(row);
			const td = element('td');
			td.append((value instanceof Node) ? value : document.createTextNode(value ?? '–'));
			return td;
		}));
		tr.dataset.id = row.id || '';
		return tr;
	}));
	return element('table', {}, [element('thead', {}, [head]), body]);
}

/** JSON pretty-printed in a pre block, or a dash when there is none. */
export function json(value) {
	if (value === null || value === undefined) {
		return element('span', { className: 'empty', textContent: '–' });
	}
	return element('pre', { className: 'json', textContent: JSON.stringify(value, null, 2) });
}

/** Sets a form field, adding the value to a select that does not offer it (a deep link may). */
export function setField(field, value) {
	if (field instanceof HTMLSelectElement && ![...field.options].some((option) => option.value === value)) {
		field.append(element('option', { value: value, textContent: value }));
	}
	field.value = value;
}

/** Replaces the content of the element with the given id. */
export function fill(id, ...nodes) {
	const target = document.getElementById(id);
	target.replaceChildren(...nodes);
	return target;
}

/** The page's own query parameters: a view's filters, as its deep link carries them. */
export const query = new URLSearchParams(window.location.search);
