// Subscribing on a broker Hearth does not run: a refused filter (SUBACK 0x80 or above) is an
// error that says which filter and what to change, instead of a silent hole in what Hearth hears.
import type { MqttClient } from 'mqtt';

export async function subscribeChecked(
  client: MqttClient,
  filters: string[],
  options: { nl: boolean },
): Promise<void> {
  if (filters.length === 0) return;
  const map = Object.fromEntries(
    filters.map((filter) => [filter, { qos: 1 as const, nl: options.nl }]),
  );
  const refusal = (topics: string[]): Error =>
    new Error(
      `the broker refused Hearth's subscription to ${topics.join(', ')}; give Hearth's account read and write access to hearth/# (export-broker-config does)`,
    );
  // mqtt.js fails the whole call on an MQTT 5 refusal, and reports MQTT 3.1.1 ones as 0x80.
  const granted = await client.subscribeAsync(map).catch((error: unknown) => {
    throw /not authori[sz]ed/i.test(String(error)) ? refusal(filters) : error;
  });
  const refused = granted.filter((grant) => grant.qos >= 0x80).map((grant) => grant.topic);
  if (refused.length > 0) throw refusal(refused);
}

/** A publish the broker refused (MQTT 5 PUBACK 0x87), in the same words. */
export function explainPublishError(error: unknown, topic: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/not authori[sz]ed/i.test(message)) {
    return new Error(
      `the broker refused Hearth's publish to ${topic}; give Hearth's account read and write access to hearth/# (export-broker-config does)`,
    );
  }
  return error instanceof Error ? error : new Error(message);
}
