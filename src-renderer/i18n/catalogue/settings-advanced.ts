// Strings of the advanced hub settings, folded away under "Advanced" in Settings: security,
// joining, Home Assistant discovery, Frigate, the webhook, picture intake and sharing, action,
// broker and HTTP limits.
import { defineStrings } from '../define-strings.js';

export const settingsAdvancedStrings = defineStrings(
  {
    'settings.security.title': 'Security',
    'settings.security.allowWithoutSecret': 'Old-device mode: devices may connect without a secret',
    'settings.security.allowWithoutSecretHelp':
      'Only for devices made for the original hub. Anyone on your network could then pretend to be such a device, so the panel warns while this is on.',
    'settings.security.remoteCode': 'Remote code: accept action files sent over MQTT',
    'settings.security.remoteCodeHelp':
      'Code sent with save_action_file still runs only after you confirm its SHA-256 on the Actions page.',
    'settings.security.confirmTimeout': 'Lock timeout',
    'settings.security.confirmTimeoutHelp':
      'How long a lock may take to confirm a command before it counts as not confirmed.',

    'settings.joining.title': 'Joining',
    'settings.joining.handShakes': 'Join requests per minute from one address',
    'settings.joining.handShakesHelp':
      'More than this from one address are refused, so a misbehaving device cannot flood the list.',

    'settings.haDiscovery.title': 'Home Assistant discovery',
    'settings.haDiscovery.enabled':
      'Accept locks and cameras announced by Home Assistant discovery',
    'settings.haDiscovery.enabledHelp':
      'Zigbee2MQTT, ESPHome, Tasmota and Nuki announce their devices this way. Each one then waits under Devices until you approve it; nothing is controlled before. The bridge needs an integration account (above).',
    'settings.haDiscovery.prefix': 'Discovery topic prefix',
    'settings.haDiscovery.prefixHelp':
      'The discovery prefix your bridges publish under; homeassistant unless you changed it there.',

    'settings.frigate.title': 'Frigate',
    'settings.frigate.topicPrefix': 'Frigate’s topic prefix',
    'settings.frigate.topicPrefixHelp':
      'Its mqtt.topic_prefix setting; frigate unless you changed it there.',
    'settings.frigate.labels': 'Labels that are a stranger',
    'settings.frigate.labelsHelp':
      'Frigate’s object labels whose events become stranger pictures, for example person.',
    'settings.frigate.knownFaces': 'A face Frigate recognises is not a stranger',
    'settings.frigate.knownFacesHelp':
      'When Frigate’s face recognition names the person (its sub_label), the event is not kept as a stranger.',

    'settings.notify.title': 'Webhook notifications',
    'settings.notify.webhook': 'Webhook address',
    'settings.notify.webhookHelp':
      'The hub sends each stranger, jammed lock and warning to this address (HTTP POST). Leave it empty for none.',

    'settings.pictures.title': 'Stranger pictures: arriving and sharing',
    'settings.retention.maxPicture': 'Largest picture accepted',
    'settings.retention.mergeWindow': 'One camera’s pictures within this time count as one',
    'settings.retention.mergeWindowHelp': '0 keeps each picture on its own.',
    'settings.retention.linkMinutes': 'Shared picture links stay valid for',

    'settings.actionLimits.title': 'Action limits',
    'settings.actionLimits.callTimeout': 'Time one action may run',
    'settings.actionLimits.memory': 'Memory for the action process',

    'settings.broker.title': 'MQTT broker limits',
    'settings.broker.maxConnections': 'Connections, at most',
    'settings.broker.maxPerAddress': 'Connections from one address, at most',
    'settings.broker.maxPacket': 'Largest message',
    'settings.broker.connectTimeout': 'Time a client has to log in',
    'settings.broker.keepAlive': 'Longest keep-alive a client may ask for',

    'settings.http.title': 'HTTP access',
    'settings.http.allowedHosts': 'Other host names the panel is reached by',
    'settings.http.allowedHostsHelp':
      'Addresses and localhost always work. Add a name such as hearth.home if you use one.',
    'settings.http.allowedOrigins': 'Other web pages that may call the API',
    'settings.http.allowedOriginsHelp': 'Full origins such as https://dashboard.home.',
    'settings.http.maxSockets': 'Open connections from one address, at most',
    'settings.http.headersTimeout': 'Time a request has to send its headers',
    'settings.http.mdns': 'Announce the hub on the network (mDNS)',
    'settings.http.mdnsHelp':
      'Phones find the hub without typing its address. Off: they need the address or the pairing QR code. The --no-mdns start option always wins.',
  },
  {
    'settings.security.title': '安全',
    'settings.security.allowWithoutSecret': '旧设备模式：设备无需密钥即可连接',
    'settings.security.allowWithoutSecretHelp':
      '仅用于为旧版中枢制造的设备。开启后，网络中的任何人都可能冒充这类设备，因此开启期间面板会一直提醒。',
    'settings.security.remoteCode': '远程代码：接受通过 MQTT 发送的动作文件',
    'settings.security.remoteCodeHelp':
      '用 save_action_file 发送的代码，仍需你在“动作”页面确认其 SHA-256 后才会运行。',
    'settings.security.confirmTimeout': '门锁超时',
    'settings.security.confirmTimeoutHelp': '门锁确认一条命令的最长时间，超过即视为未确认。',

    'settings.joining.title': '加入',
    'settings.joining.handShakes': '每个地址每分钟的加入请求上限',
    'settings.joining.handShakesHelp':
      '同一地址超过此数量的请求会被拒绝，异常设备无法刷屏设备列表。',

    'settings.haDiscovery.title': 'Home Assistant 发现',
    'settings.haDiscovery.enabled': '接受通过 Home Assistant 发现公布的门锁和摄像头',
    'settings.haDiscovery.enabledHelp':
      'Zigbee2MQTT、ESPHome、Tasmota 和 Nuki 用这种方式公布设备。每台设备都会在“设备”中等待你批准，批准前不会控制它。桥接程序需要一个集成账户（见上方）。',
    'settings.haDiscovery.prefix': '发现主题前缀',
    'settings.haDiscovery.prefixHelp':
      '桥接程序发布发现配置时使用的前缀；除非你在那边改过，否则是 homeassistant。',

    'settings.frigate.title': 'Frigate',
    'settings.frigate.topicPrefix': 'Frigate 的主题前缀',
    'settings.frigate.topicPrefixHelp':
      '即它的 mqtt.topic_prefix 设置；除非你改过，否则是 frigate。',
    'settings.frigate.labels': '算作陌生人的标签',
    'settings.frigate.labelsHelp': '这些 Frigate 物体标签的事件会成为陌生人照片，例如 person。',
    'settings.frigate.knownFaces': 'Frigate 认出的面孔不算陌生人',
    'settings.frigate.knownFacesHelp':
      '当 Frigate 的人脸识别认出此人（它的 sub_label）时，该事件不会作为陌生人保存。',

    'settings.notify.title': 'Webhook 通知',
    'settings.notify.webhook': 'Webhook 地址',
    'settings.notify.webhookHelp':
      '中枢会把每次陌生人、门锁卡住和警告发送到此地址（HTTP POST）。留空表示不发送。',

    'settings.pictures.title': '陌生人照片：接收与分享',
    'settings.retention.maxPicture': '单张照片大小上限',
    'settings.retention.mergeWindow': '同一摄像头在此时间内的照片合并为一次',
    'settings.retention.mergeWindowHelp': '0 表示每张照片单独保存。',
    'settings.retention.linkMinutes': '分享的照片链接有效期',

    'settings.actionLimits.title': '动作限制',
    'settings.actionLimits.callTimeout': '单个动作的最长运行时间',
    'settings.actionLimits.memory': '动作进程可用内存',

    'settings.broker.title': 'MQTT 代理限制',
    'settings.broker.maxConnections': '最大连接数',
    'settings.broker.maxPerAddress': '每个地址的最大连接数',
    'settings.broker.maxPacket': '最大消息大小',
    'settings.broker.connectTimeout': '客户端登录时限',
    'settings.broker.keepAlive': '客户端可请求的最长保活时间',

    'settings.http.title': 'HTTP 访问',
    'settings.http.allowedHosts': '访问面板时可用的其他主机名',
    'settings.http.allowedHostsHelp':
      'IP 地址和 localhost 始终可用。如果你使用 hearth.home 之类的名称，请在此添加。',
    'settings.http.allowedOrigins': '允许调用 API 的其他网页',
    'settings.http.allowedOriginsHelp': '填写完整的来源，例如 https://dashboard.home。',
    'settings.http.maxSockets': '每个地址的最大打开连接数',
    'settings.http.headersTimeout': '请求发送请求头的时限',
    'settings.http.mdns': '在局域网中广播本中枢（mDNS）',
    'settings.http.mdnsHelp':
      '手机无需输入地址即可找到中枢。关闭后需要输入地址或扫描配对二维码。启动参数 --no-mdns 始终优先。',
  },
);
