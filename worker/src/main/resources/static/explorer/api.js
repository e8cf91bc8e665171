// Calls the read API with the credentials of this tab, and shows what goes wrong as a message.
// Credentials live in sessionStorage only: they are gone when the tab closes and never reach
// another tab or a cookie.

const STORAGE_KEY = 'workflow-explorer.credentials';
const HEADER_KEY = 'workflow-explorer.api-key-header';
// The worker names its API key header in the detail of a 401; X-API-Key unless configured.
const HEADER_IN_DETAIL = /an API key \(([A-Za-z0-9-]+)\)/;

export function apiKeyHeader() {
	return sessionStorage.getItem(HEADER_KEY) || 'X-API-Key';
}

/** An answer of the API that is not a success, with its problem detail when it has one. */
export class ApiError extends Error {
	constructor(status, detail, path) {
		super(detail || ('HTTP ' + status));
		this.status = status;
		this.detail = detail;
		this.path = path;
	}
}

export function storedCredentials() {
	try {
		const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY));
		return (stored && stored.value) ? stored : null;
	}
	catch (error) {
		return null;
	}
}

function storeCredentials(kind, value) {
	if (value) {
		sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ kind: kind, value: value }));
	}
	else {
		sessionStorage.removeItem(STORAGE_KEY);
	}
}

function authorization() {
	const credentials = storedCredentials();
	if (!credentials) {
		return {};
	}
	return (credentials.kind === 'bearer') ? { Authorization: 'Bearer ' + credentials.value }
		: { [apiKeyHeader()]: credentials.value };
}

/** Fetches a path of this server with the tab's credentials; rejects with an ApiError unless 2xx. */
export async function call(path, accept) {
	const headers = Object.assign({ Accept: accept || 'application/json' }, authorization());
	const response = await fetch(path, { headers: headers });
	if (!response.ok) {
		let detail = null;
		try {
			const problem = await response.json();
			detail = problem.detail || problem.title || null;
		}
		catch (error) {
			detail = null;
		}
		const header = (response.status === 401 && detail) ? HEADER_IN_DETAIL.exec(detail) : null;
		if (header) {
			sessionStorage.setItem(HEADER_KEY, header[1]);
		}
		throw new ApiError(response.status, detail, path);
	}
	return response;
}

export async function getJson(path) {
	return (await call(path)).json();
}

/** The path with the query of the given parameters, leaving out empty ones; arrays repeat. */
export function withQuery(path, parameters) {
	const query = new URLSearchParams();
	Object.entries(parameters).forEach(([name, value]) => {
		[].concat(value).forEach((each) => {
			if (each !== null && each !== undefined && each !== '') {
				query.append(name, each);
			}
		});
	});
	const text = query.toString();
	return text ? path + '?' + text : path;
}

let reload = null;

/**
 * Runs a view's load function, and again after new credentials are given. A 401 opens the
 * credentials prompt, a 403 says which scope is missing; other errors are shown as they are.
 */
export function startView(load) {
	reload = () => {
		clearMessage();
		return load().catch(showError);
	};
	wireCredentials();
	return reload();
}

export function showError(error) {
	if (error instanceof ApiError && error.status === 401) {
		const given = storedCredentials() !== null;
		showMessage('unauthorized', given
			? 'The credentials of this tab were not accepted (401 Unauthorized): ' + (error.detail || '')
			: 'This server needs an API key or a bearer token to read its data (401 Unauthorized).');
		openPrompt();
	}
	else if (error instanceof ApiError && error.status === 403) {
		showMessage('forbidden', 'These credentials may not read ' + error.path.split('?')[0]
				+ ' (403 Forbidden): they lack the scope workflows.read. ' + (error.detail || ''));
		openPrompt();
	}
	else if (error instanceof ApiError) {
		showMessage('failed', 'The API answered ' + error.status + ' to ' + error.path + ': ' + (error.detail || ''));
	}
	else {
		showMessage('failed', 'The API could not be reached: ' + error.message);
	}
}

function showMessage(kind, text) {
	const message = document.getElementById('message');
	message.dataset.kind = kind;
	message.textContent = text;
	message.hidden = false;
}

function clearMessage() {
	document.getElementById('message').hidden = true;
}

function openPrompt() {
	const prompt = document.getElementById('credentials');
	const stored = storedCredentials();
	prompt.querySelector('select').value = stored ? stored.kind : 'apiKey';
	prompt.querySelector('option[value=apiKey]').textContent = 'API key (' + apiKeyHeader() + ')';
	prompt.hidden = false;
	prompt.querySelector('input[name=secret]').focus();
}

function wireCredentials() {
	const prompt = document.getElementById('credentials');
	const status = document.getElementById('signed-in');
	const stored = storedCredentials();
	status.hidden = stored === null;
	status.querySelector('span').textContent = stored
		? (stored.kind === 'bearer' ? 'bearer token' : 'API key') + ' for this tab' : '';
	if (prompt.dataset.wired) {
		return;
	}
	prompt.dataset.wired = 'true';
	prompt.addEventListener('submit', (event) => {
		event.preventDefault();
		const secret = prompt.querySelector('input[name=secret]');
		storeCredentials(prompt.querySelector('select').value, secret.value.trim());
		secret.value = '';
		prompt.hidden = true;
		wireCredentials();
		reload();
	});
	status.querySelector('button').addEventListener('click', () => {
		storeCredentials(null, null);
		wireCredentials();
		reload();
	});
}
