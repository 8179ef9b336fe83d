// The broker's limits: settings that can change at run time, checked as a whole.

export interface BrokerLimits {
  maxConnections: number;
  maxConnectionsPerAddress: number;
  /** Largest packet (fixed header included) a connected client may send. */
  maxPacketBytes: number;
  /** Time from accepting a connection to a successful CONNACK. */
  connectTimeoutMs: number;
  /** Largest keep-alive a client may ask for; 0 is allowed only for token clients. */
  maxKeepAliveSeconds: number;
}

/** Before CONNECT is accepted, whatever the settings say: the fixed 64 KiB. */
export const PRE_CONNECT_MAX_PACKET_BYTES = 64 * 1024;
// MQTT's remaining length tops out at 268,435,455; plus five bytes of fixed header.
const MQTT_MAX_PACKET_BYTES = 268_435_460;

export function checkLimits(limits: BrokerLimits): BrokerLimits {
  const ranges: Record<keyof BrokerLimits, [number, number]> = {
    maxConnections: [1, 1_000_000],
    maxConnectionsPerAddress: [1, 1_000_000],
    maxPacketBytes: [16, MQTT_MAX_PACKET_BYTES],
    connectTimeoutMs: [1, 600_000],
    maxKeepAliveSeconds: [1, 65_535],
  };
  for (const [key, [min, max]] of Object.entries(ranges) as Array<
    [keyof BrokerLimits, [number, number]]
  >) {
    const value = limits[key];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(
        `broker limit ${key} must be an integer from ${min} to ${max}, not ${value}`,
      );
    }
  }
  return { ...limits };
}
