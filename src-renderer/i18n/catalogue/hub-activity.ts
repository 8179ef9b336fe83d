// What the activity history says happened, in the family's words: one sentence per activity
// code ("activityText.<code>") and a label per kind for the Kind column and filter
// ("activityKind.<kind>"). The codes and their parameters: src-main/shared/messages/activity.ts.
import type { ActivityCode, ActivityKind } from '../../../src-main/shared/messages/activity.js';
import { codeStrings } from '../define-strings.js';

const PICTURE = 'not a whole JPEG, PNG or WebP picture';
const PICTURE_ZH = '不是完整的 JPEG、PNG 或 WebP 图片';

const en: Record<ActivityCode, string> = {
  device_pending: '{name} asks to join',
  device_joined: '{name} was approved',
  device_rejected: '{name} was rejected',
  device_updated: '{id} is now {name} ({deviceKind})',
  device_left: '{name} was removed',
  device_withdrawn: '{name}’s bridge no longer offers it: confirm its removal in Devices',
  permit_join_opened: 'Devices may join for {seconds}',
  permit_join_closed: 'Devices may no longer join',
  mqtt_connect_refused:
    'A connection from {address} was refused: {refusal, select, identifier_rejected {its client id is not accepted} bad_credentials {wrong user name or password} other {it is not allowed}}',
  mqtt_publish_refused: 'A message to “{topic}” was refused and its sender disconnected',
  mqtt_subscribe_refused: 'Listening to “{topic}” was refused',
  secret_withheld:
    '{id} asked again from {address}, but it joined from {joinedFrom, select, null {elsewhere} other {{joinedFrom}}}: its secret was not sent. Pair it again if it moved.',
  lock_bad_state: '{id} reported a state that is not a lock state',
  device_bad_state: '{id} sent a state report the hub does not understand',
  bridged_bad_state: '{name} reported “{value}”, which its bridge did not announce as a lock state',
  picture_not_a_camera: 'A picture from {camera} was refused: it is not an approved camera',
  picture_too_large: 'A picture from {camera} was refused: it is larger than {limit} bytes',
  picture_not_a_picture: `A picture from {camera} was refused: it is ${PICTURE}`,
  picture_busy: 'A picture from {camera} was refused: too many pictures are waiting to be saved',
  picture_disk_full: 'A picture from {camera} was not saved: the disk is full',
  picture_not_stored: 'A picture from {camera} could not be saved',
  picture_not_its_own:
    'A picture sent on {topic} was refused: it did not come from that camera itself',
  picture_not_fetched: '{name}’s picture could not be fetched',
  discovery_not_an_integration:
    'A device announcement on {topic} was refused: only a connected system’s account may announce devices',
  discovery_burst: 'Device announcements on {topic} were ignored: too many at once',
  discovery_unknown_topic:
    'A device announcement on {topic} was refused: the hub does not know that topic',
  discovery_bad_config: 'A device announcement on {topic} was refused ({detail})',
  frigate_not_an_integration:
    'A Frigate message on {topic} was refused: only the account made for Frigate may send them',
  frigate_bad_event: 'A Frigate event on {topic} was refused ({detail})',
  frigate_after_end: 'A Frigate message about event {event}, which has ended, was ignored',
  frigate_too_many_cameras:
    'A new Frigate camera was refused: the hub already has {max}; remove some first',
  frigate_camera_clash: 'A Frigate camera was refused: {id} is already another device',
  frigate_camera_not_approved:
    'A Frigate message for {id} was refused: {status, select, rejected {you rejected this camera} other {this camera waits for your approval}}',
  frigate_other_integration:
    'A Frigate message for {id} was refused: it belongs to another connected system ({owner}); remove the device to let this one report it',
  frigate_snapshot_too_large:
    'A Frigate snapshot on {topic} was refused: it is larger than {limit} bytes',
  frigate_not_a_picture: `A Frigate snapshot on {topic} was refused: it is ${PICTURE}`,
  frigate_known_face: 'Frigate recognised a known face on {camera}; that sighting was deleted',
  frigate_false_positive:
    'Frigate found the sighting on {camera} was a false alarm; it was deleted',
  frigate_no_snapshot:
    'Frigate said event {event} on {camera} has a picture, but none came within {seconds}: turn on MQTT snapshots for this camera in Frigate',
};

const zhCN: Record<ActivityCode, string> = {
  device_pending: '{name} 请求加入',
  device_joined: '{name} 已获批准',
  device_rejected: '{name} 被拒绝',
  device_updated: '{id} 现在是 {name}（{deviceKind}）',
  device_left: '{name} 已被移除',
  device_withdrawn: '{name} 的桥接不再提供它：请在“设备”中确认移除',
  permit_join_opened: '允许设备加入 {seconds}',
  permit_join_closed: '已不再允许设备加入',
  mqtt_connect_refused:
    '来自 {address} 的连接被拒绝：{refusal, select, identifier_rejected {客户端 id 不被接受} bad_credentials {用户名或密码错误} other {没有权限}}',
  mqtt_publish_refused: '发往“{topic}”的消息被拒绝，发送方已被断开',
  mqtt_subscribe_refused: '订阅“{topic}”被拒绝',
  secret_withheld:
    '{id} 从 {address} 再次请求，但它是从{joinedFrom, select, null {别处} other { {joinedFrom} }}加入的：没有发送密钥。如果设备换了位置，请重新配对。',
  lock_bad_state: '{id} 报告的状态不是门锁状态',
  device_bad_state: '{id} 发来了中枢看不懂的状态报告',
  bridged_bad_state: '{name} 报告了“{value}”，它的桥接并未声明这是门锁状态',
  picture_not_a_camera: '来自 {camera} 的照片被拒绝：它不是已批准的摄像头',
  picture_too_large: '来自 {camera} 的照片被拒绝：超过 {limit} 字节',
  picture_not_a_picture: `来自 {camera} 的照片被拒绝：${PICTURE_ZH}`,
  picture_busy: '来自 {camera} 的照片被拒绝：等待保存的照片太多',
  picture_disk_full: '来自 {camera} 的照片没有保存：磁盘已满',
  picture_not_stored: '来自 {camera} 的照片无法保存',
  picture_not_its_own: '通过 {topic} 发来的照片被拒绝：它不是那台摄像头自己发的',
  picture_not_fetched: '无法获取 {name} 的照片',
  discovery_not_an_integration: '{topic} 上的设备声明被拒绝：只有已连接系统的账户才能声明设备',
  discovery_burst: '{topic} 上的设备声明被忽略：一次太多',
  discovery_unknown_topic: '{topic} 上的设备声明被拒绝：中枢不认识这个主题',
  discovery_bad_config: '{topic} 上的设备声明被拒绝（{detail}）',
  frigate_not_an_integration: '{topic} 上的 Frigate 消息被拒绝：只有为 Frigate 创建的账户才能发送',
  frigate_bad_event: '{topic} 上的 Frigate 事件被拒绝（{detail}）',
  frigate_after_end: '关于已结束事件 {event} 的 Frigate 消息被忽略',
  frigate_too_many_cameras: '新的 Frigate 摄像头被拒绝：中枢已有 {max} 台，请先移除一些',
  frigate_camera_clash: 'Frigate 摄像头被拒绝：{id} 已是另一台设备',
  frigate_camera_not_approved:
    '{id} 的 Frigate 消息被拒绝：{status, select, rejected {你已拒绝这台摄像头} other {这台摄像头正在等待你的批准}}',
  frigate_other_integration:
    '{id} 的 Frigate 消息被拒绝：它属于另一个已连接的系统（{owner}）；移除该设备后才能由这个系统报告',
  frigate_snapshot_too_large: '{topic} 上的 Frigate 快照被拒绝：超过 {limit} 字节',
  frigate_not_a_picture: `{topic} 上的 Frigate 快照被拒绝：${PICTURE_ZH}`,
  frigate_known_face: 'Frigate 在 {camera} 上认出了熟人，这次发现已删除',
  frigate_false_positive: 'Frigate 判断 {camera} 上的发现是误报，已删除',
  frigate_no_snapshot:
    'Frigate 说 {camera} 上的事件 {event} 有照片，但 {seconds} 内没有收到：请在 Frigate 中为这台摄像头打开 MQTT 快照',
};

const kindEn: Record<ActivityKind, string> = {
  device_pending: 'Asks to join',
  device_joined: 'Approved',
  device_rejected: 'Rejected',
  device_updated: 'Device changed',
  device_left: 'Removed',
  device_withdrawn: 'Withdrawn',
  permit_join: 'Joining',
  warning: 'Warning',
  action_error: 'Action problem',
  mqtt_refused: 'Connection refused',
  secret_withheld: 'Secret held back',
  bad_state_report: 'Unclear report',
  stranger_refused: 'Picture refused',
  discovery_refused: 'Announcement refused',
  frigate_refused: 'Frigate message refused',
  frigate_not_a_stranger: 'Not a stranger',
  frigate_no_snapshot: 'Frigate picture missing',
};

const kindZh: Record<ActivityKind, string> = {
  device_pending: '请求加入',
  device_joined: '已批准',
  device_rejected: '已拒绝',
  device_updated: '设备有变化',
  device_left: '已移除',
  device_withdrawn: '被桥接撤回',
  permit_join: '允许加入',
  warning: '警告',
  action_error: '动作出错',
  mqtt_refused: '连接被拒绝',
  secret_withheld: '未发送密钥',
  bad_state_report: '无法识别的报告',
  stranger_refused: '照片被拒绝',
  discovery_refused: '设备声明被拒绝',
  frigate_refused: 'Frigate 消息被拒绝',
  frigate_not_a_stranger: '不是陌生人',
  frigate_no_snapshot: '缺少 Frigate 照片',
};

export const hubActivityStrings = codeStrings('activityText', en, zhCN);
export const hubActivityKindStrings = codeStrings('activityKind', kindEn, kindZh);
