package io.workflowpersistence.worker.explorer;

import java.util.List;

import io.workflowpersistence.worker.security.Scopes;
import io.workflowpersistence.worker.testing.Browser;
import io.workflowpersistence.worker.testing.Events;
import io.workflowpersistence.worker.testing.SecuredWorkerTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer and the dashboard in headless Chromium (Selenium) against the worker with
 * access control on: the pages load without credentials and ask for an API key or a
 * bearer token, keep it in the tab's session storage only, send it with every call, and
 * show 401 and 403 as a message.
 */
class ExplorerAccessBrowserIntegrationTests extends SecuredWorkerTestSupport {

	@Test
	void theExplorerAsksForCredentialsAndShowsWhatTheApiRefuses() {
		String id = unique("secured-explorer");
		publish(Events.instance(id).with("name", "secured order").version(1));
		awaitInstance(id);
		try (Browser browser = Browser.launch(1400, 900)) {
			browser.open(url("/explorer/instances.html?name=secured"));
			browser.waiting().until((driver) -> browser.find("#credentials").isDisplayed());
			assertThat(browser.text("#message")).contains("401");
			assertThat(browser.text("#credentials select")).contains("API key (X-API-Key)");
			assertThat(browser.findAll("#list tbody tr")).isEmpty();
			browser.screenshot("credentials");

			give(browser, "apiKey", METRICS_KEY);
			browser.waiting().until((driver) -> browser.text("#message").contains("403"));
			assertThat(browser.text("#message")).contains("workflows.read");
			browser.screenshot("forbidden");
			assertThat(browser.find("#credentials").isDisplayed()).isTrue();

			give(browser, "apiKey", "key-guessed");
			browser.waiting().until((driver) -> browser.text("#message").contains("not accepted (401"));

			give(browser, "apiKey", READER_KEY);
			browser.waiting().until((driver) -> rowIds(browser).contains(id));
			assertThat(browser.find("#message").isDisplayed()).isFalse();
			assertThat(browser.find("#signed-in").getText()).contains("API key");
			assertThat(browser.script("return sessionStorage.getItem('workflow-explorer.credentials')")).asString()
				.contains(READER_KEY);
			assertThat(browser.script("return localStorage.length + document.cookie.length")).isEqualTo(0L);

			// The tab keeps the key across its pages: the dashboard reads its summary
			// with it.
			browser.open(url("/"));
			browser.waiting().until((driver) -> browser.text("#connection").equals("live"));
			assertThat(browser.findAll("#instances-by-status tbody tr")).isNotEmpty();

			browser.find("#signed-in button").click();
			browser.waiting().until((driver) -> browser.find("#credentials").isDisplayed());
			assertThat(browser.script("return sessionStorage.getItem('workflow-explorer.credentials')")).isNull();

			browser.open(url("/explorer/instance.html?id=" + id));
			give(browser, "bearer", TOKENS.token("analyst", Scopes.READ));
			browser.waiting().until((driver) -> browser.text("#title").contains("secured order"));
			assertThat(browser.find("#signed-in").getText()).contains("bearer token");
		}
	}

	private static void give(Browser browser, String kind, String secret) {
		browser.waiting().until((driver) -> browser.find("#credentials").isDisplayed());
		browser.find("#credentials select option[value=" + kind + "]").click();
		WebElement input = browser.find("#credentials input[name=secret]");
		input.clear();
		input.sendKeys(secret);
		browser.find("#credentials button[type=submit]").click();
	}

	private static List<String> rowIds(Browser browser) {
		return browser.findAll("#list tbody tr").stream().map((row) -> row.getDomAttribute("data-id")).toList();
	}

}
