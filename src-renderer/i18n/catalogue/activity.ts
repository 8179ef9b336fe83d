// Strings of the panel's activity area. Keys start with "activity."; see ../define-strings.ts.
import { defineStrings } from '../define-strings.js';

export const activityStrings = defineStrings(
  {
    'activity.empty.title': 'No activity yet',
    'activity.empty.body1':
      'Joins, approvals, refused requests, warnings and action errors are listed here, newest first; lock commands are in the lock audit log.',
    'activity.empty.body2':
      'The hub also writes what it does to its log (the terminal that runs `npm run hub`).',
    'activity.tabs': 'What to show',
    'activity.tab.live': 'Live events',
    'activity.tab.history': 'History',
    'activity.tab.audit': 'Lock audit log',
    'activity.about.live':
      'Every event the hub sent since this panel opened, newest first: states, availability, commands, pictures.',
    'activity.about.history':
      'What the hub recorded, newest first (kept for the retention period set in Settings).',
    'activity.about.audit':
      'Every lock, unlock and open from any source, who asked and how it ended, newest first.',
    'activity.loading': 'Loading…',
    'activity.loadFailed': 'Could not load this log: {reason}',
    'activity.live.empty':
      'No events since this panel opened. They appear here as they happen: try locking a lock on Home.',
    'activity.audit.empty':
      'No lock commands yet. Every lock and unlock, from the panel, a phone, MQTT or an action, is recorded here.',
    'activity.shown': 'Showing {shown} of {total}',
    'activity.noMatch': 'Nothing matches these filters. Change or clear them.',
    'activity.loadOlder': 'Show older entries',
    'activity.loadingOlder': 'Loading older entries…',
    'activity.filter.kind': 'Kind',
    'activity.filter.allKinds': 'All kinds',
    'activity.filter.device': 'Device',
    'activity.filter.devicePlaceholder': 'Name or id',
    'activity.filter.text': 'Search',
    'activity.filter.textPlaceholder': 'Any text',
    'activity.export.csv': 'Export CSV',
    'activity.export.json': 'Export JSON',
    'activity.column.at': 'Time',
    'activity.column.kind': 'Kind',
    'activity.column.device': 'Device',
    'activity.column.who': 'Who',
    'activity.column.details': 'Details',
    'activity.audit.ok': 'Done: {state} ({ms} ms)',
    'activity.audit.failed': 'Not done: {result}; the lock is {state} ({ms} ms)',
  },
  {
    'activity.empty.title': '还没有动态',
    'activity.empty.body1':
      '设备加入、批准、被拒绝的请求、警告和动作错误都会列在这里，最新的在前；门锁指令记录在门锁审计日志中。',
    'activity.empty.body2': '中枢也会把它做的事写进日志（运行 `npm run hub` 的终端）。',
    'activity.tabs': '显示内容',
    'activity.tab.live': '实时事件',
    'activity.tab.history': '历史记录',
    'activity.tab.audit': '门锁审计日志',
    'activity.about.live':
      '自本面板打开以来中枢发出的所有事件，最新的在前：状态、在线情况、指令、照片。',
    'activity.about.history': '中枢记录下的事情，最新的在前（保留时长可在“设置”中调整）。',
    'activity.about.audit':
      '来自任何来源的每一次上锁、开锁和开门：谁发出的、结果如何，最新的在前。',
    'activity.loading': '加载中…',
    'activity.loadFailed': '无法加载这份日志：{reason}',
    'activity.live.empty':
      '自本面板打开以来还没有事件。事件发生时会出现在这里：试试在首页给门锁上锁。',
    'activity.audit.empty':
      '还没有门锁指令。来自面板、手机、MQTT 或动作的每一次上锁和开锁都会记录在这里。',
    'activity.shown': '显示 {total} 条中的 {shown} 条',
    'activity.noMatch': '没有符合筛选条件的记录。请修改或清除筛选。',
    'activity.loadOlder': '显示更早的记录',
    'activity.loadingOlder': '正在加载更早的记录…',
    'activity.filter.kind': '类型',
    'activity.filter.allKinds': '所有类型',
    'activity.filter.device': '设备',
    'activity.filter.devicePlaceholder': '名称或 id',
    'activity.filter.text': '搜索',
    'activity.filter.textPlaceholder': '任意文字',
    'activity.export.csv': '导出 CSV',
    'activity.export.json': '导出 JSON',
    'activity.column.at': '时间',
    'activity.column.kind': '类型',
    'activity.column.device': '设备',
    'activity.column.who': '来源',
    'activity.column.details': '详情',
    'activity.audit.ok': '完成：{state}（{ms} 毫秒）',
    'activity.audit.failed': '未完成：{result}；门锁现在是“{state}”（{ms} 毫秒）',
  },
);
