// Strings shared by every area: the frame, buttons, states. Keys start with "common.";
// see ../define-strings.ts.
import { defineStrings } from '../define-strings.js';

export const commonStrings = defineStrings(
  {
    'common.loading': 'Loading…',
    'common.retry': 'Try again',
    'common.cancel': 'Cancel',
    'common.signOut': 'Sign out',
  },
  {
    'common.loading': '加载中…',
    'common.retry': '重试',
    'common.cancel': '取消',
    'common.signOut': '退出登录',
  },
);
