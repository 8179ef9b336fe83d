// Browser notifications: the Settings card that turns them on, and what they say.
import { defineStrings } from '../define-strings.js';

export const alertsStrings = defineStrings(
  {
    'alerts.title': 'Alerts on this device',
    'alerts.off':
      'Get a notification for a stranger at a camera or a jammed lock while Hearth is open in this browser but you are looking at something else.',
    'alerts.turnOn': 'Turn on alerts',
    'alerts.on':
      'On: this browser shows a notification for a stranger or a jammed lock while Hearth is open in the background.',
    'alerts.blocked':
      'This browser blocks notifications from Hearth. Allow them in the browser’s site settings, then reload.',
    'alerts.needsHttps':
      'Browsers show notifications only for pages reached over HTTPS (or on the hub’s own computer). Start the hub with --https-port and trust its certificate on this device to get alerts here (README, “Phones”).',
    'alerts.stranger.title': 'Someone at the door',
    'alerts.stranger.body': '{camera} saw someone it does not know.',
    'alerts.jammed.title': '{lock} is jammed',
    'alerts.jammed.body': 'Check the door, then lock it again.',
  },
  {
    'alerts.title': '这台设备上的提醒',
    'alerts.off':
      'Hearth 在这个浏览器中打开、但你在看别的内容时，摄像头看到陌生人或门锁卡住会弹出通知。',
    'alerts.turnOn': '开启提醒',
    'alerts.on': '已开启：Hearth 在后台打开时，这个浏览器会为陌生人或卡住的门锁弹出通知。',
    'alerts.blocked':
      '这个浏览器阻止了 Hearth 的通知。请在浏览器的网站设置中允许通知，然后重新加载。',
    'alerts.needsHttps':
      '浏览器只为通过 HTTPS 打开的页面（或在中枢所在的电脑上）显示通知。用 --https-port 启动中枢，并在这台设备上信任它的证书，即可在这里收到提醒（见 README“手机”一节）。',
    'alerts.stranger.title': '门口有人',
    'alerts.stranger.body': '{camera}看到了一个不认识的人。',
    'alerts.jammed.title': '{lock}卡住了',
    'alerts.jammed.body': '请检查门，然后再锁一次。',
  },
);
