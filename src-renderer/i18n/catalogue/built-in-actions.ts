// What each built-in action does, in the family's words ("builtInAction.<name>"; the names:
// src-main/shared/messages/built-in-actions.ts). Command words are in `backticks`, shown as code.
import type { BuiltInActionName } from '../../../src-main/shared/messages/built-in-actions.js';
import { codeStrings } from '../define-strings.js';

const en: Record<BuiltInActionName, string> = {
  ping: 'Answers `pong`: a quick check that the hub is listening.',
  lock: 'Locks one lock (`lock <id>`) or all of them (`lock` or `lock all`).',
  unlock: 'Unlocks one lock (`unlock <id>`) or all of them (`unlock` or `unlock all`).',
  hand_shake:
    'How a new device asks to join (`hand_shake <id> [kind] [name…]`); only that device may send it.',
  find_stranger:
    'Answers with links to the newest pictures of strangers, one per line (`find_stranger [camera] [n]`).',
  save_state:
    'Saves the hub’s settings and devices to a file in its data folder (`save_state [name]`).',
  load_state:
    'Restores the hub’s settings and devices from such a file, after checking it; the replaced ones are kept.',
  save_action_file:
    'Receives an action file over the network; it runs only once the owner confirms it in Actions.',
  load_action_file: 'Loads an action file from the actions folder again and lists its actions.',
};

const zhCN: Record<BuiltInActionName, string> = {
  ping: '回复 `pong`：快速检查中枢是否在工作。',
  lock: '给一把门锁上锁（`lock <id>`），或给所有门锁上锁（`lock` 或 `lock all`）。',
  unlock: '给一把门锁开锁（`unlock <id>`），或给所有门锁开锁（`unlock` 或 `unlock all`）。',
  hand_shake: '新设备请求加入的方式（`hand_shake <id> [kind] [name…]`）；只有该设备本身可以发送。',
  find_stranger: '回复最新陌生人照片的链接，每行一个（`find_stranger [camera] [n]`）。',
  save_state: '把中枢的设置和设备保存到数据文件夹里的一个文件（`save_state [name]`）。',
  load_state: '检查后从这样的文件恢复中枢的设置和设备；被替换的内容会保留。',
  save_action_file: '通过网络接收一个动作文件；主人在“动作”中确认后它才会运行。',
  load_action_file: '从动作文件夹重新加载一个动作文件，并列出它的动作。',
};

export const builtInActionStrings = codeStrings('builtInAction', en, zhCN);
