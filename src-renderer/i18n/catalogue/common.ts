// Strings shared by every area: the frame, buttons, states. Keys start with "common.";
// see ../define-strings.ts.
import { defineStrings } from '../define-strings.js';

export const commonStrings = defineStrings(
  {
    'common.loading': 'Loading…',
    'common.retry': 'Try again',
    'common.cancel': 'Cancel',
    'common.dismiss': 'Dismiss',
    'common.close': 'Close',
    'common.copy': 'Copy',
    'common.copied': 'Copied',
    'common.copyLabel': 'Copy {what}',
    'common.delete': 'Delete',
    'common.signOut': 'Sign out',
    'common.none': '—',
    'common.brand': 'Hearth',
    'common.sections': 'Sections',
    'common.nav.home': 'Home',
    'common.nav.devices': 'Devices',
    'common.nav.strangers': 'Strangers',
    'common.nav.actions': 'Actions',
    'common.nav.activity': 'Activity',
    'common.nav.settings': 'Settings',
    'common.nav.newPictures': '{count} new',
    'common.nav.newPicturesLabel': '{count} new pictures',
    'common.nav.waitingLabel': '{count} waiting for approval',

    'common.connection.label': 'Hub connection:',
    'common.connection.connecting': 'Connecting…',
    'common.connection.connectingTitle': 'Opening the live connection to the hub.',
    'common.connection.connected': 'Connected',
    'common.connection.connectedTitle': 'Live updates from the hub are arriving.',
    'common.connection.reconnecting': 'Reconnecting…',
    'common.connection.reconnectingTitle': 'The connection to the hub dropped; trying again.',
    'common.connection.offline': 'Offline',
    'common.connection.offlineTitle':
      'The hub cannot be reached. Still retrying; check that it is running.',

    'common.signIn.title': 'Sign in to Hearth',
    'common.signIn.hint':
      'Paste the admin token printed when the hub first started, or a token from pairing a phone. This browser gets a sign-in of its own, listed under Settings → Tokens; the token you paste is not kept.',
    'common.signIn.remember': 'Remember this computer',
    'common.signIn.rememberHint':
      'Stay signed in on this browser, in new tabs and after a restart, until you sign out (or 90 days unused). Only on a computer your family owns. Otherwise new tabs share this sign-in until the last Hearth tab is closed.',
    'common.signIn.token': 'Token',
    'common.signIn.submit': 'Sign in',
    'common.signIn.checking': 'Checking token…',
    'common.signIn.signingOut': 'Signing out…',
    'common.signIn.rejected':
      'That token was not accepted. Use the admin token printed when the hub first started, or a token from pairing a phone. Lost the admin token? Stop the hub and run `npm run hub -- reset-admin-token --data-dir <the hub’s folder>` on the hub’s computer to print a new one.',
    'common.signIn.revoked':
      'This browser was signed out: its sign-in was revoked, or went unused for too long. Sign in again with the admin token or a phone’s token.',
    'common.signIn.unreachable':
      'Could not reach the hub. Check that it is running, then try again.',
    'common.signIn.other': 'Signing in failed.',
    'common.signIn.signOutUnheard':
      'Signed out on this browser, but the hub could not be reached to end the sign-in there. When it is back, revoke this browser under Settings → Tokens.',

    'common.error.network':
      'The hub could not be reached. Check that it is running, then try again.',
    'common.error.unauthorized':
      'The hub no longer accepts this token. Sign out and sign in again.',
    'common.error.forbidden': 'This needs an admin token. Sign in with the admin token to do it.',

    'common.warnings.title': 'Warnings',
    'common.warnings.none':
      'No warnings. Anything about the hub that needs your attention will be listed here.',

    'common.duration.days': '{d} d {h} h',
    'common.duration.hours': '{h} h {m} min',
    'common.duration.minutes': '{m} min {s} s',
    'common.duration.seconds': '{s} s',
    'common.ago.justNow': 'just now',
    'common.ago.seconds': '{n} s ago',
    'common.ago.minutes': '{n} min ago',
    'common.ago.hours': '{n} h ago',
    'common.ago.days': '{n} d ago',
    'common.ago.never': 'never',

    'common.empty.devices.title': 'No devices yet',
    'common.empty.devices.body1':
      'A device joins by connecting to the hub’s MQTT broker with its id as client id and publishing `hand_shake <id> [kind] [name…]` on `hearth/action`, for example `hand_shake door1 lock Front door`.',
    'common.empty.devices.body2':
      'It then waits here as pending until you approve it, or, while “Let devices join” is open, it is approved at once.',
    'common.empty.devices.body3':
      'No hardware yet? Start a simulated lock with `npm run simulate -- lock` (or `camera`) in the project folder.',
    'common.empty.settings.title': 'Nothing to set here yet',
    'common.empty.settings.body1':
      'Joining, devices without a secret, picture retention, remote code and phone pairing will be set here in a later version.',
    'common.empty.settings.body2':
      'For now the hub is configured by its start options, such as `--http-port` and `--data-dir` (see the README).',
    'common.empty.actions.title': 'No action files yet',
    'common.empty.actions.body1':
      'An action runs when a message arrives on `hearth/action`: its first word names the action (for example `ping` or `lock all`) and its reply is published on the topic of that name. The built-in actions are listed above.',
    'common.empty.actions.body2':
      'Add your own with an action file: a JavaScript module whose exported functions become actions. They run in a separate process that cannot read the hub’s secrets. See `docs/actions.md` for three examples.',
  },
  {
    'common.loading': '加载中…',
    'common.retry': '重试',
    'common.cancel': '取消',
    'common.dismiss': '关闭提示',
    'common.close': '关闭',
    'common.copy': '复制',
    'common.copied': '已复制',
    'common.copyLabel': '复制{what}',
    'common.delete': '删除',
    'common.signOut': '退出登录',
    'common.none': '—',
    'common.brand': 'Hearth',
    'common.sections': '栏目',
    'common.nav.home': '首页',
    'common.nav.devices': '设备',
    'common.nav.strangers': '陌生人',
    'common.nav.actions': '动作',
    'common.nav.activity': '动态',
    'common.nav.settings': '设置',
    'common.nav.newPictures': '{count} 张新',
    'common.nav.newPicturesLabel': '{count} 张新照片',
    'common.nav.waitingLabel': '{count} 个等待批准',

    'common.connection.label': '与中枢的连接：',
    'common.connection.connecting': '正在连接…',
    'common.connection.connectingTitle': '正在打开与中枢的实时连接。',
    'common.connection.connected': '已连接',
    'common.connection.connectedTitle': '正在接收中枢的实时更新。',
    'common.connection.reconnecting': '正在重新连接…',
    'common.connection.reconnectingTitle': '与中枢的连接断开了，正在重试。',
    'common.connection.offline': '离线',
    'common.connection.offlineTitle': '无法连接到中枢。仍在重试；请检查中枢是否在运行。',

    'common.signIn.title': '登录 Hearth',
    'common.signIn.hint':
      '粘贴中枢首次启动时打印的管理员令牌，或手机配对得到的令牌。这个浏览器会得到一个自己的登录，列在“设置 → 令牌”中；你粘贴的令牌不会被保存。',
    'common.signIn.remember': '记住这台电脑',
    'common.signIn.rememberHint':
      '在这个浏览器上保持登录，新标签页和重启浏览器后都有效，直到你退出登录（或 90 天未使用）。只在自家电脑上勾选。不勾选时，新标签页共用这次登录，直到最后一个 Hearth 标签页关闭。',
    'common.signIn.token': '令牌',
    'common.signIn.submit': '登录',
    'common.signIn.checking': '正在验证令牌…',
    'common.signIn.signingOut': '正在退出登录…',
    'common.signIn.rejected':
      '这个令牌未被接受。请使用中枢首次启动时打印的管理员令牌，或手机配对得到的令牌。管理员令牌丢了？停止中枢后，在中枢所在的电脑上运行 `npm run hub -- reset-admin-token --data-dir <中枢的数据文件夹>` 生成一个新的。',
    'common.signIn.revoked':
      '这个浏览器已退出登录：它的登录被撤销了，或太久没有使用。请用管理员令牌或手机的令牌重新登录。',
    'common.signIn.unreachable': '无法连接到中枢。请检查它是否在运行，然后重试。',
    'common.signIn.other': '登录失败。',
    'common.signIn.signOutUnheard':
      '已在这个浏览器上退出，但无法连接到中枢来结束那边的登录。中枢恢复后，请在“设置 → 令牌”中撤销这个浏览器。',

    'common.error.network': '无法连接到中枢。请检查它是否在运行，然后重试。',
    'common.error.unauthorized': '中枢不再接受这个令牌。请退出后重新登录。',
    'common.error.forbidden': '这需要管理员令牌。请用管理员令牌登录后再操作。',

    'common.warnings.title': '警告',
    'common.warnings.none': '没有警告。中枢中需要你注意的情况会列在这里。',

    'common.duration.days': '{d} 天 {h} 小时',
    'common.duration.hours': '{h} 小时 {m} 分',
    'common.duration.minutes': '{m} 分 {s} 秒',
    'common.duration.seconds': '{s} 秒',
    'common.ago.justNow': '刚刚',
    'common.ago.seconds': '{n} 秒前',
    'common.ago.minutes': '{n} 分钟前',
    'common.ago.hours': '{n} 小时前',
    'common.ago.days': '{n} 天前',
    'common.ago.never': '从未',

    'common.empty.devices.title': '还没有设备',
    'common.empty.devices.body1':
      '设备加入的方式：以自己的 id 作为客户端 id 连接中枢的 MQTT 代理，并在 `hearth/action` 上发布 `hand_shake <id> [kind] [name…]`，例如 `hand_shake door1 lock Front door`。',
    'common.empty.devices.body2':
      '之后它会以“待批准”状态出现在这里，等你批准；若“允许设备加入”已打开，则会立即被批准。',
    'common.empty.devices.body3':
      '还没有硬件？在项目文件夹中运行 `npm run simulate -- lock`（或 `camera`）启动一个模拟设备。',
    'common.empty.settings.title': '这里暂时没有可设置的项目',
    'common.empty.settings.body1':
      '加入方式、无密钥设备、照片保留期、远程代码和手机配对将在以后的版本中在这里设置。',
    'common.empty.settings.body2':
      '目前中枢通过启动参数配置，例如 `--http-port` 和 `--data-dir`（见 README）。',
    'common.empty.actions.title': '还没有动作文件',
    'common.empty.actions.body1':
      '当 `hearth/action` 上收到消息时会运行一个动作：消息的第一个词是动作名（例如 `ping` 或 `lock all`），回复发布在与动作同名的主题上。内置动作列在上方。',
    'common.empty.actions.body2':
      '用动作文件添加你自己的动作：一个 JavaScript 模块，它导出的函数就是动作。它们在单独的进程中运行，读不到中枢的密钥。三个示例见 `docs/actions.md`。',
  },
);
