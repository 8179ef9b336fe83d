// Why an action did not run or an action file did not load, in the family's words: one per
// problem ("actionError.<problem>"; src-main/shared/messages/action-errors.ts lists them). An
// engine's or an action's own words ({error}) are quoted as they are.
import type { ActionProblem } from '../../../src-main/shared/messages/action-errors.js';
import { codeStrings } from '../define-strings.js';

const en: Record<ActionProblem, string> = {
  unknown_action: 'There is no action “{action}”',
  not_allowed: 'Not allowed to run “{action}”',
  wrong_inbox: 'A message on {topic} was refused: that is another device’s inbox',
  message_too_long: 'A message of {bytes} bytes was refused: the most is {limit}',
  message_not_text: 'A message was refused: it is not text',
  message_empty: 'An empty message was ignored',
  action_failed: '“{action}” failed: {error}',
  hand_shake_not_a_device: 'Only a device may ask to join, and only for itself',
  hand_shake_without_id: 'A request to join named no device',
  hand_shake_other_id: 'A device connected as {clientId} asked to join as {named}: refused',
  hand_shake_reserved_id: 'A device may not be called “token”: it must choose another id',
  hand_shake_too_often: 'Too many requests to join from {address}: it must wait a minute',
  hand_shake_bad_name: 'A device asked to join with an empty name or one over 64 characters',
  stray_error: 'An action file failed outside of any action: {error}',
  file_invalid: '{file} could not be loaded: {error}',
  file_unreadable: '{file} could not be read',
  file_outside: '{file} points outside the actions folder, so it was refused',
  file_not_a_file: '{file} is not a file',
  file_too_large: '{file} is {bytes} bytes; an action file may be at most {limit}',
  file_bad_name:
    '“{file}” is not an action file name: use letters, digits and . _ -, and end it with .mjs or .js',
  file_vanished: '{file} was saved, but it is no longer in the actions folder',
  file_has_path: '“{file}” names a folder too; give the file’s name alone',
  export_not_a_function: '{file}: “{export}” is not a function, so it is left out',
  export_devices_not_a_list:
    '{file}: “devices” must list action names, so no device may run these actions',
  export_without_name: '{file}: the default export needs a name',
  export_bad_name: '{file}: “{name}” is not an action name (use a-z, 0-9, _ and -)',
  export_too_many_parameters:
    '{file}: “{export}” takes {count} parameters; an action takes at most 2',
  export_name_built_in: '{file}: “{name}” is a built-in action already, and the built-in wins',
  export_name_taken: '{file}: “{name}” is already an action of {owner}',
  export_twice: '{file}: “{name}” is exported twice',
  export_device_names_unknown:
    '{file}: “devices” names “{name}”, which is not an action of this file',
};

const zhCN: Record<ActionProblem, string> = {
  unknown_action: '没有名为“{action}”的动作',
  not_allowed: '无权运行“{action}”',
  wrong_inbox: '{topic} 上的消息被拒绝：那是另一台设备的收件箱',
  message_too_long: '{bytes} 字节的消息被拒绝：上限为 {limit}',
  message_not_text: '消息被拒绝：它不是文本',
  message_empty: '空消息被忽略',
  action_failed: '“{action}”运行失败：{error}',
  hand_shake_not_a_device: '只有设备本身才能请求加入',
  hand_shake_without_id: '加入请求没有写明是哪台设备',
  hand_shake_other_id: '以 {clientId} 连接的设备请求以 {named} 的身份加入：已拒绝',
  hand_shake_reserved_id: '设备 id 不能是“token”：需要换一个',
  hand_shake_too_often: '来自 {address} 的加入请求太多：需要等一分钟',
  hand_shake_bad_name: '请求加入的设备名称为空，或超过 64 个字符',
  stray_error: '动作文件在动作之外出错：{error}',
  file_invalid: '{file} 无法加载：{error}',
  file_unreadable: '无法读取 {file}',
  file_outside: '{file} 指向动作文件夹之外，已拒绝',
  file_not_a_file: '{file} 不是文件',
  file_too_large: '{file} 有 {bytes} 字节；动作文件最多 {limit} 字节',
  file_bad_name: '“{file}”不是有效的动作文件名：只能用字母、数字和 . _ -，并以 .mjs 或 .js 结尾',
  file_vanished: '{file} 已保存，但动作文件夹里已经找不到它',
  file_has_path: '“{file}”带有文件夹路径；请只写文件名',
  export_not_a_function: '{file}：“{export}”不是函数，已略过',
  export_devices_not_a_list: '{file}：“devices”必须列出动作名称，因此任何设备都不能运行这些动作',
  export_without_name: '{file}：默认导出需要一个名字',
  export_bad_name: '{file}：“{name}”不是有效的动作名（只能用 a-z、0-9、_ 和 -）',
  export_too_many_parameters: '{file}：“{export}”有 {count} 个参数；动作最多 2 个',
  export_name_built_in: '{file}：“{name}”已是内置动作，以内置动作为准',
  export_name_taken: '{file}：“{name}”已是 {owner} 中的动作',
  export_twice: '{file}：“{name}”被导出了两次',
  export_device_names_unknown: '{file}：“devices”中的“{name}”不是这个文件里的动作',
};

export const hubActionErrorStrings = codeStrings('actionError', en, zhCN);
