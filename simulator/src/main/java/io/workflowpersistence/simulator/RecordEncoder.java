package io.workflowpersistence.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import tools.jackson.databind.node.ObjectNode;

/**
 * Encodes a planned event as a Kafka record in either content mode of the CloudEvents
 * Kafka protocol binding, with an event id derived from the seed and the event itself.
 */
final class RecordEncoder {

	private static final String STUDIO_SOURCE = "/elsa/studio";

	private final long seed;

	private final String engineSource;

	RecordEncoder(long seed, String engineSource) {
		this.seed = seed;
		this.engineSource = engineSource;
	}

	ProducerRecord<byte[], byte[]> encode(PlannedEvent event, boolean binary) {
		String id = Ids.uuid(this.seed + "/" + event.type() + "/" + event.entityId() + "/" + event.version())
			.toString();
		String source = isDesigned(event.family()) ? STUDIO_SOURCE : this.engineSource;
		String time = Json.time(event.time());
		List<Header> headers = new ArrayList<>();
		byte[] value;
		if (binary) {
			header(headers, "ce_specversion", "1.0");
			header(headers, "ce_id", id);
			header(headers, "ce_source", source);
			header(headers, "ce_type", event.type());
			header(headers, "ce_subject", event.entityId());
			header(headers, "ce_time", time);
			header(headers, "ce_entityversion", Long.toString(event.version()));
			header(headers, "content-type", "application/json");
			value = Json.bytes(event.data());
		}
		else {
			header(headers, "content-type", "application/cloudevents+json; charset=UTF-8");
			ObjectNode envelope = Json.object();
			envelope.put("specversion", "1.0");
			envelope.put("id", id);
			envelope.put("source", source);
			envelope.put("type", event.type());
			envelope.put("subject", event.entityId());
			envelope.put("time", time);
			envelope.put("entityversion", event.version());
			envelope.put("datacontenttype", "application/json");
			envelope.set("data", event.data());
			value = Json.bytes(envelope);
		}
		return new ProducerRecord<>(event.family().topic(), null, null, event.key().getBytes(StandardCharsets.UTF_8),
				value, headers);
	}

	/**
	 * A re-send of a record: the same topic, key, value and headers.
	 */
	static ProducerRecord<byte[], byte[]> copy(ProducerRecord<byte[], byte[]> record) {
		List<Header> headers = new ArrayList<>();
		record.headers().forEach((header) -> headers.add(new RecordHeader(header.key(), header.value())));
		return new ProducerRecord<>(record.topic(), null, null, record.key(), record.value(), headers);
	}

	private static boolean isDesigned(EventFamily family) {
		return family == EventFamily.DEFINITION || family == EventFamily.CATEGORY
				|| family == EventFamily.ACTIVITY_DEFINITION;
	}

	private static void header(List<Header> headers, String name, String value) {
		headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
	}

}
