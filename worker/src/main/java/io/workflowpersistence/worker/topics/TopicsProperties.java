package io.workflowpersistence.worker.topics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the topic retention check.
 *
 * @param checkInterval how often the consumed topics' retention and cleanup policy are
 * read again (first at start-up), so that a change made by ops shows without a restart
 */
@ConfigurationProperties("worker.topics")
public record TopicsProperties(@DefaultValue("5m") Duration checkInterval) {
}
