// The hub's HTTP error codes in the family's words, each saying what to do next ("httpError.<code>";
// the codes: src-main/shared/messages/http-errors.ts). Parameters an error may carry are all
// optional, so each sentence reads well without them (`null` cases). What input was refused
// (`detail`) is quoted as the hub or its validator said it: it names the field to fix.
import type { ErrorCode } from '../../../src-main/shared/messages/http-errors.js';
import { codeStrings } from '../define-strings.js';

const en: Record<ErrorCode, string> = {
  bad_request: '{detail, select, null {The hub did not accept that request.} other {{detail}}}',
  invalid_json: 'The hub could not read that request.',
  invalid_command: 'A lock only takes “lock” or “unlock” here.',
  invalid_input:
    '{detail, select, null {Some of what was entered is not accepted. Check it and try again.} other {{detail}}}',
  unauthorized: 'The hub no longer accepts this token. Sign out and sign in again.',
  forbidden: 'This needs an admin token. Sign in with the admin token to do it.',
  forbidden_origin:
    'The hub does not take requests from this web page. The owner can allow it in Settings.',
  invalid_pairing_code:
    'That pairing code is not valid (used, expired or mistyped). Make a new one on the PC.',
  not_found: 'That is not there any more. Reload the page.',
  unknown_action: 'There is no such action any more. Reload the page.',
  unknown_device:
    '{id, select, null {That device is not known to the hub} other {The hub does not know a device “{id}”}}. Reload the page.',
  unknown_token: 'That token does not exist any more.',
  admin_token_stays:
    'The admin token cannot sign itself out. To replace it, run reset-admin-token on the hub’s computer.',
  too_many_sessions:
    'Too many browsers are signed in. Sign some out under Settings → Tokens, then try again.',
  unknown_lockout: 'That lockout is over already.',
  unknown_stranger: 'That picture does not exist any more.',
  not_a_picture: 'That is not a whole JPEG, PNG or WebP picture.',
  bad_link: 'The picture link is not valid or has expired. Reload the page.',
  busy: 'The hub is busy saving pictures. Try again in a moment.',
  disk_full: 'The disk is full, so the picture was not saved.',
  state_not_saved:
    'The hub could not save, so nothing was changed. Free some disk space or make its data folder writable, then try again.',
  unknown_integration: 'That connected system’s account does not exist any more.',
  method_not_allowed: 'The hub does not do that here.',
  misdirected_request:
    'The hub does not answer to this address. Use its own address, or allow this name in Settings.',
  payload_too_large:
    'That is too large for the hub{limit, select, null {} other { (at most {limit} bytes)}}.',
  unsupported_media_type: 'The hub could not read that request.',
  action_failed: 'The action failed.',
  not_a_lock: '{name, select, null {That device} other {{name}}} is not a lock.',
  offline: '{name, select, null {The lock} other {{name}}} is offline, so nothing was sent.',
  jammed: '{name, select, null {The lock} other {{name}}} is jammed. Check the door.',
  superseded: 'A newer command for this lock replaced this one.',
  no_confirmation:
    '{name, select, null {The lock} other {{name}}} did not confirm in time. Check the door.',
  not_supported: '{name, select, null {This lock} other {{name}}} cannot do that.',
  broker_unavailable:
    'The hub cannot reach its message server, so nothing was sent. It keeps trying by itself.',
  panel_not_built: 'The control panel has not been built yet.',
  too_many_attempts:
    'Too many attempts. Wait {seconds, select, null {a little} other {{seconds}}}, then try again.',
  internal: 'Something went wrong in the hub; it has been written to its log. Try again.',
};

const zhCN: Record<ErrorCode, string> = {
  bad_request:
    '{detail, select, null {中枢没有接受这个请求。} other {中枢没有接受这个请求：{detail}}}',
  invalid_json: '中枢无法读取这个请求。',
  invalid_command: '门锁在这里只接受“lock”或“unlock”。',
  invalid_input:
    '{detail, select, null {输入的内容有不被接受的地方。请检查后重试。} other {输入的内容不被接受：{detail}}}',
  unauthorized: '中枢不再接受这个令牌。请退出后重新登录。',
  forbidden: '这需要管理员令牌。请用管理员令牌登录后再操作。',
  forbidden_origin: '中枢不接受来自这个网页的请求。主人可以在“设置”中允许它。',
  invalid_pairing_code: '这个配对码无效（已用过、已过期或输错了）。请在电脑上重新生成一个。',
  not_found: '那里已经没有了。请刷新页面。',
  unknown_action: '这个动作已经不存在了。请刷新页面。',
  unknown_device:
    '{id, select, null {中枢不认识这台设备} other {中枢不认识设备“{id}”}}。请刷新页面。',
  unknown_token: '这个令牌已经不存在了。',
  admin_token_stays:
    '管理员令牌不能自己退出登录。要更换它，请在中枢所在的电脑上运行 reset-admin-token。',
  too_many_sessions: '已登录的浏览器太多了。请先在“设置 → 令牌”中让一些浏览器退出登录，然后再试。',
  unknown_lockout: '这个锁定已经解除了。',
  unknown_stranger: '这张照片已经不存在了。',
  not_a_picture: '这不是完整的 JPEG、PNG 或 WebP 图片。',
  bad_link: '照片链接无效或已过期。请刷新页面。',
  busy: '中枢正忙着保存照片。请稍后再试。',
  disk_full: '磁盘已满，照片没有保存。',
  state_not_saved:
    '中枢无法保存，所以什么都没有改。请释放一些磁盘空间，或让它的数据文件夹可写，然后重试。',
  unknown_integration: '这个已连接系统的账户已经不存在了。',
  method_not_allowed: '中枢不支持在这里这样做。',
  misdirected_request: '中枢不响应这个地址。请用它自己的地址，或在“设置”中允许这个名称。',
  payload_too_large:
    '内容太大，中枢无法接受{limit, select, null {} other {（最多 {limit} 字节）}}。',
  unsupported_media_type: '中枢无法读取这个请求。',
  action_failed: '动作运行失败。',
  not_a_lock: '{name, select, null {这台设备} other {{name} }}不是门锁。',
  offline: '{name, select, null {门锁} other {{name} }}离线，指令没有发送。',
  jammed: '{name, select, null {门锁} other {{name} }}卡住了。请检查门。',
  superseded: '这把锁收到了更新的指令，取代了这一条。',
  no_confirmation: '{name, select, null {门锁} other {{name} }}没有及时确认。请检查门。',
  not_supported: '{name, select, null {这把锁} other {{name} }}不支持这个操作。',
  broker_unavailable: '中枢连接不上消息服务器，指令没有发送。它会自动重试。',
  panel_not_built: '控制面板还没有构建。',
  too_many_attempts: '尝试次数太多。请等{seconds, select, null {一会儿} other { {seconds} }}再试。',
  internal: '中枢内部出错了，已写入它的日志。请重试。',
};

export const hubHttpErrorStrings = codeStrings('httpError', en, zhCN);
