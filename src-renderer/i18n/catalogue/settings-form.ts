// Strings of the hub settings form: saving, units, the everyday groups, the desktop app's
// choices and the Advanced fold. The advanced groups' own strings are in settings-advanced.ts.
import { defineStrings } from '../define-strings.js';

export const settingsFormStrings = defineStrings(
  {
    'settings.form.save': 'Save',
    'settings.form.saving': 'Saving…',
    'settings.form.saved': 'Saved.',
    'settings.form.failed': 'Not saved: {error}',
    'settings.form.wholeNumber': 'Enter a whole number.',
    'settings.form.number': 'Enter a number, such as 30 or 2.5.',
    'settings.form.loadFailed': 'Could not load the hub settings: {error}',
    'settings.form.loading': 'Loading the hub settings…',
    'settings.form.onePerLine': 'One per line.',
    'settings.form.commaSeparated': 'Separate them with commas.',
    'settings.form.changed': 'changed',

    'settings.save.region': 'Unsaved changes',
    'settings.save.one': '1 unsaved change',
    'settings.save.many': '{count} unsaved changes',
    'settings.save.discard': 'Discard',
    'settings.save.fixMarked': 'Not saved: correct the marked fields first.',
    'settings.save.refusedMarked':
      'Not saved: the hub refused a value (its reason is beside the field). Nothing was changed.',

    'settings.quantity.unit': 'Unit of “{what}”',
    'settings.quantity.whole':
      'The hub keeps this in whole {unit}, and this is not a whole number of them. Enter a whole number, or choose a smaller unit.',
    'settings.quantity.exact':
      'The hub keeps this in {unit}, and this cannot be written exactly in them. Enter it in {unit}.',
    'settings.quantity.range': 'Too large for the hub to keep.',
    'settings.quantity.hubUnit': '(The hub counts this in {unit}.)',
    'settings.quantity.digits': 'Too many digits for the hub to keep exactly: shorten it.',

    'settings.unit.bytes.one': 'byte',
    'settings.unit.bytes.other': 'bytes',
    'settings.unit.KB.one': 'KB',
    'settings.unit.KB.other': 'KB',
    'settings.unit.MB.one': 'MB',
    'settings.unit.MB.other': 'MB',
    'settings.unit.GB.one': 'GB',
    'settings.unit.GB.other': 'GB',
    'settings.unit.ms.one': 'millisecond',
    'settings.unit.ms.other': 'milliseconds',
    'settings.unit.seconds.one': 'second',
    'settings.unit.seconds.other': 'seconds',
    'settings.unit.minutes.one': 'minute',
    'settings.unit.minutes.other': 'minutes',
    'settings.unit.hours.one': 'hour',
    'settings.unit.hours.other': 'hours',
    'settings.unit.days.one': 'day',
    'settings.unit.days.other': 'days',

    'settings.doors.title': 'Doors',
    'settings.security.warnUnlocked': 'Warn when a door stays unlocked for',
    'settings.security.warnUnlockedHelp':
      'The panel, your phone’s notifications and the desktop app then say which door; 0 never warns.',

    'settings.retention.title': 'Stranger pictures and history',
    'settings.retention.intro':
      'When stranger pictures reach any of their limits, the oldest go first.',
    'settings.retention.pictures': 'Keep stranger pictures for',
    'settings.retention.maxTotal': 'Space for pictures, at most',
    'settings.retention.maxCount': 'Keep at most this many pictures',
    'settings.retention.history': 'Keep the activity history for',

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

    'settings.advanced.title': 'Advanced',
    'settings.advanced.summary':
      'Security, joining, integrations, Home Assistant and Frigate, webhook, limits, HTTP access, failed sign-ins, ports, backup and restore.',
    'settings.advanced.summaryControl': 'Ports and addresses.',
    'settings.advanced.unsaved': '{count} not saved',
  },
  {
    'settings.form.save': '保存',
    'settings.form.saving': '正在保存…',
    'settings.form.saved': '已保存。',
    'settings.form.failed': '未保存：{error}',
    'settings.form.wholeNumber': '请输入整数。',
    'settings.form.number': '请输入数字，例如 30 或 2.5。',
    'settings.form.loadFailed': '无法加载中枢设置：{error}',
    'settings.form.loading': '正在加载中枢设置…',
    'settings.form.onePerLine': '每行一个。',
    'settings.form.commaSeparated': '用逗号分隔。',
    'settings.form.changed': '已更改',

    'settings.save.region': '未保存的更改',
    'settings.save.one': '1 项更改未保存',
    'settings.save.many': '{count} 项更改未保存',
    'settings.save.discard': '放弃更改',
    'settings.save.fixMarked': '未保存：请先更正标出的字段。',
    'settings.save.refusedMarked': '未保存：中枢拒绝了某个值（原因显示在该字段旁）。没有任何更改。',

    'settings.quantity.unit': '“{what}”的单位',
    'settings.quantity.whole':
      '中枢以整数{unit}保存此值，换算后不是整数。请输入整数，或选择更小的单位。',
    'settings.quantity.exact': '中枢以{unit}保存此值，换算后无法精确表示。请以{unit}为单位输入。',
    'settings.quantity.range': '数值太大，中枢无法保存。',
    'settings.quantity.hubUnit': '（中枢以{unit}为单位计算此值。）',
    'settings.quantity.digits': '位数太多，中枢无法精确保存，请减少位数。',

    'settings.unit.bytes.one': '字节',
    'settings.unit.bytes.other': '字节',
    'settings.unit.KB.one': 'KB',
    'settings.unit.KB.other': 'KB',
    'settings.unit.MB.one': 'MB',
    'settings.unit.MB.other': 'MB',
    'settings.unit.GB.one': 'GB',
    'settings.unit.GB.other': 'GB',
    'settings.unit.ms.one': '毫秒',
    'settings.unit.ms.other': '毫秒',
    'settings.unit.seconds.one': '秒',
    'settings.unit.seconds.other': '秒',
    'settings.unit.minutes.one': '分钟',
    'settings.unit.minutes.other': '分钟',
    'settings.unit.hours.one': '小时',
    'settings.unit.hours.other': '小时',
    'settings.unit.days.one': '天',
    'settings.unit.days.other': '天',

    'settings.doors.title': '门',
    'settings.security.warnUnlocked': '门保持未锁状态超过此时间时提醒',
    'settings.security.warnUnlockedHelp':
      '控制面板、手机通知和桌面应用会指出是哪扇门；0 表示从不提醒。',

    'settings.retention.title': '陌生人照片和活动记录',
    'settings.retention.intro': '陌生人照片达到任一上限时，最早的照片先被删除。',
    'settings.retention.pictures': '陌生人照片保留',
    'settings.retention.maxTotal': '照片占用空间上限',
    'settings.retention.maxCount': '最多保留照片张数',
    'settings.retention.history': '活动记录保留',

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

    'settings.advanced.title': '高级',
    'settings.advanced.summary':
      '安全、设备加入、集成、Home Assistant 与 Frigate、Webhook、各项限制、HTTP 访问、登录失败、端口、备份与恢复。',
    'settings.advanced.summaryControl': '端口和地址。',
    'settings.advanced.unsaved': '{count} 项未保存',
  },
);
