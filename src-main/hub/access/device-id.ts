// A device's id is its MQTT client id: 1-64 of A-Z a-z 0-9 - _ . (contract 2.2). Compiled once;
// anything else (empty, too long, `+`, `#`, `/`, NUL) is refused with CONNACK 0x02.
const DEVICE_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function isDeviceId(id: string): boolean {
  return id.length <= 64 && DEVICE_ID.test(id);
}
