// Browser sign-ins as Settings → Tokens shows them: what kind each token is, and which one is
// this browser.
import { defineStrings } from '../define-strings.js';

export const sessionsStrings = defineStrings(
  {
    'sessions.browserOn': '{browser} on {system}',
    'sessions.aBrowserOn': 'A browser on {system}',
    'sessions.aBrowser': 'A browser',
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
