// Discovery configs shaped like what real firmware publishes (trimmed to what matters, values
// made up). Where each shape comes from is noted; keep them faithful when editing.

/**
 * ESPHome (esphome/components/mqtt/mqtt_component.cpp + mqtt_lock.cpp): abbreviated keys,
 * `<discovery prefix>/lock/<node name>/<object id>/config`, topics `<node>/lock/<object id>/state`
 * and `/command`, availability `<node>/status` (online/offline are the defaults, so not sent),
 * `pl_open` only when the lock supports open, `dev` with ids/name/sw/mdl/mf/cns. The state words
 * are ESPHome's lock_state_to_string: LOCKED, UNLOCKED, JAMMED, LOCKING, UNLOCKING.
 */
export const esphomeLock = {
  topic: 'homeassistant/lock/front-door/front_door_lock/config',
  config: {
    stat_t: 'front-door/lock/front_door_lock/state',
    cmd_t: 'front-door/lock/front_door_lock/command',
    pl_open: 'OPEN',
    name: 'Lock',
    avty_t: 'front-door/status',
    uniq_id: 'ESPlockfront_door_lock',
    dev: {
      ids: 'a4cf12f0e1d2',
      name: 'Front Door',
      sw: '2024.12.2 (config hash 0x1a2b3c4d)',
      mdl: 'esp32dev',
      mf: 'Espressif',
      cns: [['mac', 'a4cf12f0e1d2']],
    },
  },
};

/**
 * Zigbee2MQTT (lib/extension/homeassistant.ts): full keys, sorted (json-stable-stringify),
 * `homeassistant/lock/<ieee address>/lock/config`, `name: null` (the device's main feature),
 * command topic `<base>/<friendly name>/set` (it takes the plain word LOCK/UNLOCK), JSON state
 * read with `{{ value_json.state }}` and the binary expose's words LOCK/UNLOCK, availability on
 * the bridge and the device with `{{ value_json.state }}` and mode `all`, origin with `sw`.
 */
export const zigbee2mqttLock = {
  topic: 'homeassistant/lock/0x000d6f0012345678/lock/config',
  config: {
    availability: [
      { topic: 'zigbee2mqtt/bridge/state', value_template: '{{ value_json.state }}' },
      { topic: 'zigbee2mqtt/Front door/availability', value_template: '{{ value_json.state }}' },
    ],
    availability_mode: 'all',
    command_topic: 'zigbee2mqtt/Front door/set',
    device: {
      identifiers: ['zigbee2mqtt_0x000d6f0012345678'],
      manufacturer: 'Yale',
      model: 'Assure lock SL (YRD256HA20BP)',
      name: 'Front door',
      sw_version: '0x00000012',
      via_device: 'zigbee2mqtt_bridge_0x00124b0022ab12cd',
    },
    name: null,
    object_id: 'front_door',
    origin: { name: 'Zigbee2MQTT', sw: '1.42.0', url: 'https://www.zigbee2mqtt.io' },
    state_locked: 'LOCK',
    state_topic: 'zigbee2mqtt/Front door',
    state_unlocked: 'UNLOCK',
    unique_id: '0x000d6f0012345678_lock_zigbee2mqtt',
    value_template: '{{ value_json.state }}',
  },
};

/** What Zigbee2MQTT then publishes on the state and availability topics. */
export const zigbee2mqttState = {
  battery: 87,
  linkquality: 120,
  lock_state: 'locked',
  state: 'LOCK',
  sound_volume: 'low_volume',
};

/**
 * Nuki Hub (technyon/nuki_hub, Network::publishHASSConfig): abbreviated keys with `~`, a `name`
 * of null, `avty` as a list with `t`, command words lock/unlock/unlatch (`pl_open` only when the
 * ACL allows unlatching), lower-case state words including `stat_open`/`stat_opening` (Hearth has
 * no state for those), and `opt` as the string "false".
 */
export const nukiHubLock = {
  topic: 'homeassistant/lock/3a4b5c6d/smartlock/config',
  config: {
    dev: {
      ids: ['nuki_3a4b5c6d'],
      mf: 'Nuki',
      mdl: 'SmartLock',
      name: 'Front door',
      sw: '3.9.5',
      hw: '6.4',
      via_device: 'nuki_8c4b14c1',
      cu: 'http://192.168.1.40',
    },
    '~': 'nuki/lock',
    name: null,
    unique_id: '3a4b5c6d_lock',
    cmd_t: '~/action',
    avty: [{ t: 'nuki/maintenance/mqttConnectionState' }],
    pl_lock: 'lock',
    pl_unlk: 'unlock',
    pl_open: 'unlatch',
    stat_t: '~/hastate',
    stat_jam: 'jammed',
    stat_locked: 'locked',
    stat_locking: 'locking',
    stat_unlocked: 'unlocked',
    stat_unlocking: 'unlocking',
    stat_open: 'open',
    stat_opening: 'opening',
    opt: 'false',
  },
};

/**
 * Nuki's own MQTT API firmware (its spec v1.4 says the discovery follows the
 * Nardol/Nuki-MQTT-auto.-Discovery script): numeric command and state words, `~` = nuki/<id>,
 * and a value_template with `{% if %}` that folds unlatched states into "unlocked". Hearth does
 * not run Jinja, so this one is refused (see the report).
 */
export const nukiFirmwareLock = {
  topic: 'homeassistant/lock/3A4B5C6D_lock/config',
  config: {
    '~': 'nuki/3A4B5C6D',
    avty_t: '~/connected',
    pl_avail: 'true',
    pl_not_avail: 'false',
    dev: { ids: ['3A4B5C6D'], mf: 'Nuki', name: 'Front door', mdl: 'Smart Lock 3.0 Pro' },
    name: 'Front door',
    uniq_id: '3A4B5C6D_lock',
    cmd_t: '~/lockAction',
    pl_lock: '2',
    pl_unlk: '1',
    pl_open: '3',
    stat_t: '~/state',
    stat_locked: '1',
    stat_locking: '4',
    stat_unlocked: '3',
    stat_unlocking: '2',
    stat_jam: '254',
    val_tpl: "{% if value in ('5','6','7')%}3{% else %}{{value}}{% endif %}",
  },
};

/**
 * Device-based discovery (https://www.home-assistant.io/integrations/mqtt/#device-discovery-
 * payload): `dev` and `o` once, shared state topic and availability at the top, `cmps` keyed by
 * component id with `p` the platform; a component may carry its own `~`.
 */
export const gateDevice = {
  topic: 'homeassistant/device/gate_controller_01/config',
  config: {
    dev: {
      ids: 'gate_controller_01',
      name: 'Garden gate',
      mf: 'Acme',
      mdl: 'GateBox',
      sw: '1.4.2',
    },
    o: { name: 'gatebox2mqtt', sw: '0.9.1', url: 'https://example.invalid/gatebox2mqtt' },
    avty_t: 'gatebox/01/status',
    stat_t: 'gatebox/01/state',
    cmps: {
      gate_lock: {
        p: 'lock',
        name: 'Lock',
        '~': 'gatebox/01/lock',
        cmd_t: '~/set',
        val_tpl: '{{ value_json.lock }}',
        uniq_id: 'gate01_lock',
      },
      snapshot: {
        p: 'image',
        name: 'Snapshot',
        img_t: 'gatebox/01/snapshot',
        img_e: 'b64',
        uniq_id: 'gate01_snapshot',
      },
      temperature: {
        p: 'sensor',
        dev_cla: 'temperature',
        unit_of_meas: '°C',
        val_tpl: '{{ value_json.temperature }}',
        uniq_id: 'gate01_t',
      },
      battery: {
        p: 'sensor',
        dev_cla: 'battery',
        unit_of_meas: '%',
        val_tpl: '{{ value_json.battery }}',
        uniq_id: 'gate01_b',
      },
    },
    qos: 1,
  },
};

/** A config as a retained payload. */
export function payloadOf(config: unknown): Buffer {
  return Buffer.from(JSON.stringify(config), 'utf8');
}
