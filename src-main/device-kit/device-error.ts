// Errors a device reports on its `error` event. None is fatal: the device keeps trying (except
// after `rejected`), so firmware can log them and carry on.
export type DeviceErrorCode =
  /** The hub could not be reached (network, DNS, refused TCP, timeout). */
  | 'unreachable'
  /** The hub refused the connection (CONNACK 2/4/5) while joining. */
  | 'refused'
  /** The hub refused the stored secret (CONNACK 4/5): the device forgot it and joins again. */
  | 'secret-refused'
  /** SUBACK 0x80: the hub would not let the device subscribe to a topic. */
  | 'subscribe-refused'
  /** The secret file could not be read or written. */
  | 'secret-file'
  /** Something was sent that the device cannot act on (e.g. an unknown hand_shake reply). */
  | 'protocol'
  /** A publish was asked for while the device is not online. */
  | 'not-online';

export class HearthDeviceError extends Error {
  override readonly name = 'HearthDeviceError';

  constructor(
    readonly code: DeviceErrorCode,
    message: string,
    /** The CONNACK return code, when the hub refused a connection. */
    readonly connackCode?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** What each MQTT 3.1.1 CONNACK refusal means for a Hearth device. */
export function describeConnack(code: number): string {
  switch (code) {
    case 1:
      return 'unacceptable protocol version (use MQTT 3.1.1)';
    case 2:
      return 'identifier rejected (bad client id, or keep-alive too long)';
    case 3:
      return 'server unavailable';
    case 4:
      return 'bad user name or password';
    case 5:
      return 'not authorized';
    default:
      return `refused with code ${code}`;
  }
}
