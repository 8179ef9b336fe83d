// The live feed's words: a label per event type ("event.<type>", typed by the hub's event
// types) and the sentences its rows say ("eventText.…"), plus who did something in the family's
// terms ("who.…") and the words hub parameters are turned into ("word.…").
import type { HubEventType } from '../../../src-main/shared/events.js';
import type { DeviceKind } from '../../../src-main/shared/devices.js';
import { codeStrings, defineStrings } from '../define-strings.js';

const labelEn: Record<HubEventType, string> = {
  warning: 'Warning',
  broker_connection: 'Message server',
  action_error: 'Action problem',
  device_joined: 'Approved',
  device_pending: 'Asks to join',
  device_rejected: 'Rejected',
  device_updated: 'Device changed',
  device_left: 'Removed',
  availability: 'Online or offline',
  device_state: 'Reported state',
  permit_join: 'Joining',
  lock_state: 'Lock state',
  lock_command: 'Lock command',
  stranger: 'Stranger picture',
};

const labelZh: Record<HubEventType, string> = {
  warning: '警告',
  broker_connection: '消息服务器',
  action_error: '动作出错',
  device_joined: '已批准',
  device_pending: '请求加入',
  device_rejected: '已拒绝',
  device_updated: '设备有变化',
  device_left: '已移除',
  availability: '在线情况',
  device_state: '状态报告',
  permit_join: '允许加入',
  lock_state: '门锁状态',
  lock_command: '门锁指令',
  stranger: '陌生人照片',
};

const kindEn: Record<DeviceKind, string> = {
  lock: 'lock',
  camera: 'camera',
  sensor: 'sensor',
  other: 'device',
};
const kindZh: Record<DeviceKind, string> = {
  lock: '门锁',
  camera: '摄像头',
  sensor: '传感器',
  other: '设备',
};

export const hubEventLabelStrings = codeStrings('event', labelEn, labelZh);
export const deviceKindWordStrings = codeStrings('word.deviceKind', kindEn, kindZh);

export const hubEventStrings = defineStrings(
  {
    'eventText.broker':
      '{state, select, connected {The hub is connected to its message server} connecting {Connecting to the message server…} unavailable {The message server cannot be reached} other {Another hub has taken over the message server}}',
    'eventText.device': '{deviceKind}, {status}, {availability}',
    'eventText.deviceLeft': 'Removed by the owner',
    'eventText.deviceState':
      'Reported “{state}”{battery, select, null {} other {, battery {battery}%}}',
    'eventText.lockState':
      '{previous} → {state}{battery, select, null {} other {, battery {battery}%}}',
    'eventText.lockCommand':
      '{command} by {who}: {result, select, ok {done} other {{result}}} ({ms} ms)',
    'eventText.stranger': 'A new picture from {camera}',
    'who.ownerPc': 'the owner on this PC',
    'who.owner': 'the owner',
    'who.ownerVia': 'the owner ({via})',
    'who.phone': 'a paired phone',
    'who.integration': 'a connected system',
    'who.rule': 'automatically (rule “{rule}”)',
    'who.hub': 'automatically',
    'who.client': 'an unknown client ({id})',
    'hubText.inEnglish': '{message}',
    'hubText.unknownKind': 'Other',
  },
  {
    'eventText.broker':
      '{state, select, connected {中枢已连接消息服务器} connecting {正在连接消息服务器…} unavailable {连接不上消息服务器} other {另一个中枢接管了消息服务器}}',
    'eventText.device': '{deviceKind}，{status}，{availability}',
    'eventText.deviceLeft': '已被主人移除',
    'eventText.deviceState':
      '报告状态“{state}”{battery, select, null {} other {，电量 {battery}%}}',
    'eventText.lockState':
      '{previous} → {state}{battery, select, null {} other {，电量 {battery}%}}',
    'eventText.lockCommand':
      '{who} {command}：{result, select, ok {完成} other {{result}}}（{ms} 毫秒）',
    'eventText.stranger': '{camera} 拍到一张新照片',
    'who.ownerPc': '主人（在这台电脑上）',
    'who.owner': '主人',
    'who.ownerVia': '主人（{via}）',
    'who.phone': '已配对的手机',
    'who.integration': '已连接的系统',
    'who.rule': '自动（规则“{rule}”）',
    'who.hub': '自动',
    'who.client': '未知客户端（{id}）',
    'hubText.inEnglish': '（英文原文）{message}',
    'hubText.unknownKind': '其他',
  },
);
