// The hub's warnings in the family's words, one per code (src-main/shared/messages/warnings.ts
// lists them and their parameters). Keys are "warning.<code>"; see ../define-strings.ts.
import type { WarningCode } from '../../../src-main/shared/messages/warnings.js';
import { codeStrings } from '../define-strings.js';

const en: Record<WarningCode, string> = {
  state_corrupt:
    'The hub’s saved settings could not be read, {outcome, select, backup_loaded {so the last good copy was loaded: check that your latest changes are still there} other {so it started from default settings: devices, tokens and settings must be set up again}}. The unreadable file was kept in the data folder.',
  state_restored:
    'The hub’s saved settings were missing, so the last good copy was loaded. Check that your latest changes are still there.',
  state_backup_corrupt:
    'The spare copy of the hub’s settings was damaged and has been made again; the settings themselves are fine (the damaged copy was kept as {movedTo}).',
  state_not_saved:
    'The hub could not save its settings ({reason}), so the last change was not made. Free some disk space or make the data folder writable: {folder}',
  state_backup_failed:
    'The spare copy of the hub’s settings could not be updated ({reason}); the settings themselves are saved.',
  tls_certificate_replaced:
    'The hub’s security certificate could not be read ({error}), so a new one was made. Devices and phones that trust the old one must be given the new fingerprint.',
  action_code_pending:
    'Code for the action file {file} arrived from the network. It runs only once you confirm it in Actions (SHA-256 {sha256}).',
  strangers_disk_full:
    'The disk is full, so pictures of strangers are not being saved. Free some space, or keep pictures for less time in Settings (folder: {folder}).',
  devices_without_secret:
    'Old devices may connect without a secret, so anyone on your network could pretend to be one of your devices. Turn this off in Settings once those devices are replaced.',
  broker_unavailable:
    '{state, select, displaced {Another hub has taken over the message server {broker}; this hub no longer acts on it.} other {The hub cannot reach its message server {broker}, so locks cannot be operated until it is back. The hub keeps trying by itself.}}{error, select, null {} other { ({error})}}',
  broker_not_in_step:
    '{problem, select, config_not_written {The message server’s account files in {folder} could not be updated ({error}): devices that joined or left since then are not known to it yet.} other {The message server could not be given the secret of {devices}; pair {count, select, 1 {that device} other {those devices}} again.}}',
  low_battery: '{name}’s battery is at {battery}%: replace it soon.',
  unlocked_too_long:
    '{name} has been unlocked for more than {seconds}{relock, select, null {.} other {, and locking it again automatically failed: {relock}.}}',
  hub_was_away:
    'The hub was not running for {seconds} ({from}–{to}): the computer slept or the hub was frozen, so nobody answered the door meanwhile. Each lock shows what it last reported.',
};

const zhCN: Record<WarningCode, string> = {
  state_corrupt:
    '中枢保存的设置无法读取，{outcome, select, backup_loaded {已改用最近一份完好的副本：请检查最近的更改是否还在} other {中枢已用默认设置启动：需要重新设置设备、令牌和各项设置}}。无法读取的文件保留在数据文件夹中。',
  state_restored: '中枢保存的设置文件不见了，已改用最近一份完好的副本。请检查最近的更改是否还在。',
  state_backup_corrupt:
    '中枢设置的备用副本已损坏，已重新生成；设置本身没有问题（损坏的副本保存为 {movedTo}）。',
  state_not_saved:
    '中枢无法保存设置（{reason}），刚才的更改没有生效。请释放一些磁盘空间，或让数据文件夹可写：{folder}',
  state_backup_failed: '中枢设置的备用副本无法更新（{reason}）；设置本身已保存。',
  tls_certificate_replaced:
    '无法读取中枢的安全证书（{error}），已生成新证书。信任旧证书的设备和手机需要改用新的指纹。',
  action_code_pending:
    '动作文件 {file} 的代码是从网络发来的，要在“动作”中确认后才会运行（SHA-256 {sha256}）。',
  strangers_disk_full:
    '磁盘已满，陌生人照片没有保存。请释放一些空间，或在“设置”中缩短照片的保留时间（文件夹：{folder}）。',
  devices_without_secret:
    '旧设备可以不用密钥连接，因此你网络中的任何人都可能冒充你的设备。等这些设备换掉后，请在“设置”中关闭此选项。',
  broker_unavailable:
    '{state, select, displaced {另一个中枢接管了消息服务器 {broker}，本中枢已不再使用它。} other {中枢连接不上消息服务器 {broker}，恢复之前无法操作门锁。中枢会自动重试。}}{error, select, null {} other {（{error}）}}',
  broker_not_in_step:
    '{problem, select, config_not_written {无法更新消息服务器在 {folder} 中的账户文件（{error}）：之后加入或移除的设备它还不知道。} other {无法把 {devices} 的密钥交给消息服务器；请重新配对。}}',
  low_battery: '{name} 的电量只剩 {battery}%，请尽快更换电池。',
  unlocked_too_long:
    '{name} 已经开锁超过 {seconds}{relock, select, null {。} other {，自动重新上锁失败：{relock}。}}',
  hub_was_away:
    '中枢有 {seconds} 没有运行（{from}–{to}）：电脑睡眠了或中枢被冻结了，这段时间没有人应门。每把门锁显示的是它最后报告的状态。',
};

export const hubWarningStrings = codeStrings('warning', en, zhCN);
