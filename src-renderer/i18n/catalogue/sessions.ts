// Browser sign-ins as Settings → Tokens shows them: what kind each token is, and which one is
// this browser.
import { defineStrings } from '../define-strings.js';

export const sessionsStrings = defineStrings(
  {
    'sessions.browserOn': '{browser} on {system}',
    'sessions.aBrowserOn': 'A browser on {system}',
    'sessions.aBrowser': 'A browser',
    'sessions.away.title': 'Can’t reach Hearth at home',
    'sessions.away.text':
      'This device cannot reach the hub. Check that it is on your home Wi-Fi and that the PC with Hearth is on. Hearth keeps trying by itself.',
    'sessions.away.retry': 'Try again',
    'sessions.away.forget': 'Sign out on this device',
    'sessions.install.title': 'Keep Hearth on your home screen',
    'sessions.install.plain':
      'In the browser’s menu choose “Add to Home screen” (on an iPhone: Share, then “Add to Home Screen”). Hearth then opens with one tap, signed in.',
    'sessions.install.secure':
      'In the browser’s menu choose “Install app” or “Add to Home screen” (on an iPhone: Share, then “Add to Home Screen”). Hearth then opens like an app, even when the hub is away.',
    'sessions.install.dismiss': 'Got it',
    'sessions.rename': 'Rename',
    'sessions.renameLabel': 'Rename {name}',
    'sessions.kind': 'Kind',
    'sessions.kindAdmin': 'The admin token',
    'sessions.kindPaired': 'Phone or script',
    'sessions.kindSession': 'Browser, this visit',
    'sessions.kindRemembered': 'Browser, remembered',
    'sessions.thisBrowser': 'This browser',
    'sessions.signOutThis': 'Sign out',
    'sessions.signOutQuestion': 'Sign this browser out? You will need a token to sign in again.',
  },
  {
    'sessions.browserOn': '{system} 上的 {browser}',
    'sessions.aBrowserOn': '{system} 上的浏览器',
    'sessions.aBrowser': '浏览器',
    'sessions.away.title': '无法连接到家里的 Hearth',
    'sessions.away.text':
      '这台设备连不上中枢。请确认它连着家里的 Wi-Fi，并且运行 Hearth 的电脑已开机。Hearth 会自动重试。',
    'sessions.away.retry': '重试',
    'sessions.away.forget': '在这台设备上退出登录',
    'sessions.install.title': '把 Hearth 放到主屏幕上',
    'sessions.install.plain':
      '在浏览器菜单中选择“添加到主屏幕”（iPhone：点“分享”，再点“添加到主屏幕”）。之后点一下就能打开 Hearth，并保持登录。',
    'sessions.install.secure':
      '在浏览器菜单中选择“安装应用”或“添加到主屏幕”（iPhone：点“分享”，再点“添加到主屏幕”）。之后 Hearth 会像应用一样打开，即使中枢不在线也能打开。',
    'sessions.install.dismiss': '知道了',
    'sessions.rename': '重命名',
    'sessions.renameLabel': '重命名 {name}',
    'sessions.kind': '类型',
    'sessions.kindAdmin': '管理员令牌',
    'sessions.kindPaired': '手机或脚本',
    'sessions.kindSession': '浏览器，本次访问',
    'sessions.kindRemembered': '浏览器，已记住',
    'sessions.thisBrowser': '这个浏览器',
    'sessions.signOutThis': '退出登录',
    'sessions.signOutQuestion': '让这个浏览器退出登录？之后需要令牌才能重新登录。',
  },
);
