package io.workflowpersistence.worker.api.dashboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the dashboard ({@code worker.dashboard.*}).
 *
 * @param refresh how long one reading of the summary serves every open dashboard
 */
@ConfigurationProperties("worker.dashboard")
record DashboardProperties(@DefaultValue("2s") Duration refresh) {
}
