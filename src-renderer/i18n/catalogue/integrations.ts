// Strings of the Integrations card (Settings): MQTT accounts for bridges. Keys start with
// "integrations."; see ../define-strings.ts.
import { defineStrings } from '../define-strings.js';

export const integrationsStrings = defineStrings(
  {
    'integrations.title': 'Integrations',
    'integrations.intro':
      'A bridge such as Zigbee2MQTT, Frigate or an ESPHome device logs in to Hearth’s MQTT broker with its own integration account, which may use only the topics you give it. Topics under `hearth/` always stay the hub’s.',
    'integrations.empty':
      'No integration accounts yet. Make one for each bridge you connect: without one, a bridge cannot log in to the broker at all. With it, the locks and cameras the bridge announces appear under Devices, waiting for your approval.',
    'integrations.loadFailed': 'Could not load the integration accounts: {error}',
    'integrations.caption': 'Integration accounts: name, MQTT username, topic rights, when made',
    'integrations.name': 'Name',
    'integrations.username': 'Username',
    'integrations.rights': 'Topic rights',
    'integrations.created': 'Created',
    'integrations.mode.both': 'publish + subscribe',
    'integrations.mode.publish': 'publish',
    'integrations.mode.subscribe': 'subscribe',
    'integrations.remove': 'Remove',
    'integrations.removeQuestion':
      'Remove {name}? Its bridge is disconnected at once and cannot log in again until you make it a new account.',
    'integrations.removeFailed': 'Could not remove {name}: {error}',

    'integrations.new.title': 'New integration account',
    'integrations.new.for': 'For',
    'integrations.preset.zigbee2mqtt': 'Zigbee2MQTT',
    'integrations.preset.frigate': 'Frigate',
    'integrations.preset.esphome': 'An ESPHome or Tasmota device',
    'integrations.preset.custom': 'Something else (custom rights)',
    'integrations.new.name': 'Account name',
    'integrations.new.nameHelp': 'For you: shown here and in its username.',
    'integrations.new.nameEmpty': 'Give the account a name.',
    'integrations.new.node': 'Node name',
    'integrations.new.nodeHelp':
      'The device’s name in ESPHome (`esphome: name:`), or its Topic in Tasmota: its topics start with it.',
    'integrations.new.nodeEmpty': 'Type the device’s node name.',
    'integrations.new.nodeLevel': 'A node name is one topic level: no /, +, # or spaces.',
    'integrations.new.grants': 'It may:',
    'integrations.new.grantsPending': 'Type the node name to see the rights it gets.',
    'integrations.new.rights': 'Topic rights',
    'integrations.new.rightsHelp':
      'One per line: a topic filter, then publish, subscribe or both. For example `zwave/# both`.',
    'integrations.new.rightsNone': 'Type at least one right, such as `zwave/# both`.',
    'integrations.new.rightsMode':
      'Line {line} (“{text}”): end it with publish, subscribe or both.',
    'integrations.new.rightsTooMany': 'An account has at most 64 rights.',
    'integrations.new.make': 'Make account',
    'integrations.new.making': 'Making…',
    'integrations.new.refused':
      'Not made: {error} Change what it names and try again; nothing was saved.',

    'integrations.made.title': '{name} is ready',
    'integrations.made.once':
      'Type these into {bridge}’s MQTT settings now. The password is shown only this once (Hearth keeps only a hash of it); if it is lost, remove the account and make a new one.',
    'integrations.made.theBridge': 'the bridge',
    'integrations.made.host': 'Host',
    'integrations.made.port': 'Port',
    'integrations.made.portTls': '{port} (TLS)',
    'integrations.made.username': 'Username',
    'integrations.made.password': 'Password',
    'integrations.made.loopback':
      '{host} reaches the hub only from this computer. For a bridge on another computer, use this computer’s address on your network.',
    'integrations.made.snippet': 'The same, for its configuration file',
    'integrations.made.tasmota':
      'On Tasmota, type them under Configuration → MQTT, set Full Topic to `%topic%/%prefix%/` so its topics start with its node name, and run `SetOption19 1` for Home Assistant discovery.',
    'integrations.made.nextDiscovery':
      'The locks and cameras it announces then appear under Devices, waiting for your approval.',
    'integrations.made.nextFrigate':
      'Its cameras then appear under Devices, and the people it sees become stranger pictures (which labels count is set under Frigate below).',
    'integrations.made.done': 'Done: hide the password',
  },
  {
    'integrations.title': '集成',
    'integrations.intro':
      'Zigbee2MQTT、Frigate 或 ESPHome 设备等桥接程序，用自己的集成账户登录 Hearth 的 MQTT 代理，只能使用你授予它的主题。`hearth/` 下的主题始终只属于中枢。',
    'integrations.empty':
      '还没有集成账户。每接入一个桥接程序就为它创建一个：没有账户，桥接程序根本无法登录代理。有了账户，它公布的门锁和摄像头会出现在“设备”中，等待你批准。',
    'integrations.loadFailed': '无法加载集成账户：{error}',
    'integrations.caption': '集成账户：名称、MQTT 用户名、主题权限、创建时间',
    'integrations.name': '名称',
    'integrations.username': '用户名',
    'integrations.rights': '主题权限',
    'integrations.created': '创建时间',
    'integrations.mode.both': '发布 + 订阅',
    'integrations.mode.publish': '发布',
    'integrations.mode.subscribe': '订阅',
    'integrations.remove': '删除',
    'integrations.removeQuestion':
      '删除 {name}？它的桥接程序会立即断开，在你为它创建新账户之前无法再登录。',
    'integrations.removeFailed': '无法删除 {name}：{error}',

    'integrations.new.title': '新建集成账户',
    'integrations.new.for': '用于',
    'integrations.preset.zigbee2mqtt': 'Zigbee2MQTT',
    'integrations.preset.frigate': 'Frigate',
    'integrations.preset.esphome': 'ESPHome 或 Tasmota 设备',
    'integrations.preset.custom': '其他（自定义权限）',
    'integrations.new.name': '账户名称',
    'integrations.new.nameHelp': '给你看的：显示在这里，也是用户名的一部分。',
    'integrations.new.nameEmpty': '请为账户起个名字。',
    'integrations.new.node': '节点名称',
    'integrations.new.nodeHelp':
      '设备在 ESPHome 中的名称（`esphome: name:`），或在 Tasmota 中的 Topic：它的主题以此开头。',
    'integrations.new.nodeEmpty': '请输入设备的节点名称。',
    'integrations.new.nodeLevel': '节点名称只能是一个主题层级：不能含 /、+、# 或空格。',
    'integrations.new.grants': '它可以：',
    'integrations.new.grantsPending': '输入节点名称后，这里会显示它获得的权限。',
    'integrations.new.rights': '主题权限',
    'integrations.new.rightsHelp':
      '每行一条：主题过滤器，后跟 publish、subscribe 或 both。例如 `zwave/# both`。',
    'integrations.new.rightsNone': '请至少输入一条权限，例如 `zwave/# both`。',
    'integrations.new.rightsMode':
      '第 {line} 行（“{text}”）：请以 publish、subscribe 或 both 结尾。',
    'integrations.new.rightsTooMany': '一个账户最多 64 条权限。',
    'integrations.new.make': '创建账户',
    'integrations.new.making': '正在创建…',
    'integrations.new.refused': '未创建：{error} 请修改其中提到的内容后重试；没有保存任何内容。',

    'integrations.made.title': '{name} 已就绪',
    'integrations.made.once':
      '现在把这些填入 {bridge} 的 MQTT 设置。密码只显示这一次（Hearth 只保存它的哈希值）；如果丢失，请删除该账户并新建一个。',
    'integrations.made.theBridge': '桥接程序',
    'integrations.made.host': '主机',
    'integrations.made.port': '端口',
    'integrations.made.portTls': '{port}（TLS）',
    'integrations.made.username': '用户名',
    'integrations.made.password': '密码',
    'integrations.made.loopback':
      '{host} 只能从这台电脑访问中枢。如果桥接程序在另一台电脑上，请使用这台电脑在局域网中的地址。',
    'integrations.made.snippet': '同样的设置，用于它的配置文件',
    'integrations.made.tasmota':
      '在 Tasmota 上，请在“Configuration → MQTT”中填写，把 Full Topic 设为 `%topic%/%prefix%/`，使它的主题以节点名称开头，并运行 `SetOption19 1` 以启用 Home Assistant 发现。',
    'integrations.made.nextDiscovery': '之后，它公布的门锁和摄像头会出现在“设备”中，等待你批准。',
    'integrations.made.nextFrigate':
      '之后，它的摄像头会出现在“设备”中，它看到的人会成为陌生人照片（哪些标签算数，在下方“Frigate”中设置）。',
    'integrations.made.done': '完成：隐藏密码',
  },
);
