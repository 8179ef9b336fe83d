// Strings of the panel's settings area. Keys start with "settings."; see ../define-strings.ts.
import { defineStrings } from '../define-strings.js';

export const settingsStrings = defineStrings(
  {
    'settings.title': 'Settings',
    'settings.checkingScope': 'Checking what this token may do…',
    'settings.adminOnly':
      'You are signed in with a control token: it can use the hub but not change it. Pairing phones, tokens, failed sign-ins, hub settings and backups need the admin token. Sign out and sign in with the admin token to change them.',

    'settings.appearance.title': 'Appearance',
    'settings.appearance.language': 'Language',
    'settings.appearance.theme': 'Theme',
    'settings.appearance.themeSystem': 'Same as the system',
    'settings.appearance.themeLight': 'Light',
    'settings.appearance.themeDark': 'Dark',
    'settings.appearance.note': 'Remembered on this computer or phone only.',

    'settings.pair.title': 'Pair a phone',
    'settings.pair.intro':
      'Open the Hearth app on the phone, choose “Add hub” and scan the code. The phone then gets its own control token: it can lock, unlock and watch, but cannot change settings. A code works once, for 2 minutes.',
    'settings.pair.make': 'Make a pairing code',
    'settings.pair.making': 'Making…',
    'settings.pair.again': 'Make a new code',
    'settings.pair.qrLabel': 'QR code for pairing a phone',
    'settings.pair.code': 'Or type this code on the phone:',
    'settings.pair.expiresIn': 'Expires in',
    'settings.pair.secondsLeft': '{seconds} seconds left',
    'settings.pair.expired': 'Expired — make a new code.',
    'settings.pair.paired': '{name} is paired. It is listed under Tokens.',
    'settings.pair.failed': 'Could not make a pairing code: {error}',

    'settings.tokens.title': 'Tokens',
    'settings.tokens.intro':
      'Each paired phone or script has its own token. Revoking one signs it out at once; it must be paired again.',
    'settings.tokens.empty':
      'No phones or scripts paired yet. Pair a phone above and it appears here.',
    'settings.tokens.caption': 'Tokens, their scope, when made and last used',
    'settings.tokens.name': 'Name',
    'settings.tokens.scope': 'Scope',
    'settings.tokens.created': 'Created',
    'settings.tokens.lastUsed': 'Last used',
    'settings.tokens.never': 'never',
    'settings.tokens.scopeAdmin': 'admin',
    'settings.tokens.scopeControl': 'control',
    'settings.tokens.adminName': 'Admin token',
    'settings.tokens.adminNote':
      'Replaced with `npm run hub -- reset-admin-token --data-dir <the hub’s folder>`',
    'settings.tokens.revoke': 'Revoke',
    'settings.tokens.revokeQuestion': 'Revoke {name}? It is signed out at once.',
    'settings.tokens.revokeFailed': 'Could not revoke {name}: {error}',
    'settings.tokens.loadFailed': 'Could not load the tokens: {error}',

    'settings.lockouts.title': 'Failed sign-ins',
    'settings.lockouts.intro':
      'Addresses and tokens that recently failed to sign in. After too many failures one is locked out for a while; clear it if it was you or a phone of yours.',
    'settings.lockouts.empty': 'No failed sign-ins lately.',
    'settings.lockouts.caption': 'Failed sign-ins: who, how many, locked out until',
    'settings.lockouts.key': 'Who',
    'settings.lockouts.failures': 'Failures',
    'settings.lockouts.lockedUntil': 'Locked out until',
    'settings.lockouts.notLocked': 'not locked out',
    'settings.lockouts.clear': 'Clear',
    'settings.lockouts.clearLabel': 'Clear {key}',
    'settings.lockouts.clearing': 'Clearing…',
    'settings.lockouts.clearFailed': 'Could not clear {key}: {error}',
    'settings.lockouts.loadFailed': 'Could not load the failed sign-ins: {error}',
    'settings.refresh': 'Refresh',

    'settings.form.save': 'Save',
    'settings.form.saving': 'Saving…',
    'settings.form.saved': 'Saved.',
    'settings.form.failed': 'Not saved: {error}',
    'settings.form.wholeNumber': 'Enter a whole number.',
    'settings.form.number': 'Enter a number.',
    'settings.form.loadFailed': 'Could not load the hub settings: {error}',
    'settings.form.loading': 'Loading the hub settings…',
    'settings.form.onePerLine': 'One per line.',
    'settings.form.commaSeparated': 'Separate them with commas.',

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

    'settings.retention.title': 'Retention',
    'settings.retention.history': 'Keep the activity history for',
    'settings.retention.pictures': 'Keep stranger pictures for',
    'settings.retention.maxCount': 'Keep at most this many pictures',
    'settings.retention.maxTotal': 'Space for pictures, at most',
    'settings.retention.maxPicture': 'Largest picture accepted',
    'settings.retention.mergeWindow': 'One camera’s pictures within this time count as one',
    'settings.retention.linkMinutes': 'Shared picture links stay valid for',

    'settings.notify.title': 'Notifications',
    'settings.notify.webhook': 'Webhook address',
    'settings.notify.webhookHelp':
      'The hub sends each stranger, jammed lock and warning to this address (HTTP POST). Leave it empty for none.',

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

    'settings.unit.ms': 'ms',
    'settings.unit.s': 's',
    'settings.unit.min': 'min',
    'settings.unit.days': 'days',
    'settings.unit.bytes': 'bytes',
    'settings.unit.mib': 'MiB',

    'settings.connection.title': 'Ports and addresses',
    'settings.connection.intro':
      'Chosen when the hub starts. To change one, start the hub with the option shown (or its HEARTH_… variable) and restart it.',
    'settings.connection.caption': 'What the hub listens on and the start option that changes it',
    'settings.connection.what': 'What',
    'settings.connection.value': 'Now',
    'settings.connection.option': 'Start option',
    'settings.connection.mqtt': 'MQTT',
    'settings.connection.mqtts': 'MQTT over TLS',
    'settings.connection.ws': 'MQTT over WebSocket',
    'settings.connection.http': 'HTTP: this panel and the API',
    'settings.connection.broker': 'Broker',
    'settings.connection.embedded': 'embedded (in the hub)',
    'settings.connection.off': 'off',
    'settings.connection.panel': 'This panel’s address',
    'settings.connection.fingerprint': 'TLS certificate fingerprint (SHA-256)',
    'settings.connection.loadFailed': 'Could not read the hub’s ports: {error}',

    'settings.about.title': 'About',
    'settings.about.name': 'Hub name',
    'settings.about.version': 'Version',
    'settings.about.started': 'Running since',
    'settings.about.dataFolder': 'Data folder',
    'settings.about.dataFolderUnknown':
      'Printed by the hub when it starts (dataDir in its ready line); chosen with --data-dir.',

    'settings.state.title': 'Back up and restore',
    'settings.state.intro':
      'Export saves devices, tokens (only as hashes), integrations and settings in one JSON file. Import replaces all of them with a file exported before; the state it replaces is kept as a file in the data folder.',
    'settings.state.export': 'Export state',
    'settings.state.exporting': 'Exporting…',
    'settings.state.exported': 'Downloaded {file}.',
    'settings.state.exportFailed': 'Could not export: {error}',
    'settings.state.import': 'Import state…',
    'settings.state.importing': 'Importing…',
    'settings.state.importQuestion':
      'Replace the whole hub state with {file}? Devices, tokens and settings that are not in it are gone.',
    'settings.state.importConfirm': 'Replace',
    'settings.state.checking': 'Checking the file…',
    'settings.state.preview.name': 'The hub’s name becomes “{to}” (now “{from}”).',
    'settings.state.preview.otherHub':
      'This file comes from another hub: devices paired with this one keep working only if they are in it.',
    'settings.state.preview.devices': 'Devices: {kept} kept, {added} added, {removed} removed.',
    'settings.state.preview.tokens':
      'Phones and tokens: {kept} kept, {added} added, {removed} removed.',
    'settings.state.preview.lost': 'Gone after the import: {names}.',
    'settings.state.preview.adminToken': 'Your admin token keeps working.',
    'settings.state.imported': 'Imported {file}. The state it replaced was kept as {keptAs}.',
    'settings.state.importFailed': '{file} was not imported: {error}',
    'settings.state.notJson':
      '{file} is not a state file exported by Hearth (it is not a JSON object). Choose the file that “Export state” saved.',

    'settings.desktop.title': 'Desktop app',
    'settings.desktop.startAtLogin': 'Start Hearth when I log in',
    'settings.desktop.startHidden': 'Start hidden in the tray',
    'settings.desktop.keepAwake': 'Keep this computer awake while Hearth runs',
    'settings.desktop.keepAwakeHelp':
      'A sleeping computer leaves the door unattended: no commands, no pictures, no notifications. The screen may still turn off.',
    'settings.desktop.notifyStranger': 'Notify me of a stranger (with the picture)',
    'settings.desktop.notifyJammed': 'Notify me of a jammed lock',
    'settings.desktop.notifyUnlocked': 'Notify me of a door left unlocked',
    'settings.desktop.notifyWaiting': 'Notify me of a device waiting for approval',
    'settings.desktop.notifyBattery': 'Notify me of a low battery',
    'settings.desktop.notifyRecovered': 'Notify me when Hearth had to recover its state file',
    'settings.security.warnUnlocked': 'Warn when a door stays unlocked for',
    'settings.security.warnUnlockedHelp':
      'The panel, your phone’s notifications and the desktop app then say which door; 0 never warns.',
    'settings.http.mdns': 'Announce the hub on the network (mDNS)',
    'settings.http.mdnsHelp':
      'Phones find the hub without typing its address. Off: they need the address or the pairing QR code. The --no-mdns start option always wins.',
  },
  {
    'settings.title': '设置',
    'settings.checkingScope': '正在确认此令牌的权限…',
    'settings.adminOnly':
      '你正在使用控制令牌登录：可以使用中枢，但不能更改它。配对手机、令牌、登录失败记录、中枢设置和备份都需要管理员令牌。请退出登录，再用管理员令牌登录后更改。',

    'settings.appearance.title': '外观',
    'settings.appearance.language': '语言',
    'settings.appearance.theme': '主题',
    'settings.appearance.themeSystem': '跟随系统',
    'settings.appearance.themeLight': '浅色',
    'settings.appearance.themeDark': '深色',
    'settings.appearance.note': '只保存在这台电脑或手机上。',

    'settings.pair.title': '配对手机',
    'settings.pair.intro':
      '在手机上打开 Hearth 应用，选择“添加中枢”并扫描二维码。手机随后会获得自己的控制令牌：可以上锁、开锁和查看，但不能更改设置。每个配对码只能用一次，有效期 2 分钟。',
    'settings.pair.make': '生成配对码',
    'settings.pair.making': '正在生成…',
    'settings.pair.again': '重新生成配对码',
    'settings.pair.qrLabel': '用于配对手机的二维码',
    'settings.pair.code': '也可以在手机上输入此配对码：',
    'settings.pair.expiresIn': '剩余有效时间',
    'settings.pair.secondsLeft': '还剩 {seconds} 秒',
    'settings.pair.expired': '已过期，请重新生成配对码。',
    'settings.pair.paired': '{name} 已配对，可在“令牌”中看到它。',
    'settings.pair.failed': '无法生成配对码：{error}',

    'settings.tokens.title': '令牌',
    'settings.tokens.intro':
      '每部已配对的手机或每个脚本都有自己的令牌。撤销后它会立即退出登录，需要重新配对。',
    'settings.tokens.empty': '还没有配对任何手机或脚本。在上方配对手机后，它会显示在这里。',
    'settings.tokens.caption': '令牌、权限范围、创建时间和最近使用时间',
    'settings.tokens.name': '名称',
    'settings.tokens.scope': '权限',
    'settings.tokens.created': '创建时间',
    'settings.tokens.lastUsed': '最近使用',
    'settings.tokens.never': '从未',
    'settings.tokens.scopeAdmin': '管理员',
    'settings.tokens.scopeControl': '控制',
    'settings.tokens.adminName': '管理员令牌',
    'settings.tokens.adminNote':
      '用 `npm run hub -- reset-admin-token --data-dir <中枢的数据文件夹>` 更换',
    'settings.tokens.revoke': '撤销',
    'settings.tokens.revokeQuestion': '撤销 {name}？它会立即退出登录。',
    'settings.tokens.revokeFailed': '无法撤销 {name}：{error}',
    'settings.tokens.loadFailed': '无法加载令牌：{error}',

    'settings.lockouts.title': '登录失败',
    'settings.lockouts.intro':
      '最近登录失败的地址和令牌。失败次数过多会被暂时锁定；如果是你自己或你的手机，可以解除。',
    'settings.lockouts.empty': '最近没有登录失败。',
    'settings.lockouts.caption': '登录失败：来源、次数、锁定截止时间',
    'settings.lockouts.key': '来源',
    'settings.lockouts.failures': '失败次数',
    'settings.lockouts.lockedUntil': '锁定至',
    'settings.lockouts.notLocked': '未锁定',
    'settings.lockouts.clear': '解除',
    'settings.lockouts.clearLabel': '解除 {key}',
    'settings.lockouts.clearing': '正在解除…',
    'settings.lockouts.clearFailed': '无法解除 {key}：{error}',
    'settings.lockouts.loadFailed': '无法加载登录失败记录：{error}',
    'settings.refresh': '刷新',

    'settings.form.save': '保存',
    'settings.form.saving': '正在保存…',
    'settings.form.saved': '已保存。',
    'settings.form.failed': '未保存：{error}',
    'settings.form.wholeNumber': '请输入整数。',
    'settings.form.number': '请输入数字。',
    'settings.form.loadFailed': '无法加载中枢设置：{error}',
    'settings.form.loading': '正在加载中枢设置…',
    'settings.form.onePerLine': '每行一个。',
    'settings.form.commaSeparated': '用逗号分隔。',

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

    'settings.retention.title': '保留期限',
    'settings.retention.history': '活动记录保留',
    'settings.retention.pictures': '陌生人照片保留',
    'settings.retention.maxCount': '最多保留照片张数',
    'settings.retention.maxTotal': '照片占用空间上限',
    'settings.retention.maxPicture': '单张照片大小上限',
    'settings.retention.mergeWindow': '同一摄像头在此时间内的照片合并为一次',
    'settings.retention.linkMinutes': '分享的照片链接有效期',

    'settings.notify.title': '通知',
    'settings.notify.webhook': 'Webhook 地址',
    'settings.notify.webhookHelp':
      '中枢会把每次陌生人、门锁卡住和警告发送到此地址（HTTP POST）。留空表示不发送。',

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

    'settings.unit.ms': '毫秒',
    'settings.unit.s': '秒',
    'settings.unit.min': '分钟',
    'settings.unit.days': '天',
    'settings.unit.bytes': '字节',
    'settings.unit.mib': 'MiB',

    'settings.connection.title': '端口和地址',
    'settings.connection.intro':
      '在中枢启动时确定。要更改，请用表中的启动选项（或对应的 HEARTH_… 环境变量）重新启动中枢。',
    'settings.connection.caption': '中枢监听的端口，以及更改它的启动选项',
    'settings.connection.what': '项目',
    'settings.connection.value': '当前',
    'settings.connection.option': '启动选项',
    'settings.connection.mqtt': 'MQTT',
    'settings.connection.mqtts': 'MQTT over TLS',
    'settings.connection.ws': 'MQTT over WebSocket',
    'settings.connection.http': 'HTTP：本面板和 API',
    'settings.connection.broker': '代理',
    'settings.connection.embedded': '内置（在中枢中）',
    'settings.connection.off': '关闭',
    'settings.connection.panel': '本面板地址',
    'settings.connection.fingerprint': 'TLS 证书指纹（SHA-256）',
    'settings.connection.loadFailed': '无法读取中枢端口：{error}',

    'settings.about.title': '关于',
    'settings.about.name': '中枢名称',
    'settings.about.version': '版本',
    'settings.about.started': '启动时间',
    'settings.about.dataFolder': '数据文件夹',
    'settings.about.dataFolderUnknown':
      '中枢启动时会打印出来（就绪行中的 dataDir）；用 --data-dir 指定。',

    'settings.state.title': '备份与恢复',
    'settings.state.intro':
      '导出会把设备、令牌（仅哈希值）、集成和设置保存为一个 JSON 文件。导入会用之前导出的文件替换这些内容；被替换的状态会以文件形式保存在数据文件夹中。',
    'settings.state.export': '导出状态',
    'settings.state.exporting': '正在导出…',
    'settings.state.exported': '已下载 {file}。',
    'settings.state.exportFailed': '无法导出：{error}',
    'settings.state.import': '导入状态…',
    'settings.state.importing': '正在导入…',
    'settings.state.importQuestion':
      '用 {file} 替换中枢的全部状态？文件中没有的设备、令牌和设置都会被删除。',
    'settings.state.importConfirm': '替换',
    'settings.state.checking': '正在检查文件…',
    'settings.state.preview.name': '中枢名称将变为“{to}”（现在是“{from}”）。',
    'settings.state.preview.otherHub':
      '这个文件来自另一个中枢：与本中枢配对的设备只有在文件中时才能继续使用。',
    'settings.state.preview.devices': '设备：保留 {kept} 个，新增 {added} 个，删除 {removed} 个。',
    'settings.state.preview.tokens':
      '手机和令牌：保留 {kept} 个，新增 {added} 个，删除 {removed} 个。',
    'settings.state.preview.lost': '导入后将不再存在：{names}。',
    'settings.state.preview.adminToken': '你的管理员令牌仍然有效。',
    'settings.state.imported': '已导入 {file}。被替换的状态已保存为 {keptAs}。',
    'settings.state.importFailed': '{file} 未能导入：{error}',
    'settings.state.notJson':
      '{file} 不是 Hearth 导出的状态文件（不是 JSON 对象）。请选择“导出状态”保存的文件。',

    'settings.desktop.title': '桌面应用',
    'settings.desktop.startAtLogin': '登录时启动 Hearth',
    'settings.desktop.startHidden': '启动时隐藏到托盘',
    'settings.desktop.keepAwake': 'Hearth 运行时保持电脑唤醒',
    'settings.desktop.keepAwakeHelp':
      '电脑休眠时没有人照看门：不能发命令，收不到照片，也没有通知。屏幕仍可关闭。',
    'settings.desktop.notifyStranger': '有陌生人时通知我（附照片）',
    'settings.desktop.notifyJammed': '门锁卡住时通知我',
    'settings.desktop.notifyUnlocked': '门长时间未锁时通知我',
    'settings.desktop.notifyWaiting': '有设备等待批准时通知我',
    'settings.desktop.notifyBattery': '电池电量低时通知我',
    'settings.desktop.notifyRecovered': 'Hearth 恢复状态文件时通知我',
    'settings.security.warnUnlocked': '门保持未锁状态超过此时间时提醒',
    'settings.security.warnUnlockedHelp':
      '控制面板、手机通知和桌面应用会指出是哪扇门；0 表示从不提醒。',
    'settings.http.mdns': '在局域网中广播本中枢（mDNS）',
    'settings.http.mdnsHelp':
      '手机无需输入地址即可找到中枢。关闭后需要输入地址或扫描配对二维码。启动参数 --no-mdns 始终优先。',
  },
);
